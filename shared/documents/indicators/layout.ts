import { documentFileName } from '@shared/documents/fileName';
import type { Block, DocumentSpec, TableRow } from '@shared/documents/model';
import type { SheetCell, SheetSpec } from '@shared/documents/sheet';
import { formatFigure } from '@shared/russian';

/**
 * «Показатели мониторинга за год»: every indicator's figure for the year beside the year before,
 * each with how it was obtained (its grain, or the register it is counted from), and the
 * year-over-year chart of one indicator. One report, rendered to Word (with the chart as a
 * picture) and to Excel (the same table; the chart is named, not drawn). Pure: the figures come
 * from electron/services/indicators/documents.ts.
 */

export interface YearReportRow {
  group: string;
  name: string;
  unit: string;
  value: number | null;
  /** The year before, for the change. */
  previous: number | null;
  /** «за год по сегменту в целом», «из реестра «Мероприятия»: …». */
  basis: string;
  complete: boolean;
  previousComplete: boolean;
}

export interface YearReport {
  year: number;
  centerFullName: string;
  rows: YearReportRow[];
}

/** The chart of the document, drawn by the main process, and what it is called. */
export interface YearReportChart {
  image: Extract<Block, { kind: 'image' }>;
  title: string;
}

export const yearReportFileBase = (year: number) =>
  documentFileName(`Показатели мониторинга за ${year} год`, 'docx').replace(/\.docx$/, '');

const COLUMNS = (year: number) => [
  { title: '№ п/п', share: 6, width: 6, center: true },
  { title: 'Показатель', share: 30, width: 44 },
  { title: 'Единица', share: 13, width: 13 },
  { title: `${year - 1} год`, share: 9, width: 11, center: true },
  { title: `${year} год`, share: 9, width: 11, center: true },
  { title: 'Изменение', share: 11, width: 12, center: true },
  { title: 'Как получено', share: 22, width: 40 },
];

/** A change is stated between two complete years only: a quarter against a year says nothing. */
function change(row: YearReportRow): number | null {
  return row.value !== null && row.previous !== null && row.complete && row.previousComplete ? row.value - row.previous : null;
}

const signed = (n: number | null) => (n === null ? '' : n > 0 ? `+${formatFigure(n)}` : n < 0 ? `−${formatFigure(-n)}` : '0');
const shown = (n: number | null, complete: boolean) => (n === null ? '—' : `${formatFigure(n)}${complete ? '' : '*'}`);
const basisOf = (row: YearReportRow) => (row.value === null ? 'нет значений' : `${row.basis}${row.complete ? '' : ' — неполные данные'}`);

const NOTES = [
  'Значения каждого года приведены в том виде, в каком их дал источник (за квартал или за год, по муниципальным образованиям или по сегменту в целом), и не делятся. Изменение указано только между двумя годами с полными данными.',
  '* год с неполными данными: введены не все кварталы или не все муниципальные образования, или год не окончен.',
];

function heading(report: YearReport): string[] {
  return ['ПОКАЗАТЕЛИ МОНИТОРИНГА', `за ${report.year} год`];
}

/** The rows in the catalogue's order, a heading row before each group. */
function grouped<T>(rows: YearReportRow[], line: (row: YearReportRow, n: number) => T, group: (name: string) => T): T[] {
  const out: T[] = [];
  let current: string | null = null;
  rows.forEach((row, i) => {
    if (row.group && row.group !== current) out.push(group(row.group));
    current = row.group;
    out.push(line(row, i + 1));
  });
  return out;
}

export function yearReportDocument(report: YearReport, chart: YearReportChart | null): DocumentSpec {
  const columns = COLUMNS(report.year);
  const blocks: Block[] = [
    ...(report.centerFullName ? [{ kind: 'line' as const, text: report.centerFullName, align: 'center' as const }] : []),
    ...heading(report).map((text, i): Block => ({
      kind: 'line',
      text,
      align: 'center',
      bold: i === 0,
      spaceBefore: i === 0 ? 1 : 0,
      heading: true,
    })),
    { kind: 'line', text: '', align: 'left' },
    {
      kind: 'table',
      columns: columns.map((c) => ({ title: c.title, share: c.share, ...(c.center ? { align: 'center' as const } : {}) })),
      rows: grouped<TableRow>(
        report.rows,
        (row, n) => ({
          cells: [
            String(n),
            row.name,
            row.unit,
            shown(row.previous, row.previousComplete),
            shown(row.value, row.complete),
            signed(change(row)),
            basisOf(row),
          ],
        }),
        (group) => ({ group }),
      ),
    },
  ];
  if (chart) blocks.push({ ...chart.image, caption: `Рисунок 1 — ${chart.title}`, spaceBefore: 1 });
  blocks.push({ kind: 'note', lines: NOTES, spaceBefore: 1 });
  return {
    title: `Показатели мониторинга за ${report.year} год`,
    fileName: yearReportFileBase(report.year),
    orientation: 'landscape',
    draft: false,
    blocks,
  };
}

/** The Excel twin: numbers as numbers, one row per indicator (the group in its own column, so the filter works); the chart named in the title. */
export function yearReportSheet(report: YearReport, chartTitle: string | null): SheetSpec {
  const columns = COLUMNS(report.year);
  return {
    fileName: yearReportFileBase(report.year),
    sheetName: `Показатели ${report.year}`,
    title: [
      ...(report.centerFullName ? [report.centerFullName] : []),
      heading(report).join(' '),
      ...(chartTitle ? [`Диаграмма «${chartTitle}» — в документе Word «${yearReportFileBase(report.year)}».`] : []),
    ],
    orientation: 'landscape',
    columns: [columns[0]!, { title: 'Группа', width: 28 }, ...columns.slice(1)].map((c) => ({
      title: c.title,
      width: c.width,
      ...('center' in c && c.center ? { align: 'center' as const } : {}),
    })),
    rows: report.rows.map((row, i): SheetCell[] => [
      i + 1,
      row.group,
      row.name,
      row.unit,
      row.previous,
      row.value,
      change(row),
      basisOf(row),
    ]),
  };
}
