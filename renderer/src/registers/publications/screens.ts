/** The register's screens, loaded on first use as one chunk (lazyScreens in index.tsx). */
export { CatalogueScreen } from './CatalogueScreen';
export { PublicationScreen } from './PublicationScreen';
export { StatementsScreen } from './StatementsScreen';
export { ActsScreen } from './ActsScreen';
