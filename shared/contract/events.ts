import { z } from 'zod';
import { call, REFUSED, type CallDef, type FileOutput } from './define';
import { id, isoDate, optionalText, page, requiredText, search, year, type Page } from './common';
import { personInput } from './registry';
import { parseRegistrationNumbers } from './registrationNumbers';
import type { PlanCandidate } from './workPlan';
import type { DocumentSpec } from '@shared/documents/model';
import {
  CENTER_ROLES,
  COMPLETION_RULES,
  EVENT_AUDIENCES,
  EVENT_FORMATS,
  EVENT_LEVELS,
  EVENT_STATUSES,
  PARTICIPANT_ROLES,
  REGISTRATION_STATUSES,
  SESSION_MARKS,
  type CenterRole,
  type CompletionRule,
  type EventAudience,
  type EventFormat,
  type EventLevel,
  type EventStatus,
  type ParticipantRole,
  type ParticipantSource,
  type RegistrationStatus,
  type SessionMark,
} from './eventEnums';

export * from './eventEnums';
export { parseRegistrationNumbers } from './registrationNumbers';

/** Events and attendance: seminars held and attended, their sessions, participants and marks. */

export interface EventRow {
  id: number;
  title: string;
  type: string;
  centerRole: CenterRole;
  level: EventLevel;
  status: EventStatus;
  audience: EventAudience;
  firstDay: string;
  lastDay: string;
  venue: string;
  municipalityName: string | null;
  sessionCount: number;
  /** Registrations not cancelled. */
  participantCount: number;
  /** «Завершили обучение»: null before the event is held. */
  completed: number | null;
  /** Those who attended: the «из» of «25 из 30». */
  attended: number;
}

export interface SessionView {
  id: number;
  day: string;
  timeStart: string;
  timeEnd: string;
  topic: string;
  required: boolean;
}

export interface ParticipantView {
  id: number;
  personId: number;
  registrationNumber: number;
  /** «Фамилия Имя Отчество». */
  fullName: string;
  organizationId: number | null;
  organizationName: string | null;
  position: string;
  role: ParticipantRole;
  status: RegistrationStatus;
  source: ParticipantSource;
  note: string;
  /** By session id; a session not marked is absent. */
  marks: Record<number, SessionMark>;
  present: number;
  completed: boolean;
}

export interface SessionCountView {
  sessionId: number;
  categoryId: number;
  present: number;
}

export interface EventDetail {
  id: number;
  typeId: number;
  type: string;
  centerRole: CenterRole;
  title: string;
  status: EventStatus;
  firstDay: string;
  lastDay: string;
  municipalityId: number | null;
  municipalityName: string | null;
  venue: string;
  organizerId: number | null;
  organizerLabel: string;
  organizerName: string;
  level: EventLevel;
  format: EventFormat;
  audience: EventAudience;
  programmeId: number | null;
  programme: string | null;
  completionRule: CompletionRule;
  completionPercent: number;
  hours: number | null;
  populationRegistered: number | null;
  populationCompleted: number | null;
  notes: string;
  copiedFrom: { id: number; title: string; firstDay: string } | null;
  planItem: { id: number; title: string; year: number } | null;
  sessions: SessionView[];
  participants: ParticipantView[];
  counts: SessionCountView[];
  /** «Завершили обучение: 25 из 30»: `completed` of `attended`; null before it is held. */
  totals: { registered: number; attended: number; completed: number | null };
  /** «Проведено» is offered from this day on (the last day). */
  canHoldFrom: string;
}

export interface StatisticsGroup {
  key: string;
  label: string;
  held: number;
  planned: number;
}

export interface ParticipantsGroup {
  label: string;
  participations: number;
  people: number;
}

export interface EventStatistics {
  from: string;
  to: string;
  events: { held: number; planned: number };
  byType: StatisticsGroup[];
  byRole: StatisticsGroup[];
  byLevel: StatisticsGroup[];
  byMunicipality: StatisticsGroup[];
  /** Participants of the center's own held events, by their organisation's type and municipality. */
  byOrganizationType: ParticipantsGroup[];
  byParticipantMunicipality: ParticipantsGroup[];
  /** Specialists reached by the center's own events (its staff not counted). */
  uniqueSpecialists: number;
  /** The center's staff at others' events: how many events, with their dates. */
  attendedByStaff: { id: number; title: string; firstDay: string; lastDay: string }[];
  /** «Завершили обучение» over the period: named participants and population programmes. */
  completion: { completed: number; of: number; populationCompleted: number; populationRegistered: number };
  /** Visits to population events by category (a visit, not a person). */
  population: { category: string; visits: number; sessions: number }[];
}

