/** The annual report (and its quarterly variant): what the export and the API use. */
export { reportsHandlers } from './handlers';
export { REPORT_FIGURES_TABLE_NAME, reportFiguresTable, reportsExportKind } from './documents';
export { seedDemoReports } from './demo';
export { reportsWorkerTasks } from './jobs';
