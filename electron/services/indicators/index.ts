/** Monitoring indicators: what the export, the demo and (next) the annual report use. */
export { INDICATORS_TABLE_NAME, indicatorsDataTable } from './dataTable';
export { seedDemoIndicators } from './demo';
export { indicatorsExportKind } from './documents';
export { indicatorsHandlers } from './handlers';
export { listIndicators } from './catalogue';
export { yearFigure, yearFigures, type StoredFigure } from './yearly';
