import { randomBytes } from 'node:crypto';
import type { Register } from '@shared/contract/define';
import type { Job, jobsCalls } from '@shared/contract/jobs';
import { beginBusy } from '@main/api/busy';
import type { Handlers } from '@main/api/dispatch';
import { DomainError, notFound } from '@main/api/errors';
import { JobCancelled } from './cancelled';

/**
 * The one job contract: a job starts at once and runs on (its heavy part in a worker
 * thread), the UI follows it by id, may cancel it, and when it ends refreshes what it
 * changed. Jobs live in this process only: a restart ends them, and each job leaves its own
 * durable trace (the export log) for that case.
 */

export interface JobControl {
  signal: AbortSignal;
  progress(step: string, done?: number, total?: number): void;
}

export interface JobSpec<R> {
  kind: string;
  /** Russian: «Выгрузка за 2017 год». */
  title: string;
  /** Russian, for «Идёт выгрузка: дождитесь её окончания»: what a restore says it waits for. */
  busyAs: string;
  /** Registers the job changes, whatever its outcome (a failed export still writes its log). */
  changes: Register[];
  /** Answers the result; throws JobCancelled when stopped, a DomainError for a Russian refusal. */
  run(control: JobControl): Promise<R>;
}

interface Running {
  job: Job;
  controller: AbortController;
}

/** Finished jobs kept for the UI to read their outcome. */
const KEEP_FINISHED = 20;
const jobs = new Map<string, Running>();

const copy = (job: Job): Job => ({ ...job, changes: [...job.changes] });

export function startJob<R>(spec: JobSpec<R>, log: (message: string, error: unknown) => void = console.error): Job<R> {
  const id = randomBytes(8).toString('hex');
  const controller = new AbortController();
  const entry: Running = {
    controller,
    job: {
      id,
      kind: spec.kind,
      title: spec.title,
      state: 'running',
      step: 'Подготовка',
      done: 0,
      total: 0,
      percent: 0,
      error: null,
      result: null,
      changes: spec.changes,
      startedAt: new Date().toISOString(),
      finishedAt: null,
    },
  };
  jobs.set(id, entry);
  const finished = [...jobs.values()].filter((j) => j.job.state !== 'running');
  for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(old.job.id);
  const done = beginBusy(`job:${id}`, spec.busyAs);
  const end = (patch: Partial<Job>) => {
    entry.job = { ...entry.job, ...patch, finishedAt: new Date().toISOString() };
  };
  void spec
    .run({
      signal: controller.signal,
      progress: (step, doneUnits, total) => {
        if (entry.job.state !== 'running') return;
        const d = doneUnits ?? entry.job.done;
        const t = total ?? entry.job.total;
        const percent = t > 0 ? Math.min(99, Math.floor((d / t) * 100)) : 0;
        entry.job = { ...entry.job, step: controller.signal.aborted ? 'Отмена…' : step, done: d, total: t, percent };
      },
    })
    .then(
      (result) => end({ state: 'ok', percent: 100, result, step: 'Готово' }),
      (error: unknown) => {
        if (error instanceof JobCancelled) end({ state: 'cancelled', error: error.message, step: 'Отменено' });
        else if (error instanceof DomainError) end({ state: 'failed', error: error.message, step: 'Не выполнено' });
        else {
          log(`Job ${spec.kind} failed`, error);
          end({ state: 'failed', error: `${spec.title}: внутренняя ошибка приложения, работа не выполнена`, step: 'Не выполнено' });
        }
      },
    )
    .finally(done);
  return copy(entry.job) as Job<R>;
}

function requireJob(id: string): Running {
  const entry = jobs.get(id);
  if (!entry) throw notFound('Работа');
  return entry;
}

export const getJob = (id: string): Job => copy(requireJob(id).job);

export const listJobs = (): Job[] => [...jobs.values()].map((j) => copy(j.job)).reverse();

export function cancelJob(id: string): Job {
  const entry = requireJob(id);
  if (entry.job.state === 'running' && !entry.controller.signal.aborted) {
    entry.controller.abort();
    entry.job = { ...entry.job, step: 'Отмена…' };
  }
  return copy(entry.job);
}

export const jobsHandlers: Handlers<typeof jobsCalls> = {
  'jobs.get': (_ctx, { id }) => getJob(id),
  'jobs.list': () => listJobs(),
  'jobs.cancel': (_ctx, { id }) => cancelJob(id),
};
