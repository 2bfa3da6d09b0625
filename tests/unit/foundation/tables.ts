import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { isSearchIndexTable } from '@db/search';

/**
 * Every stored table with the query that reads all its rows in a fixed order. A virtual table
 * (the FTS5 search index) is read through its shadow tables, which hold what it stores; those
 * WITHOUT ROWID are in their primary key's order.
 */
export function storedTables(sqlite: Database.Database): { name: string; select: string }[] {
  const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
    sql: string | null;
  }[];
  return tables
    .filter((t) => !/^CREATE VIRTUAL TABLE/i.test(t.sql ?? ''))
    .map((t) => ({ name: t.name, select: `SELECT * FROM "${t.name}"${/WITHOUT ROWID\s*$/i.test(t.sql ?? '') ? '' : ' ORDER BY rowid'}` }));
}

/** A hash of every table's rows, by table (SQLite's own sequence table included unless left out). */
export function hashTables(sqlite: Database.Database, except: string[] = []): Record<string, string> {
  return Object.fromEntries(
    storedTables(sqlite)
      .filter((t) => !except.includes(t.name))
      .map((t) => [
        t.name,
        createHash('sha256')
          .update(JSON.stringify(sqlite.prepare(t.select).raw().all()))
          .digest('hex'),
      ]),
  );
}

/**
 * What the search index answers, by register: the ids each record is found by when its whole
 * search text is searched for, and how many records the index holds. Two databases with the same
 * records answer the same, however differently FTS5 laid out its segments (an undo deletes and
 * inserts again).
 */
export function searchIndexAnswers(sqlite: Database.Database): Record<string, unknown> {
  const phrase = `'"' || replace(e.search_text, '"', '""') || '"'`;
  const found = (entity: string, rowid: string, join = '') =>
    sqlite
      .prepare(
        `SELECT e.id FROM ${entity} e ${join} WHERE length(e.search_text) >= 3 AND ${rowid} IN (SELECT rowid FROM ${entity}_fts WHERE ${entity}_fts MATCH ${phrase}) ORDER BY e.id`,
      )
      .pluck()
      .all();
  const answers: Record<string, unknown> = {};
  for (const entity of ['people', 'organizations']) {
    answers[entity] = found(entity, 's.search_rowid', `JOIN ${entity}_search_rows s ON s.id = e.id`);
    answers[`${entity} indexed`] = sqlite.prepare(`SELECT count(*) FROM ${entity}_search_rows`).pluck().get();
  }
  answers.plan_items = found('plan_items', 'e.id');
  // A table a later migration makes is answered only where it exists (the migration tests' older files).
  if (sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'publications_fts'").get())
    answers.publications = found('publications', 'e.id');
  if (sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'events_fts'").get()) answers.events = found('events', 'e.id');
  return answers;
}

/**
 * The records before and after an undo: every table's hash but the journal itself, SQLite's id
 * counters (ids are never reused, so they move on) and the search index, whose bytes differ after
 * a delete and an insert — instead, what the index answers about the records.
 */
export function recordsAfterUndo(sqlite: Database.Database): Record<string, unknown> {
  const except = storedTables(sqlite)
    .map((t) => t.name)
    .filter((t) => isSearchIndexTable(t) || t === 'undo_journal' || t === 'sqlite_sequence');
  return { ...hashTables(sqlite, except), search: searchIndexAnswers(sqlite) };
}
