import type { AppDb } from '@db/open';
import { approveReport, createReport } from './reports';

/**
 * The demo's report: the working group's I quarter of 2017, approved after the quarter's meeting
 * — so the export and the coordinator's table have an approved report to carry — while the year's
 * report (seed 003) is left for the user to generate, edit and approve. Through the services.
 */
export function seedDemoReports(db: AppDb): void {
  const quarter = { year: 2017, quarter: 1 };
  createReport(db, quarter);
  approveReport(db, { ...quarter, approvedOn: '2017-04-05' });
}
