import { documentFileName } from '@shared/documents/fileName';
import type { PlanDocumentData, PlanItem } from '@shared/contract/workPlan';
import { PLAN_STATUS_LABELS } from '@shared/enums';
import { formatDateQuoted, initialsThenSurname, sortKey } from '@shared/russian';

/**
 * The printed plan's wording, shared by the Word and Excel files and the print view so the
 * three read the same. Pure: the renderer imports it too.
 */

export const PLAN_COLUMNS = [
  '№ п/п',
  'Мероприятие',
  'Форма',
  'Срок',
  'Ответственные',
  'Партнёры',
  'Целевая аудитория',
  'Отметка о выполнении',
] as const;

export const planFileName = (year: number, ext: 'docx' | 'xlsx') => documentFileName(`План работы на ${year} год`, ext);

export const planTitleLines = (data: PlanDocumentData): string[] => [
  'ПЛАН РАБОТЫ',
  `ресурсного центра${data.centerShortName ? ` ${data.centerShortName}` : ''}`,
  `на ${data.year} год`,
];

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

/** The lines of the «УТВЕРЖДАЮ» block: position, center, signature line, date (blank to fill by hand when not set). */
export function approvalLines(data: PlanDocumentData): string[] {
  const date = data.approvedOn ? formatDateQuoted(data.approvedOn) : '«___» ____________ 20___ г.';
  return [
    'УТВЕРЖДАЮ',
    data.directorPosition,
    ...(data.centerShortName ? [data.centerShortName] : []),
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

/** One item's cells in column order. */
export function itemCells(item: PlanItem): string[] {
  return [
    item.number,
    item.title,
    item.form,
    item.termLabel,
    item.responsibles.map((r) => r.label).join(', '),
    item.partners.map((p) => p.label).join(', '),
    item.targetAudience,
    executionMark(item),
  ];
}

export const directionHeading = (group: PlanDocumentData['groups'][number]) => `${group.number}. ${group.label}`;

export const EMPTY_PLAN_TEXT = 'В плане пока нет мероприятий';
