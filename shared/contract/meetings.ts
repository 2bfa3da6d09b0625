import { z } from 'zod';
import { call, REFUSED, type CallDef, type FileOutput } from './define';
import { empty, id, isoDate, optionalText, page, requiredText, search, year, type Page } from './common';
import type { PlanStatus } from '@shared/enums';
import type { PlanCandidate } from './workPlan';

export type { PlanCandidate } from './workPlan';
import type { DocumentSpec } from '@shared/documents/model';
import {
  ASSIGNMENT_STATUSES,
  MEETING_KINDS,
  MEETING_STATUSES,
  QUORUM_RULES,
  type AssignmentState,
  type AssignmentStatus,
  type MeetingKind,
  type MeetingStatus,
  type QuorumRule,
} from './meetingEnums';

export * from './meetingEnums';

/** Working groups, their meetings, agendas, decisions under control, and the minutes. */

export interface PersonRef {
  id: number;
  /** «Фамилия Имя Отчество». */
  fullName: string;
  /** «Фамилия И.О.». */
  short: string;
  /** «И.О. Фамилия», as under a signature. */
  signature: string;
  position: string;
  organizationId: number | null;
  organizationName: string | null;
}

export interface WorkingGroup {
  id: number;
  name: string;
  nameGenitive: string;
  chair: PersonRef | null;
  deputyChair: PersonRef | null;
  secretary: PersonRef | null;
  members: PersonRef[];
  quorum: QuorumRule;
  /** The case file (номенклатура дел) of each year's minutes, by year. */
  caseFiles: CaseFile[];
  meetingCount: number;
  /** Open assignments from signed minutes only: an unsigned decision binds nobody yet. */
  openAssignmentCount: number;
}

export interface CaseFile {
  year: number;
  /** «01-07»: the file's index in the center's номенклатура дел. */
  index: string;
}

export interface MeetingRow {
  id: number;
  groupId: number;
  groupName: string;
  kind: MeetingKind;
  year: number;
  number: number;
  dateStart: string;
  dateEnd: string | null;
  town: string;
  status: MeetingStatus;
  itemCount: number;
  /** The agenda items' titles, for finding a meeting by topic. */
  topics: string[];
}

export interface AssignmentView {
  id: number;
  dueDate: string | null;
  permanent: boolean;
  status: AssignmentStatus;
  /** Stored status, or «overdue» when the due date has passed and it is still open. */
  state: AssignmentState;
  completionNote: string;
  completedOn: string | null;
  people: PersonRef[];
  organizations: { id: number; name: string }[];
}

export interface DecisionView {
  id: number;
  position: number;
  /** «1.2»: the item's number and the decision's place in it. */
  number: string;
  text: string;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstained: number | null;
  assignment: AssignmentView | null;
}

export interface SpeakerView {
  personId: number | null;
  /** Free text for a speaker who is not in the registry. */
  name: string;
  /** How the minutes name the speaker: «Попова Л.А., социальный педагог …». */
  label: string;
}

export interface DiscussionView extends SpeakerView {
  text: string;
}

export interface AgendaItemView {
  id: number;
  position: number;
  title: string;
  plannedMinutes: number | null;
  heardText: string;
  reportAttached: boolean;
  carriedFrom: { meetingId: number; label: string } | null;
  /** The plan item this question was taken from and realises. */
  planItemId: number | null;
  /** «О ходе исполнения решений предыдущих заседаний», added with the open assignments. */
  controlReview: boolean;
  speakers: SpeakerView[];
  discussion: DiscussionView[];
  decisions: DecisionView[];
}

export interface AttendeeView {
  person: PersonRef;
  present: boolean;
  absenceReason: string;
  late: boolean;
  member: boolean;
  /** Attendance was saved for this person; a member added to the group later has none. */
  recorded: boolean;
}

