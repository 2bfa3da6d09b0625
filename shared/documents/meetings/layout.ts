import { documentFileName } from '@shared/documents/fileName';
import type { Block, DocumentSpec, Signer, TableRow } from '@shared/documents/model';
import { endDot, midSentence } from '@shared/documents/text';
import { REGISTRATION_COLUMNS } from '@shared/documents/registration';
import type {
  AgendaItemView,
  AssignmentRow,
  AssignmentView,
  DecisionView,
  MeetingDetail,
  MinutesSettings,
  PersonRef,
} from '@shared/contract/meetings';
import { ASSIGNMENT_STATE_LABELS, MEETING_KIND_GENITIVE, QUORUM_RULE_LABELS, quorumNeeded } from '@shared/contract/meetings';
import { countedVerb, countOf, formatDate, plural, sortedByKey } from '@shared/russian';

/**
 * The wording and order of the meetings' documents as blocks of the one document model
 * (`@shared/documents/model`). The requisites follow ГОСТ Р 7.0.97-2016 as the 2025 edition
 * keeps them (secondary sources in /work/notes/gost-2025.md; no 2025 clause number is verified,
 * so the 2016 clauses are cited) and the Росархив methodological rules for protocols and
 * extracts. The page itself (margins, page numbers, «ПРОЕКТ», keeping a signature with its
 * text, typography) is the renderers' business.
 */

export interface MinutesContext extends MinutesSettings {
  /** Date of certification for an extract, of issue for a list, ISO. */
  today: string;
}

/** «заседания межрайонной рабочей группы …»: the heading to the text (required in every document by the 2025 edition). */
export const KIND_TITLE = (m: MeetingDetail) => `${MEETING_KIND_GENITIVE[m.kind]} ${m.group.nameGenitive}`;

/**
 * «12.09.2017», or «18–21.12.2017» for a meeting of several days in one month (the date is the
 * event's date, ГОСТ Р 7.0.97-2016, 5.10; the range form from the methodological rules).
 */
export function meetingDates(m: Pick<MeetingDetail, 'dateStart' | 'dateEnd'>): string {
  if (!m.dateEnd || m.dateEnd === m.dateStart) return formatDate(m.dateStart);
  const [start, end] = [formatDate(m.dateStart), formatDate(m.dateEnd)];
  return start.slice(3) === end.slice(3) ? `${start.slice(0, 2)}–${end}` : `${start}–${end}`;
}

const place = (m: MeetingDetail) => [m.town, m.address].filter(Boolean).join(', ');

/** A document of the meeting is a draft until the minutes are signed. */
export const isDraft = (m: MeetingDetail) => m.status !== 'signed';

const shortTitle = (m: MeetingDetail) => `№ ${m.number} от ${formatDate(m.dateStart)}`;

// File names: what tells two documents apart comes first, so a long group or organisation
// name cut at the end never makes two files of one name.
export const minutesFileName = (m: MeetingDetail, form: 'full' | 'short') =>
  documentFileName(`Протокол ${shortTitle(m)}${form === 'short' ? ' (краткий)' : ''} – ${m.group.name}`, 'docx');
export const agendaFileName = (m: MeetingDetail) =>
  documentFileName(`Повестка дня ${MEETING_KIND_GENITIVE[m.kind]} ${shortTitle(m)} – ${m.group.name}`, 'docx');
export const registrationFileName = (m: MeetingDetail) =>
  documentFileName(`Лист регистрации ${MEETING_KIND_GENITIVE[m.kind]} ${shortTitle(m)} – ${m.group.name}`, 'docx');
export const extractFileName = (m: MeetingDetail, item: AgendaItemView, addressee?: string) =>
  documentFileName(`Выписка из протокола ${shortTitle(m)}, вопрос ${item.position} – ${addressee ?? m.group.name}`, 'docx');
export const assignmentsFileName = (issue: ListIssue, organization: string, onlyOpen: boolean) =>
  documentFileName(
    `Перечень поручений${onlyOpen ? ' на контроле' : ''} № ${issue.number} от ${formatDate(issue.date)} – ${organization}`,
    'docx',
  );

