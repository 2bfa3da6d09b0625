import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The search index's own tables (db/search.ts). The FTS5 tables themselves (`<entity>_fts` of
 * trigrams, `<entity>_grams` of one- and two-character grams) and the triggers that keep them in
 * step are SQL drizzle cannot express: migration 0010_search_fts.
 *
 * An ordered register (people, organisations) indexes a row under `search_rowid = bucket · 2^20 +
 * slot`, where the bucket is the row's place in the `sort_key` order. FTS5 returns matches in
 * rowid order, so the first page of a search needs the matches of the first buckets only, never
 * the whole match set (see /work/notes-style reasoning in db/search.ts).
 */

/** The lower sort key of each bucket of an ordered register; bucket 0 starts at ''. */
export const searchBuckets = sqliteTable(
  'search_buckets',
  {
    entity: text('entity').notNull(),
    lowerKey: text('lower_key').notNull(),
    bucket: integer('bucket').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.lowerKey] }), uniqueIndex('search_buckets_bucket').on(t.entity, t.bucket)],
);

/**
 * Which FTS5 rowid a row is indexed under. No foreign key on purpose: the triggers on the entity
 * table keep it (a cascade or an undo re-insert fires them as well), and the undo journal, which
 * follows foreign keys, must not record or restore these rows.
 */
const searchRows = (name: string) =>
  sqliteTable(name, {
    searchRowid: integer('search_rowid').primaryKey(),
    id: integer('id').notNull().unique(),
  });

export const peopleSearchRows = searchRows('people_search_rows');
export const organizationsSearchRows = searchRows('organizations_search_rows');

/**
 * The registers whose insert triggers are suspended for the rest of the current transaction: a
 * bulk write (an imported list of thousands, `withSearchIndexDeferred` in db/search.ts) indexes
 * its new rows in one pass at its end instead of row by row. A row is only ever here inside that
 * write's own savepoint, which removes it again (or is rolled back with it).
 */
export const searchSuspended = sqliteTable('search_suspended', {
  entity: text('entity').primaryKey(),
});