export interface HistoryRow {
  eventId: number;
  title: string;
  type: string;
  firstDay: string;
  lastDay: string;
  status: EventStatus;
  role: ParticipantRole;
  registration: RegistrationStatus;
  present: number;
  sessions: number;
  completed: boolean;
}

export interface PersonHistory {
  personId: number;
  fullName: string;
  rows: HistoryRow[];
}

export interface CopyResult {
  id: number;
}

export interface AddedParticipants {
  added: number;
  /** Already registered, left as they were. */
  skipped: number;
}

/** An event's day: a real date in the years the application keeps (a mistyped 0201 would sort before everything). */
const eventDay = (what: string) =>
  isoDate(what).refine((d) => d >= '2000-01-01' && d <= '2100-12-31', `Дата в поле «${what}» должна быть между 2000 и 2100 годом`);

const time = (what: string) =>
  z
    .string({ error: `Поле «${what}» должно быть текстом` })
    .trim()
    .regex(/^(?:([01]\d|2[0-3]):[0-5]\d)?$/, `Время в поле «${what}» укажите как ЧЧ:ММ, например 10:00`)
    .default('');

const count = (what: string) =>
  z
    .number({ error: `Поле «${what}» должно быть числом` })
    .int(`Поле «${what}»: целое число`)
    .min(0, `Поле «${what}» не может быть отрицательным`)
    .max(100000, `Поле «${what}»: не больше 100 000`);

export const eventInput = z
  .object({
    typeId: id,
    centerRole: z.enum(CENTER_ROLES, { error: 'Выберите роль центра' }),
    title: requiredText('Название', 500),
    level: z.enum(EVENT_LEVELS, { error: 'Выберите уровень мероприятия' }),
    format: z.enum(EVENT_FORMATS, { error: 'Выберите формат' }).default('inPerson'),
    audience: z.enum(EVENT_AUDIENCES, { error: 'Выберите, для кого мероприятие' }).default('specialists'),
    municipalityId: id.nullable().default(null),
    venue: optionalText('Место проведения', 500),
    organizerId: id.nullable().default(null),
    organizerName: optionalText('Организатор (не из реестра)', 500),
    programmeId: id.nullable().default(null),
    completionRule: z.enum(COMPLETION_RULES, { error: 'Выберите условие завершения' }).default('share'),
    completionPercent: z
      .number({ error: 'Укажите процент занятий числом' })
      .int('Процент занятий: целое число')
      .min(1, 'Процент занятий: от 1 до 100')
      .max(100, 'Процент занятий: от 1 до 100')
      .default(100),
    hours: z
      .number({ error: 'Укажите часы числом' })
      .int('Часы: целое число')
      .min(1, 'Часы: от 1 до 1000')
      .max(1000, 'Часы: от 1 до 1000')
      .nullable()
      .default(null),
    notes: optionalText('Примечание', 4000),
    planItemId: id.nullable().default(null),
  })
  .strict();

/** A new event: its days make one session each (at most 14), the times go to every one. */
export const eventCreateInput = eventInput
  .extend({
    firstDay: eventDay('Первый день'),
    lastDay: eventDay('Последний день'),
    timeStart: time('Начало'),
    timeEnd: time('Окончание'),
  })
  .strict()
  .refine((e) => e.lastDay >= e.firstDay, { message: 'Последний день не может быть раньше первого', path: ['lastDay'] })
  .refine((e) => e.timeEnd === '' || (e.timeStart !== '' && e.timeEnd > e.timeStart), {
    message: 'Окончание должно быть позже начала',
    path: ['timeEnd'],
  });

export const sessionInput = z
  .object({
    day: eventDay('Дата занятия'),
    timeStart: time('Начало'),
    timeEnd: time('Окончание'),
    topic: optionalText('Тема занятия', 1000),
    required: z.boolean().default(false),
  })
  .strict()
  .refine((s) => s.timeEnd === '' || (s.timeStart !== '' && s.timeEnd > s.timeStart), {
    message: 'Окончание должно быть позже начала',
    path: ['timeEnd'],
  });

