import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { App } from '@main/api/app';
import { putFile } from '@main/services/files';
import { previewImport, readSheet, writeImport } from '@main/services/imports';
import { importSource, type ImportReport } from '@shared/contract/imports';
import { generateReferenceData, REFERENCE_SCALE } from './generate';
import type { Job } from '@shared/contract/jobs';

/**
 * Import timings (issue 17), for tests/bench/run.ts to call or alone (`npx tsx tests/bench/imports.ts`):
 * the preview of a 2,000-row list ≤ 300 ms including reading the .xlsx, and a 10,000-row import
 * ≤ 1 s. Each list is a district's file as the import meets it: ФИО in one cell, organisation,
 * position, a phone typed as a number, an e-mail, the consent as a date cell; a third of the
 * names are people of the registry, the rest new.
 */

export interface ImportBenchRow {
  name: string;
  medianMs: number;
  /** Null: reported for comparison, not judged. */
  targetMs: number | null;
  ok: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const LETTERS = 'абвгдежзиклмнопрстуфхцчшэюя';
/** A name of letters only, unique for each number: «Иванова» + «бвг». */
const suffix = (n: number) => {
  let s = '';
  do {
    s += LETTERS[n % LETTERS.length];
    n = Math.floor(n / LETTERS.length);
  } while (n > 0);
  return s;
};

async function listFile(app: App, rows: number, seed: string): Promise<Buffer> {
  const known = app.sqlite
    .prepare('SELECT last_name, first_name, middle_name FROM people ORDER BY id LIMIT ?')
    .all(Math.floor(rows / 3)) as { last_name: string; first_name: string; middle_name: string }[];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Участники');
  sheet.addRow(['ФИО', 'Организация', 'Должность', 'Телефон', 'E-mail', 'Дата согласия']);
  for (let i = 0; i < rows; i++) {
    const k = known[i];
    const name = k ? `${k.last_name} ${k.first_name} ${k.middle_name}` : `Новикова${seed}${suffix(i)} Анна Петровна`;
    sheet.addRow([name, 'МБОУ СОШ №1', 'Учитель', 89100000000 + i, `u${i}@example.ru`, new Date(Date.UTC(2024, 2, 12))]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function event(app: App, title: string): Promise<number> {
  const type = app.sqlite.prepare(`SELECT id FROM list_values WHERE list = 'eventTypes' ORDER BY id LIMIT 1`).pluck().get() as number;
  const created = await app.dispatch('events.create', {
    typeId: type,
    centerRole: 'organizer',
    title,
    level: 'municipal',
    firstDay: '2024-03-12',
    lastDay: '2024-03-12',
  });
  if (!created.ok) throw new Error(created.error.message);
  return (created.value as { id: number }).id;
}

async function stored(app: App, bytes: Buffer, name: string) {
  return (await putFile(app.db, app.env.dataDir, Readable.from([bytes]), { originalName: name })).hash;
}

/** An import run as a job through the call, polled as the dialog polls it: its time from the call to the report. */
async function importJob(app: App, source: { fileHash: string; target: 'participants'; eventId: number }): Promise<number> {
  const started = performance.now();
  const answer = await app.dispatch('imports.run', source);
  if (!answer.ok) throw new Error(answer.error.message);
  let now = answer.value as Job<ImportReport>;
  while (now.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const polled = await app.dispatch('jobs.get', { id: now.id });
    if (!polled.ok) throw new Error(polled.error.message);
    now = polled.value as Job<ImportReport>;
  }
  if (now.state !== 'ok') throw new Error(now.error ?? now.state);
  // The generated registry has namesakes: those rows are refused («в реестре 2 человека…») as a real one would be.
  if (now.result!.matched + now.result!.added < 9_000) throw new Error(`import took only ${now.result!.matched + now.result!.added} rows`);
  return performance.now() - started;
}

export async function benchImports(app: App, runs = 5): Promise<ImportBenchRow[]> {
  // The preview: reading the .xlsx and matching every row against the registry, in this thread and through the call (a worker).
  const small = await listFile(app, 2000, 'п');
  const previewEvent = await event(app, 'Проверка предпросмотра импорта');
  const fileHash = await stored(app, small, 'список-2000.xlsx');
  const source = importSource.parse({ fileHash, target: 'participants', eventId: previewEvent });
  const engine: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    const sheet = await readSheet(small, 'список-2000.xlsx');
    const preview = previewImport(app.db, { fileName: 'список-2000.xlsx', sheet }, source);
    if (preview.lines.length !== 2000) throw new Error(`preview read ${preview.lines.length} rows`);
    if (i > 0) engine.push(performance.now() - started);
  }
  const viaCall: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    const answer = await app.dispatch('imports.preview', source);
    if (!answer.ok) throw new Error(answer.error.message);
    if (i > 0) viaCall.push(performance.now() - started);
  }

  // The import: each run a new list of 10,000 into a new event (two thirds new people), as a job through the call —
  // as the dialog runs it, after its preview (the kept worker's plan, imports.ts `lastPreview`), and cold, without one.
  const job: number[] = [];
  const cold: number[] = [];
  const write: number[] = [];
  for (let i = 0; i < 3; i++) {
    const bytes = await listFile(app, 10_000, `и${suffix(i)}`);
    const eventId = await event(app, `Проверка импорта ${i + 1}`);
    const hash = await stored(app, bytes, `список-10000-${i}.xlsx`);
    const runSource = { fileHash: hash, target: 'participants', eventId } as const;
    const previewed = await app.dispatch('imports.preview', runSource);
    if (!previewed.ok) throw new Error(previewed.error.message);
    job.push(await importJob(app, runSource));
    // Cold: another list, no preview before it (what the job costs when the registry changed since the preview).
    const coldBytes = await listFile(app, 10_000, `х${suffix(i)}`);
    const coldEvent = await event(app, `Проверка импорта без предпросмотра ${i + 1}`);
    cold.push(
      await importJob(app, {
        fileHash: await stored(app, coldBytes, `список-10000-х${i}.xlsx`),
        target: 'participants',
        eventId: coldEvent,
      }),
    );
    // The write alone — matching again and writing in one transaction, what holds the gate — on the same list into another event.
    const again = await event(app, `Проверка записи ${i + 1}`);
    const sheet = await readSheet(bytes, 'список.xlsx');
    const written = performance.now();
    app.sqlite.transaction(() =>
      writeImport(
        app.db,
        { fileName: 'список.xlsx', sheet },
        importSource.parse({ fileHash: hash, target: 'participants', eventId: again }),
      ),
    )();
    write.push(performance.now() - written);
  }
  const row = (name: string, ms: number, target: number): ImportBenchRow => ({ name, medianMs: ms, targetMs: target, ok: ms <= target });
  return [
    row('imports: предпросмотр 2 000 строк .xlsx (чтение и сопоставление)', median(engine), 300),
    row('imports: imports.preview 2 000 строк (через рабочий поток)', median(viaCall), 300),
    row('imports: импорт 10 000 строк после предпросмотра — работа целиком, от «Импортировать» до отчёта', median(job), 1000),
    {
      name: 'imports: импорт 10 000 строк без предпросмотра — работа целиком (чтение, сопоставление, запись)',
      medianMs: median(cold),
      targetMs: null,
      ok: true,
    },
    row('imports: импорт 10 000 строк — запись одной транзакцией', median(write), 1000),
  ];
}

/** The import timings on a fresh data folder with the reference registry at `scale` (its own step of `npm run bench`). */
export async function benchImportsAlone(scale: typeof REFERENCE_SCALE = REFERENCE_SCALE): Promise<ImportBenchRow[]> {
  const { createApp } = await import('@main/api/app');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-imports-'));
  const app = createApp({ dataDir });
  try {
    const init = await app.dispatch('app.initialize', { mode: 'empty' });
    if (!init.ok) throw new Error(init.error.message);
    generateReferenceData(app.sqlite, 20170912, scale);
    return await benchImports(app);
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchImportsAlone();
  for (const r of rows)
    console.log(
      `${r.ok ? 'OK ' : 'SLOW'} ${r.name}: ${Math.round(r.medianMs)} мс${r.targetMs === null ? ' (для сравнения)' : ` (цель ≤ ${r.targetMs} мс)`}`,
    );
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
}
