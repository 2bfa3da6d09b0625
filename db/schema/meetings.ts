import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { ASSIGNMENT_STATUSES, DOCUMENT_ISSUE_KINDS, MEETING_KINDS, MEETING_STATUSES, QUORUM_RULES } from '@shared/contract/meetingEnums';
import { organizations, people } from './registry';
import { linkReference, referenceRecord, type RegistryReference } from './references';
import { columnRules, jsonText, orderedList, positionRules, stamp, timestamps } from './rules';
import type { TablePolicies } from './tablePolicy';

/**
 * The working-group secretary's register. A person or an organisation that appears in a
 * meeting cannot be deleted from the registry behind the minutes' back (RESTRICT, see
 * db/README.md); a meeting's own parts cascade with it (only drafts are deletable).
 */

export const workingGroups = sqliteTable(
  'working_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** «межрайонной рабочей группы сегмента №6»: the minutes' title reads «заседания …». */
    nameGenitive: text('name_genitive').notNull(),
    chairId: integer('chair_id').references(() => people.id, { onDelete: 'restrict' }),
    deputyChairId: integer('deputy_chair_id').references(() => people.id, { onDelete: 'restrict' }),
    secretaryId: integer('secretary_id').references(() => people.id, { onDelete: 'restrict' }),
    /** How many members make the meeting competent, stated in the minutes («Кворум имеется»). */
    quorum: text('quorum', { enum: QUORUM_RULES }).notNull().default('half'),
    sortKey: text('sort_key').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('working_groups_sort_key_unique').on(t.sortKey), ...columnRules(t)],
);

/**
 * The case file (дело по номенклатуре дел) the group's signed minutes of a year are filed in:
 * an extract sent to another organisation says «Подлинник документа находится в … в деле № … за … год»
 * (ГОСТ Р 7.0.97-2016, 5.26).
 */
export const workingGroupCaseFiles = sqliteTable(
  'working_group_case_files',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    caseIndex: text('case_index').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.year] })],
);

export const workingGroupMembers = sqliteTable(
  'working_group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] }), index('working_group_members_person').on(t.personId)],
);

export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    groupId: integer('group_id')
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    /** Calendar year of the first day: the numbering series. */
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    dateStart: text('date_start').notNull(),
    /** Last day of a meeting held over several days; null for one day. */
    dateEnd: text('date_end'),
    time: text('time').notNull().default(''),
    town: text('town').notNull().default(''),
    address: text('address').notNull().default(''),
    chairId: integer('chair_id').references(() => people.id, { onDelete: 'restrict' }),
    secretaryId: integer('secretary_id').references(() => people.id, { onDelete: 'restrict' }),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('draft'),
    signedAt: text('signed_at'),
    /**
     * What the documents showed at «Подписать» (JSON): names, positions, organisations, the
     * group's and the center's names, the attendee threshold. Signed minutes are rendered from
     * it, so a later rename in the registry cannot change them silently. Null unless signed.
     */
    signedSnapshot: jsonText('signed_snapshot', { shape: 'object' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('meetings_group_year_number_unique').on(t.groupId, t.year, t.number),
    index('meetings_date').on(t.dateStart),
    check('meetings_number_positive', sql`${t.number} > 0`),
    ...columnRules(t),
  ],
);

/** Why a signed meeting was unlocked: kept for good, signed minutes never change silently. */
export const meetingUnlocks = sqliteTable(
  'meeting_unlocks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    unlockedAt: text('unlocked_at').notNull().default(stamp),
  },
  (t) => [index('meeting_unlocks_meeting').on(t.meetingId)],
);

export const meetingAttendees = sqliteTable(
  'meeting_attendees',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    present: integer('present', { mode: 'boolean' }).notNull().default(true),
    absenceReason: text('absence_reason').notNull().default(''),
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] }), index('meeting_attendees_person').on(t.personId)],
);

