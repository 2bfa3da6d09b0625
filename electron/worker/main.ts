import { serveTasks } from '@main/api/jobs/thread';
import { backupWorkerTasks } from '@main/services/backup';
import { exchangeWorkerTasks } from '@main/services/exchange';
import { importsWorkerTasks } from '@main/services/imports';
import { reportsWorkerTasks } from '@main/services/reports';

/**
 * The worker thread's entry point (bundled as dist/electron/worker.cjs beside main.cjs): the
 * tasks long jobs run off the main thread, each on the worker's own database connection.
 */
serveTasks({ ...exchangeWorkerTasks, ...backupWorkerTasks, ...importsWorkerTasks, ...reportsWorkerTasks });
