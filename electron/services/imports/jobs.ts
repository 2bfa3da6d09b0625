import type { ImportPreview, ImportReport, ImportSource } from '@shared/contract/imports';
import type { CallContext } from '@main/api/dispatch';
import { databaseHost } from '@main/api/databaseHost';
import { runInWorker, startJob, type TaskContext, type WorkerTask } from '@main/api/jobs';
import { IMPORT_TARGET_LABELS } from '@shared/contract/imports';
import { loadFile, previewImport, writeImport } from './imports';

/**
 * Reading and matching happen in a worker thread on its own connection, so a 10,000-row file
 * never stalls the window; the import writes there too, in one transaction while the main
 * thread answers other changes «Идёт импорт, повторите через минуту» (electron/api/writeGate.ts).
 * The preview's thread is kept for the run that follows it (electron/api/jobs/worker.ts).
 */

interface TaskInput {
  source: ImportSource;
  dataDir: string;
}

export const importsWorkerTasks = {
  'imports.preview': {
    access: 'read',
    run: async ({ source, dataDir }: TaskInput, ctx: TaskContext) => previewImport(ctx.db, await loadFile(ctx.db, dataDir, source), source),
  } satisfies WorkerTask<TaskInput, ImportPreview>,
  'imports.run': {
    access: 'write',
    run: async ({ source, dataDir }: TaskInput, ctx: TaskContext) => {
      ctx.progress('Чтение файла');
      const file = await loadFile(ctx.db, dataDir, source);
      ctx.checkCancelled();
      ctx.progress('Запись');
      // Between batches inside the transaction: a cancellation thrown there rolls all of it back.
      return ctx.writeAllAtOnce('импорт', (db) => {
        const report = writeImport(db, file, source, (done, total) => {
          ctx.checkCancelled();
          ctx.progress('Запись', done, total);
        });
        // Once more before the commit: a cancellation asked for during the last batch still undoes it all.
        ctx.checkCancelled();
        return report;
      });
    },
  } satisfies WorkerTask<TaskInput, ImportReport>,
};

function workerOptions(ctx: CallContext) {
  const binding = databaseHost(ctx)?.openOptions.nativeBinding;
  return { db: () => ctx.db, dbFile: ctx.env.dbFile, description: 'импорт', ...(binding ? { nativeBinding: binding } : {}) };
}

export const previewInWorker = (ctx: CallContext, source: ImportSource) =>
  runInWorker<ImportPreview>('imports.preview', { source, dataDir: ctx.env.dataDir } satisfies TaskInput, workerOptions(ctx));

export function startImportJob(ctx: CallContext, source: ImportSource) {
  return startJob<ImportReport>({
    kind: 'import',
    title: `Импорт: ${IMPORT_TARGET_LABELS[source.target].toLowerCase()}`,
    busyAs: 'импорт',
    changes: ['imports', 'events', 'people', 'organizations', 'names'],
    run: (control) =>
      runInWorker<ImportReport>('imports.run', { source, dataDir: ctx.env.dataDir } satisfies TaskInput, {
        ...workerOptions(ctx),
        signal: control.signal,
        onProgress: (step, done, total) => control.progress(step, done, total),
      }),
  });
}