export interface MeetingDetail {
  id: number;
  group: { id: number; name: string; nameGenitive: string };
  kind: MeetingKind;
  year: number;
  number: number;
  dateStart: string;
  dateEnd: string | null;
  time: string;
  town: string;
  address: string;
  chair: PersonRef | null;
  secretary: PersonRef | null;
  status: MeetingStatus;
  signedAt: string | null;
  planItem: { id: number; title: string; status: PlanStatus } | null;
  unlocks: { reason: string; at: string }[];
  /**
   * Signed minutes whose frozen copy is missing or cannot be read: why (Russian). The editor then
   * shows the record as it is now, marked, and no document is issued until the minutes are
   * unlocked and signed again; null otherwise.
   */
  copyProblem: string | null;
  /** Members of the group (present or not) and anyone else marked present, Russian order. */
  attendees: AttendeeView[];
  guests: PersonRef[];
  items: AgendaItemView[];
  /** «Протокол №3 от 12.09.2017». */
  title: string;
}

/** The minutes' settings a meeting's documents are built with (frozen at signing). */
export interface MinutesSettings {
  centerFullName: string;
  /** Attendee count above which the list goes to an attachment. */
  threshold: number;
  /** The group's quorum rule at signing; null for minutes signed before the rule was kept. */
  quorum: QuorumRule | null;
}

/** The meeting documents the print view shows, as the Word files have them. */
export const MEETING_DOCUMENTS = ['full', 'short', 'agenda', 'registration', 'extract'] as const;
export type MeetingDocument = (typeof MEETING_DOCUMENTS)[number];

/** An assignment list issued to an organisation: an outgoing document of the center. */
export interface IssuedList {
  id: number;
  number: number;
  issuedOn: string;
  fileName: string;
}

/** Assignments decided at meetings whose minutes are not signed yet: shown as a count, never as binding. */
export interface PendingAssignments {
  assignments: number;
  meetings: number;
}

export interface AssignmentRow extends AssignmentView {
  decisionId: number;
  decisionNumber: string;
  text: string;
  itemTitle: string;
  meetingId: number;
  meetingLabel: string;
  meetingNumber: number;
  meetingDate: string;
  groupId: number;
  groupName: string;
}

const ids = (what: string, max = 500) => z.array(id).max(max, `Слишком много записей в поле «${what}»`).default([]);
const count = (what: string) =>
  z
    .number({ error: `Поле «${what}» должно быть числом` })
    .int(`Поле «${what}» должно быть целым числом`)
    .min(0, `Поле «${what}» не может быть отрицательным`)
    .nullable()
    .default(null);
const time = z
  .string()
  .trim()
  .refine((s) => s === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), 'Время укажите как ЧЧ:ММ, например 10:00')
  .default('');

export const caseFileInput = z
  .object({
    year,
    index: requiredText('Индекс дела', 50),
  })
  .strict();

export const groupInput = z
  .object({
    name: requiredText('Название', 300),
    nameGenitive: requiredText('Название в родительном падеже', 300),
    chairId: id.nullable().default(null),
    deputyChairId: id.nullable().default(null),
    secretaryId: id.nullable().default(null),
    memberIds: ids('Члены группы'),
    quorum: z.enum(QUORUM_RULES, { error: 'Выберите, сколько членов составляют кворум' }).default('half'),
    caseFiles: z
      .array(caseFileInput)
      .max(100, 'Слишком много дел в номенклатуре')
      .default([])
      .refine((files) => new Set(files.map((f) => f.year)).size === files.length, {
        message: 'За один год укажите одно дело с протоколами',
      }),
  })
  .strict();

export const meetingInput = z
  .object({
    groupId: z.number({ error: 'Выберите рабочую группу' }).int('Выберите рабочую группу').positive('Выберите рабочую группу'),
    kind: z.enum(MEETING_KINDS, { error: 'Выберите вид: заседание, совещание или круглый стол' }),
    /** Null: the next free number of the group in the year. */
    number: z
      .number({ error: 'Номер должен быть числом' })
      .int('Номер должен быть целым числом')
      .positive('Номер должен быть больше нуля')
      .nullable()
      .default(null),
    dateStart: isoDate('Дата'),
    dateEnd: isoDate('Дата окончания').nullable().default(null),
    time,
    town: optionalText('Населённый пункт', 200),
    address: optionalText('Адрес', 500),
    chairId: id.nullable().default(null),
    secretaryId: id.nullable().default(null),
    planItemId: id.nullable().default(null),
  })
  .strict()
  .refine((m) => m.dateEnd === null || m.dateEnd >= m.dateStart, {
    message: 'Дата окончания не может быть раньше даты начала',
    path: ['dateEnd'],
  });

