import type { RegisterUi } from './register';
import { registryUi } from '../registers/registry';
import { workPlanUi } from '../registers/workPlan';
import { meetingsUi } from '../registers/meetings';

/** The registers in navigation order. */
export const registers: RegisterUi[] = [workPlanUi, meetingsUi, registryUi];
