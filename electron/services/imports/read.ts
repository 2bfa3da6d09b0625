import { invalid } from '@main/api/errors';
import type { ImportEncoding } from '@shared/contract/imports';
import { readWorkbookRows, WorkbookTooLarge, type SheetRow, type SheetValue } from './xlsx';

/**
 * Reading a list a municipality sent: an .xlsx from Excel or LibreOffice, or a CSV saved by
 * Excel in a Russian locale (cp1251 with `;`), as «CSV UTF-8» (with a BOM) or by anything else.
 * The file is data from outside: whatever it is, the answer is a grid of cells or a Russian
 * refusal, and nothing is written while reading.
 */

/** A cell as the file holds it: text, a number, or a day (`YYYY-MM-DD`) the spreadsheet typed as a date. */
export type Cell = string | number | { day: string };

export interface ReadSheet {
  /** The rows as they stand in the file (1-based numbers kept in `rowNumbers`), cells left to right. */
  rows: Cell[][];
  rowNumbers: number[];
  /** For an .xlsx: the columns each row's cell is merged across, to tell a two-row header. */
  mergedAcross: Set<string>;
  /** The encoding a CSV was read in; null for an .xlsx. */
  encoding: Exclude<ImportEncoding, 'auto'> | null;
  /** Characters XML forbids (control characters) taken out of the cells, by row number. */
  stripped: StrippedCharacters[];
}

export interface StrippedCharacters {
  row: number;
  /** The characters as «U+0007», each once. */
  codes: string[];
}

export const XLS_REFUSAL =
  'Это файл Excel 97–2003 (.xls), его приложение не читает. Сохраните файл в формате .xlsx («Файл» → «Сохранить как» → «Книга Excel») и выберите его снова.';
const NOT_A_TABLE = 'Файл не похож на таблицу: выберите список в формате .xlsx или .csv.';

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The OLE2 compound file of Excel 97–2003 (and old Word). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** What a file of another kind is, named in the refusal: the user chose the wrong attachment. */
const OTHER_KINDS: [string, (b: Buffer) => boolean][] = [
  ['PDF', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
  ['картинка PNG', (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47])],
  ['картинка JPEG', (b) => startsWith(b, [0xff, 0xd8, 0xff])],
  ['документ RTF', (b) => b.subarray(0, 5).toString('latin1') === '{\\rtf'],
];

/**
 * Characters XML 1.0 forbids: a cell holding one would break every .docx and .xlsx the text later
 * reaches (a certificate, the attendance list). Tab, line feed and carriage return are allowed.
 */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

