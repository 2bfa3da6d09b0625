import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import {
  CENTER_ROLES,
  COMPLETION_RULES,
  EVENT_AUDIENCES,
  EVENT_FORMATS,
  EVENT_LEVELS,
  EVENT_STATUSES,
  PARTICIPANT_ROLES,
  PARTICIPANT_SOURCES,
  REGISTRATION_STATUSES,
  SESSION_MARKS,
} from '@shared/contract/eventEnums';
import { municipalities, organizations, people } from './registry';
import { listValues, type ListReference } from './lists';
import { linkReference, referenceRecord, type RegistryReference } from './references';
import { columnRules, stamp, timestamps } from './rules';
import type { TablePolicies } from './tablePolicy';

/**
 * The methodologist's register of events: the seminars the center holds and the ones its staff
 * attend. An event's days are its sessions' (занятия); its participants are people of the
 * registry, each with a registration number stable within the event, and a mark per session.
 * Completion («завершили обучение: 25 из 30») is computed from the marks, never stored
 * (electron/services/events/completion.ts). Events for the population keep counts by category,
 * never names.
 */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** «Семинар»: a value of the list of event types (Настройки → Списки). */
    typeId: integer('type_id')
      .notNull()
      .references(() => listValues.id, { onDelete: 'restrict' }),
    centerRole: text('center_role', { enum: CENTER_ROLES }).notNull(),
    title: text('title').notNull(),
    /** Set by the user; «проведено» only on or after the last day (the service holds it). */
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('planned'),
    /** Derived (db/derived.ts): the first and last of the sessions' days, stored so periods use an index. */
    firstDay: text('first_day').notNull(),
    lastDay: text('last_day').notNull(),
    municipalityId: integer('municipality_id').references(() => municipalities.id, { onDelete: 'restrict' }),
    venue: text('venue').notNull().default(''),
    organizerId: integer('organizer_id').references(() => organizations.id, { onDelete: 'restrict' }),
    /** An organiser not in the registry («комитет по социальной защите населения Ленинградской области»). */
    organizerName: text('organizer_name').notNull().default(''),
    level: text('level', { enum: EVENT_LEVELS }).notNull(),
    format: text('format', { enum: EVENT_FORMATS }).notNull().default('inPerson'),
    audience: text('audience', { enum: EVENT_AUDIENCES }).notNull().default('specialists'),
    /** The programme or project it belongs to (a value of the list «Программы и проекты»). */
    programmeId: integer('programme_id').references(() => listValues.id, { onDelete: 'restrict' }),
    completionRule: text('completion_rule', { enum: COMPLETION_RULES }).notNull().default('share'),
    completionPercent: integer('completion_percent').notNull().default(100),
    /** Academic hours, printed on certificates (issue 19). */
    hours: integer('hours'),
    /** A programme for the population: how many registered and completed, entered at its end. */
    populationRegistered: integer('population_registered'),
    populationCompleted: integer('population_completed'),
    notes: text('notes').notNull().default(''),
    /** The event this one was copied from (a yearly seminar); a note of origin. */
    copiedFromId: integer('copied_from_id').references((): AnySQLiteColumn => events.id, { onDelete: 'set null' }),
    searchText: text('search_text').notNull(),
    sortKey: text('sort_key').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('events_days').on(t.firstDay, t.lastDay),
    index('events_type').on(t.typeId),
    index('events_programme').on(t.programmeId),
    index('events_organizer').on(t.organizerId),
    index('events_municipality').on(t.municipalityId),
    index('events_copied_from').on(t.copiedFromId),
    check('events_days_order', sql`${t.firstDay} <= ${t.lastDay}`),
    check('events_completion_percent', sql`${t.completionPercent} BETWEEN 1 AND 100`),
    check('events_hours', sql`${t.hours} IS NULL OR ${t.hours} BETWEEN 1 AND 1000`),
    check(
      'events_population_totals',
      sql`(${t.audience} = 'population' OR (${t.populationRegistered} IS NULL AND ${t.populationCompleted} IS NULL)) AND (${t.populationRegistered} IS NULL OR ${t.populationRegistered} >= 0) AND (${t.populationCompleted} IS NULL OR (${t.populationRegistered} IS NOT NULL AND ${t.populationCompleted} BETWEEN 0 AND ${t.populationRegistered}))`,
    ),
    ...columnRules(t),
  ],
);

