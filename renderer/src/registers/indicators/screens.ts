/** The monitoring screens, loaded on first use as one chunk (with the grid library). */
export { SheetScreen } from './SheetScreen';
export { YearsScreen } from './YearsScreen';
export { CatalogueScreen } from './CatalogueScreen';
