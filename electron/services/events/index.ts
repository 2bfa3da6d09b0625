/** Events and attendance: what the other registers and the export may use. */
export { seedDemoEvents } from './demo';
export { eventsExportKind } from './documents';
export { eventsHandlers } from './handlers';
// Issue 21: what the publications' hand-out at an event reads of it.
export { eventForHandout, eventLabels, type EventForHandout } from './handout';
export { specialistsTrained, specialistsTrainedByQuarter, type PlacedCount, type PlacedQuarterCount } from './trained';
export { eventCompletion, type EventCompletion } from './completers';
// Issue 17: a participant list imported from a file.
export { addImportedParticipants, participantListState } from './participants';
// Issue 23: the events a report of the period lists.
export { eventsHeld, type ReportedEvent } from './reported';
// Issue 23: what the home screen shows of the events.
export { heldEventCounts, upcomingEvents, type UpcomingEvent } from './upcoming';
// Issue 24: what a news item of a held event tells.
export { eventForNews, eventsNamedForNews } from './news';
// Issue 18: an event as the registry's merge names it.
export { eventsRecordTitles } from './recordTitles';