/** Занятия: a day of a multi-day event or a club's meeting. A one-day event has one session. */
export const eventSessions = sqliteTable(
  'event_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    timeStart: text('time_start').notNull().default(''),
    timeEnd: text('time_end').notNull().default(''),
    topic: text('topic').notNull().default(''),
    /** Under the rule «все обязательные занятия». */
    required: integer('required', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    // The parent key of the marks' composite foreign key: a mark cannot join a session of another event.
    uniqueIndex('event_sessions_event_id_unique').on(t.eventId, t.id),
    index('event_sessions_order').on(t.eventId, t.day, t.timeStart),
    check('event_sessions_day', sql`${t.day} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'`),
    check(
      'event_sessions_time',
      sql`(${t.timeStart} = '' OR ${t.timeStart} GLOB '[0-2][0-9]:[0-5][0-9]') AND (${t.timeEnd} = '' OR (${t.timeEnd} GLOB '[0-2][0-9]:[0-5][0-9]' AND ${t.timeStart} <> '' AND ${t.timeEnd} > ${t.timeStart}))`,
    ),
  ],
);

export const eventParticipants = sqliteTable(
  'event_participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    /** Stable within the event, printed in «№» of the registration sheet; max + 1, gaps allowed. */
    registrationNumber: integer('registration_number').notNull(),
    role: text('role', { enum: PARTICIPANT_ROLES }).notNull().default('participant'),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull().default('registered'),
    /** Workplace and position when registered: a job change later must not move last year's statistics. */
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    position: text('position').notNull().default(''),
    source: text('source', { enum: PARTICIPANT_SOURCES }).notNull().default('manual'),
    /** Issue 17: the import run that registered the participant (a note of origin). */
    importRunId: integer('import_run_id'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull().default(stamp),
  },
  (t) => [
    uniqueIndex('event_participants_person_unique').on(t.eventId, t.personId),
    uniqueIndex('event_participants_number_unique').on(t.eventId, t.registrationNumber),
    uniqueIndex('event_participants_event_id_unique').on(t.eventId, t.id),
    index('event_participants_person').on(t.personId),
    index('event_participants_organization').on(t.organizationId),
    check('event_participants_number_positive', sql`${t.registrationNumber} > 0`),
    ...columnRules(t),
  ],
);

/** A mark per session; no row = not marked yet. The composite keys make a cross-event mark impossible. */
export const sessionMarks = sqliteTable(
  'session_marks',
  {
    eventId: integer('event_id').notNull(),
    sessionId: integer('session_id').notNull(),
    participantId: integer('participant_id').notNull(),
    mark: text('mark', { enum: SESSION_MARKS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.participantId] }),
    index('session_marks_event').on(t.eventId),
    index('session_marks_participant').on(t.participantId),
    foreignKey({ columns: [t.eventId, t.sessionId], foreignColumns: [eventSessions.eventId, eventSessions.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.eventId, t.participantId], foreignColumns: [eventParticipants.eventId, eventParticipants.id] }).onDelete(
      'cascade',
    ),
    ...columnRules(t),
  ],
);

/** Events for the population: how many came to a session, by category — never who. */
export const sessionCounts = sqliteTable(
  'session_counts',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => eventSessions.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => listValues.id, { onDelete: 'restrict' }),
    present: integer('present').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.categoryId] }),
    index('session_counts_category').on(t.categoryId),
    check('session_counts_present', sql`${t.present} BETWEEN 0 AND 100000`),
  ],
);

const EVENT = ['мероприятии', 'мероприятиях', 'мероприятиях'] as const;

export const eventsReferences: RegistryReference[] = [
  linkReference('person', eventParticipants.personId, eventParticipants.eventId, 'event', EVENT, 'участник'),
  {
    target: 'organization',
    column: eventParticipants.organizationId,
    record: referenceRecord('event', EVENT, eventParticipants.eventId),
    role: 'место работы участника',
  },
  { target: 'organization', column: events.organizerId, record: referenceRecord('event', EVENT, events.id), role: 'организатор' },
];

export const eventsListReferences: ListReference[] = [
  { list: 'eventTypes', column: events.typeId, inForms: EVENT },
  { list: 'eventProgrammes', column: events.programmeId, inForms: EVENT },
  { list: 'audienceCategories', column: sessionCounts.categoryId, inForms: ['занятии', 'занятиях', 'занятиях'] },
];

/** Contacts travel only through people's own consent policy; these rows carry none. */
export const eventsTablePolicies: TablePolicies = {
  events: { label: 'Мероприятия', package: 'all' },
  event_sessions: { label: 'Занятия мероприятий', package: 'all' },
  event_participants: { label: 'Участники мероприятий', package: 'all' },
  session_marks: { package: 'all' },
  session_counts: { package: 'all' },
};
