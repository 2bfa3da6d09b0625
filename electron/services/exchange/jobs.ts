import { randomBytes } from 'node:crypto';
import type { ExportJob } from '@shared/contract/exchange';
import { beginBusy } from '@main/api/busy';
import { notFound } from '@main/api/errors';
import { beginExport, performExport, type ExportEnv, type ExportRequest } from './export';

/**
 * The UI's handle on a running export: the call that starts it answers at once with a job id,
 * the screen polls `exchange.progress`, and `exchange.cancel` aborts between two file
 * operations (an operation already waiting on the share ends by its own timeout).
 */

interface Job {
  state: ExportJob;
  controller: AbortController;
}

const MAX_KEPT = 20;
const jobs = new Map<string, Job>();

function snapshot(job: Job): ExportJob {
  return { ...job.state, files: [...job.state.files] };
}

export function startExportJob(request: ExportRequest, env: Omit<ExportEnv, 'signal' | 'onProgress'>): ExportJob {
  const logId = beginExport(env.db, request, env.now ? { now: env.now } : {});
  const jobId = randomBytes(8).toString('hex');
  const controller = new AbortController();
  const job: Job = {
    controller,
    state: { jobId, logId, state: 'running', step: 'Подготовка', doneBytes: 0, totalBytes: 0, percent: 0, errorMessage: null, files: [] },
  };
  jobs.set(jobId, job);
  const done = beginBusy(`export:${jobId}`, 'выгрузка');
  for (const key of [...jobs.keys()].slice(0, Math.max(0, jobs.size - MAX_KEPT)))
    if (jobs.get(key)!.state.state !== 'running') jobs.delete(key);
  void performExport(logId, {
    ...env,
    signal: controller.signal,
    onProgress: (p) => {
      const percent = p.totalBytes > 0 ? Math.min(99, Math.floor((p.doneBytes / p.totalBytes) * 100)) : 0;
      job.state = { ...job.state, step: p.step, doneBytes: p.doneBytes, totalBytes: p.totalBytes, percent, files: p.files };
    },
  })
    .finally(done)
    .then(
      (outcome) => {
        job.state = {
          ...job.state,
          state: outcome.status,
          percent: outcome.status === 'ok' ? 100 : job.state.percent,
          errorMessage: outcome.errorMessage,
          files: outcome.files,
        };
      },
      (error: unknown) => {
        // performExport reports failures in its outcome; this is a bug, kept from becoming an unhandled rejection.
        console.error('Export job failed', error);
        job.state = { ...job.state, state: 'failed', errorMessage: 'Выгрузка не выполнена: внутренняя ошибка приложения' };
      },
    );
  return snapshot(job);
}

function requireJob(jobId: string): Job {
  const job = jobs.get(jobId);
  if (!job) throw notFound('Выгрузка');
  return job;
}

export function jobProgress(jobId: string): ExportJob {
  return snapshot(requireJob(jobId));
}

export function cancelJob(jobId: string): ExportJob {
  const job = requireJob(jobId);
  if (job.state.state === 'running') {
    job.controller.abort();
    job.state = { ...job.state, step: 'Отмена…' };
  }
  return snapshot(job);
}
