/** The register's screens, loaded on first use as one chunk (lazyScreens in index.tsx). */
export { BackupsScreen } from './BackupsScreen';
export { ExportScreen } from './ExportScreen';
