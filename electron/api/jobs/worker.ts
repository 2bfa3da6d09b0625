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
/** How long a worker that answered may take to end by itself. */
const EXIT_GRACE_MS = 2_000;

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

async function startWorker(start: WorkerStart, entry: string | undefined): Promise<Worker> {
  if (entry?.endsWith('.cjs')) return new Worker(entry, { workerData: start });
  if (entry === undefined && typeof __RC_BUNDLED__ !== 'undefined')
    return new Worker(path.join(__dirname, WORKER_FILE), { workerData: start });
  const code = await bundledInMemory(entry ?? path.join(root(), 'electron', 'worker', 'main.ts'));
  return new Worker(code, { eval: true, workerData: start });
}

let busyCount = 0;

/** Runs `task` in a worker thread of its own and answers its result. */
export async function runInWorker<O>(task: string, input: unknown, options: WorkerOptions): Promise<O> {
  const done = beginBusy(`worker:${++busyCount}`, options.description);
  let worker: Worker;
  try {
    options.signal?.throwIfAborted();
    worker = await startWorker(
      { task, input, dbFile: options.dbFile, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) },
      options.entry,
    );
  } catch (error) {
    done();
    throw error;
  }
  let release: (() => void) | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const send = (message: ToWorker) => worker.postMessage(message);
  const onAbort = () => {
    send({ type: 'cancel' });
    killTimer = setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS);
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await new Promise<O>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (!settled) {
          settled = true;
          fn();
        }
      };
      worker.on('message', (message: FromWorker) => {
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
            settle(() => resolve(message.result as O));
            break;
          case 'failed':
            settle(() => reject(fromFailure(message.failure)));
            break;
        }
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) => settle(() => reject(new Error(`Worker for ${task} stopped (exit code ${code}) before it answered`))));
    });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (killTimer) clearTimeout(killTimer);
    release?.();
    // The thread closes its connection and ends by itself after answering; this waits for it,
    // so «busy» lasts exactly as long as the connection may be open.
    await new Promise<void>((resolve) => {
      if (worker.threadId === -1) return resolve();
      const stop = setTimeout(() => void worker.terminate(), EXIT_GRACE_MS);
      worker.once('exit', () => {
        clearTimeout(stop);
        resolve();
      });
    });
    done();
  }
}
