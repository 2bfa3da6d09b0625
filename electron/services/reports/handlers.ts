import type { reportsCalls } from '@shared/contract/reports';
import type { Handlers } from '@main/api/dispatch';
import { startReportJob } from './jobs';
import { approveReport, createReport, getReport, listReports, saveParagraph, unlockReport } from './reports';

export const reportsHandlers: Handlers<typeof reportsCalls> = {
  'reports.list': ({ db }) => listReports(db),
  'reports.get': ({ db }, input) => getReport(db, input),
  'reports.create': ({ db }, input) => createReport(db, input),
  'reports.saveParagraph': ({ db }, input) => saveParagraph(db, input),
  'reports.approve': ({ db }, input) => approveReport(db, input),
  'reports.unlock': ({ db }, input) => unlockReport(db, input),
  'reports.buildDocx': (ctx, input) => startReportJob(ctx, input),
};
