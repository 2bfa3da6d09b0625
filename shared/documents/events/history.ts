import { documentFileName } from '@shared/documents/fileName';
import type { Block, DocumentSpec, Signer, TableRow } from '@shared/documents/model';
import type { HistoryRow, PersonHistory } from '@shared/contract/events';
import { PARTICIPANT_ROLE_LABELS, eventDates } from '@shared/contract/eventEnums';
import { countOf, formatDate } from '@shared/russian';

/** What the справка prints beyond the history: the center, the person's workplace today, the signer. */
export interface HistoryDocumentContext {
  centerFullName: string;
  organization: string;
  position: string;
  /** The center's director, with «И.О. Фамилия»; none when the profile names nobody. */
  signer: Signer | null;
  /** The day it is issued on. */
  today: string;
}

// Shares measured in LibreOffice: «Выступающий», «Посещено» and «присутствовал(а)» fit their columns unbroken.
const COLUMNS = [
  { title: '№', share: 5, align: 'center' as const },
  { title: 'Даты', share: 14, align: 'center' as const },
  { title: 'Мероприятие', share: 28 },
  { title: 'Роль', share: 19 },
  { title: 'Посещено занятий', share: 13, align: 'center' as const },
  { title: 'Итог', share: 21 },
];

/** The registration's outcome in a справка about either gender. */
const OUTCOMES: Record<HistoryRow['registration'], string> = {
  registered: 'зарегистрирован(а)',
  attended: 'присутствовал(а)',
  noShow: 'не явился(ась)',
  cancelled: 'регистрация отменена',
};

/** The result column: the completion counts only for a participant of a held event. */
export function historyResult(r: HistoryRow): string {
  if (r.status === 'cancelled') return 'мероприятие отменено';
  if (r.status !== 'held') return 'ещё не проведено';
  return r.role === 'participant' && r.completed ? 'завершил(а) обучение' : OUTCOMES[r.registration];
}

/** «Семинар «…»» says its type already; «Правовая акция …» too; otherwise the type follows in brackets. */
const titleWithType = (r: HistoryRow) =>
  r.title.toLocaleLowerCase('ru').includes(r.type.toLocaleLowerCase('ru')) ? r.title : `${r.title} (${r.type.toLocaleLowerCase('ru')})`;

/**
 * Справка об участии в мероприятиях: what a specialist takes to her attestation or her
 * employer — the events of the register she was registered for, in date order, with her role,
 * the sessions attended and the result, and a total; signed by the center's director.
 */
export function personHistoryDocument(h: PersonHistory, ctx: HistoryDocumentContext): DocumentSpec {
  // The screen shows the latest first; a справка reads in the order things happened.
  const chronological = [...h.rows].reverse();
  const rows: TableRow[] = chronological.map((r, i) => ({
    cells: [
      String(i + 1),
      eventDates(r),
      titleWithType(r),
      PARTICIPANT_ROLE_LABELS[r.role],
      r.status === 'held' ? `${r.present} из ${r.sessions}` : '—',
      historyResult(r),
    ],
  }));
  const held = h.rows.filter((r) => r.status === 'held' && r.registration === 'attended');
  const completed = h.rows.filter((r) => r.status === 'held' && r.role === 'participant' && r.completed).length;
  const total =
    h.rows.length === 0
      ? 'Записей об участии в мероприятиях нет.'
      : `Всего: ${countOf(h.rows.length, ['мероприятие', 'мероприятия', 'мероприятий'])}; посещено — ${held.length}, обучение завершено — ${completed}.`;
  const blocks: Block[] = [
    ...(ctx.centerFullName ? [{ kind: 'line' as const, text: ctx.centerFullName, align: 'center' as const }] : []),
    { kind: 'line', text: 'СПРАВКА', align: 'center', bold: true, spaceBefore: 1 },
    { kind: 'line', text: 'об участии в мероприятиях', align: 'center', heading: true },
    { kind: 'split', left: formatDate(ctx.today), right: '', spaceBefore: 1 },
    { kind: 'line', text: `Специалист: ${h.fullName}`, align: 'left', spaceBefore: 1 },
    ...(ctx.organization ? [{ kind: 'line' as const, text: `Место работы: ${ctx.organization}`, align: 'left' as const }] : []),
    ...(ctx.position ? [{ kind: 'line' as const, text: `Должность: ${ctx.position}`, align: 'left' as const }] : []),
    { kind: 'line', text: '', align: 'left' },
    ...(rows.length ? [{ kind: 'table' as const, columns: COLUMNS, rows }] : []),
    { kind: 'para', text: total, indent: false, spaceBefore: 1 },
    ...(ctx.signer ? [{ kind: 'signatures' as const, signers: [ctx.signer], spaceBefore: 2 as const }] : []),
  ];
  return {
    title: `Справка об участии в мероприятиях – ${h.fullName}`,
    fileName: documentFileName(`Справка об участии в мероприятиях – ${h.fullName}`, 'docx').replace(/\.docx$/, ''),
    orientation: 'portrait',
    draft: false,
    blocks,
  };
}
