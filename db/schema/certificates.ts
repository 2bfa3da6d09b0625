import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { eventParticipants, events } from './events';
import { people } from './registry';
import { storedFiles } from './files';
import { linkReference, type RegistryReference } from './references';
import { columnRules, jsonText, stamp } from './rules';
import type { TablePolicies } from './tablePolicy';

/**
 * Сертификаты участника (issue 19): a register of its own, numbered per year of issue. Each row is
 * a certificate as printed — the frozen `snapshot` is what every later download renders, so a
 * corrected surname or a merged person never changes a certificate already handed out. A
 * certificate is never deleted: a reissue annuls it (the date and the reason stay) and a new
 * number replaces it (`replaces_id`).
 */
export const certificates = sqliteTable(
  'certificates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The year of issue: the series the number belongs to («№ 2018-017»). */
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'restrict' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    issuedOn: text('issued_on').notNull(),
    /** Frozen (electron/services/certificates/snapshot.ts): the names, the sentence, the signer, the logo. */
    snapshot: jsonText('snapshot', { shape: 'object' }).notNull(),
    annulledOn: text('annulled_on'),
    annulReason: text('annul_reason').notNull().default(''),
    /** The certificate this one was issued in place of. */
    replacesId: integer('replaces_id').references((): AnySQLiteColumn => certificates.id, { onDelete: 'restrict' }),
    createdAt: text('created_at').notNull().default(stamp),
  },
  (t) => [
    uniqueIndex('certificates_year_number_unique').on(t.year, t.number),
    // One valid certificate per participation; annulled ones stay beside it.
    uniqueIndex('certificates_valid_unique')
      .on(t.eventId, t.personId)
      .where(sql`annulled_on IS NULL`),
    uniqueIndex('certificates_replaces_unique').on(t.replacesId),
    index('certificates_person').on(t.personId),
    // Issued only to a participant of that event: the participation cannot be deleted under it,
    // and a registry merge that re-points the participation carries the certificate along.
    foreignKey({ columns: [t.eventId, t.personId], foreignColumns: [eventParticipants.eventId, eventParticipants.personId] })
      .onDelete('restrict')
      .onUpdate('cascade'),
    check('certificates_number_positive', sql`${t.number} > 0`),
    check('certificates_issued_on', sql`${t.issuedOn} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'`),
    check('certificates_year', sql`${t.year} BETWEEN 2000 AND 2100 AND ${t.year} = CAST(substr(${t.issuedOn}, 1, 4) AS INTEGER)`),
    check(
      'certificates_annulment',
      sql`(${t.annulledOn} IS NULL AND ${t.annulReason} = '') OR (${t.annulledOn} IS NOT NULL AND ${t.annulReason} <> '' AND ${t.annulledOn} >= ${t.issuedOn})`,
    ),
    ...columnRules(t),
  ],
);

/** The layout the center edits: one row, like the center's profile; the logo is a file of the store. */
export const certificateLayout = sqliteTable(
  'certificate_layout',
  {
    id: integer('id').primaryKey(),
    /** CertificateLayoutSettings (shared/contract/certificates.ts), zod-parsed on read. */
    settings: jsonText('settings', { shape: 'object' }).notNull(),
    logoHash: text('logo_hash').references(() => storedFiles.hash, { onDelete: 'restrict' }),
  },
  (t) => [check('certificate_layout_single_row', sql`${t.id} = 1`), ...columnRules(t)],
);

export const certificatesReferences: RegistryReference[] = [
  linkReference(
    'person',
    certificates.personId,
    certificates.eventId,
    'event',
    ['мероприятии', 'мероприятиях', 'мероприятиях'],
    'получатель сертификата',
  ),
];

export const certificatesTablePolicies: TablePolicies = {
  certificates: { label: 'Сертификаты участников', package: 'all' },
  // The center's own layout; the issued snapshots already say what was printed.
  certificate_layout: { package: 'none' },
};
