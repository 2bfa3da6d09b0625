// The library is loaded when the first sheet is made: evaluating it took 60 ms of every start of the host.
import type ExcelJS from 'exceljs';
import type { SheetCell, SheetSpec } from '@shared/documents/sheet';
import { xmlSafe } from '@shared/documents/text';

/**
 * The one Excel helper: every sheet the application writes goes through it.
 * - Row heights are set from the text: neither Excel nor LibreOffice fits a wrapped row when it
 *   opens a file (LibreOffice draws the text over the next rows), so the helper estimates the
 *   wrapped lines per cell from the column width and sets the height itself.
 * - Dates are real dates (a number with the format ДД.ММ.ГГГГ), so they sort and filter.
 * - The header row repeats on every printed page (print titles), the footer numbers the pages,
 *   the header row is frozen, and the autofilter covers the header and the data rows only,
 *   never the title above them.
 * - Text is stripped of the characters XML 1.0 forbids.
 */

const FONT = { name: 'Times New Roman', size: 12 };
const thin = { style: 'thin' as const };
const borders = { top: thin, bottom: thin, left: thin, right: thin };
/** Points per line of 12 pt text, and the padding above and below a cell's text. */
const LINE_HEIGHT = 15.6;
const PADDING = 3;
/**
 * Column widths are counted in the default font's digits (Calibri 11); a Cyrillic letter of
 * Times New Roman 12 is about this many of them wide on average, measured on the demo plan in
 * LibreOffice (words are wrapped whole, which the margin absorbs).
 */
const CHAR_WIDTH = 0.82;

/** How many lines a text takes in a column of `width` characters, wrapping at words. */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width / CHAR_WIDTH) - 1);
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let w = word.length;
      if (used > 0 && used + 1 + w > room) {
        count++;
        used = 0;
      }
      // A word longer than the column breaks inside.
      while (w > room) {
        count++;
        w -= room;
      }
      used += (used > 0 ? 1 : 0) + w;
    }
    lines += count;
  }
  return lines;
}

const cellText = (value: SheetCell): string =>
  value === null ? '' : typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '00.00.0000';

function cellValue(value: SheetCell): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'string') return xmlSafe(value);
  if (typeof value === 'number') return value;
  return new Date(`${value.date}T00:00:00Z`);
}

export async function renderSheet(spec: SheetSpec): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Ресурсный центр';
  for (const one of [spec, ...(spec.more ?? [])]) addSheet(workbook, one);
  // Deflate at level 1: JSZip's pure-JS deflate at its default level 6 was a third of writing a
  // large sheet, for files a few per cent smaller (tests/bench/exchange.ts).
  return Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }));
}

/** One worksheet of the file, laid out by the rules above. */
function addSheet(workbook: ExcelJS.Workbook, spec: Omit<SheetSpec, 'fileName' | 'more'>): void {
  const headerRow = spec.title.length + (spec.title.length ? 2 : 1);
  const sheet = workbook.addWorksheet(
    xmlSafe(spec.sheetName)
      .replace(/[\\/*?:[\]]/g, ' ')
      .slice(0, 31),
    {
      views: [{ state: 'frozen', ySplit: headerRow }],
      pageSetup: {
        paperSize: 9,
        orientation: spec.orientation,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${headerRow}:${headerRow}`,
        margins: { left: 0.8, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: '&CСтраница &P из &N', evenFooter: '&CСтраница &P из &N' },
    },
  );
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));
  const last = spec.columns.length;
  const totalWidth = spec.columns.reduce((s, c) => s + c.width, 0);

  spec.title.forEach((line, i) => {
    sheet.mergeCells(i + 1, 1, i + 1, last);
    const c = sheet.getCell(i + 1, 1);
    c.value = xmlSafe(line);
    c.font = { ...FONT, size: 14, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    // The title is 14 pt bold: its letters take about 14/12 of a 12 pt letter's room, or a long center name wraps to a line the row has no room for.
    sheet.getRow(i + 1).height = wrappedLines(line, (totalWidth * 12) / 14) * 18 + PADDING;
  });

  const fit = (row: ExcelJS.Row, texts: string[]) => {
    const lines = Math.max(1, ...texts.map((t, i) => wrappedLines(t, spec.columns[i]!.width)));
    row.height = lines * LINE_HEIGHT + PADDING;
  };

  const header = sheet.getRow(headerRow);
  header.values = spec.columns.map((c) => c.title);
  header.eachCell((c) => {
    c.font = { ...FONT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = borders;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
  });
  fit(
    header,
    spec.columns.map((c) => c.title),
  );

  // One style object per column and kind of value, shared by its cells: exceljs reuses the style
  // it wrote for an object it has seen (a WeakMap), and otherwise serialises every cell's style to
  // find its twin — 0.5 s of the monitoring table's 0.65 s (tests/bench/exchange.ts).
  const bodyStyles = spec.columns.map((column) => {
    const style = (numFmt?: string): Partial<ExcelJS.Style> => ({
      font: FONT,
      border: borders,
      alignment: { vertical: 'top', wrapText: true, horizontal: column.align ?? 'left' },
      ...(numFmt ? { numFmt } : {}),
    });
    return { date: style('dd.mm.yyyy'), number: style(), text: style() };
  });
  const styleOf = (i: number, value: SheetCell) => {
    const styles = bodyStyles[i] ?? bodyStyles[0]!;
    if (value !== null && typeof value === 'object') return styles.date;
    return typeof value === 'number' ? styles.number : styles.text;
  };
  spec.rows.forEach((cells, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    cells.forEach((value, i) => {
      const c = row.getCell(i + 1);
      c.value = cellValue(value);
      c.style = styleOf(i, value) as ExcelJS.Style;
    });
    fit(
      row,
      cells.map((v) => xmlSafe(cellText(v))),
    );
  });

  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + Math.max(spec.rows.length, 1), column: last } };
}
