/** The application register: first run (empty or demo data) and status. */
export { appHandlers } from './handlers';
