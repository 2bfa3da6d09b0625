/** News items for the center's website (issue 24): what the other registers may use. */
export { newsHandlers } from './handlers';
// The report's informational section counts the year's published news items.
export { newsPublished } from './news';
export { seedDemoNews } from './demo';
// The export to the shared folder carries the year's published news items.
export { newsExportKind } from './documents';
