import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { MOVEMENT_KINDS } from '@shared/contract/publicationEnums';
import { organizations, people } from './registry';
import { events } from './events';
import { storedFiles } from './files';
import { listValues, type ListReference } from './lists';
import { linkReference, referenceRecord, type RegistryReference } from './references';
import { columnRules, jsonText, orderedList, positionRules, stamp, timestamps } from './rules';
import type { TablePolicies } from './tablePolicy';

export { MOVEMENT_KINDS, type MovementKind } from '@shared/contract/publicationEnums';

/**
 * A publication of the center (печатная продукция): a памятка, a буклет, a сборник. It holds no
 * number of copies: what is on hand is read from its movements only (publication_movements),
 * at any date, so no column can drift from the ledger. `minStock` is a setting (the level under
 * which the catalogue marks it), not stock.
 */
export const publications = sqliteTable(
  'publications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    /** «Памятка»: a value of the list of publication kinds (Настройки → Списки). */
    kindId: integer('kind_id')
      .notNull()
      .references(() => listValues.id, { onDelete: 'restrict' }),
    authors: text('authors').notNull().default(''),
    year: integer('year').notNull(),
    topic: text('topic').notNull().default(''),
    targetAudience: text('target_audience').notNull().default(''),
    /** Copies under which the catalogue marks it «мало»; 0: never marked. */
    minStock: integer('min_stock').notNull().default(0),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    searchText: text('search_text').notNull(),
    sortKey: text('sort_key').notNull(),
    ...timestamps(),
  },
  (t) => [
    check('publications_min_stock', sql`${t.minStock} >= 0`),
    index('publications_kind').on(t.kindId),
    index('publications_sort').on(t.sortKey),
    ...columnRules(t),
  ],
);

/**
 * The stock ledger: every change of what is on hand is a row here, never an edit of a number.
 * Rows are not edited (a trigger refuses changing what a movement says, see the custom
 * migration): a mistake is annulled by a `reversal` that points to it (`reversesId`), and both
 * then count nowhere. `date` is the day the user chose; `recordedAt` when it was written, the
 * last key of a day's order (shared/contract/publicationEnums.ts, DAY_RANK).
 *
 * The recipient of a distribution is exactly one of the nullable references below (the CHECK
 * counts them): an organisation, a person, or an event of the events register (copies handed out
 * to its attendees; RESTRICT: an event with distributions is not deleted, its copies were real).
 */
export const publicationMovements = sqliteTable(
  'publication_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    publicationId: integer('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: MOVEMENT_KINDS }).notNull(),
    date: text('date').notNull(),
    /** Copies received, handed out or written off (whole, > 0); for a stocktake the count (≥ 0); for a reversal the reversed movement's. */
    quantity: integer('quantity').notNull(),
    /** A print run's printer; empty with `printedInHouse`. */
    printer: text('printer').notNull().default(''),
    printedInHouse: integer('printed_in_house', { mode: 'boolean' }).notNull().default(false),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'restrict' }),
    /** Why: required for a write-off and a reversal, a note for the others (a stocktake's discrepancy). */
    reason: text('reason').notNull().default(''),
    reversesId: integer('reverses_id').references((): AnySQLiteColumn => publicationMovements.id, { onDelete: 'restrict' }),
    recordedAt: text('recorded_at').notNull().default(stamp),
  },
  (t) => [
    check(
      'publication_movements_quantity',
      sql`${t.quantity} = CAST(${t.quantity} AS INTEGER) AND (${t.quantity} > 0 OR (${t.kind} = 'stocktake' AND ${t.quantity} = 0))`,
    ),
    check(
      'publication_movements_recipient',
      sql`(${t.kind} = 'distribution') = ((${t.organizationId} IS NOT NULL) + (${t.personId} IS NOT NULL) + (${t.eventId} IS NOT NULL) = 1) AND (${t.kind} = 'distribution' OR (${t.organizationId} IS NULL AND ${t.personId} IS NULL AND ${t.eventId} IS NULL))`,
    ),
    check('publication_movements_reversal', sql`(${t.kind} = 'reversal') = (${t.reversesId} IS NOT NULL)`),
    check('publication_movements_printer', sql`${t.kind} = 'receipt' OR (${t.printer} = '' AND ${t.printedInHouse} = 0)`),
    index('publication_movements_by_date').on(t.publicationId, t.date),
    index('publication_movements_by_kind').on(t.publicationId, t.kind, t.date),
    index('publication_movements_date').on(t.date),
    uniqueIndex('publication_movements_reverses_unique').on(t.reversesId),
    index('publication_movements_organization').on(t.organizationId),
    index('publication_movements_person').on(t.personId),
    index('publication_movements_event').on(t.eventId),
    ...columnRules(t),
  ],
);

const IN_LEDGER = ['журнале печатной продукции', 'журналах печатной продукции', 'журналах печатной продукции'] as const;

export const publicationsReferences: RegistryReference[] = [
  {
    target: 'organization',
    column: publicationMovements.organizationId,
    record: referenceRecord('publication', IN_LEDGER, publicationMovements.publicationId),
    role: 'получатель',
  },
  {
    target: 'person',
    column: publicationMovements.personId,
    record: referenceRecord('publication', IN_LEDGER, publicationMovements.publicationId),
    role: 'получатель',
  },
];

export const publicationsListReferences: ListReference[] = [
  { list: 'publicationKinds', column: publications.kindId, inForms: ['издании', 'изданиях', 'изданиях'] },
];

