import { documentFileName } from '@shared/documents/fileName';
import type {
  AgendaItemView,
  AssignmentRow,
  AssignmentView,
  DecisionView,
  MeetingDetail,
  MinutesSettings,
  PersonRef,
} from '@shared/contract/meetings';
import { ASSIGNMENT_STATE_LABELS, MEETING_KIND_GENITIVE, MEETING_KIND_LABELS } from '@shared/contract/meetings';
import { countOf, formatDate, sortedByKey } from '@shared/russian';

/**
 * The wording and order of the meetings' documents as a list of blocks, kept apart from the
 * Word rendering so the requisites' order per ГОСТ Р 7.0.97-2016 is stated once, readable,
 * and testable without unzipping anything.
 */

export type Block =
  /** A requisite or heading set on its own line without indent. */
  | { kind: 'line'; text: string; align: 'center' | 'left' | 'right'; bold?: boolean; spaceBefore?: boolean }
  /** «12.09.2017 … № 3»: left part and right part on one line (right tab stop). */
  | { kind: 'split'; left: string; right: string; spaceBefore?: boolean }
  /** Body text with the 1.25 cm first-line indent; `lead` is set in bold before it. */
  | { kind: 'para'; text: string; lead?: string; indent?: boolean }
  | { kind: 'pageBreak' }
  | { kind: 'table'; columns: { title: string; share: number }[]; rows: string[][] };

export interface MinutesContext extends MinutesSettings {
  /** Date of certification for an extract, ISO. */
  today: string;
}

export const KIND_TITLE = (m: MeetingDetail) => `${MEETING_KIND_GENITIVE[m.kind]} ${m.group.nameGenitive}`;

/** «12.09.2017» or «12.09.2017 – 13.09.2017» for a meeting of several days. */
export const meetingDates = (m: Pick<MeetingDetail, 'dateStart' | 'dateEnd'>) =>
  m.dateEnd && m.dateEnd !== m.dateStart ? `${formatDate(m.dateStart)}–${formatDate(m.dateEnd)}` : formatDate(m.dateStart);

const place = (m: MeetingDetail) => [m.town, m.address].filter(Boolean).join(', ');

