import type { dashboardCalls } from '@shared/contract/dashboard';
import type { Handlers } from '@main/api/dispatch';
import { dashboardSummary } from './summary';

export const dashboardHandlers: Handlers<typeof dashboardCalls> = {
  'dashboard.summary': ({ db }, input) => dashboardSummary(db, input),
};
