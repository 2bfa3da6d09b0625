import { inflateRawSync } from 'node:zlib';
import { formatNumber } from '@shared/russian';

/**
 * The values of one sheet of an .xlsx, read from its XML by hand rather than with exceljs: exceljs
 * builds the whole workbook's object model (every cell an object with its style, fonts, fills,
 * themes, a SAX event per node) when an import needs only the values of one sheet — that was
 * 300–500 ms of a 10,000-row job, this takes a few tens. It reads what a list's values depend on —
 * the first sheet as exceljs chooses it, shared strings and rich text runs, inline strings,
 * booleans, errors, formulas' cached values, numbers in a date format (the styles' numFmts) as
 * days, merged cells given their master's value, hyperlinked cells as their text — and answers as
 * exceljs 4.4 does, quirks included (a formula whose cached value is 0 reads as empty), so the
 * import reads a file the same whichever reader: tests/unit/imports/xlsxReader.test.ts compares the
 * two over every .xlsx of the tests. Where exceljs throws on a file (an overlapping merge, a shared
 * string that does not exist) this throws too, and the caller refuses the file.
 * The archive is read with Node's zlib, not JSZip: JSZip inflates in JavaScript (pako), which cost
 * a fresh worker 15–70 ms for a 10,000-row sheet before its code warmed up; zlib a few.
 */

/** A cell's value in exceljs's terms, before it becomes the import's `Cell`. */
export type SheetValue = null | string | number | boolean | Date | { error: string };

export interface SheetCell {
  value: SheetValue;
  /** A formula's cell: its cached result, as exceljs keeps it (a falsy result is dropped). */
  formula: boolean;
  /** No value but a style of its own: exceljs keeps the cell, and a row of only these is empty. */
  empty: boolean;
  hyperlink: boolean;
  /** A merged range's cell other than its top-left master: [row, column] of the master. */
  master?: [number, number];
}

export interface SheetRow {
  number: number;
  /** By column, 1-based as in the file (index 0 unused). */
  cells: (SheetCell | undefined)[];
}

export class BrokenWorkbook extends Error {}

/** The most bytes one part of the archive (a sheet, the shared strings) may inflate to. */
export const MAX_PART_BYTES = 100 * 1024 * 1024;

/** A part that inflates past MAX_PART_BYTES, or merged ranges covering more than MAX_MERGED_CELLS: the message says which, in Russian. */
export class WorkbookTooLarge extends Error {}

/**
 * The most cells the merged ranges of a sheet may cover together: each covered cell is made (as
 * exceljs makes it), and one range «A1:XFD1048576» in a hostile file would be 17 billion of them.
 * A two-row header merged across a list's columns is a few dozen.
 */
export const MAX_MERGED_CELLS = 1_000_000;
/** Excel's last column, XFD: an address past it is not a spreadsheet's. */
const MAX_COLUMN = 16_384;

// ---- zip ------------------------------------------------------------------------------------

/** The archive's files by name, inflated when asked for (APPNOTE 6.3: the end record, the central directory). */
function zipEntries(bytes: Buffer): Map<string, () => Buffer> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) throw new BrokenWorkbook('no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new BrokenWorkbook('bad central directory');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    let name = bytes.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    // exceljs drops a leading slash some writers put in front of the names.
    if (name.startsWith('/')) name = name.slice(1);
    at += 46 + skip;
    if (name.endsWith('/')) continue;
    entries.set(name, () => {
      if (flags & 1) throw new BrokenWorkbook('encrypted');
      if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw new BrokenWorkbook('bad local header');
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + size);
      if (method === 0) return data;
      if (method === 8) {
        // A file from outside: a few kilobytes may inflate to gigabytes (a zip bomb), so no part
        // is inflated past the bound — a list of 10,000 people is a sheet of a few megabytes.
        try {
          return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
        } catch (error) {
          if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
            throw new WorkbookTooLarge(`её лист занимает больше ${MAX_PART_BYTES / 1024 / 1024} МБ`);
          throw error;
        }
      }
      throw new BrokenWorkbook(`compression ${method}`);
    });
  }
  return entries;
}

// ---- XML ------------------------------------------------------------------------------------

interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  text?(raw: string): void;
  close(name: string): void;
}

/**
 * The tags and text of a document of the spreadsheet's plain XML, in order. No validation (the
 * files come from Excel, LibreOffice and libraries that write well-formed XML); comments,
 * processing instructions and the doctype are passed over; CDATA is ignored, as exceljs's
 * parser setup ignores it.
 */
