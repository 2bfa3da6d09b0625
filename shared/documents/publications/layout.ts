import { documentFileName } from '@shared/documents/fileName';
import type { Block, DocumentSpec } from '@shared/documents/model';
import type { SheetSpec } from '@shared/documents/sheet';
import type { DistributionGroup, MovementStatement, StockOnDate } from '@shared/contract/publications';
import { eventDates } from '@shared/contract/eventEnums';
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
  /** Its worksheet's name in Excel (at most 31 characters). */
  sheetName?: string;
  columns: ReportColumn[];
  rows: (string | number)[][];
}

interface Report {
  title: string;
  /** The first worksheet's name. */
  sheetName: string;
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

/** The Excel twin: each table a worksheet of its own, so every sheet's filter covers its data rows only. */
function toSheet(r: Report, header: StatementsHeader): SheetSpec {
  const sheetOf = (t: ReportTable, name: string) => ({
    sheetName: name.slice(0, 31),
    title: [header.centerFullName, ...r.heading, ...(t.heading ? [t.heading] : [])].filter(Boolean),
    orientation: r.orientation,
    columns: t.columns.map((c) => ({ title: c.title, width: c.width, ...(c.numeric ? { align: 'center' as const } : {}) })),
    rows: t.rows.map((row) => [...row]),
  });
  const [main, ...rest] = r.tables as [ReportTable, ...ReportTable[]];
  return {
    fileName: r.fileBase,
    ...sheetOf(main, r.sheetName),
    ...(rest.length ? { more: rest.map((t) => sheetOf(t, t.sheetName ?? t.heading ?? '')) } : {}),
  };
}

// ————— Ведомость остатков —————

export const stockFileBase = (date: string) =>
  documentFileName(`Ведомость остатков печатной продукции на ${formatDate(date)}`, 'docx').replace(/\.docx$/, '');

function stockReport(data: StockOnDate): Report {
  return {
    title: 'Ведомость остатков печатной продукции',
    sheetName: 'Остатки',
    fileBase: stockFileBase(data.date),
    orientation: 'portrait',
    heading: ['ВЕДОМОСТЬ ОСТАТКОВ', 'печатной продукции', `на ${formatDate(data.date)}`, '(в экземплярах)'],
    tables: [
      {
        columns: [
          { title: '№ п/п', share: 6, width: 7, numeric: true },
          { title: 'Наименование', share: 38, width: 48 },
          { title: 'Вид', share: 14, width: 18 },
          { title: 'Год выпуска', share: 12, width: 10, numeric: true },
          { title: 'Остаток', share: 12, width: 12, numeric: true },
          { title: 'Минимальный остаток', share: 18, width: 14, numeric: true },
        ],
        rows: [
          ...data.rows.map((r, i) => [
            i + 1,
            r.low ? `${r.title} (ниже минимального остатка)` : r.title,
            r.kind,
            String(r.year),
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

const groupTable = (heading: string, sheetName: string, first: string, groups: DistributionGroup[]): ReportTable => ({
  heading,
  sheetName,
  columns: [
    { title: first, share: 70, width: 48 },
    { title: 'Распространено', share: 30, width: 15, numeric: true },
  ],
  rows: groups.map((g) => [g.label, g.copies]),
});

function statementReport(data: MovementStatement): Report {
  const t = data.totals;
  return {
    title: 'Ведомость движения печатной продукции',
    sheetName: 'Движение',
    fileBase: statementFileBase(data.from, data.to),
    orientation: 'landscape',
    heading: ['ВЕДОМОСТЬ ДВИЖЕНИЯ', 'печатной продукции', `с ${formatDate(data.from)} по ${formatDate(data.to)}`, '(в экземплярах)'],
    tables: [
      {
        columns: [
          { title: '№ п/п', share: 4, width: 7, numeric: true },
          { title: 'Наименование', share: 20, width: 44 },
          { title: 'Вид', share: 8, width: 16 },
          { title: 'Остаток на начало', share: 10, width: 12, numeric: true },
          { title: 'Поступило', share: 10, width: 12, numeric: true },
          { title: 'Распространено', share: 16, width: 15, numeric: true },
          { title: 'Списано', share: 8, width: 11, numeric: true },
          { title: 'Расхождение по инвентаризации', share: 16, width: 15, numeric: true },
          { title: 'Остаток на конец', share: 8, width: 12, numeric: true },
        ],
        rows: [
          ...data.rows.map((r, i) => [i + 1, r.title, r.kind, r.start, r.received, r.distributed, r.writtenOff, r.stocktake, r.end]),
          ...(data.rows.length ? [['', 'Итого', '', t.start, t.received, t.distributed, t.writtenOff, t.stocktake, t.end]] : []),
        ],
      },
      groupTable('Распространено по видам продукции', 'По видам', 'Вид продукции', data.byKind),
      groupTable(
        'Распространено по муниципальным образованиям получателей',
        'По муниципальным образованиям',
        'Муниципальное образование',
        data.byMunicipality,
      ),
      // Only when something was handed out at an event: the rest went to organisations and people directly.
      ...(data.byEvent.length
        ? [
            groupTable(
              'Распространено на мероприятиях',
              'На мероприятиях',
              'Мероприятие',
              data.byEvent.map((e) => ({ label: `${e.title}, ${eventDates(e)}`, copies: e.copies })),
            ),
          ]
        : []),
    ],
    notes: [
      'Поступило — полученные тиражи и ввод остатков. Расхождение по инвентаризации — пересчитанное количество за вычетом остатка по журналу.',
      'Остаток на конец = остаток на начало + поступило − распространено − списано + расхождение.',
    ],
  };
}

export const statementDocument = (data: MovementStatement, header: StatementsHeader) => toDocument(statementReport(data), header);
export const statementSheet = (data: MovementStatement, header: StatementsHeader) => toSheet(statementReport(data), header);
