/** Events and attendance: what the other registers and the export may use. */
export { seedDemoEvents } from './demo';
export { eventsExportKind } from './documents';
export { eventsHandlers } from './handlers';
