import { serveTasks } from '@main/api/jobs/thread';
import type { WorkerTasks } from '@main/api/jobs';

/**
 * The worker thread's entry point (bundled as dist/electron/worker.cjs beside main.cjs): the
 * tasks long jobs run off the main thread, each on the worker's own database connection.
 *
 * Each register's tasks are loaded when the first of them is asked for (a task is named
 * «register.task»): the bundle holds them all, but a fresh thread evaluates only its task's modules —
 * a report's job does not evaluate the export's, the backup's or the import's (exceljs among them).
 */
const registers: Record<string, () => Promise<WorkerTasks>> = {
  exchange: async () => (await import('@main/services/exchange')).exchangeWorkerTasks,
  backup: async () => (await import('@main/services/backup')).backupWorkerTasks,
  imports: async () => (await import('@main/services/imports')).importsWorkerTasks,
  reports: async () => (await import('@main/services/reports')).reportsWorkerTasks,
};

serveTasks(async (name) => (await registers[name.slice(0, name.indexOf('.'))]?.())?.[name]);
