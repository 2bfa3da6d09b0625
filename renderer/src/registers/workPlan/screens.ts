/** The register's screens, loaded on first use as one chunk (lazyScreens in index.tsx); the print view,
 * a page of its own, comes apart. */
export { PlanScreen } from './PlanScreen';
export { SummaryScreen } from './SummaryScreen';
