import type { RegisterUi } from '../../app/register';

export const registryUi: RegisterUi = { section: 'Реестр', nav: [], routes: [] };