export const meetingListInput = z
  .object({
    groupId: id.nullable().default(null),
    year: year.nullable().default(null),
    status: z.enum(MEETING_STATUSES).nullable().default(null),
    search,
    ...page,
  })
  .strict();

export const attendanceInput = z
  .object({
    meetingId: id,
    attendees: z
      .array(
        z
          .object({
            personId: id,
            present: z.boolean(),
            absenceReason: optionalText('Причина отсутствия', 300),
            late: z.boolean().default(false),
          })
          .strict(),
      )
      .max(1000, 'Слишком много участников'),
    guestIds: ids('Приглашённые'),
  })
  .strict();

const speakerInput = z
  .object({
    personId: id.nullable().default(null),
    name: optionalText('Выступающий', 500),
  })
  .strict()
  .refine((s) => s.personId !== null || s.name !== '', { message: 'Выберите выступающего или впишите его', path: ['name'] });

export const assignmentInput = z
  .object({
    personIds: ids('Ответственные', 50),
    organizationIds: ids('Ответственные организации', 50),
    dueDate: isoDate('Срок').nullable().default(null),
    permanent: z.boolean().default(false),
  })
  .strict()
  .refine((a) => a.permanent || a.dueDate !== null, {
    message: 'Укажите срок исполнения поручения или отметьте «постоянно»',
    path: ['dueDate'],
  })
  .refine((a) => a.personIds.length + a.organizationIds.length > 0, {
    message: 'Укажите ответственных за поручение: организации или специалистов',
    path: ['organizationIds'],
  });

export const decisionInput = z
  .object({
    /** Present for a decision that already exists: keeps its assignment's progress. */
    id: id.nullable().default(null),
    text: requiredText('Текст решения', 4000),
    votesFor: count('За'),
    votesAgainst: count('Против'),
    votesAbstained: count('Воздержались'),
    assignment: assignmentInput.nullable().default(null),
  })
  .strict();

export const agendaItemInput = z
  .object({
    title: requiredText('Вопрос повестки', 1000),
    plannedMinutes: z
      .number({ error: 'Время доклада должно быть числом' })
      .int('Время доклада — целое число минут')
      .min(1, 'Время доклада — не меньше минуты')
      .max(600, 'Время доклада — не больше 600 минут')
      .nullable()
      .default(null),
    speakers: z.array(speakerInput).max(20, 'Слишком много докладчиков').default([]),
    heardText: optionalText('Слушали', 20000),
    reportAttached: z.boolean().default(false),
    discussion: z
      .array(
        z
          .object({
            personId: id.nullable().default(null),
            name: optionalText('Выступил', 500),
            text: optionalText('Содержание выступления', 10000),
          })
          .strict()
          .refine((s) => s.personId !== null || s.name !== '', { message: 'Выберите выступившего или впишите его', path: ['name'] }),
      )
      .max(50, 'Слишком много выступлений')
      .default([]),
    decisions: z.array(decisionInput).max(50, 'Слишком много решений по одному вопросу').default([]),
  })
  .strict();

export const agendaTitlesInput = z
  .array(requiredText('Вопрос повестки', 1000), { error: 'Впишите вопросы повестки' })
  .min(1, 'Впишите хотя бы один вопрос повестки')
  .max(50, 'Не больше 50 вопросов за один раз');

/**
 * The questions of an agenda pasted as text (from last year's Word file, an e-mail): one per
 * line, without their numbers and list marks («1.», «2)», «—», «•»), empty lines left out.
 */
export function agendaLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(/^\s*(?:\d{1,2}\s*[.)]\s*|[-–—•·*]\s+)/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '');
}

