import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { App } from '@main/api/app';
import { exportKinds, runExport } from '@main/services/exchange/export';
import type { Job } from '@shared/contract/jobs';

/**
 * Whether the window stays responsive while an export runs: the main thread's event-loop
 * delay (p99 and max, perf_hooks.monitorEventLoopDelay) and how long a list call takes as the
 * user would see it, during the export's document phase, its snapshot phase and its copy
 * phase. A list call is asked for every 50 ms on a fixed schedule and timed from the moment
 * it was due, so a blocked event loop shows in its time as it would for a click.
 *
 * Measured twice: as the application runs it (a job: documents and snapshot in a worker
 * thread) and, for comparison, with the same work in the main thread as before.
 */

export interface ResponsivenessRow {
  name: string;
  /** Event-loop delay, ms. */
  delayP99: number;
  delayMax: number;
  /** The list call's time from when it was due, ms. */
  listMedian: number;
  listMax: number;
  samples: number;
  /** Only the application's way has targets; the main-thread run is the comparison. */
  target?: { delayP99: number; listMax: number };
}

type Phase = 'документы' | 'снимок' | 'копирование';
const PHASES: Phase[] = ['документы', 'снимок', 'копирование'];

function phaseOf(step: string): Phase | null {
  if (step.startsWith('Подготовка документов')) return 'документы';
  if (step.startsWith('Снимок')) return 'снимок';
  if (step.startsWith('Копирование') || step.startsWith('Размещение') || step.startsWith('Запись manifest')) return 'копирование';
  return null;
}

const SLOT_MS = 50;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * What the export does when: it reports each step change through `step()` (the job through
 * its polled state, the main-thread run from its progress callback, as it happens).
 */
function phaseTimeline() {
  const timeline: { at: number; phase: Phase | null }[] = [{ at: 0, phase: null }];
  return {
    step(step: string) {
      const phase = phaseOf(step);
      if (phase !== timeline.at(-1)!.phase) timeline.push({ at: performance.now(), phase });
    },
    phaseAt: (at: number) => timeline.findLast((t) => t.at <= at)?.phase ?? null,
  };
}

const LAG_TICK_MS = 5;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

/**
 * Samples until `run` settles. The event-loop delay as perf_hooks.monitorEventLoopDelay
 * measures it (a timer's lateness) for the whole export, and by phase from a 5 ms timer of
 * the same kind whose lateness counts for the phase it was due in: a timer due while the
 * documents were built in the main thread fires only after them, in the next phase. A list
 * call likewise counts for the phase it was due in.
 */
async function sample(app: App, run: (phases: ReturnType<typeof phaseTimeline>) => Promise<unknown>) {
  const phases = phaseTimeline();
  const lags = new Map<Phase, number[]>(PHASES.map((p) => [p, []]));
  const list = new Map<Phase, number[]>(PHASES.map((p) => [p, []]));
  const histogram = monitorEventLoopDelay({ resolution: LAG_TICK_MS });
  histogram.enable();
  let expected = performance.now() + LAG_TICK_MS;
  const ticker = setInterval(() => {
    const now = performance.now();
    const phase = phases.phaseAt(expected);
    if (phase) lags.get(phase)!.push(Math.max(0, now - expected));
    expected = now + LAG_TICK_MS;
  }, LAG_TICK_MS);
  let done = false;
  const running = run(phases).finally(() => (done = true));
  let due = performance.now();
  while (!done) {
    due += SLOT_MS;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const result = await app.dispatch('people.list', { limit: 50 });
    if (!result.ok) throw new Error(`people.list failed: ${result.error.message}`);
    const phase = phases.phaseAt(due);
    // A timer may fire a fraction of a millisecond before its due time: never counted as negative.
    if (phase) list.get(phase)!.push(Math.max(0, performance.now() - due));
    // A blocked loop makes slots pile up: the next one is due from now, as a user would click again.
    due = Math.max(due, performance.now() - SLOT_MS);
  }
  clearInterval(ticker);
  histogram.disable();
  await running;
  return {
    whole: { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 },
    byPhase: new Map(PHASES.map((p) => [p, { lags: lags.get(p)!, list: list.get(p)! }])),
  };
}

export async function benchResponsiveness(app: App, year: number): Promise<ResponsivenessRow[]> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-responsive-'));
  const kinds = exportKinds().map((k) => k.id);
  try {
    const saved = await app.dispatch('exchange.saveSettings', { folder, centerCode: 'BENCH' });
    if (!saved.ok) throw new Error(saved.error.message);

    const asJob = (phases?: ReturnType<typeof phaseTimeline>) => async () => {
      const started = await app.dispatch('exchange.export', { year, kinds });
      if (!started.ok) throw new Error(started.error.message);
      let job = started.value as Job;
      while (job.state === 'running') {
        await sleep(20);
        const polled = await app.dispatch('jobs.get', { id: job.id });
        if (polled.ok) job = polled.value as Job;
        phases?.step(job.step);
      }
      if (job.state !== 'ok') throw new Error(`export job ended ${job.state}: ${job.error}`);
    };
    // The first job also bundles the worker when run from source: not part of what is measured.
    await asJob()();
    const inWorker = await sample(app, (phases) => asJob(phases)());
    const inMain = await sample(app, async (phases) => {
      const outcome = await runExport(
        { year, kinds, folder, centerCode: 'BENCH', origin: 'cli' },
        { db: app.db, dataDir: app.env.dataDir, appVersion: app.env.version, onProgress: (p) => phases.step(p.step) },
      );
      if (outcome.status !== 'ok') throw new Error(`export failed: ${outcome.errorMessage}`);
    });

    const rows = (label: string, measured: typeof inWorker, target?: ResponsivenessRow['target']): ResponsivenessRow[] => {
      const lists = [...measured.byPhase.values()].flatMap((m) => m.list);
      return [
        ...PHASES.map((phase): ResponsivenessRow => {
          const { lags, list } = measured.byPhase.get(phase)!;
          return {
            name: `выгрузка ${label}: ${phase}`,
            delayP99: percentile(lags, 99),
            delayMax: Math.max(0, ...lags),
            listMedian: median(list),
            listMax: Math.max(0, ...list),
            samples: list.length,
            ...(target ? { target } : {}),
          };
        }),
        {
          name: `выгрузка ${label}: вся (monitorEventLoopDelay)`,
          delayP99: measured.whole.p99,
          delayMax: measured.whole.max,
          listMedian: median(lists),
          listMax: Math.max(0, ...lists),
          samples: lists.length,
          ...(target ? { target } : {}),
        },
      ];
    };
    return [
      ...rows('заданием (документы и снимок в рабочем потоке)', inWorker, { delayP99: 50, listMax: 100 }),
      ...rows('в основном потоке, для сравнения', inMain),
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
