import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheet, type Cell, type ReadSheet } from '@main/services/imports';

/**
 * The import reads an .xlsx by hand (electron/services/imports/xlsx.ts) instead of loading it
 * into exceljs. This holds the two equal: each .xlsx the tests use — the committed ones saved by
 * LibreOffice, the benchmark's list, workbooks exceljs writes with every kind of cell, and sheets
 * whose XML is written here the way other programs write it — read both ways gives the same rows,
 * row numbers, merged header cells and stripped characters, or the same refusal.
 */

const FIXTURES = path.join(import.meta.dirname, '..', '..', 'fixtures', 'imports');

// ---- the reading the import had before, through exceljs: the reference --------------------------

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : { day: dayOf(value) };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? '');
  return '';
}

/** What exceljs reads: the first sheet with a row, its rows and cells, as the import took them. */
async function throughExceljs(bytes: Buffer): Promise<{ rows: Cell[][]; rowNumbers: number[]; mergedAcross: string[] } | string> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return 'broken';
  }
  const sheet = book.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return 'no sheet';
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  const mergedAcross: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellOf(cell.value);
      if (cell.isMerged && Number(cell.master.row) === rowNumber && Number(cell.master.col) !== col)
        mergedAcross.push(`${rowNumber}:${col}`);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push(cells);
    rowNumbers.push(rowNumber);
  });
  return { rows, rowNumbers, mergedAcross };
}

async function byHand(bytes: Buffer) {
  try {
    return await readSheet(bytes, 'список.xlsx');
  } catch (error) {
    const message = (error as Error).message;
    return message.includes('повреждена') ? 'broken' : message.includes('нет ни одного заполненного листа') ? 'no sheet' : message;
  }
}

/** The same rows both ways; the cells as the import has them after taking out forbidden characters and trimming. */
async function expectSameReading(bytes: Buffer): Promise<ReadSheet> {
  const reference = await throughExceljs(bytes);
  const read = await byHand(bytes);
  if (typeof reference === 'string') {
    expect(read).toBe(reference);
    return read as unknown as ReadSheet;
  }
  if (typeof read === 'string') throw new Error(`the reader refused a file exceljs reads: ${read}`);
  // The characters XML forbids, which the import takes out of every cell it reads (read.ts).
  // eslint-disable-next-line no-control-regex
  const strip = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu;
  const clean = (rows: Cell[][]) => rows.map((row) => row.map((c) => (typeof c === 'string' ? c.replace(strip, '').trim() : c)));
  expect(read.rows).toEqual(clean(reference.rows));
  expect(read.rowNumbers).toEqual(reference.rowNumbers);
  expect([...read.mergedAcross].sort()).toEqual([...reference.mergedAcross].sort());
  return read;
}

