/** The register's screens, loaded on first use as one chunk (lazyScreens in index.tsx); the print view,
 * a page of its own, comes apart. */
export { AssignmentsScreen } from './AssignmentsScreen';
export { GroupsScreen } from './GroupsScreen';
export { MeetingEditor } from './MeetingEditor';
export { MeetingsScreen } from './MeetingsScreen';
