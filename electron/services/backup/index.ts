/** Local backups: the daily copy at start-up, copies on demand, restore. */
export { backupWorkerTasks, startupBackup } from './backups';
export { backupHandlers } from './handlers';
