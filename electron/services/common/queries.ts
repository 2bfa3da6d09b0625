import { and, is, Param, Placeholder, sql, type SQL } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { AppDb } from '@db/open';
import { conflict } from '@main/api/errors';
import { searchWords } from '@shared/russian';

/**
 * Search over a `searchText` column (@shared/russian searchText): every word of the query must
 * occur somewhere, so «мария иванова» finds «Иванова Мария Петровна» — the rule matchesWords
 * applies in code. The words are letters and digits only, and LIKE's wildcards are escaped all
 * the same. For records outside the search index (agenda items, decisions: lists of one meeting
 * or a few hundred rows); the registers in it search through search.ts.
 */
export function matchesAllWords(column: SQLiteColumn, query: string): SQL | undefined {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  return and(...words.map((w) => sql`${column} LIKE ${likePattern(w)} ESCAPE '\\'`));
}

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** SQLite's limit on bound parameters: a long list of ids is read in chunks of 500. */
export function inChunks<T, R>(ids: readonly T[], read: (chunk: T[]) => R[]): R[] {
  const rows: R[] = [];
  for (let i = 0; i < ids.length; i += 500) rows.push(...read(ids.slice(i, i + 500)));
  return rows;
}

/**
 * `column IN (ids)` with the ids bound once as one JSON array (SQLite's json_each): a list of
 * 10,000 people is one statement, not 20 queries of 500 that drizzle builds one by one.
 */
export const inIdList = (column: SQLiteColumn, ids: readonly number[]): SQL =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/** Rows per INSERT of insertMany: 500 rows of 17 columns stay far below SQLite's limit of bound parameters. */
const INSERT_BATCH = 500;

/** An insert of so many rows of these columns as drizzle writes it: its SQL text and where each bound value comes from. */
interface InsertShape {
  sql: string;
  slots: ({ row: number; column: string; encoder: { mapToDriverValue(value: unknown): unknown } } | { constant: unknown })[];
}

/**
 * The shapes built so far, per table and per process, not per call or connection: drizzle takes
 * tens of milliseconds to write a 500-row VALUES list (about 250 ms of a 10,000-row import job
 * under load went to building the same two or three statements again), and a worker thread opens
 * a connection of its own for every task, so only the built text can outlive a call.
 */
const insertShapes = new WeakMap<SQLiteTable, Map<string, InsertShape>>();

function insertShape<T extends SQLiteTable & { id: SQLiteColumn }>(db: AppDb, table: T, columns: string[], size: number): InsertShape {
  let shapes = insertShapes.get(table);
  if (!shapes) insertShapes.set(table, (shapes = new Map()));
  const key = `${size}:${columns.join(',')}`;
  let shape = shapes.get(key);
  if (!shape) {
    const values = Array.from({ length: size }, (_, r) => Object.fromEntries(columns.map((c) => [c, sql.placeholder(`${r}:${c}`)])));
    const query = db
      .insert(table)
      .values(values as T['$inferInsert'][])
      .returning({ id: table.id })
      .toSQL();
    // Each bound parameter: a row's column encoded as drizzle would (a boolean as 0/1), or a constant.
    const slots = query.params.map((param) => {
      if (is(param, Param) && is(param.value, Placeholder)) {
        const [row, column] = param.value.name.split(/:(.*)/) as [string, string];
        return { row: Number(row), column, encoder: param.encoder };
      }
      return { constant: param };
    });
    shape = { sql: query.sql, slots };
    // A constant is a value drizzle computed while building (a column's $defaultFn, a time): kept, it would go stale.
    if (slots.every((slot) => !('constant' in slot))) shapes.set(key, shape);
  }
  return shape;
}

/**
 * Inserts many rows of one shape (an imported list of thousands) in statements of a few hundred
 * rows each, prepared once per call and reused for every batch: building a drizzle query of 500
 * rows costs far more than SQLite's insert itself (so its text is kept, insertShape), and one
 * statement per row is slower still in SQLite where a table has a search index (FTS5 writes out
 * what it gathered at each statement).
 * Answers each row's id in the order given; `between` runs before each batch after the first
 * with the rows done so far (progress, a cancellation check inside the transaction).
 */
export function insertMany<T extends SQLiteTable & { id: SQLiteColumn }>(
  db: AppDb,
  table: T,
  rows: readonly T['$inferInsert'][],
  between?: (done: number) => void,
): number[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const statements = new Map<number, { statement: Statement; bind: (batch: readonly T['$inferInsert'][]) => unknown[] }>();
  const statementFor = (size: number) => {
    let prepared = statements.get(size);
    if (!prepared) {
      const { sql: text, slots } = insertShape(db, table, columns, size);
      prepared = {
        statement: db.$client.prepare(text),
        bind: (batch) =>
          slots.map((slot) =>
            'constant' in slot ? slot.constant : slot.encoder.mapToDriverValue((batch[slot.row] as Record<string, unknown>)[slot.column]),
          ),
      };
      statements.set(size, prepared);
    }
    return prepared;
  };
  const ids: number[] = [];
  for (let from = 0; from < rows.length; from += INSERT_BATCH) {
    if (from > 0) between?.(from);
    const batch = rows.slice(from, from + INSERT_BATCH);
    const { statement, bind } = statementFor(batch.length);
    // RETURNING promises no order, but the rows of one VALUES list are inserted in turn and an
    // AUTOINCREMENT id only grows: the batch's ids in ascending order are its rows in order.
    ids.push(...(statement.all(...bind(batch)) as { id: number }[]).map((r) => r.id).sort((a, b) => a - b));
  }
  return ids;
}

/** Update timestamp in the same format as the columns' defaults. */
export const nowStamp = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

// A RESTRICT reference refuses the delete from SQLite's internal trigger, so its code is
// SQLITE_CONSTRAINT_TRIGGER with a "FOREIGN KEY constraint failed" message; NO ACTION gives
// SQLITE_CONSTRAINT_FOREIGNKEY.
function isForeignKeyError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || (code === 'SQLITE_CONSTRAINT_TRIGGER' && /FOREIGN KEY/i.test(message ?? ''));
}

/**
 * The registry's delete guard names the references the registers declare (db/references.ts); a
 * reference nobody declared is still refused by SQLite's foreign keys, and this turns that
 * refusal into a message the user understands instead of an internal error.
 */
export function guardForeignKeys<T>(message: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isForeignKeyError(error)) throw conflict(message);
    throw error;
  }
}
