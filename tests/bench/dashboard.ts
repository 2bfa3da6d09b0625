import type { App } from '@main/api/app';
import { callTimer, type BenchRow } from './timing';

/**
 * The home screen's calls at the reference scale (10 years of every register), for `npm run
 * bench`: the summary (the year's figures, the overdue assignments, the upcoming events, the
 * low-stock publications) and the two charts drawn as SVG, asked beside it. Three warm-up calls
 * (the first charts load the chart pipeline), then the median; the year the window opens on (none
 * asked) and a chosen year.
 */
export const DASHBOARD_TARGET_MS = 100;

export async function benchDashboard(app: Pick<App, 'dispatch'>, year: number, runs = 15): Promise<BenchRow[]> {
  const time = callTimer(app, runs);
  return [
    await time('dashboard.summary (the year the window opens on)', 'dashboard.summary', {}, DASHBOARD_TARGET_MS),
    await time(`dashboard.summary ${year}`, 'dashboard.summary', { year }, DASHBOARD_TARGET_MS),
    await time(`dashboard.charts ${year}`, 'dashboard.charts', { year }, DASHBOARD_TARGET_MS),
  ];
}
