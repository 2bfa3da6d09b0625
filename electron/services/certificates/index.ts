/** Certificates of participation: what the API and the export use. */
export { certificatesHandlers } from './handlers';
export { certificatesExportKind } from './documents';
export { seedDemoCertificates } from './demo';
