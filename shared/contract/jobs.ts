import { z } from 'zod';
import { call, REFUSED, type Register } from './define';
import { empty } from './common';

/**
 * Long work — an export today; imports, the annual report and the coordinator's
 * consolidation later — runs as a job: the call that starts it answers at once with the job,
 * the screen follows it with `jobs.get`, may cancel it, and when it ends refreshes what the
 * job changed. The main window stays responsive meanwhile: the heavy part runs in a worker
 * thread with its own database connection.
 */

export type JobState = 'running' | 'ok' | 'failed' | 'cancelled';

export interface Job<R = unknown> {
  id: string;
  /** What kind of work: `export`. */
  kind: string;
  /** Russian, for a list of running work: «Выгрузка за 2017 год». */
  title: string;
  state: JobState;
  /** What the job is doing now, in Russian. */
  step: string;
  /** Progress in the job's own units (bytes for an export); `total` 0 while unknown. */
  done: number;
  total: number;
  /** 0–100; 100 only when finished successfully. */
  percent: number;
  /** Russian, set when the job failed or was cancelled. */
  error: string | null;
  /** The job's answer once it finished successfully. */
  result: R | null;
  /** The registers the job changed; the UI refreshes them when it ends. */
  changes: Register[];
  startedAt: string;
  finishedAt: string | null;
}

const jobId = z.string({ error: 'Не указана работа' }).min(1, 'Не указана работа').max(64, 'Неверный номер работы');

export const jobsCalls = {
  'jobs.get': call(z.object({ id: jobId }).strict())
    .reads('jobs')
    .returns<Job>(),
  /** Running jobs and the last finished ones, newest first. */
  'jobs.list': call(empty).reads('jobs').returns<Job[]>(),
  /** Asks a running job to stop; it stops at its next safe point and ends as `cancelled`. */
  'jobs.cancel': call(z.object({ id: jobId }).strict())
    .job(['jobs'], REFUSED.cancel)
    .returns<Job>(),
};