function scanXml(xml: string, handler: XmlHandler) {
  let at = 0;
  const length = xml.length;
  const quotes = { quote: xml.indexOf('"'), apostrophe: xml.indexOf("'") };
  while (at < length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) break;
    if (lt > at && handler.text) handler.text(xml.slice(at, lt));
    const next = xml.charCodeAt(lt + 1);
    if (next === 47 /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) break;
      handler.close(xml.slice(lt + 2, gt).trim());
      at = gt + 1;
      continue;
    }
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const ending = xml.startsWith('<!--', lt) ? '-->' : xml.startsWith('<![CDATA[', lt) ? ']]>' : '>';
      const close = xml.indexOf(ending, lt + 2);
      if (close < 0) break;
      at = close + ending.length;
      continue;
    }
    // The tag ends at the first '>' outside quotes: an attribute's value may hold a '>' («[>100]0»).
    let end = xml.indexOf('>', lt);
    if (end < 0) break;
    if (unbalancedQuotes(xml, lt, end, quotes)) end = tagEnd(xml, lt);
    if (end >= length) break;
    const selfClosing = xml.charCodeAt(end - 1) === 47;
    const inner = xml.slice(lt + 1, selfClosing ? end - 1 : end);
    let nameEnd = 0;
    while (nameEnd < inner.length && !isSpaceOrSlash(inner.charCodeAt(nameEnd))) nameEnd++;
    const name = inner.slice(0, nameEnd);
    handler.open(name, inner.slice(nameEnd), selfClosing);
    if (selfClosing) handler.close(name);
    at = end + 1;
  }
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const isSpaceOrSlash = (c: number) => isSpace(c) || c === 47;

/**
 * Whether the tag from `lt` to `gt` has a quote left open, so that this '>' is inside an attribute's
 * value, or has an apostrophe (then read character by character). `next` keeps where the next
 * quote and apostrophe are: looked for again only once passed, not through the rest of the file
 * for every tag (a shared strings part has none after its first line).
 */
function unbalancedQuotes(xml: string, lt: number, gt: number, next: { quote: number; apostrophe: number }): boolean {
  if (next.apostrophe >= 0 && next.apostrophe < lt) next.apostrophe = xml.indexOf("'", lt);
  if (next.apostrophe >= 0 && next.apostrophe < gt) return true;
  if (next.quote >= 0 && next.quote < lt) next.quote = xml.indexOf('"', lt);
  let open = 0;
  while (next.quote >= 0 && next.quote < gt) {
    open ^= 1;
    next.quote = xml.indexOf('"', next.quote + 1);
  }
  return open === 1;
}

/** The tag's end read character by character, skipping quoted values (the rare tag whose value holds a '>' or an apostrophe). */
function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let end = lt + 1; end < xml.length; end++) {
    const c = xml.charCodeAt(end);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62 /* > */) return end;
  }
  return xml.length;
}

/** One attribute's value, found without reading the others: the sheet's 60,000 cells each need two or three. */
function attribute(text: string, name: string): string | undefined {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!isSpace(text.charCodeAt(at - 1))) continue;
    let i = at + name.length;
    while (isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (isSpace(text.charCodeAt(i))) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = text.indexOf(quote, i + 1);
    if (end < 0) return undefined;
    return decodeText(text.slice(i + 1, end));
  }
  return undefined;
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributesOf(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  if (!text) return found;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m; m = ATTRIBUTE.exec(text)) found[m[1]!] = decodeText(m[2] ?? m[3] ?? '');
  return found;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Character and the five predefined entity references, and XML's line ends (\r\n, \r → \n). */
function decodeText(raw: string): string {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (text.includes('&'))
    text = text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      return ENTITIES[ref] ?? whole;
    });
  return text;
}

/** Excel's escape of characters XML cannot hold («_x000B_»), undone in shared strings and rich text runs as exceljs does. */
const unescapeRuns = (text: string) => text.replace(/_x([0-9A-F]{4})_/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));

/** exceljs's second decoding of a formula's string result (utils.xmlDecode). */
const xmlDecodeAgain = (text: string) =>
  text.replace(/&([a-z]*);/g, (whole) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[whole] ?? whole);

// ---- the workbook's parts -------------------------------------------------------------------

function sharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (xml === undefined) return strings;
  let plain: string | undefined;
  let runs: string[] | undefined;
  let text: string[] | undefined;
  let inRun = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name) {
      if (phonetic) {
        if (name === 'rPh') phonetic++;
        return;
      }
      if (name === 'si') {
        plain = undefined;
        runs = undefined;
      } else if (name === 'rPh') phonetic = 1;
      else if (name === 'r') {
        inRun = true;
        (runs ??= []).push('');
      } else if (name === 't') text = [];
    },
    text(raw) {
      if (!phonetic && text) text.push(decodeText(raw));
    },
    close(name) {
      if (phonetic) {
        if (name === 'rPh') phonetic--;
        return;
      }
      if (name === 't' && text) {
        const value = unescapeRuns(text.join(''));
        if (inRun) runs![runs!.length - 1] += value;
        else plain = value;
        text = undefined;
      } else if (name === 'r') inRun = false;
      else if (name === 'si') strings.push(plain ?? (runs ? runs.join('') : ''));
    },
  });
  return strings;
}

/** exceljs's own table of the built-in formats that are dates or times (defaultnumformats.js through utils.isDateFmt). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
/** exceljs's defaultnumformats.js ids that have a format at all (the others are locale tables it does not use). */
const BUILT_IN_FORMATS = new Set([
  0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 37, 38, 39, 40, 45, 46, 47, 48, 49,
]);

/** exceljs's utils.isDateFmt: a y, m, d, h, s or b outside brackets and quotes. */
const isDateFormat = (format: string) => /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** For each cell style (`s` of a cell), whether its number format shows a date. */
function dateStyles(xml: string | undefined): boolean[] {
  const styles: boolean[] = [];
  if (xml === undefined) return styles;
  const custom = new Map<number, string>();
  const numFmtIds: number[] = [];
  const path: string[] = [];
  scanXml(xml, {
    open(name, attributes) {
      const parent = path.at(-1);
      path.push(name);
      if (name === 'numFmt' && parent === 'numFmts') {
        const a = attributesOf(attributes);
        custom.set(parseInt(a.numFmtId ?? '', 10), (a.formatCode ?? '').replace(/[\\](.)/g, '$1'));
      } else if (name === 'xf' && parent === 'cellXfs') numFmtIds.push(parseInt(attributesOf(attributes).numFmtId ?? '', 10));
    },
    close() {
      path.pop();
    },
  });
  for (const id of numFmtIds) {
    const custom_ = id ? custom.get(id) : undefined;
    styles.push(!id ? false : custom_ ? isDateFormat(custom_) : BUILT_IN_FORMATS.has(id) ? BUILT_IN_DATE_FORMATS.has(id) : false);
  }
  return styles;
}

interface WorkbookParts {
  sheets: string[];
  date1904: boolean;
}

/** The worksheets' files in the workbook's order, as exceljs resolves them (xl/workbook.xml, its rels). */
function workbookParts(workbook: string | undefined, rels: string | undefined, files: Map<string, unknown>): WorkbookParts {
  const targets = new Map<string, string>();
  if (rels !== undefined)
    scanXml(rels, {
      open(name, attributes) {
        if (name !== 'Relationship') return;
        const a = attributesOf(attributes);
        if (a.Id !== undefined && a.Target !== undefined) targets.set(a.Id, a.Target);
      },
      close() {},
    });
  const sheets: string[] = [];
  let date1904 = false;
  if (workbook !== undefined)
    scanXml(workbook, {
      open(name, attributes) {
        if (name === 'workbookPr') date1904 = attributesOf(attributes).date1904 === '1';
        if (name !== 'sheet') return;
        const target = targets.get(attributesOf(attributes)['r:id'] ?? '');
        if (target === undefined) return;
        const file = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
        // Only files exceljs takes for worksheets: a chartsheet's is passed over.
        if (files.has(file) && /xl\/worksheets\/sheet(\d+)[.]xml/.test(file)) sheets.push(file);
      },
      close() {},
    });
  return { sheets, date1904 };
}

// ---- the sheet ------------------------------------------------------------------------------

/** «AB12» → column 28 (the row is the row element's). */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + (c - 64);
    else if (c >= 97 && c <= 122) column = column * 26 + (c - 96);
    else if (c !== 36 /* $ */) break;
  }
  return column;
}

function rowOf(ref: string): number {
  const digits = /\d+/.exec(ref);
  return digits ? Number(digits[0]) : 0;
}

