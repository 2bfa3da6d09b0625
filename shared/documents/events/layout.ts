import { documentFileName } from '@shared/documents/fileName';
import type { Block, DocumentSpec, TableRow } from '@shared/documents/model';
import { REGISTRATION_COLUMNS } from '@shared/documents/registration';
import type { SheetCell, SheetSpec } from '@shared/documents/sheet';
import type { EventDetail } from '@shared/contract/events';
import {
  COMPLETION_RULE_LABELS,
  PARTICIPANT_ROLE_LABELS,
  REGISTRATION_STATUS_LABELS,
  SESSION_MARK_SHORT,
  eventDates,
} from '@shared/contract/eventEnums';
import { formatDate, sortedByKey } from '@shared/russian';

/** What the event's documents print beyond the card: the center's name, and contacts only of people who consented (152-ФЗ). */
export interface EventDocumentContext {
  centerFullName: string;
  contacts: Map<number, { phone: string; email: string; organizationType: string; municipality: string }>;
}

const base = (name: string) => documentFileName(name, 'docx').replace(/\.docx$/, '');

const place = (e: EventDetail) => [e.municipalityName ?? '', e.venue].filter(Boolean).join(', ');

const time = (s: { timeStart: string; timeEnd: string }) =>
  s.timeStart ? (s.timeEnd ? `${s.timeStart}–${s.timeEnd}` : `начало в ${s.timeStart}`) : '';

/** Blank rows for walk-ins: at least five, a tenth of the list for a big one. */
export const blankRowsFor = (registered: number) => Math.max(5, Math.ceil(registered / 10));

/**
 * Лист регистрации участников: a page per session (the signatures of each day), the header with
 * the center, the title, date and time, place and the session's topic; the registered in Russian
 * order with their registration numbers («№»), then blank numbered rows continuing after the
 * highest number, so a walk-in signed on paper gets exactly that number.
 */
export function registrationDocument(e: EventDetail, ctx: EventDocumentContext, sessionId: number | null): DocumentSpec {
  const sessions = sessionId === null ? e.sessions : e.sessions.filter((s) => s.id === sessionId);
  const listed = sortedByKey(
    e.participants.filter((p) => p.status !== 'cancelled'),
    (p) => p.fullName,
  );
  const nextNumber = Math.max(0, ...e.participants.map((p) => p.registrationNumber)) + 1;
  const rows: TableRow[] = listed.map((p) => ({
    cells: [String(p.registrationNumber), p.fullName, p.organizationName ?? '', p.position, ''],
    tall: true,
  }));
  for (let i = 0; i < blankRowsFor(listed.length); i++) rows.push({ cells: [String(nextNumber + i), '', '', '', ''], tall: true });
  const blocks: Block[] = sessions.flatMap((s, i): Block[] => [
    ...(i > 0 ? [{ kind: 'pageBreak' as const }] : []),
    ...(ctx.centerFullName ? [{ kind: 'line' as const, text: ctx.centerFullName, align: 'center' as const }] : []),
    { kind: 'line', text: 'ЛИСТ РЕГИСТРАЦИИ', align: 'center', bold: true, spaceBefore: 1 },
    { kind: 'line', text: 'участников мероприятия', align: 'center' },
    { kind: 'line', text: e.title, align: 'center', bold: true, heading: true },
    { kind: 'split', left: formatDate(s.day), right: time(s), spaceBefore: 1 },
    ...(place(e) ? [{ kind: 'line' as const, text: `Место проведения: ${place(e)}`, align: 'left' as const }] : []),
    ...(s.topic ? [{ kind: 'line' as const, text: `Тема занятия: ${s.topic}`, align: 'left' as const }] : []),
    { kind: 'line', text: '', align: 'left' },
    { kind: 'table', columns: REGISTRATION_COLUMNS, rows },
    { kind: 'signatures', signers: [{ position: 'Ответственный за регистрацию', name: '' }] },
  ]);
  const day = sessions.length === 1 ? formatDate(sessions[0]!.day) : eventDates(e);
  return {
    title: `Лист регистрации участников – ${e.title}`,
    fileName: base(`Лист регистрации – ${e.title} – ${day}`),
    orientation: 'portrait',
    draft: false,
    blocks,
  };
}

const short = (iso: string) => formatDate(iso).slice(0, 5);

/**
 * Список участников (Excel): a row per participant with the status, a column per session, the
 * sessions attended and completion; phone and e-mail only of those who consented.
 */
export function attendanceSheet(e: EventDetail, ctx: EventDocumentContext): SheetSpec {
  const rule =
    e.completionRule === 'share'
      ? `не менее ${e.completionPercent} % занятий`
      : COMPLETION_RULE_LABELS.requiredSessions.toLocaleLowerCase('ru');
  const totals =
    e.totals.completed === null ? 'Мероприятие ещё не проведено' : `Завершили обучение: ${e.totals.completed} из ${e.totals.attended}`;
  const rows: SheetCell[][] = e.participants.map((p) => {
    const c = ctx.contacts.get(p.personId);
    return [
      p.registrationNumber,
      p.fullName,
      p.organizationName ?? '',
      c?.organizationType ?? '',
      c?.municipality ?? '',
      p.position,
      PARTICIPANT_ROLE_LABELS[p.role],
      REGISTRATION_STATUS_LABELS[p.status],
      ...e.sessions.map((s) => (p.marks[s.id] ? SESSION_MARK_SHORT[p.marks[s.id]!] : '')),
      `${p.present} из ${e.sessions.length}`,
      e.status !== 'held' || p.role !== 'participant' || p.status !== 'attended' ? '' : p.completed ? 'да' : 'нет',
      c?.phone ?? '',
      c?.email ?? '',
    ];
  });
  return {
    fileName: documentFileName(`Список участников – ${e.title} – ${eventDates(e)}`, 'xlsx').replace(/\.xlsx$/, ''),
    sheetName: 'Участники',
    title: [e.title, [eventDates(e), place(e)].filter(Boolean).join(', '), `Условие завершения: ${rule}. ${totals}`],
    columns: [
      { title: 'Рег. №', width: 7, align: 'center' },
      { title: 'ФИО', width: 30 },
      { title: 'Организация', width: 30 },
      { title: 'Тип организации', width: 18 },
      { title: 'Муниципальное образование', width: 20 },
      { title: 'Должность', width: 22 },
      { title: 'Роль', width: 12 },
      { title: 'Статус', width: 16 },
      ...e.sessions.map((s) => ({ title: short(s.day), width: 7, align: 'center' as const })),
      { title: 'Посещено', width: 10, align: 'center' },
      { title: 'Завершил(а)', width: 11, align: 'center' },
      { title: 'Телефон', width: 18 },
      { title: 'E-mail', width: 24 },
    ],
    rows,
    orientation: 'landscape',
  };
}