export const eventListInput = z
  .object({
    year: year.nullable().default(null),
    typeId: id.nullable().default(null),
    centerRole: z.enum(CENTER_ROLES).nullable().default(null),
    status: z.enum(EVENT_STATUSES).nullable().default(null),
    audience: z.enum(EVENT_AUDIENCES).nullable().default(null),
    search,
    ...page,
  })
  .strict();

export const walkInInput = z
  .object({
    eventId: id,
    person: personInput,
    role: z.enum(PARTICIPANT_ROLES, { error: 'Выберите роль участника' }).default('participant'),
    /** «Отметить присутствие» on this session at once. */
    presentAt: id.nullable().default(null),
  })
  .strict();

export const participantUpdateInput = z
  .object({
    id,
    role: z.enum(PARTICIPANT_ROLES, { error: 'Выберите роль участника' }),
    status: z.enum(REGISTRATION_STATUSES, { error: 'Выберите статус регистрации' }),
    note: optionalText('Примечание', 1000),
  })
  .strict();

export const marksInput = z
  .object({
    sessionId: id,
    marks: z
      .array(z.object({ participantId: id, mark: z.enum(SESSION_MARKS, { error: 'Неизвестная отметка' }).nullable() }).strict())
      .min(1, 'Нет отметок для сохранения')
      .max(1000, 'Не больше 1000 отметок за один раз'),
  })
  .strict();

/** «Отметить по номерам»: those present at a session, by the numbers of the registration sheet. */
export const marksByNumbersInput = z
  .object({
    sessionId: id,
    numbers: z
      .string({ error: 'Укажите номера участников' })
      .max(2000, 'Слишком длинный список номеров')
      .superRefine((text, ctx) => {
        const parsed = parseRegistrationNumbers(text);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
      }),
    /** The participants not named get «отсутствовал» (those cancelled are left alone). */
    othersAbsent: z.boolean().default(false),
  })
  .strict();

export interface MarkedByNumbers {
  detail: EventDetail;
  /** How many were marked present. */
  marked: number;
}

export const periodInput = z
  .object({ from: isoDate('С'), to: isoDate('По') })
  .strict()
  .refine((p) => p.to >= p.from, { message: 'Конец периода не может быть раньше начала', path: ['to'] });

export const EVENT_DOCUMENTS = ['registration'] as const;
export type EventDocument = (typeof EVENT_DOCUMENTS)[number];

const byId = z.object({ id }).strict();
const documentInput = z.object({ id, sessionId: id.nullable().default(null) }).strict();

