import type { RegisterUi } from './register';
import { registryUi } from '../registers/registry';
import { workPlanUi } from '../registers/workPlan';

/** The registers in navigation order. */
export const registers: RegisterUi[] = [workPlanUi, registryUi];
