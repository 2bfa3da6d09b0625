/** Publications and their stock ledger: what the other registers, the export and the demo may use. */
export { publicationsHandlers } from './handlers';
export { publicationsExportKind } from './documents';
export { seedDemoPublications } from './demo';
export { printRunReceivedSql } from './ledger';
// Issue 21: the ledger's «распространено экземпляров» for the indicators' computed figures (issue 20 wires it).
export { copiesDistributed } from './statements';