export const meetingGuests = sqliteTable(
  'meeting_guests',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] }), index('meeting_guests_person').on(t.personId)],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** foldRu(title): finding a meeting by its topics. */
    searchText: text('search_text').notNull().default(''),
    plannedMinutes: integer('planned_minutes'),
    /** СЛУШАЛИ: the summary of the report. */
    heardText: text('heard_text').notNull().default(''),
    /** «Текст доклада прилагается» instead of a summary. */
    reportAttached: integer('report_attached', { mode: 'boolean' }).notNull().default(false),
    /** The meeting an unreached item was carried over from. */
    carriedFromMeetingId: integer('carried_from_meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    /**
     * «О ходе исполнения решений предыдущих заседаний», added with the group's open assignments:
     * marked here, not recognised by its title, which the secretary may reword.
     */
    controlReview: integer('control_review', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [...positionRules(t.position, [t.meetingId])],
);

export const agendaItemOrder = orderedList(agendaItems, agendaItems.position, [agendaItems.meetingId]);

/** Speakers of an item (СЛУШАЛИ): a person from the registry or, for an outsider, free text. */
export const agendaSpeakers = sqliteTable(
  'agenda_speakers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    name: text('name').notNull().default(''),
  },
  (t) => [...positionRules(t.position, [t.agendaItemId]), index('agenda_speakers_person').on(t.personId)],
);

export const agendaSpeakerOrder = orderedList(agendaSpeakers, agendaSpeakers.position, [agendaSpeakers.agendaItemId]);

/** ВЫСТУПИЛИ: who spoke in the discussion and what they said. */
export const discussionEntries = sqliteTable(
  'discussion_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    name: text('name').notNull().default(''),
    text: text('text').notNull().default(''),
  },
  (t) => [...positionRules(t.position, [t.agendaItemId]), index('discussion_entries_person').on(t.personId)],
);

export const discussionEntryOrder = orderedList(discussionEntries, discussionEntries.position, [discussionEntries.agendaItemId]);

/** РЕШИЛИ: the number «1.2» is derived from the item's position and this position. */
export const decisions = sqliteTable(
  'decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    searchText: text('search_text').notNull().default(''),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstained: integer('votes_abstained'),
  },
  (t) => [...positionRules(t.position, [t.agendaItemId])],
);

export const decisionOrder = orderedList(decisions, decisions.position, [decisions.agendaItemId]);

/** A decision under control. «Просрочено» is derived from the due date, never stored. */
export const assignments = sqliteTable(
  'assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    /** Null together with `permanent` = «постоянно». */
    dueDate: text('due_date'),
    permanent: integer('permanent', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull().default('inProgress'),
    completionNote: text('completion_note').notNull().default(''),
    completedOn: text('completed_on'),
  },
  (t) => [
    uniqueIndex('assignments_decision_unique').on(t.decisionId),
    index('assignments_status').on(t.status, t.dueDate),
    check('assignments_due', sql`${t.permanent} = 1 OR ${t.dueDate} IS NOT NULL`),
    ...columnRules(t),
  ],
);

export const assignmentPeople = sqliteTable(
  'assignment_people',
  {
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.personId] }), index('assignment_people_person').on(t.personId)],
);

export const assignmentOrganizations = sqliteTable(
  'assignment_organizations',
  {
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.organizationId] }), index('assignment_organizations_org').on(t.organizationId)],
);

/**
 * Outgoing documents the application numbers itself: each assignment list sent to an
 * organisation gets the next number of its year and is kept as issued, so a list can be
 * referred to («№ 3 от …»), two lists never share a number or a file name, and the list on
 * record is the one that was sent.
 */
export const documentIssues = sqliteTable(
  'document_issues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: DOCUMENT_ISSUE_KINDS }).notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    issuedOn: text('issued_on').notNull(),
    /**
     * The document as issued (its blocks, JSON with a version): downloading it again gives the
     * same list under the same number, whatever has been executed since.
     */
    document: jsonText('document', { shape: 'object' }).notNull(),
    /** The addressee: an outgoing list stays on record, so the organisation cannot be deleted behind it. */
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    createdAt: text('created_at').notNull().default(stamp),
  },
  (t) => [
    uniqueIndex('document_issues_kind_year_number_unique').on(t.kind, t.year, t.number),
    index('document_issues_organization').on(t.organizationId),
    ...columnRules(t),
  ],
);

