/** The news register's screens, loaded on first use as one chunk. */
export { NewsListScreen } from './NewsListScreen';
export { NewsScreen } from './NewsScreen';
