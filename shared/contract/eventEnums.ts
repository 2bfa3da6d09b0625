import { formatDate } from '@shared/russian/dates';

/**
 * The events register's fixed lists and their Russian names, shared by the schema, the contract,
 * the screens and the documents (kept apart from the contract so the schema does not pull in zod).
 * Event types, programmes and population categories are editable lists (shared/enums.ts), not these.
 */

/** What the center is at the event: its own seminar, or one its staff attend. */
export const CENTER_ROLES = ['organizer', 'coOrganizer', 'participant', 'speaker'] as const;
export type CenterRole = (typeof CENTER_ROLES)[number];
export const CENTER_ROLE_LABELS: Record<CenterRole, string> = {
  organizer: 'Организатор',
  coOrganizer: 'Соорганизатор',
  participant: 'Участник',
  speaker: 'Выступающий',
};
/** The center's own events: it registers the participants and may issue certificates. */
export const OWN_EVENT_ROLES = ['organizer', 'coOrganizer'] as const satisfies readonly CenterRole[];

export const EVENT_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  planned: 'Запланировано',
  held: 'Проведено',
  cancelled: 'Отменено',
};

export const EVENT_LEVELS = ['municipal', 'regional', 'interregional', 'national', 'international'] as const;
export type EventLevel = (typeof EVENT_LEVELS)[number];
export const EVENT_LEVEL_LABELS: Record<EventLevel, string> = {
  municipal: 'Муниципальный',
  regional: 'Региональный',
  interregional: 'Межрегиональный',
  national: 'Всероссийский',
  international: 'Международный',
};

export const EVENT_FORMATS = ['inPerson', 'remote', 'mixed'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
export const EVENT_FORMAT_LABELS: Record<EventFormat, string> = {
  inPerson: 'Очно',
  remote: 'Дистанционно',
  mixed: 'Смешанно',
};

/**
 * Who comes: specialists are named people of the registry; the population (parents, candidates,
 * teenagers) is only counted by category — the product keeps no records about families (DESIGN).
 */
export const EVENT_AUDIENCES = ['specialists', 'population'] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];
export const EVENT_AUDIENCE_LABELS: Record<EventAudience, string> = {
  specialists: 'Специалисты',
  population: 'Население',
};

export const COMPLETION_RULES = ['share', 'requiredSessions'] as const;
export type CompletionRule = (typeof COMPLETION_RULES)[number];
export const COMPLETION_RULE_LABELS: Record<CompletionRule, string> = {
  share: 'Не менее N % занятий',
  requiredSessions: 'Все обязательные занятия',
};

export const PARTICIPANT_ROLES = ['participant', 'speaker', 'moderator', 'organizer'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  participant: 'Участник',
  speaker: 'Выступающий',
  moderator: 'Модератор',
  organizer: 'Организатор',
};

export const REGISTRATION_STATUSES = ['registered', 'attended', 'noShow', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  registered: 'Зарегистрирован',
  attended: 'Присутствовал',
  noShow: 'Не явился',
  cancelled: 'Отменил',
};

export const SESSION_MARKS = ['present', 'absent', 'excused'] as const;
export type SessionMark = (typeof SESSION_MARKS)[number];
export const SESSION_MARK_LABELS: Record<SessionMark, string> = {
  present: 'Присутствовал',
  absent: 'Отсутствовал',
  excused: 'По уважительной причине',
};
/** In a narrow column of the attendance table and the Excel list. */
export const SESSION_MARK_SHORT: Record<SessionMark, string> = { present: '+', absent: '–', excused: 'ув.' };

/** How a participant came onto the list (issue 17 adds imported rows). */
export const PARTICIPANT_SOURCES = ['manual', 'walkIn', 'import'] as const;
export type ParticipantSource = (typeof PARTICIPANT_SOURCES)[number];

/** «16.10.2018» or «16.10.2018 – 18.10.2018». */
export const eventDates = (e: { firstDay: string; lastDay: string }) =>
  e.firstDay === e.lastDay ? formatDate(e.firstDay) : `${formatDate(e.firstDay)} – ${formatDate(e.lastDay)}`;

/** How a plan item names the event realising it: «семинар, 16.10.2018 – 18.10.2018». */
export const eventRecordLabel = (e: { type: string; firstDay: string; lastDay: string }) =>
  `${e.type.toLocaleLowerCase('ru')}, ${eventDates(e)}`;
