import { and, sql, type SQL } from 'drizzle-orm';
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
 * Inserts many rows of one shape (an imported list of thousands) through one prepared statement
 * run per row: building a drizzle query costs far more than SQLite's insert itself (measured by
 * tests/bench/imports.ts: most of a 10,000-row import's write). Answers each row's id in order.
 * `between` runs after every `every` rows (progress, a cancellation check inside the transaction).
 */
export function insertEach<T extends SQLiteTable & { id: SQLiteColumn }>(
  db: AppDb,
  table: T,
  rows: readonly T['$inferInsert'][],
  between?: { every: number; run: (done: number) => void },
): number[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const statement = db
    .insert(table)
    .values(Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)])) as T['$inferInsert'])
    .returning({ id: table.id })
    .prepare();
  return rows.map((row, i) => {
    if (between && i > 0 && i % between.every === 0) between.run(i);
    return (statement.get(row as Record<string, unknown>) as { id: number }).id;
  });
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
