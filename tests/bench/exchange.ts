import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppDb } from '@db/open';
import { documentCatalog } from '@main/services/exchange/catalog';
import type { DocumentKind } from '@main/services/common/documentKind';
import { DATA_KIND, runExport } from '@main/services/exchange/export';
import { countOf } from '@shared/russian';

/**
 * Export timings at the reference scale, for tests/bench/run.ts to call (or run alone:
 * `npx tsx tests/bench/exchange.ts`): the whole data package (snapshot, checks, checksums,
 * copy to a folder, manifest) within 2 s, and every document of one year within 5 s.
 */

export interface ExchangeBenchRow {
  name: string;
  medianMs: number;
  targetMs: number;
  ok: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeIt(runs: number, work: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function benchExchange(
  app: { db: AppDb; env: { dataDir: string; version: string } },
  year: number,
  runs = 3,
): Promise<ExchangeBenchRow[]> {
  const target = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-export-'));
  try {
    const packageMs = await timeIt(runs, async () => {
      const outcome = await runExport(
        { year, kinds: [DATA_KIND], folder: target, centerCode: 'BENCH', origin: 'cli' },
        { db: app.db, dataDir: app.env.dataDir, appVersion: app.env.version },
      );
      if (outcome.status !== 'ok') throw new Error(`data package failed: ${outcome.errorMessage}`);
    });
    let documents = 0;
    const documentsMs = await timeIt(runs, async () => {
      documents = 0;
      for (const kind of Object.values(documentCatalog as Record<string, DocumentKind>))
        documents += (await kind.build(app.db, year)).length;
    });
    return [
      {
        name: `exchange: пакет данных (снимок, проверки, SHA-256, копирование, manifest)`,
        medianMs: packageMs,
        targetMs: 2000,
        ok: packageMs <= 2000,
      },
      {
        name: `exchange: документы за ${year} год (${countOf(documents, ['файл', 'файла', 'файлов'])})`,
        medianMs: documentsMs,
        targetMs: 5000,
        ok: documentsMs <= 5000,
      },
    ];
  } finally {
    rmSync(target, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { createApp } = await import('@main/api/app');
  const { seedReference } = await import('./reference');
  const { REFERENCE_SCALE } = await import('./generate');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-'));
  const app = createApp({ dataDir });
  try {
    // Every register, as npm run bench has it: the documents of a year are those of all of them.
    await seedReference(app);
    const rows = await benchExchange(app, REFERENCE_SCALE.firstYear + 1);
    for (const r of rows) console.log(`${r.ok ? 'OK ' : 'SLOW'} ${r.name}: ${Math.round(r.medianMs)} мс (цель ≤ ${r.targetMs} мс)`);
    process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
