import { documentFileName } from '@shared/documents/fileName';
import type { Block, Column, DocumentSpec, TableRow } from '@shared/documents/model';
import type { SheetSpec } from '@shared/documents/sheet';
import type { PlanDocumentData, PlanExecution, PlanItem } from '@shared/contract/workPlan';
import { PLAN_STATUS_LABELS } from '@shared/enums';
import { formatDate, formatDateWords, initialsThenSurname, sortKey } from '@shared/russian';

/**
 * The plan's documents as blocks of the one document model: the copy for approval (the plan
 * as planned, with «УТВЕРЖДАЮ»; frozen when the approval date is set), the execution report
 * (with the execution column and the counts by direction, as of today), and the Excel working
 * copy (one row per item, to sort and filter). Pure: the print view renders the same blocks.
 */

/** The copy for approval: what is frozen at approval, without anything about execution. */
export interface PlanApprovalData {
  year: number;
  approvedOn: string | null;
  centerShortName: string;
  directorName: string;
  directorPosition: string;
  groups: {
    number: number;
    label: string;
    items: {
      number: string;
      title: string;
      form: string;
      termLabel: string;
      responsibles: string;
      partners: string;
      targetAudience: string;
    }[];
  }[];
}

export const planApprovalData = (data: PlanDocumentData): PlanApprovalData => ({
  year: data.year,
  approvedOn: data.approvedOn,
  centerShortName: data.centerShortName,
  directorName: data.directorName,
  directorPosition: data.directorPosition,
  groups: data.groups.map((g) => ({
    number: g.number,
    label: g.label,
    items: g.items.map((i) => ({
      number: i.number,
      title: i.title,
      form: i.form,
      termLabel: i.termLabel,
      responsibles: i.responsibles.map((r) => r.label).join(', '),
      partners: i.partners.map((p) => p.label).join(', '),
      targetAudience: i.targetAudience,
    })),
  })),
});

export const planFileName = (year: number, doc: 'approval' | 'report') =>
  doc === 'approval'
    ? documentFileName(`План работы на ${year} год (для утверждения)`, 'docx')
    : documentFileName(`Отчёт о выполнении плана работы за ${year} год`, 'docx');
export const planSheetFileName = (year: number) => documentFileName(`План работы на ${year} год (рабочая копия)`, 'xlsx');

const base = (fileName: string) => fileName.replace(/\.(docx|xlsx)$/, '');

const centerOf = (shortName: string) => `ресурсного центра${shortName ? ` ${shortName}` : ''}`;

/**
 * The director as under a signature, «А.Я. Гоберкорн», whether the profile holds
 * «Гоберкорн Анна Яковлевна», «Гоберкорн А.Я.» or already «А.Я. Гоберкорн».
 */
export function signatureName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2 || parts[0]!.includes('.')) return parts.join(' ');
  const [surname, ...rest] = parts as [string, ...string[]];
  if (rest.some((p) => p.includes('.'))) return `${rest.join('')} ${surname}`;
  return initialsThenSurname({ lastName: surname, firstName: rest[0]!, middleName: rest[1] ?? '' });
}

/**
 * «УТВЕРЖДАЮ» by an official (ГОСТ Р 7.0.97-2016; order per the 2016 text as quoted in agency
 * instructions, the 2025 edition keeps it per delo-press): the word, the position with the
 * organisation, the signature with «И.О. Фамилия», the date in the word-and-number form
 * (5.10: «16 января 2017 г.»), or a line to fill in by hand before approval.
 */
export function approvalLines(
  data: Pick<PlanApprovalData, 'approvedOn' | 'directorPosition' | 'centerShortName' | 'directorName'>,
): string[] {
  const date = data.approvedOn ? formatDateWords(data.approvedOn) : '«___» ____________ 20___ г.';
  return [
    'УТВЕРЖДАЮ',
    [data.directorPosition, data.centerShortName].filter(Boolean).join(' '),
    `_______________ ${signatureName(data.directorName) || '________________'}`,
    date,
  ];
}

/**
 * The «Отметка о выполнении» cell: the status (none while planned) with the records that realised
 * the item («Выполнено: заседание №3 от 12.09.2017»), then her note, without saying the status
 * twice when the note already starts with it («Перенесено на…»).
 */
export function executionMark(item: PlanItem): string {
  const records = item.realisations
    .filter((r) => r.final)
    .map((r) => r.label)
    .join(', ');
  const label = item.status === 'planned' ? '' : PLAN_STATUS_LABELS[item.status];
  const repeatsLabel = label !== '' && records === '' && sortKey(item.resultNote).startsWith(sortKey(label).slice(0, 6));
  const head = repeatsLabel ? '' : [label, records].filter(Boolean).join(': ');
  return [head, item.resultNote].filter(Boolean).join('. ');
}

export const directionHeading = (group: { number: number; label: string }) => `${group.number}. ${group.label}`;

export const EMPTY_PLAN_TEXT = 'В плане пока нет мероприятий';

/**
 * The plan's columns as shares of the landscape text width (247 mm). «Ответственные» and «№ п/п»
 * keep room for their bold headings on one line whether or not the execution column is there;
 * the title gives up what the execution column takes.
 */
const planColumns = (withExecution: boolean): Column[] => [
  { title: '№ п/п', share: 6, align: 'center' },
  { title: 'Мероприятие', share: withExecution ? 19 : 26 },
  { title: 'Форма', share: 11 },
  { title: 'Срок', share: 9, align: 'center' },
  { title: 'Ответственные', share: 15, names: true },
  { title: 'Партнёры', share: 13 },
  { title: 'Целевая аудитория', share: 13 },
  ...(withExecution ? [{ title: 'Отметка о выполнении', share: 16 }] : []),
];

