import { documentFileName } from '@shared/documents/fileName';
import type { Block, DocumentSpec } from '@shared/documents/model';
import type { SheetSpec } from '@shared/documents/sheet';
import type { DistributionGroup, MovementStatement, StockOnDate } from '@shared/contract/publications';
import { formatDate, formatNumber } from '@shared/russian';

/**
 * The publications' statements as one report each — a heading and tables of numbers — rendered
 * from the same report to Word (DocumentSpec) and to Excel (SheetSpec), so the two files always
 * say the same. Pure: the numbers come from the ledger (electron/services/publications/statements.ts).
 */

export interface StatementsHeader {
  centerFullName: string;
}

interface ReportColumn {
  title: string;
  /** Share of the Word table's width. */
  share: number;
  /** Width in characters in Excel. */
  width: number;
  numeric?: boolean;
}

interface ReportTable {
  heading?: string;
  columns: ReportColumn[];
  rows: (string | number)[][];
}

interface Report {
  title: string;
  fileBase: string;
  orientation: 'portrait' | 'landscape';
  heading: string[];
  tables: ReportTable[];
  notes: string[];
}

/** A number as Russian print sets it: «1 250», a shortfall with the minus sign «−5». */
const cellText = (c: string | number) => (typeof c === 'number' ? (c < 0 ? `−${formatNumber(-c)}` : formatNumber(c)) : c);

function toDocument(r: Report, header: StatementsHeader): DocumentSpec {
  const blocks: Block[] = [
    ...(header.centerFullName ? [{ kind: 'line' as const, text: header.centerFullName, align: 'center' as const }] : []),
    ...r.heading.map((text, i): Block => ({
      kind: 'line',
      text,
      align: 'center',
      bold: i === 0,
      spaceBefore: i === 0 ? 1 : 0,
      heading: true,
    })),
  ];
  for (const t of r.tables) {
    if (t.heading) blocks.push({ kind: 'line', text: t.heading, align: 'left', bold: true, spaceBefore: 1, heading: true });
    else blocks.push({ kind: 'line', text: '', align: 'left' });
    if (t.rows.length === 0) {
      blocks.push({ kind: 'para', text: 'Нет данных за этот период.', indent: false });
      continue;
    }
    blocks.push({
      kind: 'table',
      columns: t.columns.map((c) => ({ title: c.title, share: c.share, ...(c.numeric ? { align: 'center' as const } : {}) })),
      rows: t.rows.map((row) => ({ cells: row.map(cellText) })),
    });
  }
  if (r.notes.length) blocks.push({ kind: 'note', lines: r.notes, spaceBefore: 1 });
  return { title: r.title, fileName: r.fileBase, orientation: r.orientation, draft: false, blocks };
}

/** The Excel twin: the first table is the sheet's data (filterable); the others follow under their headings. */
function toSheet(r: Report, header: StatementsHeader): SheetSpec {
  const [main, ...rest] = r.tables as [ReportTable, ...ReportTable[]];
  const rows: SheetSpec['rows'] = main.rows.map((row) => [...row]);
  for (const t of rest) {
    rows.push([]);
    if (t.heading) rows.push([t.heading]);
    rows.push(t.columns.map((c) => c.title));
    for (const row of t.rows) rows.push([...row]);
  }
  for (const note of r.notes) rows.push([], [note]);
  return {
    fileName: r.fileBase,
    sheetName: r.title.slice(0, 31),
    title: [header.centerFullName, ...r.heading].filter(Boolean),
    orientation: r.orientation,
    columns: main.columns.map((c) => ({ title: c.title, width: c.width, ...(c.numeric ? { align: 'center' as const } : {}) })),
    rows,
  };
}

// ————— Ведомость остатков —————

export const stockFileBase = (date: string) =>
  documentFileName(`Ведомость остатков печатной продукции на ${formatDate(date)}`, 'docx').replace(/\.docx$/, '');

