/** Meetings and minutes: what the other registers and the export may use. */
export { seedDemoMeetings } from './demo';
export { minutesExportKind } from './documents';
export { meetingsHandlers } from './handlers';
export { meetingsUndoGuards } from './shared';
// Issue 23: what the annual report reads of the meetings.
export { assignmentsGiven, meetingsHeld, meetingsHeldCount, type ReportedAssignments, type ReportedMeeting } from './reported';
// Issue 23: the home screen's overdue assignments, by the register's own list.
export { listAssignments } from './assignments';
// Issue 24: what a news item of a held meeting tells.
export { meetingForNews, meetingsNamedForNews } from './news';
// Issue 18: the groups, meetings and assignments as the registry's merge names them.
export { meetingsRecordTitles } from './recordTitles';
