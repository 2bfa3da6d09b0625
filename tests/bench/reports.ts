import type { App } from '@main/api/app';
import { callTimer, type BenchRow } from './timing';

/**
 * The annual report, for `npm run bench` and alone (`npx tsx tests/bench/reports.ts`): the report
 * of a year of the reference-scale database (10 years of every register) created, then built to
 * Word with its charts. The first build of the process is timed on its own — the chart pipeline
 * (ECharts, resvg's WebAssembly, the fonts) loads on it and no chart is drawn before: in the
 * standalone run that is a fresh process, the cold case the target is for. The report's view and
 * the repeated build are medians.
 */

export const REPORT_TARGET_MS = 1000;

export async function benchReports(app: Pick<App, 'dispatch'>, year: number, runs = 10): Promise<BenchRow[]> {
  const period = { year, quarter: null };
  const created = await app.dispatch('reports.create', period);
  if (!created.ok) throw new Error(`reports.create failed: ${created.error.message}`);
  const started = performance.now();
  const first = await app.dispatch('reports.exportDocx', period);
  const firstMs = performance.now() - started;
  if (!first.ok) throw new Error(`reports.exportDocx failed: ${first.error.message}`);
  const time = callTimer(app, runs);
  return [
    {
      name: `reports.exportDocx ${year} (first build of the process, charts drawn)`,
      medianMs: Math.round(firstMs * 10) / 10,
      targetMs: REPORT_TARGET_MS,
    },
    await time(`reports.exportDocx ${year} (Word with charts)`, 'reports.exportDocx', period, REPORT_TARGET_MS),
    await time(`reports.get ${year} (the screen: sections, paragraphs, document)`, 'reports.get', period, REPORT_TARGET_MS),
  ];
}

/** Run alone, in a fresh process: every register at the reference scale, then the report. */
async function main() {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { createApp } = await import('@main/api/app');
  const { generateReferenceData, scaledReference } = await import('./generate');
  const { scaledMeetings, seedMeetings, signSeeded } = await import('./meetings');
  const { scaledEvents, seedEvents } = await import('./events');
  const { scaledPublications, seedPublications } = await import('./publications');
  const { scaledIndicators, seedIndicators } = await import('./indicators');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-reports-'));
  const app = createApp({ dataDir });
  try {
    generateReferenceData(app.sqlite, 20170912, scaledReference(1));
    seedMeetings(app.sqlite, 20170912, scaledMeetings(1));
    await signSeeded(app, scaledMeetings(1));
    seedEvents(app.sqlite, 20170912, scaledEvents(1));
    seedPublications(app.sqlite, 20170912, scaledPublications(1));
    const { year } = seedIndicators(app.sqlite, 20170912, scaledIndicators(1));
    for (const r of await benchReports(app, year)) console.log(`${r.name}: ${r.medianMs} ms (target ${r.targetMs} ms)`);
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) await main();