const base = (fileName: string) => fileName.replace(/\.docx$/, '');

/** The item with only the decisions that assign something to the organisation or to one of its people. */
export function itemForOrganization(item: AgendaItemView, organizationId: number): AgendaItemView {
  const concerns = (d: AgendaItemView['decisions'][number]) =>
    d.assignment !== null &&
    (d.assignment.organizations.some((o) => o.id === organizationId) ||
      d.assignment.people.some((p) => p.organizationId === organizationId));
  return { ...item, decisions: item.decisions.filter(concerns) };
}

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

/**
 * «директор ТОГБУ «Центр «Доверие»», «начальник отдела, Администрация г. Уварово»: the job title
 * as used inside a sentence, then the organisation — directly after the title when the name
 * starts with an abbreviation (it reads as «директор чего»), after a comma when it is a noun in
 * the nominative.
 */
export function jobOf(p: Pick<PersonRef, 'position' | 'organizationName'>): string {
  const position = p.position ? midSentence(p.position) : '';
  const organization = p.organizationName ?? '';
  if (!position || !organization) return position || organization;
  const firstWord = /^[^\s«"]+/.exec(organization)?.[0] ?? '';
  const abbreviation = firstWord.length >= 2 && firstWord === firstWord.toUpperCase() && /[А-ЯЁA-Z]/.test(firstWord);
  return abbreviation ? `${position} ${organization}` : `${position}, ${organization}`;
}

/** « – директор ТОГБУ …», or nothing when neither is known. */
function personTail(p: PersonRef): string {
  const tail = jobOf(p);
  return tail ? ` – ${tail}` : '';
}

/**
 * The quorum statement (methodological rules: the number of members and of those present):
 * «Присутствуют 9 из 12 членов (кворум – не менее половины членов). Кворум имеется.» Minutes
 * signed before the rule was recorded state the count only.
 */
export function quorumStatement(m: MeetingDetail, ctx: Pick<MinutesSettings, 'quorum'>): string | null {
  const members = m.attendees.filter((a) => a.member);
  if (members.length === 0) return null;
  const present = members.filter((a) => a.present).length;
  // «Присутствует 21 из 40 членов», «Присутствуют 9 из 12 членов»; «из» takes the genitive: «из 21 члена».
  const count = `${countedVerb(present, ['Присутствует', 'Присутствуют'])} ${present} из ${members.length} ${plural(members.length, ['члена', 'членов', 'членов'])}`;
  const needed = ctx.quorum ? quorumNeeded(ctx.quorum, members.length) : null;
  if (ctx.quorum === null || needed === null) return `${count}.`;
  return `${count} (кворум – ${QUORUM_RULE_LABELS[ctx.quorum]}). ${present >= needed ? 'Кворум имеется' : 'Кворума нет'}.`;
}

function attendance(m: MeetingDetail, ctx: MinutesContext, names: boolean): Block[] {
  const present = presentPeople(m);
  const late = new Set(m.attendees.filter((a) => a.present && a.late).map((a) => a.person.id));
  const blocks: Block[] = [];
  const total = countOf(present.length, PEOPLE);
  if (!names) {
    blocks.push({ kind: 'para', lead: 'Присутствовали: ', text: `${total}.`, indent: false });
  } else if (attendeesAttached(m, ctx.threshold)) {
    blocks.push({ kind: 'para', lead: 'Присутствовали: ', text: `${total} (список прилагается).`, indent: false });
  } else {
    const list = present.map((p) => (late.has(p.id) ? `${p.short} (прибыл(а) с опозданием)` : p.short));
    blocks.push({
      kind: 'para',
      lead: 'Присутствовали: ',
      text: list.length ? `${list.join(', ')} (всего ${total}).` : 'нет.',
      indent: false,
    });
  }
  if (m.kind === 'session') {
    const quorum = quorumStatement(m, ctx);
    if (quorum) blocks.push({ kind: 'para', text: quorum, indent: false });
  }
  if (!names) return blocks;
  // Only those recorded as absent: the group's membership may have changed since the meeting.
  const absent = m.attendees.filter((a) => a.recorded && !a.present);
  if (absent.length) {
    const list = absent.map((a) => (a.absenceReason ? `${a.person.short} (${a.absenceReason})` : a.person.short));
    blocks.push({ kind: 'para', lead: 'Отсутствовали: ', text: endDot(list.join(', ')), indent: false });
  }
  if (m.guests.length) {
    blocks.push({ kind: 'para', lead: 'Приглашённые:', text: '', indent: false });
    for (const g of m.guests) blocks.push({ kind: 'para', text: `${g.short}${personTail(g)}` });
  }
  return blocks;
}

/** Organisation, group, the document's kind, date and number, place, the heading. */
function header(m: MeetingDetail, ctx: MinutesContext, docType: string): Block[] {
  return [
    ...(ctx.centerFullName ? [{ kind: 'line' as const, text: ctx.centerFullName, align: 'center' as const }] : []),
    { kind: 'line', text: m.group.name, align: 'center' },
    { kind: 'line', text: docType, align: 'center', bold: true, spaceBefore: 1 },
    { kind: 'split', left: meetingDates(m), right: `№ ${m.number}`, spaceBefore: 1 },
    ...(m.town ? [{ kind: 'line' as const, text: m.town, align: 'center' as const }] : []),
    { kind: 'line', text: KIND_TITLE(m), align: 'left', bold: true, spaceBefore: 1, heading: true },
  ];
}

function officers(m: MeetingDetail): Block[] {
  return [
    { kind: 'para', text: `Председатель – ${m.chair?.signature ?? 'не указан'}`, indent: false, spaceBefore: 1 },
    { kind: 'para', text: `Секретарь – ${m.secretary?.signature ?? 'не указан'}`, indent: false },
  ];
}

/** The numbered agenda, each item with its «Докладчик» line. */
function agendaList(m: MeetingDetail, heading: boolean): Block[] {
  const blocks: Block[] = heading
    ? [{ kind: 'line', text: 'ПОВЕСТКА ДНЯ:', align: 'center', bold: true, spaceBefore: 1, heading: true }]
    : [];
  for (const item of m.items) {
    blocks.push({ kind: 'para', text: `${item.position}. ${item.title}` });
    if (item.speakers.length) {
      const minutes = item.plannedMinutes ? ` (${item.plannedMinutes} мин.)` : '';
      const who = item.speakers.length > 1 ? 'Докладчики' : 'Докладчик';
      blocks.push({ kind: 'para', text: endDot(`${who}: ${item.speakers.map((s) => s.label).join('; ')}${minutes}`) });
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

/** «Голосовали: «за» – 11, «против» – 0, «воздержались» – 0.» in both forms of the minutes. */
function votes(d: DecisionView): string {
  if (d.votesFor === null && d.votesAgainst === null && d.votesAbstained === null) return '';
  return ` Голосовали: «за» – ${d.votesFor ?? 0}, «против» – ${d.votesAgainst ?? 0}, «воздержались» – ${d.votesAbstained ?? 0}.`;
}

/** One item's block: its original number and title once, СЛУШАЛИ, ВЫСТУПИЛИ, РЕШИЛИ. */
function itemBlocks(item: AgendaItemView, form: 'full' | 'short'): Block[] {
  const blocks: Block[] = [
    { kind: 'line', text: `${item.position}. ${item.title}`, align: 'left', bold: true, spaceBefore: 1, heading: true },
  ];
  const speakers = item.speakers.map((s) => s.label).join('; ');
  if (form === 'full') {
    const summary = item.reportAttached ? 'Текст доклада прилагается.' : item.heardText ? endDot(item.heardText) : '';
    blocks.push({
      kind: 'para',
      lead: 'СЛУШАЛИ: ',
      text: [speakers ? endDot(speakers) : '', summary].filter(Boolean).join(' ') || 'доклад не записан.',
    });
    if (item.discussion.length) {
      blocks.push({ kind: 'para', lead: 'ВЫСТУПИЛИ:', text: '' });
      for (const d of item.discussion) blocks.push({ kind: 'para', text: d.text ? `${d.label} – ${endDot(d.text)}` : endDot(d.label) });
    }
  } else {
    blocks.push({ kind: 'para', lead: 'СЛУШАЛИ: ', text: speakers ? endDot(speakers) : 'доклад не записан.' });
    if (item.discussion.length)
      blocks.push({ kind: 'para', lead: 'ВЫСТУПИЛИ: ', text: endDot(item.discussion.map((d) => d.label).join('; ')) });
  }
  if (item.decisions.length) {
    blocks.push({ kind: 'para', lead: 'РЕШИЛИ:', text: '' });
    for (const d of item.decisions) {
      const assignment = d.assignment ? ` ${assignmentText(d.assignment)}` : '';
      blocks.push({ kind: 'para', text: `${d.number}. ${endDot(d.text)}${assignment}${votes(d)}` });
    }
  }
  return blocks;
}

/** Protocols are signed by the chair and the secretary (Росархив methodological rules). */
const officerSigners = (m: MeetingDetail): Signer[] => [
  { position: 'Председатель', name: m.chair?.signature ?? '' },
  { position: 'Секретарь', name: m.secretary?.signature ?? '' },
];

const secretarySigner = (m: MeetingDetail): Signer[] => [{ position: 'Секретарь', name: m.secretary?.signature ?? '' }];

/**
 * The appendix mark at the top right of an appendix's first page (ГОСТ Р 7.0.97-2016, 5.19):
 * «Приложение / к протоколу от 12.09.2017 № 3» (the heading below names the meeting).
 */
const appendixMark = (m: MeetingDetail): Block => ({
  kind: 'corner',
  lines: ['Приложение', `к протоколу от ${formatDate(m.dateStart)} № ${m.number}`],
});

function attendeeAttachment(m: MeetingDetail): Block[] {
  return [
    { kind: 'pageBreak' },
    appendixMark(m),
    { kind: 'line', text: 'СПИСОК ПРИСУТСТВОВАВШИХ', align: 'center', bold: true, spaceBefore: 1, heading: true },
    ...presentPeople(m).map((p, i): Block => ({ kind: 'para', text: `${i + 1}. ${p.fullName}${personTail(p)}`, indent: false })),
    { kind: 'signatures', signers: secretarySigner(m) },
  ];
}

function spec(m: MeetingDetail, title: string, fileName: string, blocks: Block[], draft = isDraft(m)): DocumentSpec {
  return { title, fileName: base(fileName), orientation: 'portrait', draft, blocks };
}

export function minutesDocument(m: MeetingDetail, ctx: MinutesContext, form: 'full' | 'short'): DocumentSpec {
  return spec(m, `Протокол ${shortTitle(m)}`, minutesFileName(m, form), [
    ...header(m, ctx, 'ПРОТОКОЛ'),
    ...officers(m),
    ...attendance(m, ctx, true),
    ...agendaList(m, true),
    ...m.items.flatMap((item) => itemBlocks(item, form)),
    { kind: 'signatures', signers: officerSigners(m) },
    ...(attendeesAttached(m, ctx.threshold) ? attendeeAttachment(m) : []),
  ]);
}

export function agendaDocument(m: MeetingDetail, ctx: MinutesContext): DocumentSpec {
  const when = [meetingDates(m), m.time ? `начало в ${m.time}` : ''].filter(Boolean).join(', ');
  return spec(m, `Повестка дня ${shortTitle(m)}`, agendaFileName(m), [
    ...(ctx.centerFullName ? [{ kind: 'line' as const, text: ctx.centerFullName, align: 'center' as const }] : []),
    { kind: 'line', text: m.group.name, align: 'center' },
    { kind: 'line', text: 'ПОВЕСТКА ДНЯ', align: 'center', bold: true, spaceBefore: 1 },
    { kind: 'line', text: `${KIND_TITLE(m)} № ${m.number}`, align: 'center', bold: true, heading: true },
    { kind: 'para', lead: 'Дата и время: ', text: when, indent: false, spaceBefore: 1 },
    ...(place(m) ? [{ kind: 'para' as const, lead: 'Место проведения: ', text: place(m), indent: false }] : []),
    ...(m.chair ? [{ kind: 'para' as const, lead: 'Председатель: ', text: m.chair.signature, indent: false }] : []),
    { kind: 'line', text: '', align: 'left' },
    ...agendaList(m, false),
    { kind: 'signatures', signers: secretarySigner(m) },
  ]);
}

/** Where the original is kept, for an extract that goes to another organisation. */
export interface OriginalKept {
  /** The center as it reads after «в»: its short name («ТОГБУ «Центр «Доверие»»). */
  keeper: string;
  caseIndex: string;
}

/**
 * An extract (Росархив methodological rules): the minutes' header and introductory part, one
 * item with its own number and title once, the original's signatures as text, and the
 * certification «Верно» (ГОСТ Р 7.0.97-2016, 5.26: «Верно», the certifier's position, signature,
 * «И.О. Фамилия», the date; for another organisation «Подлинник документа находится в … в деле
 * № … за … год»). An extract addressed to an organisation names it at the top right, in the
 * nominative, apart from the author's requisites.
 */
export function extractDocument(
  m: MeetingDetail,
  item: AgendaItemView,
  ctx: MinutesContext,
  addressee?: { fullName: string; shortName: string; original: OriginalKept },
): DocumentSpec {
  const secretary = m.secretary;
  // «Секретарь, методист ТОГБУ «Центр…»»: the role in the group and the certifier's own position.
  const job = secretary ? jobOf(secretary) : '';
  const certifier = job ? `Секретарь, ${job}` : 'Секретарь';
  const original = addressee?.original;
  return spec(
    m,
    `Выписка из протокола ${shortTitle(m)}`,
    extractFileName(m, item, addressee ? addressee.shortName || addressee.fullName : undefined),
    [
      ...(addressee ? [{ kind: 'corner' as const, lines: [addressee.fullName] }] : []),
      ...header(m, ctx, 'ВЫПИСКА ИЗ ПРОТОКОЛА'),
      ...officers(m),
      // An extract goes to one organisation: the count is enough, the names stay in the minutes.
      ...attendance(m, ctx, false),
      ...itemBlocks(item, 'full'),
      { kind: 'signatures', signers: officerSigners(m) },
      {
        kind: 'together',
        blocks: [
          { kind: 'line', text: 'Верно', align: 'left', spaceBefore: 2 },
          { kind: 'signatures', signers: [{ position: certifier, name: secretary?.signature ?? '' }], spaceBefore: 0 },
          { kind: 'line', text: formatDate(ctx.today), align: 'left' },
          ...(original
            ? [
                {
                  kind: 'para' as const,
                  text: `Подлинник документа находится в ${original.keeper} в деле № ${original.caseIndex} за ${m.year} год.`,
                  indent: false,
                  spaceBefore: 1 as const,
                },
              ]
            : []),
        ],
      },
    ],
    false,
  );
}

/**
 * The registration sheet, an appendix to the minutes: members and guests in Russian order, then
 * blank rows for those who come unannounced, and the secretary's signature.
 */
export function registrationDocument(m: MeetingDetail, ctx: MinutesContext, blankRows = 5): DocumentSpec {
  const people = sortedByKey(
    [...m.attendees.map((a) => a.person), ...m.guests].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i),
    (p) => p.fullName,
  );
  const rows: TableRow[] = people.map((p, i) => ({
    cells: [`${i + 1}`, p.fullName, p.organizationName ?? '', p.position, ''],
    tall: true,
  }));
  for (let i = 0; i < blankRows; i++) rows.push({ cells: [`${people.length + i + 1}`, '', '', '', ''], tall: true });
  return spec(m, `Лист регистрации ${shortTitle(m)}`, registrationFileName(m), [
    appendixMark(m),
    ...(ctx.centerFullName ? [{ kind: 'line' as const, text: ctx.centerFullName, align: 'center' as const }] : []),
    { kind: 'line', text: 'ЛИСТ РЕГИСТРАЦИИ', align: 'center', bold: true, spaceBefore: 1 },
    { kind: 'line', text: `участников ${KIND_TITLE(m)}`, align: 'center', heading: true },
    { kind: 'split', left: meetingDates(m), right: `№ ${m.number}`, spaceBefore: 1 },
    ...(place(m) ? [{ kind: 'line' as const, text: place(m), align: 'left' as const }] : []),
    { kind: 'line', text: '', align: 'left' },
    { kind: 'table', columns: REGISTRATION_COLUMNS, rows },
    { kind: 'signatures', signers: secretarySigner(m) },
  ]);
}

/** The number and date an assignment list was issued under. */
export interface ListIssue {
  number: number;
  date: string;
}

export interface AssignmentListContext {
  organization: { fullName: string; shortName: string };
  issue: ListIssue;
  onlyOpen: boolean;
  centerFullName: string;
  /** Who signs the list for the center: the director. */
  signer: Signer;
  /** The compiler (отметка об исполнителе): the secretary, with a phone when known. */
  executor: { fullName: string; position: string; phone: string; email: string } | null;
}

/**
 * The organisation's assignments from signed minutes as an outgoing document: the center as
 * author, the organisation as addressee at the top right, date and number of issue, the table
 * grouped by working group (the group's long name once, as a heading row), the director's
 * signature and the executor mark at the foot (ВНИИДАД recommendations to ГОСТ Р 7.0.97-2016,
 * 4.25: full name and phone of the executor).
 */
export function assignmentListDocument(rows: AssignmentRow[], ctx: AssignmentListContext): DocumentSpec {
  const groups = [...new Map(rows.map((r) => [r.groupId, r.groupName])).entries()];
  const tableRows: TableRow[] = [];
  let n = 0;
  for (const [groupId, groupName] of groups) {
    tableRows.push({ group: groupName });
    for (const r of rows.filter((x) => x.groupId === groupId)) {
      tableRows.push({
        cells: [
          `${++n}`,
          r.text,
          `от ${formatDate(r.meetingDate)} № ${r.meetingNumber}, п. ${r.decisionNumber}`,
          r.permanent ? 'постоянно' : formatDate(r.dueDate),
          [ASSIGNMENT_STATE_LABELS[r.state], r.completionNote].filter(Boolean).join('. '),
        ],
      });
    }
  }
  const fileName = assignmentsFileName(ctx.issue, ctx.organization.shortName || ctx.organization.fullName, ctx.onlyOpen);
  const executor = ctx.executor;
  return {
    title: `Перечень поручений № ${ctx.issue.number} от ${formatDate(ctx.issue.date)}`,
    fileName: base(fileName),
    orientation: 'portrait',
    draft: false,
    blocks: [
      { kind: 'corner', lines: [ctx.organization.fullName] },
      ...(ctx.centerFullName ? [{ kind: 'line' as const, text: ctx.centerFullName, align: 'center' as const }] : []),
      {
        kind: 'line',
        text: ctx.onlyOpen ? 'ПЕРЕЧЕНЬ ПОРУЧЕНИЙ НА КОНТРОЛЕ' : 'ПЕРЕЧЕНЬ ПОРУЧЕНИЙ',
        align: 'center',
        bold: true,
        spaceBefore: 1,
      },
      { kind: 'split', left: formatDate(ctx.issue.date), right: `№ ${ctx.issue.number}`, spaceBefore: 1 },
      {
        kind: 'line',
        text: `по решениям заседаний на ${formatDate(ctx.issue.date)}`,
        align: 'left',
        bold: true,
        spaceBefore: 1,
        heading: true,
      },
      { kind: 'line', text: '', align: 'left' },
      {
        kind: 'table',
        columns: [
          { title: '№', share: 6, align: 'center' },
          { title: 'Поручение', share: 40 },
          { title: 'Протокол, пункт', share: 20 },
          { title: 'Срок', share: 14, align: 'center' },
          { title: 'Состояние', share: 20 },
        ],
        rows: tableRows,
      },
      { kind: 'signatures', signers: [ctx.signer] },
      ...(executor
        ? [
            {
              kind: 'note' as const,
              spaceBefore: 2 as const,
              lines: [
                [executor.fullName, executor.position ? midSentence(executor.position) : ''].filter(Boolean).join(', '),
                [executor.phone, executor.email].filter(Boolean).join(', '),
              ].filter(Boolean),
            },
          ]
        : []),
    ],
  };
}