export const eventsCalls = {
  'events.list': call(eventListInput).reads('events', 'lists', 'municipalities', 'names').returns<Page<EventRow>>(),
  'events.get': call(byId).reads('events', 'lists', 'names', 'organizations', 'municipalities', 'workPlan').returns<EventDetail>(),
  /** Items of the year's plan an event may realise; `used` = another event realises it already. */
  'events.planCandidates': call(z.object({ year }).strict()).reads('workPlan', 'events', 'lists').returns<PlanCandidate[]>(),
  'events.create': call(eventCreateInput)
    .db(['events'], REFUSED.save, { mayChange: ['workPlan'] })
    .returns<EventDetail>(),
  'events.update': call(z.object({ id, data: eventInput }).strict())
    .db(['events'], REFUSED.save, { mayChange: ['workPlan'] })
    .returns<EventDetail>(),
  /** «Проведено» only on or after the last day; it makes the linked plan item done, cancelling undoes it. */
  'events.setStatus': call(z.object({ id, status: z.enum(EVENT_STATUSES, { error: 'Выберите статус' }) }).strict())
    .db(['events'], REFUSED.save, { mayChange: ['workPlan'] })
    .returns<EventDetail>(),
  /** A planned copy starting on `firstDay`, the sessions shifted by as many days; no marks, no plan link. */
  'events.copy': call(z.object({ id, firstDay: eventDay('Первый день'), withParticipants: z.boolean().default(false) }).strict())
    .db(['events'], REFUSED.copy)
    .returns<CopyResult>(),
  'events.delete': call(byId)
    .db(['events', 'undo'], REFUSED.delete, { mayChange: ['workPlan'] })
    .returns<null>(),

  'sessions.create': call(z.object({ eventId: id, data: sessionInput }).strict())
    .db(['events'], REFUSED.add)
    .returns<EventDetail>(),
  'sessions.update': call(z.object({ id, data: sessionInput }).strict())
    .db(['events'], REFUSED.save)
    .returns<EventDetail>(),
  'sessions.delete': call(byId).db(['events', 'undo'], REFUSED.delete).returns<EventDetail>(),

  /** People from the registry; those registered already are skipped and counted. */
  'participants.add': call(
    z
      .object({
        eventId: id,
        personIds: z.array(id).min(1, 'Выберите участников').max(500, 'Не больше 500 участников за один раз'),
        role: z.enum(PARTICIPANT_ROLES, { error: 'Выберите роль участника' }).default('participant'),
      })
      .strict(),
  )
    .db(['events'], REFUSED.add)
    .returns<AddedParticipants>(),
  /** A walk-in: the person goes into the registry and onto the list (and marked present) in one step. */
  'participants.addWalkIn': call(walkInInput).db(['events', 'people', 'names'], REFUSED.add).returns<EventDetail>(),
  'participants.update': call(participantUpdateInput).db(['events'], REFUSED.save).returns<EventDetail>(),
  'participants.remove': call(byId).db(['events', 'undo'], REFUSED.delete).returns<EventDetail>(),
  'marks.set': call(marksInput).db(['events'], REFUSED.save).returns<EventDetail>(),
  'marks.byNumbers': call(marksByNumbersInput).db(['events'], REFUSED.save).returns<MarkedByNumbers>(),
  /** Population events: how many of each category came to the session. */
  'counts.set': call(
    z
      .object({
        sessionId: id,
        counts: z.array(z.object({ categoryId: id, present: count('Пришло') }).strict()).max(50, 'Слишком много категорий'),
      })
      .strict(),
  )
    .db(['events'], REFUSED.save)
    .returns<EventDetail>(),
  'events.setPopulationTotals': call(
    z
      .object({ id, registered: count('Зарегистрировано').nullable(), completed: count('Завершили обучение').nullable() })
      .strict()
      .refine((t) => t.completed === null || (t.registered !== null && t.completed <= t.registered), {
        message: 'Завершивших обучение не может быть больше зарегистрированных',
        path: ['completed'],
      }),
  )
    .db(['events'], REFUSED.save)
    .returns<EventDetail>(),

  'events.statistics': call(periodInput)
    .reads('events', 'lists', 'names', 'organizations', 'municipalities', 'profile')
    .returns<EventStatistics>(),
  'events.personHistory': call(z.object({ personId: id }).strict())
    .reads('events', 'lists', 'names')
    .returns<PersonHistory>(),

  /** The registration sheet for the print view: the same blocks the Word file is rendered from. */
  'events.documentView': call(documentInput).reads('events', 'names', 'profile', 'lists').returns<DocumentSpec>(),
  'events.registrationDocx': call(documentInput).reads('events', 'names', 'profile', 'lists').returns<FileOutput>(),
  'events.attendanceXlsx': call(byId).reads('events', 'names', 'people', 'organizations', 'lists').returns<FileOutput>(),
  /** Справка об участии в мероприятиях: a person's history as a document (print view, Word). */
  'events.personHistoryView': call(z.object({ personId: id }).strict())
    .reads('events', 'names', 'people', 'organizations', 'profile', 'lists')
    .returns<DocumentSpec>(),
  'events.personHistoryDocx': call(z.object({ personId: id }).strict())
    .reads('events', 'names', 'people', 'organizations', 'profile', 'lists')
    .returns<FileOutput>(),
} satisfies Record<string, CallDef<z.ZodType, unknown>>;

export type EventInput = z.output<typeof eventInput>;
export type EventCreateInput = z.output<typeof eventCreateInput>;
export type SessionInput = z.output<typeof sessionInput>;
export type EventListInput = z.output<typeof eventListInput>;
export type WalkInInput = z.output<typeof walkInInput>;
export type MarksInput = z.output<typeof marksInput>;
export type ParticipantUpdateInput = z.output<typeof participantUpdateInput>;
