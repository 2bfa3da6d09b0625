/** The register's screens, loaded on first use as one chunk (lazyScreens in index.tsx); the print view comes apart. */
export { EventCard } from './EventCard';
export { EventsScreen } from './EventsScreen';
export { PersonHistoryScreen } from './PersonHistoryScreen';
export { StatisticsScreen } from './StatisticsScreen';
