/** Jobs and worker threads: what the registers use to run long work off the main thread. */
export { JobCancelled } from './cancelled';
export { cancelJob, getJob, jobsHandlers, listJobs, startJob, type JobControl, type JobSpec } from './jobs';
export type { TaskContext, WorkerTask, WorkerTasks } from './protocol';
export { runInWorker, stopIdleWorkers, type WorkerOptions, type Writer } from './worker';
