import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@main/api/app';
import type { ExportResult } from '@shared/contract/exchange';
import type { Job } from '@shared/contract/jobs';
import { walk } from './helpers';

/**
 * The demo's approved report is a quarter's: here the year's own report is approved and goes out
 * with the export worker — its Word file with the trend charts among the documents, its figures in
 * the data package's report-figures.xlsx — read back from the files in the share. The year's
 * published news items (issue 24) go out in the same export.
 */
describe('an approved annual report in the export', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-app-'));
  const folder = mkdtempSync(path.join(os.tmpdir(), 'rc-share-'));
  const app = createApp({ dataDir });
  let files: string[];

  const ok = async (name: Parameters<typeof app.dispatch>[0], input: unknown) => {
    const result = await app.dispatch(name, input as never);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };

  beforeAll(async () => {
    await ok('app.initialize', { mode: 'demo' });
    await ok('reports.create', { year: 2017, quarter: null });
    await ok('reports.approve', { year: 2017, quarter: null, approvedOn: '2018-01-15' });
    await ok('exchange.saveSettings', { folder, centerCode: 'RC-06' });
    let job = (await ok('exchange.export', { year: 2017, kinds: ['reports', 'news', 'data'] })) as Job<ExportResult>;
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      job = (await ok('jobs.get', { id: job.id })) as Job<ExportResult>;
    }
    expect(job).toMatchObject({ state: 'ok', error: null });
    // Paths in the share, from its root: «RC-06/2017/reports/…».
    files = walk(folder).map((f) => path.join(folder, f));
  }, 180_000);
  afterAll(() => {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  });

  it('carries the year’s Word file beside the quarter’s, with its charts and the approved text', async () => {
    const reports = files.filter((f) => f.includes('/RC-06/2017/reports/'));
    expect(reports.map((f) => path.basename(f)).sort()).toEqual([
      'Отчёт о работе за 2017 год.docx',
      'Отчёт о работе за I квартал 2017 года.docx',
    ]);
    const zip = await JSZip.loadAsync(readFileSync(reports.find((f) => f.endsWith('за 2017 год.docx'))!));
    const pictures = Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(pictures.length).toBeGreaterThan(0);
    for (const picture of pictures) expect((await zip.file(picture)!.async('nodebuffer')).subarray(1, 4).toString()).toBe('PNG');
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('проведено 3 заседания');
    expect(text).toContain(`Рисунок ${pictures.length}`);
    // Approved: no «ПРОЕКТ» mark in the header of any page.
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/header\d*\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(headers.join('')).not.toContain('ПРОЕКТ');
  });

  it('carries the news items published in the year as Word files of the text that went out (the demo publishes one in 2017)', async () => {
    const news = files.filter((f) => f.includes('/RC-06/2017/news/'));
    expect(news.map((f) => path.basename(f))).toEqual([expect.stringMatching(/^Новость от 17\.03\.2017 Заседание .+\.docx$/)]);
    const zip = await JSZip.loadAsync(readFileSync(news[0]!));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Заседание межрайонной рабочей группы');
  });

  it('puts the year’s figures into the package’s table, as approved, beside the quarter’s', async () => {
    const table = files.find((f) => f.endsWith('/report-figures.xlsx'))!;
    expect(table).toBeDefined();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(table) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const yearly = rows.filter((r) => r[2] === '2017 год');
    expect(rows.some((r) => r[2] === 'I квартал 2017 года')).toBe(true);
    // Seed 003: 3 meetings, 8 events attended by the center's staff, 605 copies distributed in 2017.
    const value = (figure: string) => yearly.find((r) => r[4] === figure)?.[6];
    expect(yearly.map((r) => [r[0], r[1] ?? null, r[8]])).toEqual(yearly.map(() => [2017, null, '15.01.2018']));
    expect(value('Проведено заседаний')).toBe(3);
    expect(value('Мероприятия с участием специалистов')).toBe(8);
    expect(value('Распространено экземпляров')).toBe(605);
  });
});