const MEETING = ['заседании', 'заседаниях', 'заседаниях'] as const;
const meetingOfItem = (itemColumn: SQLiteColumn) =>
  sql`(SELECT ${agendaItems.meetingId} FROM ${agendaItems} WHERE ${agendaItems.id} = ${itemColumn})`;
const GROUP = ['рабочей группе', 'рабочих группах', 'рабочих группах'] as const;
const ASSIGNMENT = ['поручении', 'поручениях', 'поручениях'] as const;

export const meetingsReferences: RegistryReference[] = [
  {
    target: 'person',
    column: workingGroups.chairId,
    record: referenceRecord('workingGroup', GROUP, workingGroups.id),
    role: 'председатель',
  },
  {
    target: 'person',
    column: workingGroups.deputyChairId,
    record: referenceRecord('workingGroup', GROUP, workingGroups.id),
    role: 'заместитель председателя',
  },
  {
    target: 'person',
    column: workingGroups.secretaryId,
    record: referenceRecord('workingGroup', GROUP, workingGroups.id),
    role: 'секретарь',
  },
  linkReference('person', workingGroupMembers.personId, workingGroupMembers.groupId, 'workingGroup', GROUP, 'член группы'),
  { target: 'person', column: meetings.chairId, record: referenceRecord('meeting', MEETING, meetings.id), role: 'председатель' },
  { target: 'person', column: meetings.secretaryId, record: referenceRecord('meeting', MEETING, meetings.id), role: 'секретарь' },
  linkReference('person', meetingAttendees.personId, meetingAttendees.meetingId, 'meeting', MEETING, 'участник'),
  linkReference('person', meetingGuests.personId, meetingGuests.meetingId, 'meeting', MEETING, 'приглашённый'),
  {
    target: 'person',
    column: agendaSpeakers.personId,
    record: referenceRecord('meeting', MEETING, meetingOfItem(agendaSpeakers.agendaItemId)),
    role: 'докладчик',
  },
  {
    target: 'person',
    column: discussionEntries.personId,
    record: referenceRecord('meeting', MEETING, meetingOfItem(discussionEntries.agendaItemId)),
    role: 'выступающий',
  },
  linkReference('person', assignmentPeople.personId, assignmentPeople.assignmentId, 'assignment', ASSIGNMENT, 'ответственный'),
  linkReference(
    'organization',
    assignmentOrganizations.organizationId,
    assignmentOrganizations.assignmentId,
    'assignment',
    ASSIGNMENT,
    'ответственная организация',
  ),
  {
    target: 'organization',
    column: documentIssues.organizationId,
    record: referenceRecord('assignmentList', ['перечне поручений', 'перечнях поручений', 'перечнях поручений'], documentIssues.id),
    role: 'адресат',
  },
];

export const meetingsTablePolicies: TablePolicies = {
  working_groups: { label: 'Рабочие группы', package: 'all' },
  working_group_members: { package: 'all' },
  working_group_case_files: { package: 'all' },
  meetings: { label: 'Заседания', package: 'all' },
  meeting_attendees: { package: 'all' },
  meeting_guests: { package: 'all' },
  meeting_unlocks: { package: 'all' },
  agenda_items: { label: 'Вопросы повесток', package: 'all' },
  agenda_speakers: { package: 'all' },
  discussion_entries: { package: 'all' },
  decisions: { label: 'Решения', package: 'all' },
  assignments: { label: 'Поручения', package: 'all' },
  assignment_organizations: { package: 'all' },
  assignment_people: { package: 'all' },
  document_issues: { label: 'Выданные документы', package: 'all' },
};
