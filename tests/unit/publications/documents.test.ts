import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileOutput } from '@shared/contract/define';
import { demoApi } from '@tests/unit/documents/corpus';
import { convertBatch, fileBytes, flat, missingInOrder, pdfText, xmlParts } from '@tests/unit/documents/office';
import type { Api } from '@tests/unit/meetings/helpers';
import { publicationsExportKind } from '@main/services/publications';

/**
 * The publications' statements on the demo data (seed 003: about 600 copies handed out in 2017),
 * read from the files: the Excel cells with exceljs, the Word table from its XML, the text in
 * order from LibreOffice's PDF.
 */

let api: Api;
const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-publications-'));
const files: Record<string, FileOutput> = {};
let pdf: Map<string, { pdf: string }>;
const year2017 = { from: '2017-01-01', to: '2017-12-31' };

beforeAll(async () => {
  api = await demoApi(false);
  files.statementDocx = await api.call('publications.statementDocx', year2017);
  files.statementXlsx = await api.call('publications.statementXlsx', year2017);
  files.stockDocx = await api.call('publications.stockDocx', { date: '2017-06-30', includeArchived: false });
  pdf = convertBatch(dir, [fileBytes(files.statementDocx!), fileBytes(files.stockDocx!)]);
}, 120_000);
afterAll(() => {
  api.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const bytes = (f: FileOutput) => Buffer.from(f.base64, 'base64');

describe('the movement statement of the demo year', () => {
  it('hands out about 600 copies in 2017, and every row adds up in the Excel cells', async () => {
    const statement = await api.call('publications.statement', year2017);
    expect(statement.totals.distributed).toBe(605);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes(files.statementXlsx!) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(7).values as unknown[]).slice(1);
    expect(header).toEqual([
      '№ п/п',
      'Наименование',
      'Вид',
      'Остаток на начало',
      'Поступило',
      'Распространено',
      'Списано',
      'Расхождение по инвентаризации',
      'Остаток на конец',
    ]);
    const rows: unknown[][] = [];
    for (let r = 8; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows.find((r) => r[1] === 'Сборник «Что написано пером...»')).toEqual([
      expect.any(Number),
      'Сборник «Что написано пером...»',
      'Сборник',
      0,
      100,
      65,
      0,
      0,
      35,
    ]);
    expect(rows.find((r) => String(r[1]).startsWith('Буклет'))!.slice(3)).toEqual([0, 150, 90, 0, -2, 58]);
    for (const r of rows) {
      const [start = 0, received = 0, distributed = 0, writtenOff = 0, stocktake = 0, end = 0] = r.slice(3) as number[];
      expect(start + received - distributed - writtenOff + stocktake, String(r[1])).toBe(end);
    }
    expect(rows.at(-1)!.slice(1)).toEqual(['Итого', '', 0, 790, 605, 10, -2, 173]);
    // The breakdowns are worksheets of their own, each with its filter over its own rows.
    expect(book.worksheets.map((w) => w.name)).toEqual(['Движение', 'По видам', 'По муниципальным образованиям', 'На мероприятиях']);
    const rowsOf = (sheet: ExcelJS.Worksheet) => {
      const found: unknown[][] = [];
      sheet.eachRow((row, n) => n > 8 && found.push((row.values as unknown[]).slice(1)));
      return found;
    };
    expect(rowsOf(book.worksheets[1]!)).toContainEqual(['Листовка', 240]);
    // The collection's 30 copies handed out at the seminar the center's staff attended (the demo's events).
    expect(rowsOf(book.worksheets[3]!)).toEqual([
      ['Семинар «Организация эффективной работы служб по устройству детей в семью», 28.11.2017', 30],
    ]);
    expect(statement.byEvent).toEqual([expect.objectContaining({ firstDay: '2017-11-28', copies: 30 })]);
  });

  it('reads the same in Word: the table cells from the XML, the requisites in order from the PDF', async () => {
    const xml = (await xmlParts(bytes(files.statementDocx!))).get('word/document.xml')!;
    const cells = [...xml.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((m) =>
      [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    const at = cells.indexOf('Итого');
    expect(cells.slice(at, at + 8)).toEqual(['Итого', '', '0', '790', '605', '10', '−2', '173']);
    const text = flat(pdfText(pdf.get(files.statementDocx!.fileName)!.pdf));
    expect(
      missingInOrder(text, [
        'ВЕДОМОСТЬ ДВИЖЕНИЯ',
        'печатной продукции',
        'с 01.01.2017 по 31.12.2017',
        // A heading of two lines in its cell reads across the row in the PDF: one word of each.
        'Поступило',
        'Распространено',
        'Сборник «Что написано пером...»',
        'Итого',
        'Распространено по видам продукции',
        'Листовка',
        'Распространено по муниципальным образованиям получателей',
        'Распространено на мероприятиях',
        'Организация эффективной работы служб',
        'Остаток на конец = остаток на начало',
      ]),
    ).toBeNull();
  });

  it('«Ведомость остатков» on a date counts what was on hand at the end of that day', async () => {
    const stock = await api.call('publications.stockOnDate', { date: '2017-06-30', includeArchived: false });
    // The collection and the recommendations were not printed yet on 30.06.2017.
    expect(stock.rows.map((r) => [r.title.split(' ')[0], r.balance])).toEqual([
      ['Буклет', 100],
      ['Листовка', 120],
      ['Памятка', 90],
    ]);
    const text = flat(pdfText(pdf.get(files.stockDocx!.fileName)!.pdf));
    expect(missingInOrder(text, ['ВЕДОМОСТЬ ОСТАТКОВ', 'на 30.06.2017', 'Буклет', '100', 'Итого', '310'])).toBeNull();
  });

  it('goes out with the export of the year, and not for a year without movements', async () => {
    const built = await publicationsExportKind.build(api.db, 2017);
    expect(built.map((f) => f.fileName)).toEqual([
      'Ведомость движения печатной продукции с 01.01.2017 по 31.12.2017.docx',
      'Ведомость движения печатной продукции с 01.01.2017 по 31.12.2017.xlsx',
      'Ведомость остатков печатной продукции на 31.12.2017.docx',
      'Ведомость остатков печатной продукции на 31.12.2017.xlsx',
    ]);
    expect(await publicationsExportKind.build(api.db, 2015)).toEqual([]);
  });

  it('the demo’s collection realises its plan item once its print run is received', async () => {
    const items = await api.call('workPlan.items', { year: 2017 });
    const item = items.find((i) => i.title.startsWith('Сборник «Что написано пером...»'))!;
    expect(item.realisations).toEqual([
      expect.objectContaining({ kind: 'publication', final: true, label: 'сборник «Что написано пером...», тираж получен 20.11.2017' }),
    ]);
    expect(item.status).toBe('done');
  });
});