function stockReport(data: StockOnDate): Report {
  return {
    title: 'Ведомость остатков печатной продукции',
    fileBase: stockFileBase(data.date),
    orientation: 'portrait',
    heading: ['ВЕДОМОСТЬ ОСТАТКОВ', 'печатной продукции', `на ${formatDate(data.date)}`],
    tables: [
      {
        columns: [
          { title: '№ п/п', share: 7, width: 7, numeric: true },
          { title: 'Наименование', share: 43, width: 48 },
          { title: 'Вид', share: 16, width: 18 },
          { title: 'Год выпуска', share: 10, width: 10, numeric: true },
          { title: 'Остаток, экз.', share: 12, width: 12, numeric: true },
          { title: 'Мин. остаток, экз.', share: 12, width: 12, numeric: true },
        ],
        rows: [
          ...data.rows.map((r, i) => [
            i + 1,
            r.low ? `${r.title} (ниже минимального остатка)` : r.title,
            r.kind,
            r.year,
            r.balance,
            r.minStock,
          ]),
          ...(data.rows.length ? [['', 'Итого', '', '', data.total, '']] : []),
        ],
      },
    ],
    notes: ['Остатки рассчитаны по журналу движения печатной продукции на конец указанного дня.'],
  };
}

export const stockDocument = (data: StockOnDate, header: StatementsHeader) => toDocument(stockReport(data), header);
export const stockSheet = (data: StockOnDate, header: StatementsHeader) => toSheet(stockReport(data), header);

// ————— Ведомость движения —————

export const statementFileBase = (from: string, to: string) =>
  documentFileName(`Ведомость движения печатной продукции с ${formatDate(from)} по ${formatDate(to)}`, 'docx').replace(/\.docx$/, '');

const groupTable = (heading: string, first: string, groups: DistributionGroup[]): ReportTable => ({
  heading,
  columns: [
    { title: first, share: 70, width: 48 },
    { title: 'Распространено, экз.', share: 30, width: 14, numeric: true },
  ],
  rows: groups.map((g) => [g.label, g.copies]),
});

function statementReport(data: MovementStatement): Report {
  const t = data.totals;
  return {
    title: 'Ведомость движения печатной продукции',
    fileBase: statementFileBase(data.from, data.to),
    orientation: 'landscape',
    heading: ['ВЕДОМОСТЬ ДВИЖЕНИЯ', 'печатной продукции', `с ${formatDate(data.from)} по ${formatDate(data.to)}`],
    tables: [
      {
        columns: [
          { title: '№ п/п', share: 5, width: 7, numeric: true },
          { title: 'Наименование', share: 31, width: 44 },
          { title: 'Вид', share: 12, width: 16 },
          { title: 'Остаток на начало, экз.', share: 9, width: 12, numeric: true },
          { title: 'Поступило, экз.', share: 9, width: 12, numeric: true },
          { title: 'Распространено, экз.', share: 9, width: 14, numeric: true },
          { title: 'Списано, экз.', share: 8, width: 11, numeric: true },
          { title: 'Расхождение по инвентаризации, экз.', share: 8, width: 14, numeric: true },
          { title: 'Остаток на конец, экз.', share: 9, width: 12, numeric: true },
        ],
        rows: [
          ...data.rows.map((r, i) => [i + 1, r.title, r.kind, r.start, r.received, r.distributed, r.writtenOff, r.stocktake, r.end]),
          ...(data.rows.length ? [['', 'Итого', '', t.start, t.received, t.distributed, t.writtenOff, t.stocktake, t.end]] : []),
        ],
      },
      groupTable('Распространено по видам продукции', 'Вид продукции', data.byKind),
      groupTable('Распространено по муниципальным образованиям получателей', 'Муниципальное образование', data.byMunicipality),
    ],
    notes: [
      'Поступило — полученные тиражи и ввод остатков. Расхождение по инвентаризации — пересчитанное количество за вычетом остатка по журналу.',
      'Остаток на конец = остаток на начало + поступило − распространено − списано + расхождение.',
    ],
  };
}

export const statementDocument = (data: MovementStatement, header: StatementsHeader) => toDocument(statementReport(data), header);
export const statementSheet = (data: MovementStatement, header: StatementsHeader) => toSheet(statementReport(data), header);
