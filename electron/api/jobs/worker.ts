import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppDb } from '@db/open';
import { beginBusy } from '@main/api/busy';
import { holdWrites, whenWritesFree } from '@main/api/writeGate';
import { fromFailure, toFailure } from './thread';
import type { FromWorker, ToWorker, WorkerStart } from './protocol';
import { WORKER_FILE, workerBuildOptions } from './workerBuild';

/**
 * The main thread's side of a worker: starts a thread for one task, forwards its progress,
 * runs its writes in short transactions here, closes the write gate while it writes all at
 * once, and counts as busy while it lives, so a restore never replaces the file under its
 * connection (Windows cannot replace a file with an open handle).
 */

/** Set by esbuild in the shipped bundle (see workerBuild.ts). */
declare const __RC_BUNDLED__: boolean | undefined;

/** A write a worker may ask for, run in a short transaction on the main connection. */
export type Writer = (db: AppDb, payload: never) => unknown;

export interface WorkerOptions {
  /** The main connection (read afresh: a restore replaces it). */
  db: () => AppDb;
  dbFile: string;
  nativeBinding?: string;
  /** Russian, for «Идёт выгрузка: дождитесь её окончания». */
  description: string;
  signal?: AbortSignal;
  onProgress?: (step: string, done?: number, total?: number) => void;
  writers?: Record<string, Writer>;
  /** A worker entry other than the application's (tests): a .ts file bundled in memory, or a bundled .cjs. */
  entry?: string;
}

/** How long a cancelled worker may take to reach its next safe point before it is stopped. */
const CANCEL_GRACE_MS = 10_000;

const sources = new Map<string, Promise<string>>();

const root = () => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The worker's code when running from source: the entry bundled in memory once per process. */
function bundledInMemory(entry: string): Promise<string> {
  let source = sources.get(entry);
  if (!source) {
    source = (async () => {
      const { build } = await import('esbuild');
      const result = await build({ ...workerBuildOptions(root(), entry), write: false, sourcemap: false, logLevel: 'silent' });
      return result.outputFiles[0]!.text;
    })();
    sources.set(entry, source);
    source.catch(() => sources.delete(entry));
  }
  return source;
}

function startWorker(start: WorkerStart, entry: string | undefined): Promise<Worker> | Worker {
  if (entry?.endsWith('.cjs')) return new Worker(entry, { workerData: start });
  if (entry === undefined && typeof __RC_BUNDLED__ !== 'undefined')
    return new Worker(path.join(__dirname, WORKER_FILE), { workerData: start });
  return bundledInMemory(entry ?? path.join(root(), 'electron', 'worker', 'main.ts')).then(
    (code) => new Worker(code, { eval: true, workerData: start }),
  );
}

/**
 * One idle thread kept per worker entry after its task: the next task (an import's run after
 * its preview, the preview again with another mapping) starts in a thread whose modules are
 * loaded and whose code is compiled — a new thread spends about half a second on that, and runs
 * its first task several times slower. A kept thread holds no database connection (each task
 * opens its own and closes it before answering), does not keep the process alive, and ends
 * after a few idle minutes.
 */
const IDLE_MS = 5 * 60_000;
const idle = new Map<string, { worker: Worker; timer: NodeJS.Timeout }>();

function takeIdle(key: string): Worker | undefined {
  const kept = idle.get(key);
  if (!kept) return undefined;
  idle.delete(key);
  clearTimeout(kept.timer);
  kept.worker.ref();
  return kept.worker;
}

/** Keeps `worker` for the next task of its entry; false when one is kept already. */
function keepIdle(key: string, worker: Worker): boolean {
  if (idle.has(key)) return false;
  const timer = setTimeout(() => {
    if (idle.get(key)?.worker === worker) idle.delete(key);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  worker.unref();
  idle.set(key, { worker, timer });
  return true;
}

/** Ends the kept threads (the application closing, a test's teardown). */
export async function stopIdleWorkers(): Promise<void> {
  const kept = [...idle.values()];
  idle.clear();
  await Promise.all(
    kept.map(({ worker, timer }) => {
      clearTimeout(timer);
      return worker.terminate();
    }),
  );
}

async function workerFor(start: WorkerStart, entry: string | undefined): Promise<Worker> {
  const kept = takeIdle(entry ?? '');
  if (kept) {
    kept.postMessage({ type: 'start', start } satisfies ToWorker);
    return kept;
  }
  const worker = await startWorker(start, entry);
  // A thread that fails or ends while idle just leaves the pool; while a task runs, that task's listeners report it.
  worker.on('error', () => undefined);
  worker.once('exit', () => {
    for (const [key, kept] of idle) if (kept.worker === worker) idle.delete(key);
  });
  return worker;
}

let busyCount = 0;

/** Runs `task` in a worker thread (a kept one when there is one) and answers its result. */
export async function runInWorker<O>(task: string, input: unknown, options: WorkerOptions): Promise<O> {
  const done = beginBusy(`worker:${++busyCount}`, options.description);
  const cancelled = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    options.signal?.throwIfAborted();
    worker = await workerFor(
      {
        task,
        input,
        dbFile: options.dbFile,
        cancelled: cancelled.buffer,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      },
      options.entry,
    );
  } catch (error) {
    done();
    throw error;
  }
  let release: (() => void) | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  /** Whether the thread answered (done or failed) by itself: only then may it serve another task. */
  let answered = false;
  const send = (message: ToWorker) => worker.postMessage(message);
  const onAbort = () => {
    Atomics.store(cancelled, 0, 1);
    send({ type: 'cancel' });
    killTimer = setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS);
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let onMessage: (message: FromWorker) => void = () => undefined;
  let onError: (error: Error) => void = () => undefined;
  let onExit: (code: number) => void = () => undefined;
  try {
    return await new Promise<O>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (!settled) {
          settled = true;
          fn();
        }
      };
      onMessage = (message: FromWorker) => {
        switch (message.type) {
          case 'progress':
            options.onProgress?.(message.step, message.done, message.total);
            break;
          case 'write':
            void (async () => {
              try {
                await whenWritesFree();
                const writer = options.writers?.[message.writer];
                if (!writer) throw new Error(`No writer ${message.writer} for worker task ${task}`);
                const db = options.db();
                const result = db.$client.transaction(() => writer(db, message.payload as never)).immediate();
                send({ type: 'written', id: message.id, result });
              } catch (error) {
                send({ type: 'written', id: message.id, failure: toFailure(error) });
              }
            })();
            break;
          case 'hold':
            try {
              release = holdWrites(message.description);
              send({ type: 'held', id: message.id });
            } catch (error) {
              send({ type: 'held', id: message.id, failure: toFailure(error) });
            }
            break;
          case 'release':
            release?.();
            release = undefined;
            break;
          case 'done':
            answered = true;
            settle(() => resolve(message.result as O));
            break;
          case 'failed':
            answered = true;
            settle(() => reject(fromFailure(message.failure)));
            break;
        }
      };
      onError = (error) => settle(() => reject(error));
      onExit = (code) => settle(() => reject(new Error(`Worker for ${task} stopped (exit code ${code}) before it answered`)));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (killTimer) clearTimeout(killTimer);
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    release?.();
    // The thread closed its connection before answering: kept, it holds no handle. A thread not
    // kept is ended and waited for, so «busy» lasts exactly as long as the connection may be open.
    if (!(answered && worker.threadId !== -1 && keepIdle(options.entry ?? '', worker))) {
      await new Promise<void>((resolve) => {
        if (worker.threadId === -1) return resolve();
        worker.once('exit', () => resolve());
        void worker.terminate();
      });
    }
    done();
  }
}
