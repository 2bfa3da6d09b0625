import type Database from 'better-sqlite3';
import { getTableName, sql, type Table } from 'drizzle-orm';
import type { UndoRef } from '@shared/contract/define';
import type { AppDb } from './open';
import { DERIVATIONS, rederive, type DerivedTable } from './derived';
import { makeRoom, nextPosition } from './positions';
import { isSearchIndexTable } from './search';

/**
 * The mechanism of the undo journal, for any table: before a service deletes a row it
 * records the row's image and, following the schema's foreign keys, the images of every row
 * the delete will cascade to and the references it will set to NULL. Restoring puts them back
 * in the order they were taken (a parent before its children) in one transaction, after
 * checking that nothing done since stands in the way: a row the restored one points to was
 * deleted meanwhile, or its unique slot (a name, a meeting's number) is taken. The checks
 * answer facts; the undo register turns them into Russian messages.
 *
 * Generic on purpose: the duplicates merge (rewriting references from one person to another)
 * records the overwritten references the same way as a deletion's SET NULL ones.
 */

type SqlValue = string | number | bigint | Buffer | null;
type Row = Record<string, SqlValue>;

export interface RowImage {
  table: string;
  values: Row;
  /**
   * For a table without an integer primary key (a link table): its rowid, so the row comes
   * back in its old place in SQLite's own order. Nothing refers to it; a rowid taken since is
   * simply not reused.
   */
  rowid?: number;
}

/** A reference the change overwrote (set to NULL, or to another row): put back if still as the change left it. */
export interface OverwrittenRef {
  table: string;
  rowid: number;
  column: string;
  before: SqlValue;
  after: SqlValue;
}

/** The deleted row sat in an ordered list (position within a scope): its successors were moved up. */
export interface SequencePlace {
  table: string;
  column: string;
  /** Columns and values that pick the list, e.g. the meeting of an agenda item. */
  scope: Row;
  value: number;
}

/** A register's own condition for undoing, checked by name (e.g. «the meeting is still editable»). */
export interface UndoGuardRef {
  name: string;
  args: Record<string, unknown>;
}

export interface JournalPayload {
  version: 1;
  /** The row the change was about: its table and primary key. */
  root: { table: string; key: Row };
  rows: RowImage[];
  refs: OverwrittenRef[];
  sequence?: SequencePlace;
  guard?: UndoGuardRef;
  /**
   * The change re-pointed rows and deleted others in their unique slots (the registry's merge:
   * the kept person's row of a meeting deleted, the merged one's re-pointed to her): undoing puts
   * the references back first, which frees the slots the deleted rows come back into.
   */
  refsFirst?: boolean;
  /**
   * Rows the change added (a pair declared «разные люди»): undoing deletes them, if still there —
   * one gone since with its record (a merge) is already as the undo would leave it.
   */
  created?: { table: string; key: Row }[];
}

interface ForeignKey {
  child: string;
  parent: string;
  from: string[];
  to: string[];
  onDelete: string;
}

interface UniqueIndex {
  name: string;
  columns: string[];
  /** A partial index's WHERE over the table's columns (one chair per commission): only rows it holds collide. */
  where?: string;
}

