import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, type App } from '@main/api/app';
import type { Page } from '@shared/contract/common';
import { searchWords } from '@shared/russian';
import { generateReferenceData, scaledReference } from './generate';

/**
 * `npx tsx tests/bench/search.ts [--scale 10] [--runs 20]`: the search calls through the real
 * path (app.dispatch) on the benchmark's data at N× the reference scale, next to the LIKE scan
 * they replaced (the same SQL as before the index, on the same connection). Targets at 10×: the
 * first page with its total within 20 ms for words of three letters or more, 50 ms for one- and
 * two-letter words. Not a test: it prints a table and writes it to tests/bench/search-<N>x.md.
 */

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '20' },
    seed: { type: 'string', default: '20170912' },
  },
});
const SCALE = Number(args.scale);
const RUNS = Number(args.runs);

const SEARCHES: { table: 'people' | 'organizations'; search: string; offset?: number }[] = [
  ...[
    'иван',
    'иванова',
    'смирнова',
    'иванова мария',
    'Ёлкин',
    'педагог-психолог',
    'example.ru',
    'ова',
    'ли',
    'ё',
    'а',
    'ли иван',
    'ов ма',
    '7',
  ].map((search) => ({ table: 'people' as const, search })),
  { table: 'people', search: 'иван', offset: 500 },
  { table: 'people', search: 'а', offset: 500 },
  ...['школа', 'опеки кировского', '№12', 'сош', 'берёзов', 'г', '12'].map((search) => ({ table: 'organizations' as const, search })),
];

const like = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]! };
}

async function time(run: () => unknown, runs: number): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return stats(times);
}

export async function benchSearch(app: App, runs: number): Promise<string[]> {
  const lines = [
    '| list | search | offset | total | index: median / p95 ms | target | LIKE before: median / p95 ms |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { table, search, offset = 0 } of SEARCHES) {
    const words = searchWords(search);
    const target = words.every((w) => Array.from(w).length >= 3) ? 20 : 50;
    let page: Page<unknown> | undefined;
    const indexed = await time(async () => {
      const result = await app.dispatch(`${table}.list`, { search, offset, limit: 50 });
      if (!result.ok) throw new Error(result.error.message);
      page = result.value as Page<unknown>;
    }, runs);
    const where = words.map(() => "search_text LIKE ? ESCAPE '\\'").join(' AND ');
    const list = app.sqlite.prepare(`SELECT id FROM ${table} WHERE ${where} ORDER BY sort_key, id LIMIT 50 OFFSET ${offset}`);
    const count = app.sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`);
    const before = await time(
      () => {
        list.all(...words.map(like));
        count.get(...words.map(like));
      },
      Math.min(runs, 5),
    );
    const total = page!.totalCapped ? 'более 1 000' : String(page!.total);
    const mark = indexed.median <= target ? '' : ' ✗';
    lines.push(
      `| ${table} | «${search}» | ${offset} | ${total} | ${indexed.median.toFixed(2)} / ${indexed.p95.toFixed(2)}${mark} | ≤ ${target} | ${before.median.toFixed(1)} / ${before.p95.toFixed(1)} |`,
    );
  }
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-search-'));
  try {
    const app = createApp({ dataDir });
    const started = performance.now();
    const counts = generateReferenceData(app.sqlite, Number(args.seed), scaledReference(SCALE));
    const generatedIn = (performance.now() - started) / 1000;
    app.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const size = statSync(path.join(dataDir, 'resource-center.sqlite')).size / 1e6;
    const lines = [
      `# Search at ${SCALE}× the reference scale`,
      '',
      `${counts.people} people, ${counts.organizations} organisations, ${counts.planItems} plan items; generated (with the index kept by its triggers and rebalanced) in ${generatedIn.toFixed(1)} s; database ${size.toFixed(1)} MB. ${RUNS} runs after 3 warm-ups, each the whole call (validation, count, page).`,
      '',
      ...(await benchSearch(app, RUNS)),
      '',
    ];
    console.log(lines.join('\n'));
    writeFileSync(path.join(import.meta.dirname, `search-${SCALE}x.md`), lines.join('\n'));
    app.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
