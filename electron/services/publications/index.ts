/** Publications and their stock ledger: what the other registers, the export and the demo may use. */
export { publicationsHandlers } from './handlers';
export { publicationsExportKind, writeOffActsExportKind } from './documents';
export { writeOffActsHandlers } from './writeOffActsHandlers';
export { seedDemoPublications } from './demo';
export { printRunReceivedSql } from './ledger';
// The ledger's «распространено экземпляров»: the indicators' computed figure «publications.distributed».
export { copiesDistributed, copiesDistributedByQuarter, publicationsIssued, type IssuedPublication } from './statements';
// Issue 23: the home screen's publications under their minimum, by the catalogue's own list.
export { listPublications } from './records';
// Issue 18: an act of write-off as the registry's merge names it.
export { writeOffActsRecordTitles } from './recordTitles';
