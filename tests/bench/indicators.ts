import type Database from 'better-sqlite3';
import type { App } from '@main/api/app';
import { municipalityKeys } from '@db/derived';
import { Random } from './generate';
import { callTimer, type BenchRow } from './timing';

/**
 * The monitoring indicators, for `npm run bench` and alone (`npx tsx tests/bench/indicators.ts
 * [--scale 10]`): 20 typed indicators × the segment's municipalities × 4 quarters × 10 years.
 * The reference segment has 12 municipalities (9,600 figures); `--scale 10` makes it 120
 * (96,000 figures). Raw prepared inserts of what the sheet would save (quarter by municipality,
 * whole numbers). Timed: the grid's load (a quarter by municipalities, the whole year for the
 * segment), the year-over-year of a sum and of an end-of-period indicator and of the computed one
 * (counted from the events register), and the year's document view with its chart.
 */

export const INDICATORS_SCALE = { indicators: 20, municipalities: 12, firstYear: 2016, years: 10 };
export const SHEET_TARGET_MS = 100;
export const YEARS_TARGET_MS = 100;
export const DOCUMENT_TARGET_MS = 500;

export const scaledIndicators = (factor: number): typeof INDICATORS_SCALE => ({
  ...INDICATORS_SCALE,
  municipalities: Math.max(1, Math.round(INDICATORS_SCALE.municipalities * factor)),
});

export interface IndicatorsSeed {
  figures: number;
  municipalities: number;
  sumId: number;
  endId: number;
  computedId: number | null;
  year: number;
}

export function seedIndicators(sqlite: Database.Database, seed: number, scale = INDICATORS_SCALE): IndicatorsSeed {
  const random = new Random(seed + 20);
  const typed = sqlite
    .prepare(
      `SELECT v.id, coalesce(d.rule, 'sum') AS rule FROM list_values v LEFT JOIN indicator_definitions d ON d.indicator_id = v.id
       WHERE v.list = 'indicators' AND coalesce(d.rule, 'sum') <> 'computed' ORDER BY v.position LIMIT ?`,
    )
    .all(scale.indicators) as { id: number; rule: string }[];
  const computed = sqlite
    .prepare(`SELECT indicator_id AS id FROM indicator_definitions WHERE rule = 'computed' ORDER BY indicator_id LIMIT 1`)
    .get() as { id: number } | undefined;
  let figures = 0;
  sqlite.transaction(() => {
    // The segment is the first N municipalities of the registry, made up to N where it has fewer.
    const have = (sqlite.prepare('SELECT count(*) AS n FROM municipalities').get() as { n: number }).n;
    const insertMunicipality = sqlite.prepare('INSERT INTO municipalities (name, sort_key, in_segment) VALUES (?, ?, 0)');
    for (let i = have; i < scale.municipalities; i++) {
      const name = `Район № ${i + 1}`;
      insertMunicipality.run(name, municipalityKeys({ name }).sortKey);
    }
    sqlite
      .prepare('UPDATE municipalities SET in_segment = (id IN (SELECT id FROM municipalities ORDER BY id LIMIT ?))')
      .run(scale.municipalities);
    const places = (sqlite.prepare('SELECT id FROM municipalities WHERE in_segment = 1 ORDER BY id').all() as { id: number }[]).map(
      (m) => m.id,
    );
    const insert = sqlite.prepare(
      'INSERT INTO indicator_values (indicator_id, year, quarter, municipality_id, value) VALUES (?, ?, ?, ?, ?)',
    );
    for (const indicator of typed)
      for (let y = 0; y < scale.years; y++)
        for (let quarter = 1; quarter <= 4; quarter++)
          for (const place of places) {
            insert.run(indicator.id, scale.firstYear + y, quarter, place, random.int(0, indicator.rule === 'end' ? 40 : 120));
            figures++;
          }
  })();
  return {
    figures,
    municipalities: scale.municipalities,
    sumId: typed.find((i) => i.rule === 'sum')!.id,
    endId: typed.find((i) => i.rule === 'end')!.id,
    computedId: computed?.id ?? null,
    year: scale.firstYear + scale.years - 1,
  };
}

export async function benchIndicators(app: Pick<App, 'dispatch'>, seeded: IndicatorsSeed, runs = 20): Promise<BenchRow[]> {
  const time = callTimer(app, runs);
  const n = seeded.municipalities;
  const rows = [
    await time(
      `indicators.sheet (grid: a quarter × ${n} municipalities)`,
      'indicators.sheet',
      { year: seeded.year, quarter: 2, scope: 'municipalities' },
      SHEET_TARGET_MS,
    ),
    await time(
      'indicators.sheet (grid: a year for the segment)',
      'indicators.sheet',
      { year: seeded.year, quarter: null, scope: 'segment' },
      SHEET_TARGET_MS,
    ),
    await time(
      'indicators.yearOverYear (sum of quarters, 10 years, with chart)',
      'indicators.yearOverYear',
      { indicatorId: seeded.sumId },
      YEARS_TARGET_MS,
    ),
    await time(
      'indicators.yearOverYear (end of period, 10 years, with chart)',
      'indicators.yearOverYear',
      { indicatorId: seeded.endId },
      YEARS_TARGET_MS,
    ),
  ];
  if (seeded.computedId !== null)
    rows.push(
      await time(
        'indicators.yearOverYear (computed from events, with chart)',
        'indicators.yearOverYear',
        { indicatorId: seeded.computedId },
        YEARS_TARGET_MS,
      ),
      await time(
        'indicators.yearDocumentView (every indicator, chart as PNG)',
        'indicators.yearDocumentView',
        { year: seeded.year, chartIndicatorId: seeded.sumId },
        DOCUMENT_TARGET_MS,
      ),
    );
  return rows;
}

/** Run alone: the registry and the events register at the reference scale, the indicators at `--scale`. */
async function main() {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { parseArgs } = await import('node:util');
  const { createApp } = await import('@main/api/app');
  const { generateReferenceData, scaledReference } = await import('./generate');
  const { scaledEvents, seedEvents } = await import('./events');
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
  const factor = Number(values.scale);
  if (!(factor > 0)) throw new Error(`--scale takes a positive number, not «${values.scale}»`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-indicators-'));
  const app = createApp({ dataDir });
  try {
    generateReferenceData(app.sqlite, 20170912, scaledReference(1));
    seedEvents(app.sqlite, 20170912, scaledEvents(1));
    const started = performance.now();
    const seeded = seedIndicators(app.sqlite, 20170912, scaledIndicators(factor));
    console.log(
      `indicators ×${factor}: ${seeded.figures} figures (20 indicators × ${seeded.municipalities} municipalities × 4 quarters × 10 years), generated in ${Math.round(performance.now() - started)} ms`,
    );
    for (const r of await benchIndicators(app, seeded)) console.log(`${r.name}: median ${r.medianMs} ms (target ${r.targetMs} ms)`);
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) await main();