export const assignmentListInput = z
  .object({
    state: z
      .enum([...ASSIGNMENT_STATUSES, 'overdue', 'open'])
      .nullable()
      .default(null),
    organizationId: id.nullable().default(null),
    personId: id.nullable().default(null),
    groupId: id.nullable().default(null),
    search,
    ...page,
  })
  .strict();

const byId = z.object({ id }).strict();
const reason = requiredText('Причина', 1000);

export const meetingsCalls = {
  'workingGroups.list': call(empty).reads('meetings', 'names').returns<WorkingGroup[]>(),
  'workingGroups.get': call(byId).reads('meetings', 'names').returns<WorkingGroup>(),
  'workingGroups.create': call(groupInput).db(['meetings'], REFUSED.save).returns<WorkingGroup>(),
  'workingGroups.update': call(z.object({ id, data: groupInput }).strict())
    .db(['meetings'], REFUSED.save)
    .returns<WorkingGroup>(),
  'workingGroups.delete': call(byId).db(['meetings', 'undo'], REFUSED.delete).returns<null>(),

  'meetings.list': call(meetingListInput).reads('meetings').returns<Page<MeetingRow>>(),
  'meetings.get': call(byId).reads('meetings', 'names', 'workPlan').returns<MeetingDetail>(),
  'meetings.create': call(meetingInput).db(['meetings'], REFUSED.save).returns<MeetingDetail>(),
  /** A held meeting linked to another plan item marks that item done. */
  'meetings.update': call(z.object({ id, data: meetingInput }).strict())
    .db(['meetings', 'workPlan'], REFUSED.save)
    .returns<MeetingDetail>(),
  'meetings.delete': call(byId).db(['meetings', 'undo'], REFUSED.delete).returns<null>(),
  /** The next free number of the group in the year, shown before saving. */
  'meetings.nextNumber': call(z.object({ groupId: id, year }).strict())
    .reads('meetings')
    .returns<number>(),
  /** Draft → held: the date must not be in the future; a linked plan item becomes done. */
  'meetings.hold': call(byId).db(['meetings', 'workPlan'], REFUSED.hold).returns<MeetingDetail>(),
  /** Back to draft, e.g. a meeting marked held by mistake. */
  'meetings.reopen': call(byId).db(['meetings', 'workPlan'], REFUSED.reopen).returns<MeetingDetail>(),
  'meetings.sign': call(byId).db(['meetings'], REFUSED.sign).returns<MeetingDetail>(),
  'meetings.unlock': call(z.object({ id, reason }).strict()).db(['meetings'], REFUSED.unlock).returns<MeetingDetail>(),
  'meetings.setAttendance': call(attendanceInput).db(['meetings'], REFUSED.save).returns<MeetingDetail>(),
  /** Items of the meeting's year in the work plan, to realise by the meeting or put on the agenda. */
  'meetings.planCandidates': call(z.object({ year }).strict()).reads('workPlan', 'meetings', 'lists').returns<PlanCandidate[]>(),
  /** Open assignments of the group from its other meetings (контроль исполнения). */
  'meetings.openAssignments': call(byId).reads('meetings', 'names').returns<AssignmentRow[]>(),

  'agenda.create': call(z.object({ meetingId: id, data: agendaItemInput }).strict())
    .db(['meetings'], REFUSED.save)
    .returns<MeetingDetail>(),
  /** An agenda typed or pasted whole: one question per line, after the questions already there. */
  'agenda.createMany': call(z.object({ meetingId: id, titles: agendaTitlesInput }).strict())
    .db(['meetings'], REFUSED.add)
    .returns<MeetingDetail>(),
  'agenda.update': call(z.object({ id, data: agendaItemInput }).strict())
    .db(['meetings'], REFUSED.save)
    .returns<MeetingDetail>(),
  'agenda.delete': call(byId).db(['meetings', 'undo'], REFUSED.delete).returns<MeetingDetail>(),
  'agenda.move': call(z.object({ id, to: z.enum(['up', 'down'], { error: 'Укажите, куда переместить' }) }).strict())
    .db(['meetings'], REFUSED.move)
    .returns<MeetingDetail>(),
  'agenda.addFromPlan': call(z.object({ meetingId: id, planItemId: id }).strict())
    .db(['meetings'], REFUSED.add)
    .returns<MeetingDetail>(),
  'agenda.addControlReview': call(z.object({ meetingId: id }).strict())
    .db(['meetings'], REFUSED.add)
    .returns<MeetingDetail>(),
  /** Moves an item not reached to the group's next draft meeting. */
  'agenda.carryToNext': call(byId).db(['meetings'], REFUSED.carry).returns<MeetingDetail>(),

  /** Assignments from signed minutes only. */
  'assignments.list': call(assignmentListInput).reads('meetings', 'names').returns<Page<AssignmentRow>>(),
  /** How many assignments wait in held but unsigned minutes (they join the list once signed). */
  'assignments.pending': call(empty).reads('meetings').returns<PendingAssignments>(),
  'assignments.setStatus': call(
    z
      .object({
        id,
        status: z.enum(ASSIGNMENT_STATUSES, { error: 'Выберите состояние поручения' }),
        completionNote: optionalText('Отметка об исполнении', 2000),
        completedOn: isoDate('Дата исполнения').nullable().default(null),
      })
      .strict(),
  )
    .db(['meetings'], REFUSED.save)
    .returns<AssignmentRow>(),

  'meetings.getSettings': call(empty).reads('meetings').returns<{ attendeeThreshold: number }>(),
  'meetings.saveSettings': call(
    z
      .object({
        attendeeThreshold: z
          .number({ error: 'Укажите число' })
          .int('Укажите целое число')
          .min(1, 'Не меньше 1')
          .max(1000, 'Не больше 1000'),
      })
      .strict(),
  )
    .db(['meetings'], REFUSED.save)
    .returns<{ attendeeThreshold: number }>(),

  /** A meeting document for the print view: the same blocks the Word file is rendered from. */
  'meetings.documentView': call(
    z
      .object({
        id,
        doc: z.enum(MEETING_DOCUMENTS, { error: 'Неизвестный документ заседания' }),
        itemId: id.nullable().default(null),
        organizationId: id.nullable().default(null),
      })
      .strict(),
  )
    .reads('meetings', 'names', 'profile')
    .returns<DocumentSpec>(),
  'meetings.minutesDocx': call(z.object({ id, form: z.enum(['full', 'short']).default('full') }).strict())
    .reads('meetings', 'names', 'profile')
    .returns<FileOutput>(),
  'meetings.agendaDocx': call(byId).reads('meetings', 'names', 'profile').returns<FileOutput>(),
  'meetings.registrationSheetDocx': call(byId).reads('meetings', 'names', 'profile').returns<FileOutput>(),
  /**
   * One item's extract, from signed minutes only; with an organisation, only the decisions
   * assigned to it (or to its people), addressed to it, with where the original is kept.
   */
  'meetings.extractDocx': call(z.object({ itemId: id, organizationId: id.nullable().default(null) }).strict())
    .reads('meetings', 'names', 'profile')
    .returns<FileOutput>(),
  /**
   * Issues the organisation's list of assignments from signed minutes: the next number of the
   * year's series, kept as issued. The Word file is then `assignments.issuedListDocx`.
   */
  'assignments.issueList': call(z.object({ organizationId: id, onlyOpen: z.boolean().default(true) }).strict())
    .db(['meetings'], REFUSED.create)
    .returns<IssuedList>(),
  /** An issued list as a Word file, exactly as it was issued. */
  'assignments.issuedListDocx': call(byId).reads('meetings').returns<FileOutput>(),
} satisfies Record<string, CallDef<z.ZodType, unknown>>;

export type GroupInput = z.output<typeof groupInput>;
export type MeetingInput = z.output<typeof meetingInput>;
export type AgendaItemInput = z.output<typeof agendaItemInput>;
export type AgendaItemFormInput = z.input<typeof agendaItemInput>;
export type AttendanceInput = z.output<typeof attendanceInput>;
export type AssignmentListInput = z.output<typeof assignmentListInput>;
