/** The report's screen, loaded on first use as one chunk. */
export { ReportScreen } from './ReportScreen';
