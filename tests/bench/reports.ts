import type { App } from '@main/api/app';
import { stopIdleWorkers } from '@main/api/jobs';
import type { FileOutput } from '@shared/contract/define';
import type { Job } from '@shared/contract/jobs';
import { callTimer, type BenchRow } from './timing';

/**
 * The annual report, for `npm run bench` and alone (`npx tsx tests/bench/reports.ts`): the report
 * of a year of the reference-scale database (10 years of every register) created, then built to
 * Word with its charts as the screen builds it — the job `reports.buildDocx`, followed by
 * `jobs.get` as the screen polls it. Every timed job starts a fresh worker thread (the idle one the
 * previous job left is ended first): the chart pipeline
 * (ECharts, resvg's WebAssembly, the fonts) loads in it anew and no chart is cached, the cold case
 * the target is for. The first job of a process run from source also bundles the worker's code in
 * memory (the shipped app has it as dist/electron/worker.cjs): it is run once before the timing.
 * The report's view is a median of the calls.
 */

export const REPORT_TARGET_MS = 1000;
/** How often the bench asks for the job, as the screen does (renderer/src/api/jobs.ts polls every 400 ms). */
const POLL_MS = 5;

/** One job's run: its time from the call to the finished file, and when each of its steps began (ms from the call). */
interface JobRun {
  ms: number;
  steps: { step: string; at: number }[];
}

/** Starts the job and waits for its end, noting each step as the polling sees it begin. */
async function timedJob(app: Pick<App, 'dispatch'>, period: { year: number; quarter: null }): Promise<JobRun> {
  const started = performance.now();
  const result = await app.dispatch('reports.buildDocx', period);
  if (!result.ok) throw new Error(`reports.buildDocx failed: ${result.error.message}`);
  let job = result.value as Job<FileOutput>;
  const steps = [{ step: job.step, at: performance.now() - started }];
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const polled = await app.dispatch('jobs.get', { id: job.id });
    if (!polled.ok) throw new Error(`jobs.get failed: ${polled.error.message}`);
    job = polled.value as Job<FileOutput>;
    if (job.step !== steps.at(-1)!.step) steps.push({ step: job.step, at: performance.now() - started });
  }
  if (job.state !== 'ok' || !job.result) throw new Error(`the report's job ended ${job.state}: ${job.error}`);
  return { ms: performance.now() - started, steps };
}

/** The median run's steps, for the standalone run's output: where the time goes. */
export let lastJobSteps: JobRun['steps'] = [];

export async function benchReports(app: Pick<App, 'dispatch'>, year: number, runs = 5): Promise<BenchRow[]> {
  const period = { year, quarter: null };
  const created = await app.dispatch('reports.create', period);
  if (!created.ok) throw new Error(`reports.create failed: ${created.error.message}`);
  await timedJob(app, period);
  const samples: JobRun[] = [];
  for (let i = 0; i < runs; i++) {
    // The thread the last job left idle (electron/api/jobs/worker.ts keeps one) is ended: each timed job starts a new one.
    await stopIdleWorkers();
    samples.push(await timedJob(app, period));
  }
  samples.sort((a, b) => a.ms - b.ms);
  const median = samples[Math.floor(samples.length / 2)]!;
  lastJobSteps = median.steps;
  const time = callTimer(app, 10);
  return [
    {
      name: `reports.buildDocx ${year} (job in a fresh worker: data, charts drawn, Word; median of ${runs})`,
      medianMs: Math.round(median.ms * 10) / 10,
      targetMs: REPORT_TARGET_MS,
    },
    await time(`reports.get ${year} (the screen: sections, paragraphs, document)`, 'reports.get', period, REPORT_TARGET_MS),
  ];
}

/** Run alone, in a fresh process: every register at the reference scale, then the dashboard and the report. */
async function main() {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { createApp } = await import('@main/api/app');
  const { seedReference } = await import('./reference');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-reports-'));
  const app = createApp({ dataDir });
  try {
    // The same data as npm run bench: every register at the reference scale.
    const { year } = (await seedReference(app)).indicators;
    // The dashboard reads the same registers (tests/bench/dashboard.ts): its target is checked on the same data.
    const { benchDashboard } = await import('./dashboard');
    for (const r of [...(await benchDashboard(app, year)), ...(await benchReports(app, year))])
      console.log(`${r.name}: ${r.medianMs} ms (target ${r.targetMs} ms)`);
    // «Подготовка» lasts while the worker thread starts and evaluates its bundle, up to the task's first step.
    console.log(`The median job's steps (ms from the call; load average ${os.loadavg()[0]!.toFixed(1)}):`);
    for (const s of lastJobSteps) console.log(`- ${s.at.toFixed(0)} ${s.step}`);
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) await main();
