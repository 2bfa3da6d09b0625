import type { RegisterUi } from './register';
import { registryUi } from '../registers/registry';
import { workPlanUi } from '../registers/workPlan';
import { meetingsUi } from '../registers/meetings';
import { exchangeUi } from '../registers/exchange';

/** The registers in navigation order. */
export const registers: RegisterUi[] = [workPlanUi, meetingsUi, registryUi, exchangeUi];