/** Ends a sentence once: «Попова Л.А.» does not get a second dot. */
const endDot = (s: string) => (/[.!?…:;]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** «Протокол №3 от 12.09.2017 – Межрайонная рабочая группа сегмента №6.docx». */
export function minutesFileName(m: MeetingDetail, form: 'full' | 'short'): string {
  return documentFileName(
    `Протокол №${m.number} от ${formatDate(m.dateStart)}${form === 'short' ? ' (краткий)' : ''} – ${m.group.name}`,
    'docx',
  );
}
export const agendaFileName = (m: MeetingDetail) =>
  documentFileName(`Повестка ${MEETING_KIND_GENITIVE[m.kind]} №${m.number} от ${formatDate(m.dateStart)} – ${m.group.name}`, 'docx');
export const registrationFileName = (m: MeetingDetail) =>
  documentFileName(
    `Лист регистрации – ${MEETING_KIND_LABELS[m.kind].toLowerCase()} №${m.number} от ${formatDate(m.dateStart)} – ${m.group.name}`,
    'docx',
  );
export const extractFileName = (m: MeetingDetail, item: AgendaItemView, addressee?: string) =>
  documentFileName(
    `Выписка из протокола №${m.number} от ${formatDate(m.dateStart)}, вопрос ${item.position} – ${addressee ?? m.group.name}`,
    'docx',
  );

/** The item with only the decisions that assign something to the organisation or to one of its people. */
export function itemForOrganization(item: AgendaItemView, organizationId: number): AgendaItemView {
  const concerns = (d: AgendaItemView['decisions'][number]) =>
    d.assignment !== null &&
    (d.assignment.organizations.some((o) => o.id === organizationId) ||
      d.assignment.people.some((p) => p.organizationId === organizationId));
  return { ...item, decisions: item.decisions.filter(concerns) };
}
export const assignmentsFileName = (organization: string) => documentFileName(`Поручения – ${organization}`, 'docx');

/** «4 человека», «22 человека», «25 человек». */
const PEOPLE = ['человек', 'человека', 'человек'] as const;

/** Present people in Russian alphabetical order by surname, as «Фамилия И.О.». */
export function presentPeople(m: MeetingDetail): PersonRef[] {
  return sortedByKey(
    m.attendees.filter((a) => a.present).map((a) => a.person),
    (p) => p.fullName,
  );
}

/** Whether the attendee list is replaced in the body by a count with the list attached. */
export const attendeesAttached = (m: MeetingDetail, threshold: number) => presentPeople(m).length > threshold;

function attendance(m: MeetingDetail, ctx: MinutesContext): Block[] {
  const present = presentPeople(m);
  const late = new Set(m.attendees.filter((a) => a.present && a.late).map((a) => a.person.id));
  const blocks: Block[] = [];
  if (attendeesAttached(m, ctx.threshold)) {
    blocks.push({
      kind: 'para',
      lead: 'Присутствовали: ',
      text: `${countOf(present.length, PEOPLE)} (список прилагается).`,
      indent: false,
    });
  } else {
    const names = present.map((p) => (late.has(p.id) ? `${p.short} (прибыл(а) с опозданием)` : p.short));
    blocks.push({ kind: 'para', lead: 'Присутствовали: ', text: names.length ? endDot(names.join(', ')) : '—', indent: false });
  }
  // Only those recorded as absent: the group's membership may have changed since the meeting.
  const absent = m.attendees.filter((a) => a.recorded && !a.present);
  if (absent.length) {
    const names = absent.map((a) => (a.absenceReason ? `${a.person.short} (${a.absenceReason})` : a.person.short));
    blocks.push({ kind: 'para', lead: 'Отсутствовали: ', text: endDot(names.join(', ')), indent: false });
  }
  if (m.guests.length) {
    blocks.push({ kind: 'para', lead: 'Приглашённые:', text: '', indent: false });
    for (const g of m.guests) blocks.push({ kind: 'para', text: `${g.short}${personTail(g)}` });
  }
  return blocks;
}

/** « – должность, организация», or nothing when neither is known. */
function personTail(p: PersonRef): string {
  const tail = [p.position, p.organizationName].filter(Boolean).join(', ');
  return tail ? ` – ${tail}` : '';
}

function header(m: MeetingDetail, ctx: MinutesContext, docType: string): Block[] {
  return [
    ...(ctx.centerFullName ? [{ kind: 'line' as const, text: ctx.centerFullName, align: 'center' as const }] : []),
    { kind: 'line', text: m.group.name, align: 'center' },
    { kind: 'line', text: docType, align: 'center', bold: true, spaceBefore: true },
    { kind: 'split', left: meetingDates(m), right: `№ ${m.number}`, spaceBefore: true },
    ...(m.town ? [{ kind: 'line' as const, text: m.town, align: 'center' as const }] : []),
    { kind: 'line', text: KIND_TITLE(m), align: 'left', bold: true, spaceBefore: true },
  ];
}

function officers(m: MeetingDetail): Block[] {
  return [
    { kind: 'para', text: `Председатель — ${m.chair?.signature ?? '—'}`, indent: false },
    { kind: 'para', text: `Секретарь — ${m.secretary?.signature ?? '—'}`, indent: false },
  ];
}

function agendaList(m: MeetingDetail, withDetails: boolean): Block[] {
  const blocks: Block[] = [{ kind: 'line', text: 'ПОВЕСТКА ДНЯ:', align: 'center', bold: true, spaceBefore: true }];
  for (const item of m.items) {
    blocks.push({ kind: 'para', text: `${item.position}. ${item.title}` });
    if (withDetails && item.speakers.length) {
      const minutes = item.plannedMinutes ? ` (${item.plannedMinutes} мин.)` : '';
      blocks.push({
        kind: 'para',
        text: endDot(`${item.speakers.length > 1 ? 'Докладчики' : 'Докладчик'}: ${item.speakers.map((s) => s.label).join('; ')}${minutes}`),
      });
    }
  }
  if (m.items.length === 0) blocks.push({ kind: 'para', text: 'Вопросы повестки не внесены.' });
  return blocks;
}

export function assignmentText(a: AssignmentView): string {
  const who = [...a.organizations.map((o) => o.name), ...a.people.map((p) => p.short)].join(', ');
  const due = a.permanent ? 'постоянно' : `до ${formatDate(a.dueDate)}`;
  return `Ответственные: ${endDot(who)} Срок: ${due}.`;
}

function votes(d: DecisionView): string {
  if (d.votesFor === null && d.votesAgainst === null && d.votesAbstained === null) return '';
  return ` Голосовали: «за» – ${d.votesFor ?? 0}, «против» – ${d.votesAgainst ?? 0}, «воздержались» – ${d.votesAbstained ?? 0}.`;
}

/** One item's block: its original number, СЛУШАЛИ, ВЫСТУПИЛИ, РЕШИЛИ. */
function itemBlocks(item: AgendaItemView, form: 'full' | 'short'): Block[] {
  const blocks: Block[] = [{ kind: 'line', text: `${item.position}. ${item.title}`, align: 'left', bold: true, spaceBefore: true }];
  const speakers = item.speakers.map((s) => s.label).join('; ');
  if (form === 'full') {
    const summary = item.reportAttached ? 'Текст доклада прилагается.' : item.heardText ? endDot(item.heardText) : '';
    blocks.push({ kind: 'para', lead: 'СЛУШАЛИ: ', text: [speakers ? endDot(speakers) : '', summary].filter(Boolean).join(' ') || '—' });
    if (item.discussion.length) {
      blocks.push({ kind: 'para', lead: 'ВЫСТУПИЛИ:', text: '' });
      for (const d of item.discussion) blocks.push({ kind: 'para', text: d.text ? `${d.label} – ${endDot(d.text)}` : endDot(d.label) });
    }
  } else {
    blocks.push({ kind: 'para', lead: 'СЛУШАЛИ: ', text: speakers ? endDot(speakers) : '—' });
    if (item.discussion.length)
      blocks.push({ kind: 'para', lead: 'ВЫСТУПИЛИ: ', text: endDot(item.discussion.map((d) => d.label).join('; ')) });
  }
  if (item.decisions.length) {
    blocks.push({ kind: 'para', lead: 'РЕШИЛИ:', text: '' });
    for (const d of item.decisions) {
      const assignment = d.assignment ? ` ${assignmentText(d.assignment)}` : '';
      blocks.push({ kind: 'para', text: `${d.number}. ${endDot(d.text)}${assignment}${form === 'full' ? votes(d) : ''}` });
    }
  }
  return blocks;
}

const signatures = (m: MeetingDetail): Block[] => [
  { kind: 'split', left: 'Председатель', right: m.chair?.signature ?? '', spaceBefore: true },
  { kind: 'split', left: 'Секретарь', right: m.secretary?.signature ?? '', spaceBefore: true },
];

function attendeeAttachment(m: MeetingDetail): Block[] {
  return [
    { kind: 'pageBreak' },
    { kind: 'line', text: `Приложение к протоколу от ${formatDate(m.dateStart)} № ${m.number}`, align: 'right' },
    { kind: 'line', text: 'СПИСОК ПРИСУТСТВОВАВШИХ', align: 'center', bold: true, spaceBefore: true },
    ...presentPeople(m).map((p, i): Block => ({ kind: 'para', text: `${i + 1}. ${p.fullName}${personTail(p)}`, indent: false })),
  ];
}

export function minutesBlocks(m: MeetingDetail, ctx: MinutesContext, form: 'full' | 'short'): Block[] {
  return [
    ...header(m, ctx, 'ПРОТОКОЛ'),
    ...officers(m),
    ...attendance(m, ctx),
    ...agendaList(m, false),
    ...m.items.flatMap((item) => itemBlocks(item, form)),
    ...signatures(m),
    ...(attendeesAttached(m, ctx.threshold) ? attendeeAttachment(m) : []),
  ];
}

export function agendaBlocks(m: MeetingDetail, ctx: MinutesContext): Block[] {
  const when = [meetingDates(m), m.time ? `начало в ${m.time}` : ''].filter(Boolean).join(', ');
  return [
    ...(ctx.centerFullName ? [{ kind: 'line' as const, text: ctx.centerFullName, align: 'center' as const }] : []),
    { kind: 'line', text: m.group.name, align: 'center' },
    { kind: 'line', text: 'ПОВЕСТКА ДНЯ', align: 'center', bold: true, spaceBefore: true },
    { kind: 'line', text: `${KIND_TITLE(m)} № ${m.number}`, align: 'center', bold: true },
    { kind: 'para', lead: 'Дата и время: ', text: when, indent: false },
    ...(place(m) ? [{ kind: 'para' as const, lead: 'Место проведения: ', text: place(m), indent: false }] : []),
    ...(m.chair ? [{ kind: 'para' as const, lead: 'Председатель: ', text: m.chair.signature, indent: false }] : []),
    ...agendaList(m, true).slice(1),
    { kind: 'split', left: 'Секретарь', right: m.secretary?.signature ?? '', spaceBefore: true },
  ];
}

/** An extract: the minutes' header and introductory part, one item with its own number, and the certification. */
export function extractBlocks(m: MeetingDetail, item: AgendaItemView, ctx: MinutesContext, addressee?: string): Block[] {
  const secretary = m.secretary;
  return [
    ...(addressee ? [{ kind: 'line' as const, text: addressee, align: 'right' as const }] : []),
    ...header(m, ctx, 'ВЫПИСКА ИЗ ПРОТОКОЛА'),
    ...officers(m),
    // An extract goes to one organisation: the count is enough, the names stay in the minutes.
    { kind: 'para', lead: 'Присутствовали: ', text: `${countOf(presentPeople(m).length, PEOPLE)}.`, indent: false },
    { kind: 'line', text: 'ПОВЕСТКА ДНЯ:', align: 'center', bold: true, spaceBefore: true },
    { kind: 'para', text: `${item.position}. ${item.title}` },
    ...itemBlocks(item, 'full'),
    { kind: 'line', text: 'Верно', align: 'left', spaceBefore: true },
    { kind: 'split', left: 'Секретарь', right: secretary?.signature ?? '' },
    ...(secretary?.position ? [{ kind: 'line' as const, text: secretary.position, align: 'left' as const }] : []),
    { kind: 'line', text: formatDate(ctx.today), align: 'left' },
  ];
}

export const REGISTRATION_COLUMNS = [
  { title: '№', share: 6 },
  { title: 'Фамилия, имя, отчество', share: 28 },
  { title: 'Организация', share: 28 },
  { title: 'Должность', share: 22 },
  { title: 'Подпись', share: 16 },
];

/** Members and guests in Russian order, then blank rows for those who come unannounced. */
export function registrationBlocks(m: MeetingDetail, ctx: MinutesContext, blankRows = 5): Block[] {
  const people = sortedByKey(
    [...m.attendees.map((a) => a.person), ...m.guests].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i),
    (p) => p.fullName,
  );
  const rows = people.map((p, i) => [`${i + 1}`, p.fullName, p.organizationName ?? '', p.position, '']);
  for (let i = 0; i < blankRows; i++) rows.push([`${people.length + i + 1}`, '', '', '', '']);
  return [
    ...(ctx.centerFullName ? [{ kind: 'line' as const, text: ctx.centerFullName, align: 'center' as const }] : []),
    { kind: 'line', text: 'ЛИСТ РЕГИСТРАЦИИ', align: 'center', bold: true, spaceBefore: true },
    { kind: 'line', text: `участников ${KIND_TITLE(m)}`, align: 'center' },
    { kind: 'split', left: meetingDates(m), right: `№ ${m.number}`, spaceBefore: true },
    ...(place(m) ? [{ kind: 'line' as const, text: place(m), align: 'left' as const }] : []),
    { kind: 'table', columns: REGISTRATION_COLUMNS, rows },
  ];
}

