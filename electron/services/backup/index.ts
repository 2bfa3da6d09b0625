/** Local backups: the daily copy at start-up, copies on demand, restore. */
export { startupBackup } from './backups';
export { backupHandlers } from './handlers';
