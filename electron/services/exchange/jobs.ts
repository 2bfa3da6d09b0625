import type { AppDb } from '@db/open';
import type { ExportResult } from '@shared/contract/exchange';
import type { Job } from '@shared/contract/jobs';
import { DomainError } from '@main/api/errors';
import { JobCancelled, runInWorker, startJob } from '@main/api/jobs';
import { beginExport, performExport, type ExportEnv, type ExportRequest } from './export';
import type { Prepared, PrepareInput } from './prepare';

/**
 * The export as a job: the call that starts it opens the log entry and answers at once; the
 * documents and the snapshot are built in a worker thread on its own connection, and the
 * copying to the share (asynchronous I/O) and the log's short writes happen here. Cancelling
 * stops it between two steps (an operation already waiting on the share ends by its own timeout).
 */

export interface ExportJobEnv extends Omit<ExportEnv, 'signal' | 'onProgress' | 'prepare'> {
  db: AppDb;
  dbFile: string;
}

export function startExportJob(request: ExportRequest, env: ExportJobEnv): Job<ExportResult> {
  const logId = beginExport(env.db, request, env.now ? { now: env.now } : {});
  return startJob<ExportResult>({
    kind: 'export',
    title: `Выгрузка за ${request.year} год`,
    busyAs: 'выгрузка',
    changes: ['exchange'],
    run: async (control) => {
      const prepare = (input: PrepareInput, onStep: (step: string) => void) =>
        runInWorker<Prepared>('exchange.prepare', input, {
          db: () => env.db,
          dbFile: env.dbFile,
          ...(env.nativeBinding ? { nativeBinding: env.nativeBinding } : {}),
          description: 'выгрузка',
          signal: control.signal,
          onProgress: onStep,
        });
      const outcome = await performExport(logId, {
        ...env,
        signal: control.signal,
        prepare,
        onProgress: (p) => control.progress(p.step, p.doneBytes, p.totalBytes),
      });
      if (outcome.status === 'cancelled') throw new JobCancelled(outcome.errorMessage ?? undefined);
      if (outcome.status === 'failed') throw new DomainError('conflict', outcome.errorMessage ?? 'Выгрузка не выполнена');
      return { logId, files: outcome.files };
    },
  });
}
