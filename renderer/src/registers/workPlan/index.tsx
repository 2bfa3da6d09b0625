import type { RegisterUi } from '../../app/register';

export const workPlanUi: RegisterUi = { section: 'План работы', nav: [], routes: [] };
