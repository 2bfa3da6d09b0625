import type { AppDb } from '@db/open';
import type { CallError } from '@shared/contract/define';

/**
 * What a worker thread and the main thread say to each other. The worker does the heavy,
 * synchronous database and document work on its own connection; whatever it must write goes
 * back to the main thread as a named writer run in a short transaction there, or — for work
 * that must be written all at once — in one bounded transaction of its own while the main
 * thread keeps every changing call from waiting on the lock (electron/api/writeGate.ts).
 */

/** What a task sees of its environment in the worker thread. */
export interface TaskContext {
  /** The worker's own connection; read-only unless the task declares `access: 'write'`. */
  db: AppDb;
  signal: AbortSignal;
  /** Throws the cancellation if the job was asked to stop: call it between steps. */
  checkCancelled(): void;
  progress(step: string, done?: number, total?: number): void;
  /** Runs a writer registered on the main thread, in a short transaction there. */
  write<T = unknown>(writer: string, payload: unknown): Promise<T>;
  /**
   * Runs `work` in one write transaction on the worker's own connection, the gate closed for
   * its duration (`description`, e.g. «импорт», goes into «Идёт импорт, повторите через
   * минуту»). The work must be bounded (an import: about a second for 10,000 rows).
   */
  writeAllAtOnce<T>(description: string, work: (db: AppDb) => T): Promise<T>;
}

export interface WorkerTask<I = never, O = unknown> {
  access: 'read' | 'write';
  run(input: I, ctx: TaskContext): Promise<O> | O;
}

export type WorkerTasks = Record<string, WorkerTask<never, unknown>>;

/** What the main thread hands a worker for one task: a new thread in its workerData, a kept one in a `start` message. */
export interface WorkerStart {
  task: string;
  input: unknown;
  dbFile: string;
  nativeBinding?: string;
  /**
   * One Int32 the main thread sets to 1 when the job is cancelled: work that runs synchronously
   * (an import's write inside its transaction) cannot receive the `cancel` message meanwhile, but
   * reads this between its batches and stops there, the transaction rolled back.
   */
  cancelled: SharedArrayBuffer;
}

/** A failure crossing the thread boundary: a refusal keeps its Russian message and code. */
export interface WorkerFailure {
  /** A file error, already in Russian (db/fileErrors.ts): it stays a refusal on the main thread. */
  file?: boolean;
  message: string;
  /** Set for a refusal the user must read (a DomainError); absent for a bug. */
  code?: CallError['code'];
  cancelled?: boolean;
}

export type FromWorker =
  | { type: 'progress'; step: string; done?: number; total?: number }
  | { type: 'write'; id: number; writer: string; payload: unknown }
  | { type: 'hold'; id: number; description: string }
  | { type: 'release' }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; failure: WorkerFailure };

export type ToWorker =
  | { type: 'start'; start: WorkerStart }
  | { type: 'cancel' }
  | { type: 'written'; id: number; result?: unknown; failure?: WorkerFailure }
  | { type: 'held'; id: number; failure?: WorkerFailure };