async function written(fill: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  fill(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** An exceljs workbook with its parts replaced by XML as another program writes it. */
async function withParts(parts: Record<string, string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(
    await written((book) => {
      book.addWorksheet('Лист1').addRow(['x']);
    }),
  );
  for (const [name, xml] of Object.entries(parts)) zip.file(name, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const SHEET = (body: string, after = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${body}</sheetData>${after}</worksheet>`;

describe('the .xlsx reader gives what exceljs gives', () => {
  it('for the committed files LibreOffice saved', async () => {
    for (const name of ['participants-merged-header.xlsx', 'people-text-dates.xlsx']) {
      const read = await expectSameReading(readFileSync(path.join(FIXTURES, name)));
      expect(read.rows.length).toBeGreaterThan(5);
    }
    // The merged two-row header is seen as merged: «ФИО» over three columns.
    const merged = await readSheet(readFileSync(path.join(FIXTURES, 'participants-merged-header.xlsx')), 'a.xlsx');
    expect([...merged.mergedAcross].sort()).toEqual(['2:3', '2:4']);
    expect(merged.rows[1]!.slice(0, 4)).toEqual(['№ п/п', 'ФИО', 'ФИО', 'ФИО']);
  });

  it('for the benchmark’s list of names, phones as numbers and consent dates', async () => {
    const bytes = await written((book) => {
      const sheet = book.addWorksheet('Участники');
      sheet.addRow(['ФИО', 'Организация', 'Должность', 'Телефон', 'E-mail', 'Дата согласия']);
      for (let i = 0; i < 300; i++)
        sheet.addRow([
          `Новикова${i} Анна Петровна`,
          'МБОУ СОШ №1',
          'Учитель',
          89100000000 + i,
          `u${i}@example.ru`,
          new Date(Date.UTC(2024, 2, 12)),
        ]);
    });
    const read = await expectSameReading(bytes);
    expect(read.rows[1]).toEqual([
      'Новикова0 Анна Петровна',
      'МБОУ СОШ №1',
      'Учитель',
      89100000000,
      'u0@example.ru',
      { day: '2024-03-12' },
    ]);
  });

  it('for every kind of cell exceljs writes, an empty first sheet, merges and hyperlinks', async () => {
    const bytes = await written((book) => {
      book.addWorksheet('Лист1');
      const s = book.addWorksheet('Список');
      s.addRow(['Заголовок над таблицей']);
      s.addRow(['ФИО', '', '', 'Дата']);
      s.addRow(['Фамилия', 'Имя', 'Отчество', '']);
      s.mergeCells('A2:C2');
      s.mergeCells('D2:D3');
      s.addRow([
        { richText: [{ text: 'Ива', font: { bold: true } }, { text: 'нова' }] },
        'Анна',
        true,
        new Date(Date.UTC(2024, 2, 12, 15, 30)),
      ]);
      s.addRow([{ formula: '1+1', result: 2 }, { formula: 'A1', result: 0 }, { formula: '"x"', result: 'текст' }, false]);
      s.addRow([{ error: '#N/A' }, { text: 'почта', hyperlink: 'mailto:a@example.ru' }, -3.25, 'A & B < "C" \'D\' > E']);
      s.addRow([]);
      s.addRow(['  пробелы  ', 'строка\nвторая', 'вертикальная\u000bтабуляция', 45363]);
      s.getCell('B9').value = { formula: 'DATE(2024,3,12)', result: new Date(Date.UTC(2024, 2, 12)) };
      s.getCell('C9').value = 0.5;
      s.getCell('C9').numFmt = 'h:mm';
      s.getCell('D9').value = 45363;
      s.getCell('D9').numFmt = 'dd.mm.yyyy';
      s.getCell('E9').value = 45363;
      s.getCell('E9').numFmt = '[$-419]d mmmm yyyy "г."';
      s.getCell('F9').value = 1234.5;
      s.getCell('F9').numFmt = '#,##0.00 "руб."';
      // A styled cell with nothing in it, and a row of only such cells.
      s.getCell('H8').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      s.getCell('B11').border = { top: { style: 'thin' } };
      s.addRow(['Итого']);
      s.mergeCells('A13:B14');
      s.getCell('A13').value = 'объединено по вертикали';
      s.addRow([]);
      book.addWorksheet('Ещё').addRow(['другой лист']);
    });
    const read = await expectSameReading(bytes);
    expect(read.rowNumbers[0]).toBe(1);
    expect(read.rows[3]).toEqual(['Иванова', 'Анна', 'да', { day: '2024-03-12' }]);
  });

  it('for a workbook counting days from 1904', async () => {
    const bytes = await written((book) => {
      book.properties.date1904 = true;
      const s = book.addWorksheet('Список');
      s.addRow(['Дата', 'Число']);
      s.addRow([new Date(Date.UTC(2024, 2, 12)), 44000]);
    });
    const read = await expectSameReading(bytes);
    expect(read.rows[1]![0]).toEqual({ day: '2024-03-12' });
  });

  it('for sheets written as other programs write them: inline strings, shared formulas, cells without an address, entities', async () => {
    const bytes = await withParts({
      'xl/worksheets/sheet1.xml': SHEET(
        [
          '<row r="1" spans="1:6"><c r="A1" t="inlineStr"><is><t>ФИО</t></is></c><c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Орга</t></r><r><t xml:space="preserve">низация </t></r></is></c>',
          '<c r="C1" t="str"><f>"Тел"&amp;"ефон"</f><v>Тел&amp;amp;ефон</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#DIV/0!</v></c></row>',
          '<row r="3"><c r="B3" t="inlineStr"><is><t>с адресом</t></is></c><c t="inlineStr"><is><t>без адреса</t></is></c><c><v>12</v></c><c r="E3"><f t="shared" ref="E3:E4" si="0">D3*2</f><v>24</v></c></row>',
          '<!-- a comment --><row r="4"><c r="D4"><v>&#49;3</v></c><c r="E4"><f t="shared" si="0"/><v>26</v></c><c r="F4"><f t="shared" si="7"/><v>5</v></c></row>',
          '<row r="2"><c r="A2" t="inlineStr"><is><t>строка\r\nвторая &lt;&#x410;&gt;</t></is></c><c r="B2" s="0"/><c r="C2"/></row>',
          '<row r="6"><c r="A6"><f>1/0</f><v>0</v></c><c r="B6" t="inlineStr"><is><t><![CDATA[скрыто]]></t></is></c></row>',
        ].join(''),
      ),
    });
    await expectSameReading(bytes);
  });

  it('for shared strings with rich runs, phonetic runs and Excel’s escapes of control characters', async () => {
    const bytes = await withParts({
      'xl/sharedStrings.xml':
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">' +
        '<si><t>Семья_x000B_центр</t></si><si><r><t>Пе</t></r><r><rPr><i/></rPr><t>трова</t></r></si>' +
        '<si><t>кана</t><rPh sb="0" eb="1"><t>カナ</t></rPh><phoneticPr fontId="1"/></si><si><t/></si><si><t>_x005F_x000D_ &amp; &quot;</t></si></sst>',
      'xl/worksheets/sheet1.xml': SHEET(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
      ),
    });
    const read = await expectSameReading(bytes);
    expect(read.stripped).toEqual([{ row: 1, codes: ['U+000B'] }]);
  });

  it('for hyperlinks on numbers and formulas, and merges over empty cells', async () => {
    const bytes = await withParts({
      'xl/worksheets/sheet1.xml': SHEET(
        '<row r="1"><c r="A1"><v>89101234567</v></c><c r="B1"><f>1-1</f><v>0</v></c><c r="C1" t="b"><v>0</v></c><c r="D1" s="1"/></row>' +
          '<row r="2"><c r="A2"><v>5</v></c></row>',
        '<mergeCells count="2"><mergeCell ref="D1:F1"/><mergeCell ref="A3:B5"/></mergeCells>' +
          '<hyperlinks><hyperlink ref="A1" r:id="rId9"/><hyperlink ref="B1" r:id="rId9"/><hyperlink ref="C1" r:id="rId9"/><hyperlink ref="D1" r:id="rId9"/><hyperlink ref="A2:B2" r:id="rId9"/></hyperlinks>',
      ),
      'xl/worksheets/_rels/sheet1.xml.rels':
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="tel:89101234567" TargetMode="External"/></Relationships>',
    });
    await expectSameReading(bytes);
  });

  it('for number formats whose attributes hold a «>» or apostrophes', async () => {
    const bytes = await withParts({
      'xl/styles.xml':
        '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        `<numFmts count="2"><numFmt numFmtId="164" formatCode="[>1]dd.mm.yyyy"/><numFmt numFmtId='165' formatCode='0" шт."'/></numFmts>` +
        '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>',
      'xl/worksheets/sheet1.xml': SHEET(
        '<row r="1"><c r="A1" s="1"><v>45363</v></c><c r="B1" s="2"><v>45363</v></c><c r="C1" s=\'1\'><v>45000</v></c></row>',
      ),
    });
    const read = await expectSameReading(bytes);
    expect(read.rows[0]).toEqual([{ day: '2024-03-12' }, 45363, { day: '2023-03-15' }]);
  });

  it('refusing the same files: overlapping merges, a missing shared string, no sheet, not a zip', async () => {
    await expectSameReading(
      await withParts({
        'xl/worksheets/sheet1.xml': SHEET(
          '<row r="1"><c r="A1"><v>1</v></c></row>',
          '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>',
        ),
      }),
    );
    await expectSameReading(await withParts({ 'xl/worksheets/sheet1.xml': SHEET('<row r="1"><c r="A1" t="s"><v>99</v></c></row>') }));
    await expectSameReading(await withParts({ 'xl/worksheets/sheet1.xml': SHEET('<row r="1"><c r="A1" s="1"/></row>') }));
    expect(await byHand(Buffer.from('PK\u0003\u0004 not really a zip', 'latin1'))).toBe('broken');
  });
});