export function organizationAssignmentsBlocks(
  organization: string,
  rows: AssignmentRow[],
  ctx: MinutesContext,
  onlyOpen: boolean,
): Block[] {
  return [
    ...(ctx.centerFullName ? [{ kind: 'line' as const, text: ctx.centerFullName, align: 'center' as const }] : []),
    {
      kind: 'line',
      text: onlyOpen ? 'ПЕРЕЧЕНЬ ПОРУЧЕНИЙ НА КОНТРОЛЕ' : 'ПЕРЕЧЕНЬ ПОРУЧЕНИЙ',
      align: 'center',
      bold: true,
      spaceBefore: true,
    },
    { kind: 'line', text: organization, align: 'center' },
    { kind: 'line', text: `по состоянию на ${formatDate(ctx.today)}`, align: 'center' },
    rows.length
      ? {
          kind: 'table',
          columns: [
            { title: '№', share: 6 },
            { title: 'Поручение', share: 42 },
            { title: 'Протокол, пункт', share: 20 },
            { title: 'Срок', share: 14 },
            { title: 'Состояние', share: 18 },
          ],
          rows: rows.map((r, i) => [
            `${i + 1}`,
            r.text,
            `${r.groupName}: протокол №${r.meetingLabel.replace(/^Протокол №/, '')}, п. ${r.decisionNumber}`,
            r.permanent ? 'постоянно' : formatDate(r.dueDate),
            [ASSIGNMENT_STATE_LABELS[r.state], r.completionNote].filter(Boolean).join('. '),
          ]),
        }
      : { kind: 'para', text: 'Поручений нет.' },
  ];
}
