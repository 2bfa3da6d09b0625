import { sql } from 'drizzle-orm';
import { ORGANIZATION_TYPES } from '@shared/enums';
import { GENDERS, MUNICIPALITY_TYPE_KEYS } from '@shared/russian';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { referenceRecord, type RegistryReference } from './references';
import { columnRules, jsonText, timestamps } from './rules';
import type { TablePolicies } from './tablePolicy';

/**
 * The registry of organisations and people shared by every register. `searchText` holds the
 * words search looks at and `sortKey` the key of the Russian order (@shared/russian, text.ts):
 * SQLite's own lower() and collation know only ASCII, and better-sqlite3 cannot register a
 * collation, so Russian search and alphabetical order are done on these columns. Both are
 * derived from the names and recomputed when the rules change (db/derived.ts).
 */

export { ORGANIZATION_TYPES, type OrganizationType } from '@shared/enums';

/**
 * The center's own requisites for documents. The center is an organisation of the registry
 * (`organizationId`, of the type «ресурсный центр»): its names and address are that
 * organisation's, so its staff are picked like anyone else's and counts by type never file
 * it under «другое». Kept here: what only the center has (its director for «УТВЕРЖДАЮ», its segment).
 */
export const centerProfile = sqliteTable(
  'center_profile',
  {
    id: integer('id').primaryKey(),
    organizationId: integer('organization_id').references((): AnySQLiteColumn => organizations.id, { onDelete: 'restrict' }),
    directorName: text('director_name').notNull().default(''),
    directorPosition: text('director_position').notNull().default('Директор'),
    segment: text('segment').notNull().default(''),
    updatedAt: text('updated_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [check('center_profile_single_row', sql`${t.id} = 1`)],
);

export const municipalities = sqliteTable(
  'municipalities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The whole name in the nominative, composed from the parts below: «Моршанский район», «город Уварово». */
    name: text('name').notNull(),
    sortKey: text('sort_key').notNull(),
    /** Part of the center's segment (shown in the profile), as opposed to e.g. the regional level. */
    inSegment: integer('in_segment', { mode: 'boolean' }).notNull().default(true),
    /** The type noun («район», «город»…), a key of MUNICIPALITY_TYPES. */
    type: text('type', { enum: MUNICIPALITY_TYPE_KEYS }).notNull().default('none'),
    /** The proper part in the nominative: «Моршанский», «Уварово». */
    properName: text('proper_name').notNull().default(''),
    /** JSON {genitive, dative, accusative, instrumental, prepositional} of the proper part. */
    forms: jsonText('forms', { shape: 'object' }).notNull().default('{}'),
    /** The user saw and accepted the forms; forms prefilled by rule alone are shown for checking. */
    formsConfirmed: integer('forms_confirmed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('municipalities_sort_key_unique').on(t.sortKey), ...columnRules(t)],
);

export const organizations = sqliteTable(
  'organizations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fullName: text('full_name').notNull(),
    shortName: text('short_name').notNull().default(''),
    type: text('type', { enum: ORGANIZATION_TYPES }).notNull(),
    municipalityId: integer('municipality_id').references(() => municipalities.id, { onDelete: 'restrict' }),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    searchText: text('search_text').notNull(),
    sortKey: text('sort_key').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('organizations_sort_key').on(t.sortKey),
    index('organizations_type').on(t.type, t.sortKey),
    index('organizations_municipality').on(t.municipalityId, t.sortKey),
    // The latest change of the registry, read by every page of «Дубликаты» (is its list still current?).
    index('organizations_updated').on(t.updatedAt),
    ...columnRules(t),
  ],
);

export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name').notNull().default(''),
    position: text('position').notNull().default(''),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    /** Consent to personal-data processing under 152-ФЗ and the date it was given. */
    pdConsent: integer('pd_consent', { mode: 'boolean' }).notNull().default(false),
    pdConsentDate: text('pd_consent_date'),
    /** For «принял / приняла» and declension: from the patronymic, or as the user chose; null until known. */
    gender: text('gender', { enum: GENDERS }),
    searchText: text('search_text').notNull(),
    sortKey: text('sort_key').notNull(),
    /** The sort key of the position, for ordering people by it. */
    positionSortKey: text('position_sort_key').notNull().default(''),
    ...timestamps(),
  },
  (t) => [
    index('people_sort_key').on(t.sortKey),
    index('people_organization').on(t.organizationId, t.sortKey),
    // The latest change of the registry, read by every page of «Дубликаты» (is its list still current?).
    index('people_updated').on(t.updatedAt),
    ...columnRules(t),
  ],
);

/**
 * «Это разные люди» / «разные организации»: a pair of the registry the user has looked at and
 * declared two records, so it is never offered as a duplicate again. The ids in canonical order
 * (the lower first, CHECK) make a pair one row whichever way round it was shown. Deleting either
 * record — a merge deletes the merged one — removes the pair by cascade, and the undo journal
 * brings it back with the record. Not a reference the merge re-points: a pair is about the two
 * records themselves (see DISTINCT_PAIR_TABLES).
 */
const distinctPair = (name: string, records: () => AnySQLiteColumn) =>
  sqliteTable(
    name,
    {
      id: integer('id').primaryKey({ autoIncrement: true }),
      lowId: integer('low_id').notNull().references(records, { onDelete: 'cascade' }),
      highId: integer('high_id').notNull().references(records, { onDelete: 'cascade' }),
      /** When she said so; one workplace has no user accounts to say who. */
      createdAt: text('created_at')
        .notNull()
        .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    },
    (t) => [
      uniqueIndex(`${name}_unique`).on(t.lowId, t.highId),
      index(`${name}_high`).on(t.highId),
      check(`${name}_order`, sql`${t.lowId} < ${t.highId}`),
      ...columnRules(t),
    ],
  );

export const distinctPeople = distinctPair('distinct_people', () => people.id);
export const distinctOrganizations = distinctPair('distinct_organizations', () => organizations.id);

/** Tables whose rows point at two records of the registry about each other: never re-pointed by a merge, dropped with either record. */
export const DISTINCT_PAIR_TABLES = ['distinct_people', 'distinct_organizations'] as const;

/** The registry's own references: a person's place of work, and the organisation that is the center. */
export const registryReferences: RegistryReference[] = [
  {
    target: 'organization',
    column: centerProfile.organizationId,
    record: referenceRecord('centerProfile', ['профиле центра', 'профиле центра', 'профиле центра'], centerProfile.id),
    role: 'организация центра',
  },
  {
    target: 'organization',
    column: people.organizationId,
    record: referenceRecord('person', ['карточке специалиста', 'карточках специалистов', 'карточках специалистов'], people.id),
    role: 'место работы',
  },
];

/**
 * A person's phone and e-mail leave the PC in the data package only with a recorded consent to
 * personal-data processing (152-ФЗ); organisations' contacts are public.
 */
const withConsent = (column: string) => `CASE WHEN pd_consent = 1 THEN ${column} ELSE '' END`;

export const registryTablePolicies: TablePolicies = {
  center_profile: { label: 'Профиль центра', package: 'all' },
  municipalities: { label: 'Муниципальные образования', package: 'all' },
  organizations: { label: 'Организации', package: 'all' },
  people: { label: 'Специалисты', package: { columns: { phone: withConsent('phone'), email: withConsent('email') } } },
  // The keeper's own judgement about her registry's pairs: kept with the center, not reported.
  distinct_people: { package: 'none' },
  distinct_organizations: { package: 'none' },
};
