/** Publications and their stock ledger: what the other registers, the export and the demo may use. */
export { publicationsHandlers } from './handlers';
export { publicationsExportKind } from './documents';
export { seedDemoPublications } from './demo';
export { printRunReceivedSql } from './ledger';
