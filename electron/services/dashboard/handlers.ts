import type { dashboardCalls } from '@shared/contract/dashboard';
import type { Handlers } from '@main/api/dispatch';
import { dashboardCharts, dashboardSummary } from './summary';

export const dashboardHandlers: Handlers<typeof dashboardCalls> = {
  'dashboard.summary': ({ db }, input) => dashboardSummary(db, input),
  'dashboard.charts': ({ db }, input) => dashboardCharts(db, input),
};