export const publicationsTablePolicies: TablePolicies = {
  publications: { label: 'Печатная продукция', package: 'all' },
  publication_movements: { label: 'Движения печатной продукции', package: 'all' },
  // The files themselves stay with the center (backups carry them); the package has the ledger.
  publication_files: { label: 'Файлы печатной продукции', package: 'none' },
  write_off_acts: { label: 'Акты списания', package: 'all' },
  write_off_act_members: { package: 'all' },
  write_off_act_lines: { package: 'all' },
};

/**
 * The file that is printed (issue 22): a publication's PDF or DOCX kept in the file store, in
 * versions. A new version never replaces the older rows: each keeps its file (by hash, with the
 * store's size, type and checksum) and the moment it was attached, and the highest version is the
 * one printed. The content is backed up with the store (electron/services/files), not sent in the
 * data package (db/schema/files.ts, fileReferences).
 */
export const publicationFiles = sqliteTable(
  'publication_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    publicationId: integer('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    fileHash: text('file_hash')
      .notNull()
      .references(() => storedFiles.hash, { onDelete: 'restrict' }),
    addedAt: text('added_at').notNull().default(stamp),
  },
  (t) => [
    uniqueIndex('publication_files_version_unique').on(t.publicationId, t.version),
    index('publication_files_hash').on(t.fileHash),
    check('publication_files_version_positive', sql`${t.version} > 0`),
    ...columnRules(t),
  ],
);

export const WRITE_OFF_ACT_STATUSES = ['draft', 'signed'] as const;

/**
 * Акт списания печатной продукции: a draft while the commission prepares it; signed, it gets the
 * next number of its year («№ 2026-003», UNIQUE) and its lines become write-off movements of the
 * ledger in the same transaction (movement_id below), never before. The approver is copied from
 * the center's profile at signing, so a later change of director does not rewrite a signed act.
 */
export const writeOffActs = sqliteTable(
  'write_off_acts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actDate: text('act_date').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: WRITE_OFF_ACT_STATUSES }).notNull().default('draft'),
    /** The year of the number's series (the act's date's year) and the number, set at signing. */
    year: integer('year'),
    number: integer('number'),
    signedAt: text('signed_at'),
    approverName: text('approver_name').notNull().default(''),
    approverPosition: text('approver_position').notNull().default(''),
    /**
     * What the act showed when it was signed (the commission's names and positions, the lines'
     * titles and balances), kept as a frozen copy (electron/services/common/frozen.ts): a surname
     * corrected in the registry or a publication renamed later does not rewrite a signed act.
     */
    signedCopy: jsonText('signed_copy', { shape: 'object' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('write_off_acts_year_number_unique').on(t.year, t.number),
    check('write_off_acts_date', sql`${t.actDate} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'`),
    check(
      'write_off_acts_signed',
      sql`(${t.status} = 'draft' AND ${t.number} IS NULL AND ${t.year} IS NULL AND ${t.signedAt} IS NULL AND ${t.signedCopy} IS NULL) OR (${t.status} = 'signed' AND ${t.number} > 0 AND ${t.year} = CAST(substr(${t.actDate}, 1, 4) AS INTEGER) AND ${t.signedAt} IS NOT NULL AND ${t.signedCopy} IS NOT NULL)`,
    ),
    ...columnRules(t),
  ],
);

/** The commission: members from the center's staff, one of them its chair, in the order given. */
export const writeOffActMembers = sqliteTable(
  'write_off_act_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actId: integer('act_id')
      .notNull()
      .references(() => writeOffActs.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    chair: integer('chair', { mode: 'boolean' }).notNull().default(false),
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('write_off_act_members_unique').on(t.actId, t.personId),
    ...positionRules(t.position, [t.actId]),
    uniqueIndex('write_off_act_members_one_chair')
      .on(t.actId)
      .where(sql`chair = 1`),
    index('write_off_act_members_person').on(t.personId),
    ...columnRules(t),
  ],
);

/** The chair at 1, the members after in the order given; rewritten whole with the draft. */
export const writeOffActMemberOrder = orderedList(writeOffActMembers, writeOffActMembers.position, [writeOffActMembers.actId]);

/** What the act writes off: a publication and its copies; the movement once the act is signed. */
export const writeOffActLines = sqliteTable(
  'write_off_act_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actId: integer('act_id')
      .notNull()
      .references(() => writeOffActs.id, { onDelete: 'cascade' }),
    publicationId: integer('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(),
    position: integer('position').notNull(),
    movementId: integer('movement_id').references(() => publicationMovements.id, { onDelete: 'restrict' }),
  },
  (t) => [
    uniqueIndex('write_off_act_lines_unique').on(t.actId, t.publicationId),
    ...positionRules(t.position, [t.actId]),
    uniqueIndex('write_off_act_lines_movement_unique').on(t.movementId),
    index('write_off_act_lines_publication').on(t.publicationId),
    check('write_off_act_lines_quantity', sql`${t.quantity} > 0 AND ${t.quantity} = CAST(${t.quantity} AS INTEGER)`),
    ...columnRules(t),
  ],
);

/** The act's lines in the order entered; rewritten whole with the draft. */
export const writeOffActLineOrder = orderedList(writeOffActLines, writeOffActLines.position, [writeOffActLines.actId]);

/** Issue 22: a member of an act of write-off's commission (UNIQUE(act, person): a merge must not seat one twice). */
export const writeOffActsReferences: RegistryReference[] = [
  linkReference(
    'person',
    writeOffActMembers.personId,
    writeOffActMembers.actId,
    'writeOffAct',
    ['акте списания', 'актах списания', 'актах списания'],
    'член комиссии',
  ),
];