export function stripForbidden(text: string, found: Set<string>): string {
  if (!XML_FORBIDDEN.test(text)) return text;
  XML_FORBIDDEN.lastIndex = 0;
  return text.replace(XML_FORBIDDEN, (char) => {
    found.add(`U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    return '';
  });
}

export async function readSheet(bytes: Buffer, fileName: string, encoding: ImportEncoding = 'auto'): Promise<ReadSheet> {
  if (startsWith(bytes, OLE2) || /\.xls$/i.test(fileName)) throw invalid(XLS_REFUSAL);
  for (const [kind, test] of OTHER_KINDS) {
    if (test(bytes))
      throw invalid(`Это не таблица, а ${kind}${/\.(xlsx|csv)$/i.test(fileName) ? ', хотя имя файла говорит другое' : ''}. ${NOT_A_TABLE}`);
  }
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (/\.(xlsx|xlsm|ods|docx|zip)$/i.test(fileName))
    throw invalid(`Файл «${fileName}» повреждён или не является книгой Excel. ${NOT_A_TABLE}`);
  return readCsv(bytes, encoding);
}

function cleanRows(raw: Cell[][], numbers: number[]): Pick<ReadSheet, 'rows' | 'rowNumbers' | 'stripped'> {
  const stripped: StrippedCharacters[] = [];
  const rows = raw.map((row, i) => {
    const found = new Set<string>();
    const cells = row.map((cell) => (typeof cell === 'string' ? stripForbidden(cell, found).trim() : cell));
    if (found.size) stripped.push({ row: numbers[i]!, codes: [...found].sort() });
    return cells;
  });
  return { rows, rowNumbers: numbers, stripped };
}

// ---- CSV -------------------------------------------------------------------------------------

/** BOM → strict UTF-8 → cp1251: a file that is valid UTF-8 is almost never cp1251 text, and back. */
export function detectEncoding(bytes: Buffer): Exclude<ImportEncoding, 'auto'> {
  if (startsWith(bytes, UTF8_BOM)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

async function decode(bytes: Buffer, encoding: Exclude<ImportEncoding, 'auto'>): Promise<string> {
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  // iconv-lite, not TextDecoder: Node's single-byte decoders have been wrong before (windows-1252 in Node 20).
  // Loaded on the first CSV, not at every start: its code tables are about 0.5 MB of the host's bundle.
  const { default: iconv } = await import('iconv-lite');
  return iconv.decode(body, encoding);
}

/** The separator of the first line outside quotes that has the most of them: `;`, tab or `,`. */
function detectDelimiter(text: string): string {
  let inQuotes = false;
  const counts: Record<string, number> = { ';': 0, '\t': 0, ',': 0 };
  for (const char of text.slice(0, 20_000)) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r') && Object.values(counts).some((n) => n > 0)) break;
    else if (!inQuotes && char in counts) counts[char]!++;
  }
  const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ';';
}

/** No cell with anything but spaces: an emptied sheet saved by Excel still has a line break (or a BOM) in it. */
function allBlank(rows: Cell[][]): boolean {
  return rows.every((row) => row.every((cell) => typeof cell === 'string' && cell.trim() === ''));
}

async function readCsv(bytes: Buffer, asked: ImportEncoding): Promise<ReadSheet> {
  // A text file holds no NUL byte (UTF-16 aside, which no spreadsheet's CSV export writes): anything else is binary.
  if (bytes.subarray(0, 4096).includes(0)) throw invalid(NOT_A_TABLE);
  const encoding = asked === 'auto' ? detectEncoding(bytes) : asked;
  const text = await decode(bytes, encoding);
  // Like iconv-lite, the CSV parser comes with the first CSV (tests/unit/electron/startupBundle.test.ts).
  const { parse: parseCsv } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw invalid(
      `Файл CSV не читается${line ? ` (строка ${line})` : ''}: проверьте кавычки в ячейках или сохраните таблицу в формате .xlsx.`,
    );
  }
  if (allBlank(records)) throw invalid('Файл пуст: в нём нет ни одной строки.');
  return {
    ...cleanRows(
      records,
      records.map((_, i) => i + 1),
    ),
    mergedAcross: new Set(),
    encoding,
  };
}

// ---- XLSX ------------------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');
/** A date cell's day: exceljs's Date of it is at UTC midnight (the time of day, if any, is dropped). */
const dayOf = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

function cellOf(value: SheetValue): Cell {
  if (value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : { day: dayOf(value) };
  // An error value (#Н/Д, #ДЕЛ/0!) reads as an empty cell.
  return '';
}

function readXlsx(bytes: Buffer): ReadSheet {
  let rows: SheetRow[] | null;
  try {
    rows = readWorkbookRows(bytes);
  } catch (error) {
    if (error instanceof WorkbookTooLarge)
      throw invalid(`Книга Excel слишком велика для импорта: ${error.message}. Разделите список на несколько файлов.`);
    throw invalid(`Книга Excel повреждена или это не .xlsx. ${NOT_A_TABLE}`);
  }
  if (!rows) throw invalid('В книге нет ни одного заполненного листа.');
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  const raw: Cell[][] = [];
  const numbers: number[] = [];
  const mergedAcross = new Set<string>();
  for (const row of rows) {
    const cells: Cell[] = [];
    for (let col = 1; col < row.cells.length; col++) {
      const cell = row.cells[col];
      if (!cell) {
        cells.push('');
        continue;
      }
      if (!cell.master) {
        cells.push(cellOf(cell.value));
        continue;
      }
      // A merged range's other cells carry the master's value: one beside its master marks a header spanning columns.
      const [masterRow, masterCol] = cell.master;
      cells.push(cellOf(byNumber.get(masterRow)?.cells[masterCol]?.value ?? null));
      if (masterRow === row.number && masterCol !== col) mergedAcross.add(`${row.number}:${col}`);
    }
    raw.push(cells);
    numbers.push(row.number);
  }
  if (allBlank(raw)) throw invalid('Файл пуст: в нём нет ни одной строки.');
  return { ...cleanRows(raw, numbers), mergedAcross, encoding: null };
}
