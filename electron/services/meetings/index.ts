/** Meetings and minutes: what the other registers and the export may use. */
export { seedDemoMeetings } from './demo';
export { minutesExportKind } from './documents';
export { meetingsHandlers } from './handlers';
export { meetingsUndoGuards } from './shared';