/** exceljs's utils.excelToDate: the serial's day and time at UTC. */
const excelToDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

interface Context {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

/** The rows of one worksheet as exceljs's model holds them once loaded (merges applied), by row number. */
function worksheetRows(xml: string, { strings, dates, date1904 }: Context): Map<number, SheetRow> {
  const rows = new Map<number, SheetRow>();
  const merges: string[] = [];
  const hyperlinks = new Set<string>();
  const sharedMasters = new Set<string>();
  let row: SheetRow | undefined;
  let lastRow = 0;
  let lastColumn = 0;
  // The cell being read.
  let ref: string | undefined;
  let type: string | undefined;
  let styleId = NaN;
  let value: string | undefined;
  let formula: string | undefined;
  let shareType: string | undefined;
  let sharedIndex: string | undefined;
  let sharedRef: string | undefined;
  let runs: string[] | undefined;
  let into: 'v' | 'f' | 'run' | undefined;
  let inCell = false;
  let inRun = false;
  let runText: string[] | undefined;
  // For a hyperlink, exceljs keeps a formula's result whatever it is: remembered apart.
  const hyperlinkText = new WeakMap<SheetCell, SheetValue>();

  const finishCell = () => {
    if (!row) return;
    const isDate = !!styleId && dates[styleId] === true;
    let cell: SheetCell | undefined;
    if (formula || shareType) {
      let result: SheetValue | undefined;
      if (value) {
        if (type === 'str') result = xmlDecodeAgain(value);
        else if (type === 'b') result = parseInt(value, 10) !== 0;
        else if (type === 'e') result = { error: value };
        else result = parseFloat(value);
      }
      if (result !== undefined && isDate) result = excelToDate(Number(result), date1904);
      // A shared formula's other cells name the master's address only once the master was read before them.
      let named = !!formula;
      if (shareType === 'shared') {
        if (sharedRef) sharedMasters.add(sharedIndex ?? '');
        else named = sharedMasters.has(sharedIndex ?? '');
      }
      cell = { value: named && result ? result : null, formula: true, empty: false, hyperlink: false };
      if (result !== undefined) hyperlinkText.set(cell, result);
    } else if (value !== undefined || runs !== undefined) {
      let v: SheetValue;
      if (type === 's') {
        const shared = strings[parseInt(value ?? '', 10)];
        if (shared === undefined) throw new BrokenWorkbook('no such shared string');
        v = shared;
      } else if (type === 'str') v = xmlDecodeAgain(value ?? '');
      else if (type === 'inlineStr') v = runs ? runs.join('') : (value ?? '');
      else if (type === 'b') v = parseInt(value ?? '', 10) !== 0;
      else if (type === 'e') v = { error: value ?? '' };
      else {
        const n = parseFloat(value ?? '');
        v = isDate ? excelToDate(n, date1904) : n;
      }
      cell = { value: v, formula: false, empty: false, hyperlink: false };
    } else if (styleId) cell = { value: null, formula: false, empty: true, hyperlink: false };
    // A cell with neither a value nor a style: exceljs does not keep it (nor count it as the previous for the next one without `r`).
    if (!cell) return;
    const column = ref ? columnOf(ref) : lastColumn + 1;
    if (column > MAX_COLUMN) throw new BrokenWorkbook('a column past XFD');
    lastColumn = column;
    row.cells[column] = cell;
  };

  scanXml(xml, {
    open(name, attributes, selfClosing) {
      switch (name) {
        case 'row': {
          const number = parseInt(attribute(attributes, 'r') ?? '', 10);
          lastRow = Number.isNaN(number) ? lastRow + 1 : number;
          lastColumn = 0;
          row = { number: lastRow, cells: [] };
          if (lastRow >= 1) rows.set(lastRow, row);
          break;
        }
        case 'c': {
          ref = attribute(attributes, 'r');
          type = attribute(attributes, 't');
          const s = attribute(attributes, 's');
          styleId = s ? parseInt(s, 10) : NaN;
          value = formula = shareType = sharedIndex = sharedRef = runs = undefined;
          into = undefined;
          inCell = !selfClosing;
          if (selfClosing) finishCell();
          break;
        }
        case 'f': {
          if (!inCell) break;
          const a = attributesOf(attributes);
          shareType = a.t;
          sharedIndex = a.si;
          sharedRef = a.ref;
          into = 'f';
          break;
        }
        case 'v':
        case 't':
          if (!inCell) break;
          if (inRun) {
            runText = [];
            into = 'run';
          } else into = 'v';
          break;
        case 'r':
          if (inCell) {
            inRun = true;
            (runs ??= []).push('');
          }
          break;
        case 'mergeCell': {
          const r = attributesOf(attributes).ref;
          if (r) merges.push(r);
          break;
        }
        case 'hyperlink': {
          const a = attributesOf(attributes);
          // exceljs looks a hyperlink up by the cell's address: one over a range («A1:B2») reaches no cell.
          if (a.ref && a['r:id'] && !a.ref.includes(':')) hyperlinks.add(a.ref);
          break;
        }
      }
    },
    text(raw) {
      if (into === 'v') value = (value ?? '') + decodeText(raw);
      else if (into === 'f') formula = (formula ?? '') + decodeText(raw);
      else if (into === 'run') runText!.push(decodeText(raw));
    },
    close(name) {
      switch (name) {
        case 'c':
          if (inCell) finishCell();
          inCell = false;
          into = undefined;
          break;
        case 'f':
        case 'v':
        case 'is':
          into = undefined;
          break;
        case 't':
          if (inRun && runText) {
            runs![runs!.length - 1] += unescapeRuns(runText.join(''));
            runText = undefined;
          }
          into = undefined;
          break;
        case 'r':
          inRun = false;
          into = undefined;
          break;
        case 'row':
          row = undefined;
          break;
      }
    },
  });

  // Hyperlinked cells: exceljs gives their text, a number's or a flag's as the string it prints.
  for (const address of hyperlinks) {
    const cell = rows.get(rowOf(address))?.cells[columnOf(address)];
    if (!cell) continue;
    const text = cell.formula ? hyperlinkText.get(cell) : cell.value;
    cell.hyperlink = true;
    cell.empty = false;
    cell.value = typeof text === 'number' || typeof text === 'boolean' ? String(text) : (text ?? null);
  }

  // Merged ranges, in the file's order, as exceljs's mergeCells: the master keeps its value, every
  // other cell of the range becomes a reference to it (created where the file had no cell).
  const taken: [number, number, number, number][] = [];
  let covered = 0;
  const cellAt = (r: number, c: number): SheetCell => {
    let target = rows.get(r);
    if (!target) rows.set(r, (target = { number: r, cells: [] }));
    return (target.cells[c] ??= { value: null, formula: false, empty: true, hyperlink: false });
  };
  for (const range of merges) {
    const [from, to = from] = range.split(':') as [string, string?];
    const [r1, c1, r2, c2] = [rowOf(from), columnOf(from), rowOf(to), columnOf(to)];
    const [top, left, bottom, right] = [Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2)];
    if (taken.some(([t, l, b, r]) => top <= b && bottom >= t && left <= r && right >= l))
      throw new BrokenWorkbook('Cannot merge already merged cells');
    if (right > MAX_COLUMN) throw new BrokenWorkbook('a column past XFD');
    covered += (bottom - top + 1) * (right - left + 1);
    if (covered > MAX_MERGED_CELLS)
      throw new WorkbookTooLarge(`объединённые ячейки листа покрывают больше ${formatNumber(MAX_MERGED_CELLS)} ячеек`);
    taken.push([top, left, bottom, right]);
    cellAt(top, left);
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        const cell = cellAt(r, c);
        cell.master = [top, left];
        cell.empty = false;
      }
  }
  return rows;
}

/**
 * The rows of the workbook's first worksheet that has a value (a list often follows an empty
 * «Лист1»), in order, as exceljs's eachRow gives them; null when no sheet has one.
 * Throws BrokenWorkbook for what is not a readable .xlsx.
 */
export function readWorkbookRows(bytes: Buffer): SheetRow[] | null {
  const files = zipEntries(bytes);
  const text = (name: string) => files.get(name)?.().toString('utf8');
  const { sheets, date1904 } = workbookParts(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'), files);
  if (sheets.length === 0) return null;
  const context = { strings: sharedStrings(text('xl/sharedStrings.xml')), dates: dateStyles(text('xl/styles.xml')), date1904 };
  for (const sheet of sheets) {
    const rows = [...worksheetRows(text(sheet)!, context).values()]
      .filter((r) => r.number >= 1 && r.cells.some((c) => c && !c.empty))
      .sort((a, b) => a.number - b.number);
    if (rows.length) return rows;
  }
  return null;
}