function titleBlocks(lines: string[]): Block[] {
  return lines.map((text, i) => ({ kind: 'line', text, align: 'center', bold: true, spaceBefore: i === 0 ? 1 : 0, heading: true }));
}

/** The copy for approval: no execution column, the approval stamp at the top right. */
export function planApprovalDocument(data: PlanApprovalData): DocumentSpec {
  const rows: TableRow[] = data.groups.flatMap((g) => [
    { group: directionHeading(g) },
    ...g.items.map((i) => ({ cells: [i.number, i.title, i.form, i.termLabel, i.responsibles, i.partners, i.targetAudience] })),
  ]);
  return {
    title: `План работы на ${data.year} год`,
    fileName: base(planFileName(data.year, 'approval')),
    orientation: 'landscape',
    draft: false,
    blocks: [
      { kind: 'corner', lines: approvalLines(data), boldFirst: true },
      ...titleBlocks(['ПЛАН РАБОТЫ', centerOf(data.centerShortName), `на ${data.year} год`]),
      { kind: 'line', text: '', align: 'left' },
      rows.length ? { kind: 'table', columns: planColumns(false), rows } : { kind: 'para', text: `${EMPTY_PLAN_TEXT}.`, indent: false },
    ],
  };
}

const itemCells = (i: PlanItem) => [
  i.number,
  i.title,
  i.form,
  i.termLabel,
  i.responsibles.map((r) => r.label).join(', '),
  i.partners.map((p) => p.label).join(', '),
  i.targetAudience,
];

/** The execution report: the counts by direction, then the plan with the execution column, signed by the director. */
export function planReportDocument(data: PlanDocumentData, summary: PlanExecution, today: string): DocumentSpec {
  const countRow = (label: string, c: PlanExecution['total']) => ({
    cells: [label, `${c.total}`, `${c.done}`, `${c.moved}`, `${c.cancelled}`, `${c.planned}`, `${c.donePercent}`],
  });
  const rows: TableRow[] = data.groups.flatMap((g) => [
    { group: directionHeading(g) },
    ...g.items.map((i) => ({ cells: [...itemCells(i), executionMark(i)] })),
  ]);
  return {
    title: `Отчёт о выполнении плана работы за ${data.year} год`,
    fileName: base(planFileName(data.year, 'report')),
    orientation: 'landscape',
    draft: false,
    blocks: [
      ...(data.centerFullName ? [{ kind: 'line' as const, text: data.centerFullName, align: 'center' as const }] : []),
      { kind: 'line', text: 'ОТЧЁТ', align: 'center', bold: true, spaceBefore: 1 },
      {
        kind: 'line',
        text: `о выполнении плана работы ${centerOf(data.centerShortName)} на ${data.year} год`,
        align: 'center',
        bold: true,
        heading: true,
      },
      { kind: 'line', text: `по состоянию на ${formatDate(today)}`, align: 'center' },
      { kind: 'line', text: 'Выполнение по направлениям', align: 'left', bold: true, spaceBefore: 1, heading: true },
      {
        kind: 'table',
        columns: [
          { title: 'Направление', share: 34 },
          { title: 'Всего', share: 9, align: 'center' },
          { title: 'Выполнено', share: 11, align: 'center' },
          { title: 'Перенесено', share: 11, align: 'center' },
          { title: 'Отменено', share: 11, align: 'center' },
          { title: 'Не выполнено', share: 12, align: 'center' },
          { title: 'Выполнено, %', share: 12, align: 'center' },
        ],
        rows: [...summary.rows.map((r) => countRow(r.label, r)), countRow('Итого', summary.total)],
      },
      { kind: 'line', text: 'Мероприятия плана', align: 'left', bold: true, spaceBefore: 1, heading: true },
      rows.length ? { kind: 'table', columns: planColumns(true), rows } : { kind: 'para', text: `${EMPTY_PLAN_TEXT}.`, indent: false },
      {
        kind: 'signatures',
        signers: [
          {
            position: [data.directorPosition, data.centerShortName].filter(Boolean).join(' '),
            name: data.directorName ? signatureName(data.directorName) : '',
          },
        ],
      },
    ],
  };
}

/**
 * The working copy in Excel: one row per item with its direction as a column (so the filter
 * and sorting work on every row), the term as its Russian label beside the real first and last
 * dates it covers, the status apart from the note.
 */
export function planSheet(data: PlanDocumentData): SheetSpec {
  return {
    fileName: base(planSheetFileName(data.year)),
    sheetName: `План ${data.year}`,
    title: [`План работы ${centerOf(data.centerShortName)} на ${data.year} год`],
    orientation: 'landscape',
    columns: [
      { title: '№ п/п', width: 7, align: 'center' },
      { title: 'Направление', width: 22 },
      { title: 'Мероприятие', width: 46 },
      { title: 'Форма', width: 16 },
      { title: 'Срок', width: 15, align: 'center' },
      { title: 'Начало срока', width: 12, align: 'center' },
      { title: 'Окончание срока', width: 12, align: 'center' },
      { title: 'Ответственные', width: 24 },
      { title: 'Партнёры', width: 26 },
      { title: 'Целевая аудитория', width: 22 },
      { title: 'Статус', width: 14 },
      { title: 'Отметка о выполнении', width: 30 },
    ],
    rows: data.groups.flatMap((g) =>
      g.items.map((i) => [
        i.number,
        g.label,
        i.title,
        i.form,
        i.termLabel,
        { date: i.termStart },
        { date: i.termEnd },
        i.responsibles.map((r) => r.label).join(', '),
        i.partners.map((p) => p.label).join(', '),
        i.targetAudience,
        PLAN_STATUS_LABELS[i.status],
        i.resultNote,
      ]),
    ),
  };
}
