/** The news item's screen, loaded on first use as one chunk. */
export { NewsScreen } from './NewsScreen';
