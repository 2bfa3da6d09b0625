import type { Contract } from '../contract';
import { appHandlers } from '../services/app/handlers';
import { registryHandlers } from '../services/registry/handlers';
import { workPlanHandlers } from '../services/workPlan/handlers';
import { exchangeHandlers } from '../services/exchange/handlers';
import { meetingsHandlers } from '../services/meetings/handlers';
import { mergeHandlers, type Handlers } from './dispatch';

/** Every call's implementation, one group per register, checked against the contract's names and types. */
export const handlers: Handlers<Contract> = mergeHandlers(appHandlers, registryHandlers, workPlanHandlers, exchangeHandlers, meetingsHandlers);
