import { fileErrorMessage, UserFileError } from '@db/fileErrors';
import { parentPort, workerData } from 'node:worker_threads';
import { connect, type AppDb } from '@db/open';
import { DomainError } from '@main/api/errors';
import { JobCancelled } from './cancelled';
import type { FromWorker, TaskContext, ToWorker, WorkerFailure, WorkerStart, WorkerTask, WorkerTasks } from './protocol';

/** A failure as it crosses to the main thread. */
export function toFailure(error: unknown): WorkerFailure {
  if (error instanceof JobCancelled) return { message: error.message, cancelled: true };
  if (error instanceof DomainError) return { message: error.message, code: error.code };
  const file = fileErrorMessage(error);
  if (file) return { message: file, file: true };
  return { message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

export function fromFailure(failure: WorkerFailure): Error {
  if (failure.cancelled) return new JobCancelled(failure.message);
  if (failure.code) return new DomainError(failure.code, failure.message);
  if (failure.file) return new UserFileError(failure.message);
  return new Error(`Worker task failed: ${failure.message}`);
}

/** Finds a task by its name, loading its module on first use (electron/worker/main.ts). */
export type TaskLookup = (name: string) => Promise<WorkerTask<never, unknown> | undefined>;

/**
 * The worker thread's side: runs each task it is given on a connection of its own, opened for
 * the task and closed before answering, and reports back. The first task comes in workerData;
 * a thread kept for the next one (worker.ts) gets it in a `start` message, its modules loaded
 * and its code compiled already. Used by the worker entry point (electron/worker/main.ts), which
 * gives a lookup that loads each task's module when it is first asked for.
 */
export function serveTasks(tasks: WorkerTasks | TaskLookup): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs only in a worker thread');
  const send = (message: FromWorker) => port.postMessage(message);
  let current: {
    controller: AbortController;
    pending: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
  } | null = null;
  let nextId = 1;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'start') void serve(message.start);
    else if (message.type === 'cancel') current?.controller.abort();
    else {
      const waiting = current?.pending.get(message.id);
      current?.pending.delete(message.id);
      if (message.failure) waiting?.reject(fromFailure(message.failure));
      else waiting?.resolve(message.type === 'written' ? message.result : undefined);
    }
  });

  async function serve(start: WorkerStart): Promise<void> {
    const controller = new AbortController();
    const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
    current = { controller, pending };
    const cancelled = new Int32Array(start.cancelled);
    const ask = (message: Extract<FromWorker, { id: number }>) =>
      new Promise<unknown>((resolve, reject) => {
        pending.set(message.id, { resolve, reject });
        send(message);
      });
    let db: AppDb | undefined;
    let answer: FromWorker;
    try {
      const task = typeof tasks === 'function' ? await tasks(start.task) : tasks[start.task];
      if (!task) throw new Error(`Unknown worker task: ${start.task}`);
      const connection = connect(start.dbFile, {
        readonly: task.access === 'read',
        ...(start.nativeBinding ? { nativeBinding: start.nativeBinding } : {}),
      });
      db = connection;
      const ctx: TaskContext = {
        db: connection,
        signal: controller.signal,
        checkCancelled: () => {
          if (controller.signal.aborted || Atomics.load(cancelled, 0) === 1) throw new JobCancelled();
        },
        progress: (step, done, total) =>
          send({ type: 'progress', step, ...(done === undefined ? {} : { done }), ...(total === undefined ? {} : { total }) }),
        write: async <T>(writer: string, payload: unknown) => (await ask({ type: 'write', id: nextId++, writer, payload })) as T,
        writeAllAtOnce: async (description, work) => {
          if (task.access !== 'write') throw new Error(`Task ${start.task} is read-only: it cannot write all at once`);
          await ask({ type: 'hold', id: nextId++, description });
          try {
            return connection.$client.transaction(() => work(connection)).immediate();
          } finally {
            send({ type: 'release' });
          }
        },
      };
      answer = { type: 'done', result: await task.run(start.input as never, ctx) };
    } catch (error) {
      answer = { type: 'failed', failure: toFailure(error) };
    }
    // Closed before answering: once the main thread has the answer, no handle is left open.
    db?.$client.close();
    current = null;
    send(answer);
  }

  void serve(workerData as WorkerStart);
}