interface Schema {
  tables: string[];
  /** Keyed by parent table: the foreign keys pointing at it. */
  referencing: Map<string, ForeignKey[]>;
  /** Keyed by child table: its own foreign keys. */
  own: Map<string, ForeignKey[]>;
  primaryKey: Map<string, string[]>;
  /** Tables whose integer primary key is their rowid. */
  rowidAlias: Set<string>;
  /** Unique indexes of each table other than the primary key: name and columns. */
  unique: Map<string, UniqueIndex[]>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const schemas = new WeakMap<Database.Database, Schema>();

/** The schema as SQLite knows it (pragmas), read once per connection: migrations run before any call. */
function schemaOf(sqlite: Database.Database): Schema {
  const known = schemas.get(sqlite);
  if (known) return known;
  let tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'")
    .pluck()
    .all() as string[];
  // The search index follows the rows by its triggers: a restored row is indexed anew.
  tables = tables.filter((t) => !isSearchIndexTable(t));
  const schema: Schema = {
    tables,
    referencing: new Map(),
    own: new Map(),
    primaryKey: new Map(),
    rowidAlias: new Set(),
    unique: new Map(),
  };
  for (const table of tables) {
    const columns = sqlite.pragma(`table_info(${quote(table)})`) as { name: string; pk: number; type: string }[];
    const primaryKey = columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    schema.primaryKey.set(table, primaryKey);
    if (primaryKey.length === 1 && columns.find((c) => c.pk > 0)!.type.toUpperCase() === 'INTEGER') schema.rowidAlias.add(table);
    const keys = new Map<number, ForeignKey>();
    for (const fk of sqlite.pragma(`foreign_key_list(${quote(table)})`) as {
      id: number;
      table: string;
      from: string;
      to: string | null;
      on_delete: string;
    }[]) {
      const key = keys.get(fk.id) ?? { child: table, parent: fk.table, from: [], to: [], onDelete: fk.on_delete };
      key.from.push(fk.from);
      if (fk.to !== null) key.to.push(fk.to);
      keys.set(fk.id, key);
    }
    schema.own.set(table, [...keys.values()]);
    const unique: UniqueIndex[] = [];
    for (const index of sqlite.pragma(`index_list(${quote(table)})`) as {
      name: string;
      unique: number;
      origin: string;
      partial: number;
    }[]) {
      if (!index.unique || index.origin === 'pk') continue;
      const cols = (sqlite.pragma(`index_info(${quote(index.name)})`) as { name: string | null }[]).map((c) => c.name);
      const ddl = index.partial ? (sqlite.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(index.name) as string) : '';
      const partial = index.partial ? /\bWHERE\b([\s\S]*)$/i.exec(ddl)?.[1]?.trim() : undefined;
      if (cols.every((c): c is string => c !== null))
        unique.push({ name: index.name, columns: cols, ...(partial ? { where: partial } : {}) });
    }
    schema.unique.set(table, unique);
  }
  for (const keys of schema.own.values()) {
    for (const key of keys) {
      // A reference without named columns points at the parent's primary key.
      if (key.to.length === 0) key.to = schema.primaryKey.get(key.parent) ?? ['rowid'];
      schema.referencing.set(key.parent, [...(schema.referencing.get(key.parent) ?? []), key]);
    }
  }
  schemas.set(sqlite, schema);
  return schema;
}

const where = (columns: string[]) => columns.map((c) => `${quote(c)} IS ?`).join(' AND ');

/** Row images of `table`'s rows matching `match`, then of everything a delete of them cascades to. */
function capture(
  sqlite: Database.Database,
  schema: Schema,
  table: string,
  match: Row,
  out: { rows: RowImage[]; refs: OverwrittenRef[]; seen: Set<string> },
): void {
  const columns = Object.keys(match);
  const found = sqlite
    .prepare(`SELECT rowid AS "__rowid", * FROM ${quote(table)} WHERE ${where(columns)}`)
    .all(...columns.map((c) => match[c])) as (Row & { __rowid: number })[];
  for (const { __rowid, ...values } of found) {
    const id = `${table}:${__rowid}`;
    if (out.seen.has(id)) continue;
    out.seen.add(id);
    out.rows.push(schema.rowidAlias.has(table) ? { table, values } : { table, values, rowid: __rowid });
    for (const key of schema.referencing.get(table) ?? []) {
      const parentValues = Object.fromEntries(key.from.map((c, i) => [c, values[key.to[i]!] ?? null]));
      if (key.onDelete === 'CASCADE') capture(sqlite, schema, key.child, parentValues, out);
      else if (key.onDelete === 'SET NULL') {
        const cols = Object.keys(parentValues);
        const pointing = sqlite
          .prepare(`SELECT rowid AS "__rowid" FROM ${quote(key.child)} WHERE ${where(cols)}`)
          .pluck()
          .all(...cols.map((c) => parentValues[c])) as number[];
        for (const rowid of pointing)
          for (const column of key.from)
            out.refs.push({ table: key.child, rowid, column, before: parentValues[column] ?? null, after: null });
      }
    }
  }
}

/** Entries recorded on a connection since the dispatcher last asked: the envelope names them. */
const recorded = new WeakMap<Database.Database, UndoRef[]>();

export function takeRecordedUndo(sqlite: Database.Database): UndoRef[] {
  const refs = recorded.get(sqlite) ?? [];
  recorded.delete(sqlite);
  return refs;
}

/** How long and how many entries the journal keeps: long enough to notice a mistake, not to keep deleted personal data. */
export const JOURNAL_KEEP_DAYS = 30;
export const JOURNAL_KEEP_ENTRIES = 200;

export interface DeletionToRecord {
  table: Table;
  /** The deleted row's primary key, e.g. `{ id: 5 }`. */
  key: Row;
  /** Russian: «Удалён специалист Иванова Мария Петровна». */
  label: string;
  /** Columns of the deleted row that pick its ordered list, when it sits in one (`position` within them). */
  sequence?: { column: string; scope: string[] };
  guard?: UndoGuardRef;
}

/**
 * Records what deleting the row will remove or overwrite. Call it inside the deleting
 * transaction, right before the delete: if the delete is refused, the entry goes with it.
 */
export function recordDeletion(db: AppDb, deletion: DeletionToRecord): UndoRef {
  const sqlite = db.$client;
  const schema = schemaOf(sqlite);
  const table = getTableName(deletion.table);
  const out = { rows: [] as RowImage[], refs: [] as OverwrittenRef[], seen: new Set<string>() };
  capture(sqlite, schema, table, deletion.key, out);
  const root = out.rows[0];
  if (!root) throw new Error(`recordDeletion: no row in ${table} with ${JSON.stringify(deletion.key)}`);
  // A reference from a row that is itself deleted comes back with that row.
  const refs = out.refs.filter((r) => !out.seen.has(`${r.table}:${r.rowid}`));
  const payload: JournalPayload = {
    version: 1,
    root: { table, key: deletion.key },
    rows: out.rows,
    refs,
    ...(deletion.sequence
      ? {
          sequence: {
            table,
            column: deletion.sequence.column,
            scope: Object.fromEntries(deletion.sequence.scope.map((c) => [c, root.values[c] ?? null])),
            value: Number(root.values[deletion.sequence.column]),
          },
        }
      : {}),
    ...(deletion.guard ? { guard: deletion.guard } : {}),
  };
  return writeEntry(sqlite, deletion.label, payload);
}

/**
 * Records a change made of several steps (the registry's merge): rows it deletes, each recorded
 * right before its delete with everything the delete cascades to, and references it rewrites.
 * `write` stores the one entry that takes them all back, references first (`refsFirst`).
 */
export function changeRecorder(db: AppDb) {
  const sqlite = db.$client;
  const schema = schemaOf(sqlite);
  const out = { rows: [] as RowImage[], refs: [] as OverwrittenRef[], seen: new Set<string>() };
  return {
    /** Call before deleting the rows of `table` matching `match` (a column may be `rowid`). */
    deleting(table: string, match: Row): void {
      capture(sqlite, schema, table, match, out);
    },
    overwriting(ref: OverwrittenRef): void {
      out.refs.push(ref);
    },
    write(label: string, root: JournalPayload['root']): UndoRef {
      const refs = out.refs.filter((r) => !out.seen.has(`${r.table}:${r.rowid}`));
      return writeEntry(sqlite, label, { version: 1, root, rows: out.rows, refs, refsFirst: true });
    },
  };
}

/**
 * Records a row the change has just added, so the undo deletes it. For a row nothing points to
 * (a pair declared «разные люди»): its undo restores nothing else.
 */
export function recordCreation(db: AppDb, creation: { table: Table; key: Row; label: string }): UndoRef {
  const table = getTableName(creation.table);
  return writeEntry(db.$client, creation.label, {
    version: 1,
    root: { table, key: creation.key },
    rows: [],
    refs: [],
    created: [{ table, key: creation.key }],
  });
}

/** How many rows deleting the matching rows would take with it (a participant's attendance marks). */
export function cascadeCount(db: AppDb, table: string, match: Row): number {
  const sqlite = db.$client;
  const out = { rows: [] as RowImage[], refs: [] as OverwrittenRef[], seen: new Set<string>() };
  capture(sqlite, schemaOf(sqlite), table, match, out);
  return Math.max(0, out.rows.length - 1);
}

function writeEntry(sqlite: Database.Database, label: string, payload: JournalPayload): UndoRef {
  sqlite
    .prepare(
      `DELETE FROM undo_journal WHERE created_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?) OR id <= (SELECT max(id) FROM undo_journal) - ?`,
    )
    .run(`-${JOURNAL_KEEP_DAYS} days`, JOURNAL_KEEP_ENTRIES - 1);
  const id = Number(
    sqlite.prepare('INSERT INTO undo_journal (label, payload) VALUES (?, ?)').run(label, JSON.stringify(payload)).lastInsertRowid,
  );
  const ref = { id, label };
  recorded.set(sqlite, [...(recorded.get(sqlite) ?? []), ref]);
  return ref;
}

export interface JournalEntry {
  id: number;
  label: string;
  createdAt: string;
  undoneAt: string | null;
  payload: JournalPayload;
}

export function journalEntry(db: AppDb, id: number): JournalEntry | undefined {
  const row = db.$client
    .prepare('SELECT id, label, created_at AS createdAt, undone_at AS undoneAt, payload FROM undo_journal WHERE id = ?')
    .get(id) as (Omit<JournalEntry, 'payload'> & { payload: string }) | undefined;
  return row ? { ...row, payload: JSON.parse(row.payload) as JournalPayload } : undefined;
}

/** The newest entry not yet undone. */
export function lastJournalEntry(db: AppDb): Omit<JournalEntry, 'payload'> | undefined {
  return db.$client
    .prepare(
      'SELECT id, label, created_at AS createdAt, undone_at AS undoneAt FROM undo_journal WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1',
    )
    .get() as Omit<JournalEntry, 'payload'> | undefined;
}

/** What stands in the way of restoring an entry, as facts for the undo register to word. */
export type RestoreObstacle =
  { kind: 'parentGone'; table: string; parent: string; key: Row } | { kind: 'slotTaken'; table: string; index: string | null; values: Row };

/** The first obstacle to restoring, or null. */
export function restoreObstacle(db: AppDb, payload: JournalPayload): RestoreObstacle | null {
  const sqlite = db.$client;
  if (!payload.refsFirst) return rowObstacle(sqlite, payload);
  // The rows come back after the references: their slots are checked with the references back,
  // tried in a savepoint and rolled back whatever the answer.
  sqlite.exec('SAVEPOINT undo_check');
  try {
    sqlite.pragma('defer_foreign_keys = ON');
    return refObstacle(sqlite, payload) ?? (restoreRefs(sqlite, payload.refs), rowObstacle(sqlite, payload));
  } finally {
    sqlite.exec('ROLLBACK TO undo_check');
    sqlite.exec('RELEASE undo_check');
  }
}

/** A reference to be put back whose old target is gone since (the merged person's organisation deleted). */
function refObstacle(sqlite: Database.Database, payload: JournalPayload): RestoreObstacle | null {
  const schema = schemaOf(sqlite);
  for (const ref of payload.refs) {
    if (ref.before === null) continue;
    const current = sqlite.prepare(`SELECT ${quote(ref.column)} AS v FROM ${quote(ref.table)} WHERE rowid = ?`).get(ref.rowid) as
      { v: SqlValue } | undefined;
    if (!current || current.v !== ref.after) continue;
    const key = (schema.own.get(ref.table) ?? []).find((k) => k.from.length === 1 && k.from[0] === ref.column);
    if (!key) continue;
    const values = { [key.to[0]!]: ref.before };
    const restored = payload.rows.some((r) => r.table === key.parent && r.values[key.to[0]!] === ref.before);
    if (!restored && !sqlite.prepare(`SELECT 1 FROM ${quote(key.parent)} WHERE ${where([key.to[0]!])}`).get(ref.before))
      return { kind: 'parentGone', table: ref.table, parent: key.parent, key: values };
  }
  return null;
}

function rowObstacle(sqlite: Database.Database, payload: JournalPayload): RestoreObstacle | null {
  const schema = schemaOf(sqlite);
  const restored = (table: string, values: Row) =>
    payload.rows.some((r) => r.table === table && Object.entries(values).every(([c, v]) => r.values[c] === v));
  const exists = (table: string, values: Row, partial?: string) => {
    const cols = Object.keys(values);
    const also = partial ? ` AND (${partial})` : '';
    return (
      sqlite.prepare(`SELECT 1 FROM ${quote(table)} WHERE ${where(cols)}${also} LIMIT 1`).get(...cols.map((c) => values[c])) !== undefined
    );
  };
  /** Whether the restored row itself falls under a partial index's WHERE. */
  const heldBy = (row: RowImage, partial: string) => {
    const cols = Object.keys(row.values);
    const image = cols.map((c) => `? AS ${quote(c)}`).join(', ');
    return sqlite.prepare(`SELECT 1 FROM (SELECT ${image}) WHERE ${partial}`).get(...cols.map((c) => row.values[c])) !== undefined;
  };
  // The deleted row's place in its ordered list was closed after it; restoring makes room again.
  const sequence = payload.sequence;
  const isItsPlace = (row: RowImage, columns: string[]) =>
    sequence !== undefined &&
    row === payload.rows[0] &&
    columns.length === Object.keys(sequence.scope).length + 1 &&
    columns.every((c) => c === sequence.column || c in sequence.scope);
  for (const row of payload.rows) {
    const pk = schema.primaryKey.get(row.table) ?? [];
    if (pk.length && exists(row.table, pick(row.values, pk)))
      return { kind: 'slotTaken', table: row.table, index: null, values: pick(row.values, pk) };
    for (const index of schema.unique.get(row.table) ?? []) {
      if (isItsPlace(row, index.columns)) continue;
      const values = pick(row.values, index.columns);
      // NULLs never collide in a unique index.
      if (Object.values(values).some((v) => v === null)) continue;
      if (index.where && !heldBy(row, index.where)) continue;
      if (exists(row.table, values, index.where)) return { kind: 'slotTaken', table: row.table, index: index.name, values };
    }
    for (const key of schema.own.get(row.table) ?? []) {
      const values = Object.fromEntries(key.to.map((c, i) => [c, row.values[key.from[i]!] ?? null]));
      if (Object.values(values).some((v) => v === null)) continue;
      if (!exists(key.parent, values) && !restored(key.parent, values))
        return { kind: 'parentGone', table: row.table, parent: key.parent, key: values };
    }
  }
  return null;
}

const pick = (values: Row, columns: string[]): Row => Object.fromEntries(columns.map((c) => [c, values[c] ?? null]));

/**
 * Puts the entry's rows back (call inside a transaction, after `restoreObstacle` found none):
 * makes room in the ordered list, inserts the rows parent first, restores overwritten
 * references that nothing changed since, and marks the entry undone. Answers the tables it
 * wrote, so the caller can name the registers that changed.
 */
export function restoreEntry(db: AppDb, entry: JournalEntry): string[] {
  const sqlite = db.$client;
  const { payload } = entry;
  const touched = new Set<string>();
  // Back in its place, or at the end when the list has grown shorter since (no gap in the numbers).
  let place: number | undefined;
  if (payload.sequence) {
    const { table, column, scope, value } = payload.sequence;
    const list = { table, column, scope: Object.keys(scope) };
    const listScope = scope as Record<string, string | number | null>;
    place = Math.min(value, nextPosition(sqlite, list, listScope));
    makeRoom(sqlite, list, listScope, place);
  }
  // The rows come back in the order they were captured, depth first; a row under two parents (a
  // session's mark is also a participant's) may come before one of them. restoreObstacle has
  // checked every parent, so the keys are checked at the end of the transaction instead of row by row.
  sqlite.pragma('defer_foreign_keys = ON');
  for (const { table, key } of payload.created ?? []) {
    const cols = Object.keys(key);
    if (sqlite.prepare(`DELETE FROM ${quote(table)} WHERE ${where(cols)}`).run(...cols.map((c) => key[c])).changes) touched.add(table);
  }
  const refsTouched = payload.refsFirst ? restoreRefs(sqlite, payload.refs) : [];
  for (const row of payload.rows) {
    const values: Row = { ...row.values };
    if (place !== undefined && row === payload.rows[0]) values[payload.sequence!.column] = place;
    if (row.rowid !== undefined && !sqlite.prepare(`SELECT 1 FROM ${quote(row.table)} WHERE rowid = ?`).get(row.rowid))
      values.rowid = row.rowid;
    const cols = Object.keys(values);
    sqlite
      .prepare(`INSERT INTO ${quote(row.table)} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...cols.map((c) => values[c]));
    touched.add(row.table);
  }
  for (const ref of payload.refsFirst ? refsTouched : restoreRefs(sqlite, payload.refs)) touched.add(ref.table);
  // A record's own columns put back one by one (the kept person's surname): its derived keys are recomputed from what it holds now.
  const rewritten = new Map<string, number[]>();
  for (const ref of payload.refsFirst ? payload.refs : []) rewritten.set(ref.table, [...(rewritten.get(ref.table) ?? []), ref.rowid]);
  for (const name of Object.keys(DERIVATIONS) as DerivedTable[]) {
    const table = getTableName(DERIVATIONS[name].table);
    const rowids = rewritten.get(table);
    if (rowids) rederive(db, name, sql.raw(`${quote(table)}.rowid IN (${rowids.map(Number).join(', ')})`));
  }
  sqlite.prepare("UPDATE undo_journal SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(entry.id);
  return [...touched];
}

/** Puts back the references nothing changed since; answers those it put back. */
function restoreRefs(sqlite: Database.Database, refs: OverwrittenRef[]): OverwrittenRef[] {
  // A reference changed again since (linked to another row by hand) keeps the later choice.
  return refs.filter(
    (ref) =>
      sqlite
        .prepare(`UPDATE ${quote(ref.table)} SET ${quote(ref.column)} = ? WHERE rowid = ? AND ${quote(ref.column)} IS ?`)
        .run(ref.before, ref.rowid, ref.after).changes > 0,
  );
}

/** Every table of the database, for checks that each has its wording and register. */
export const journalTables = (db: AppDb): string[] => schemaOf(db.$client).tables;

/** The journal entry, if any, whose change deleted the row `key` of `table`: to name a parent deleted since. */
export function entryDeleting(db: AppDb, table: string, key: Row): Omit<JournalEntry, 'payload'> | undefined {
  const rows = db.$client
    .prepare(
      'SELECT id, label, created_at AS createdAt, undone_at AS undoneAt, payload FROM undo_journal WHERE undone_at IS NULL ORDER BY id DESC',
    )
    .all() as (Omit<JournalEntry, 'payload'> & { payload: string })[];
  for (const { payload, ...entry } of rows) {
    const parsed = JSON.parse(payload) as JournalPayload;
    if (parsed.root.table === table && Object.entries(key).every(([c, v]) => parsed.root.key[c] === v)) return entry;
  }
  return undefined;
}
