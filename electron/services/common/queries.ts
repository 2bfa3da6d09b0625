import { and, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { AppDb } from '@db/open';
import { literalLimit, reusedQuery } from '@db/reusedQuery';
import { conflict } from '@main/api/errors';
import { foldRu, plural } from '@shared/russian';

/**
 * Search over a folded `searchText` column: every word of the query must occur somewhere, so
 * «мария иванова» finds «Иванова Мария Петровна». LIKE wildcards typed by the user are
 * escaped, so «100%» means the text, not a pattern.
 */
export function matchesAllWords(column: SQLiteColumn, query: string): SQL | undefined {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  return and(...words.map((w) => sql`${column} LIKE ${likePattern(w)} ESCAPE '\\'`));
}

const searchWords = (query: string) => foldRu(query).split(' ').filter(Boolean);
const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * matchesAllWords for a reused query (see reusedQuery): the words become placeholders w0, w1, …
 * `shape` (the word count) goes into the query's key, `values` in when it runs.
 */
export function wordSearch(column: SQLiteColumn, query: string) {
  const words = searchWords(query);
  return {
    shape: String(words.length),
    where: (): SQL | undefined =>
      words.length === 0 ? undefined : and(...words.map((_, i) => sql`${column} LIKE ${sql.placeholder(`w${i}`)} ESCAPE '\\'`)),
    values: Object.fromEntries(words.map((w, i) => [`w${i}`, likePattern(w)])) as Record<string, string>,
  };
}

/** Update timestamp in the same format as the columns' defaults. */
export const nowStamp = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** «3 специалиста», «1 мероприятии плана» etc. with the numeral in front. */
export const counted = (n: number, forms: readonly [string, string, string]) => `${n} ${plural(n, forms)}`;

// A RESTRICT reference refuses the delete from SQLite's internal trigger, so its code is
// SQLITE_CONSTRAINT_TRIGGER with a "FOREIGN KEY constraint failed" message; NO ACTION gives
// SQLITE_CONSTRAINT_FOREIGNKEY.
function isForeignKeyError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || (code === 'SQLITE_CONSTRAINT_TRIGGER' && /FOREIGN KEY/i.test(message ?? ''));
}

/**
 * The explicit usage checks name the references known today; registers added later
 * (meetings, events, publications) will reference people and organisations too. SQLite's
 * foreign keys refuse such a delete anyway, and this turns that refusal into a message the
 * user understands instead of an internal error.
 */
export function guardForeignKeys<T>(message: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isForeignKeyError(error)) throw conflict(message);
    throw error;
  }
}

/** A picker's options matching a search, at most `limit`: built once per word count and limit. */
export function optionsBySearch<R>(
  db: AppDb,
  name: string,
  column: SQLiteColumn,
  input: { search: string; limit: number },
  build: (where: SQL | undefined, limit: number) => { all(values: Record<string, unknown>): R[] },
): R[] {
  const search = wordSearch(column, input.search);
  return reusedQuery(db, `${name}:${search.shape}:${input.limit}`, () => build(search.where(), literalLimit(input.limit))).all(
    search.values,
  );
}
