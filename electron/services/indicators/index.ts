/** Monitoring indicators: what the export, the demo and (next) the annual report use. */
export { INDICATORS_TABLE_NAME, indicatorsDataTable } from './dataTable';
export { seedDemoIndicators } from './demo';
export { indicatorsExportKind } from './documents';
export { indicatorsHandlers } from './handlers';
export { listIndicators } from './catalogue';
export { yearFigure, yearFigures, type StoredFigure } from './yearly';
// Issue 23: the monitoring figures of a year or a quarter, as the annual report states them.
export { reportedIndicators, type ReportedIndicator, type ReportedPlace } from './reported';
export { yearsChart } from './yearOverYear';
