import { TARGET_FIELDS, type ImportColumn, type ImportField, type ImportTarget, type MappingEntry } from '@shared/contract/imports';
import type { Cell, ReadSheet } from './read';
import { cellText } from './values';

/**
 * Where the list begins and what its columns are. A municipality's file often has a title line
 * above the table («Список участников семинара 12.03.2024»), a header of one or two rows (merged
 * «ФИО» over «Фамилия | Имя | Отчество»), then the rows, sometimes a «Итого» at the end.
 */

export interface Layout {
  columns: ImportColumn[];
  /** Index in `sheet.rows` of the first row of data. */
  firstData: number;
  /** The header's words, folded: how a file of the same shape is recognised next time. */
  signature: string;
}

const filled = (row: Cell[]) => row.reduce<number>((n, cell) => n + (cellText(cell).trim() === '' ? 0 : 1), 0);
const isText = (cell: Cell | undefined) => typeof cell === 'string';

/** JavaScript's `\b` knows only ASCII letters: this one is the same boundary for Cyrillic words. */
const BOUNDARY = String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`;
export const words = (pattern: RegExp): RegExp => new RegExp(pattern.source.replaceAll(String.raw`\b`, BOUNDARY), 'u');

/**
 * The header words each field is recognised by, tried on the header's last part first («ФИО. Фамилия» → Фамилия).
 * Built on the first header read, not when the module loads: fourteen Unicode patterns cost 12–24 ms of every start.
 */
let fieldWordsBuilt: [ImportField, RegExp][] | undefined;
const fieldWords = (): [ImportField, RegExp][] =>
  (fieldWordsBuilt ??= (
    [
      ['fullName', /^(фио|ф и о|ф и о участника|фамилия имя отчество|фамилия имя отчество участника|участник|ф и о полностью)$/],
      ['lastName', /\bфамилия\b/],
      ['firstName', /^имя\b/],
      ['middleName', /\bотчество\b/],
      ['position', /\bдолжност/],
      ['pdConsentDate', /\bсоглас/],
      ['email', /(\bпочт|\be ?mail\b|\bemail\b|\bэл адрес)/],
      ['phone', /(\bтелеф|\bтел\b|\bмоб|\bконтактн)/],
      ['orgShortName', /(\bкратк|\bсокращ)/],
      ['orgType', /(^тип\b|\bвид организации|\bтип организации)/],
      ['municipality', /(\bмуниципал|^район\b|^мо\b|\bгородской округ)/],
      ['address', /\bадрес\b/],
      ['orgFullName', /(\bполное наименование|^наименование\b|^организация\b|^название\b)/],
      ['organization', /(\bорганизац|\bучрежден|\bместо работы|^оо$|\bшкола\b)/],
    ] as [ImportField, RegExp][]
  ).map(([field, re]) => [field, words(re)]));

/** Header text folded to words: «Ф.И.О.» → «ф и о», «E-mail» → «e mail» (sortKey would move Latin letters out of ASCII). */
const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function findLayout(sheet: ReadSheet, target: ImportTarget): Layout {
  const { rows, rowNumbers } = sheet;
  const head = rows.slice(0, 20);
  const widest = Math.max(0, ...head.map(filled));
  // The header: the first row nearly as wide as the table (a title above fills one cell).
  const headerIndex = head.findIndex((row) => filled(row) >= Math.max(2, Math.ceil(widest * 0.6)));
  const at = headerIndex < 0 ? 0 : headerIndex;
  const first = rows[at] ?? [];
  const second = rows[at + 1];
  const width = Math.max(first.length, second?.length ?? 0);
  const headerRow = rowNumbers[at]!;
  const merged = [...Array(width).keys()].some((c) => sheet.mergedAcross.has(`${headerRow}:${c + 1}`));
  const gapsBelow = second !== undefined && [...Array(width).keys()].some((c) => cellText(first[c]) === '' && cellText(second[c]) !== '');
  const secondIsHeader =
    second !== undefined &&
    (merged || gapsBelow) &&
    second.every((cell) => cell === '' || isText(cell)) &&
    second.some((cell) => typeof cell === 'string' && fieldWords().some(([, re]) => re.test(plain(cell))));
  const columns: ImportColumn[] = [];
  const firstData = at + (secondIsHeader ? 2 : 1);
  for (let c = 0; c < width; c++) {
    const parts = [cellText(first[c]), secondIsHeader ? cellText(second[c]) : ''].map((p) => p.trim()).filter(Boolean);
    const header = [...new Set(parts)].join('. ');
    const sampleRow = rows.slice(firstData, firstData + 50).find((row) => cellText(row[c]).trim() !== '');
    if (header === '' && !sampleRow) continue;
    columns.push({ index: c, header: header || `Столбец ${c + 1}`, sample: sampleRow ? cellText(sampleRow[c]).slice(0, 80) : '' });
  }
  const signature = `${target}:${columns.map((col) => plain(col.header)).join('|')}`;
  return { columns, firstData, signature };
}

/** The mapping read from the header's words: each field to the first column that names it. */
export function guessMapping(columns: ImportColumn[], target: ImportTarget): MappingEntry[] {
  const allowed = TARGET_FIELDS[target];
  const taken = new Set<ImportField>();
  const mapping: MappingEntry[] = [];
  for (const column of columns) {
    const parts = column.header.split('. ').map(plain);
    const candidates = [parts.at(-1)!, parts.join(' ')];
    for (const text of candidates) {
      const found = fieldWords().find(([field, re]) => allowed.includes(field) && !taken.has(field) && re.test(text))?.[0];
      if (found) {
        taken.add(found);
        mapping.push({ field: found, column: column.index });
        break;
      }
    }
  }
  // «Фамилия, имя, отчество» in one column beside nothing else is the full name.
  if (!taken.has('fullName') && !taken.has('firstName') && taken.has('lastName')) {
    const entry = mapping.find((m) => m.field === 'lastName')!;
    const header = plain(columns.find((c) => c.index === entry.column)!.header);
    if (/\bимя\b/.test(header)) entry.field = 'fullName';
  }
  return mapping;
}
