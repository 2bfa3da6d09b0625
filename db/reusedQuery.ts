import { sql } from 'drizzle-orm';
import type { AppDb } from './open';

/**
 * Query building that every register's list calls share: a query of one shape is built once
 * per connection and run with new placeholder values, instead of drizzle building its SQL text
 * on every call.
 */

/**
 * A LIMIT written into the SQL text of a reused query (the query's key must then name it).
 * With SQLite 3.53 a bound LIMIT makes every run of a kept statement cost about what a fresh
 * prepare costs (measured at the reference scale: 0.068 against 0.044 ms for a people page,
 * the same plan; the planner looks at a bound LIMIT's value, so a new binding expires the
 * statement). A literal LIMIT keeps it prepared; a bound OFFSET costs nothing extra. drizzle types `limit()` as number or placeholder, but writes any SQL
 * chunk it is given into the text (sqlite-core dialect, buildLimit), hence the cast.
 */
export function literalLimit(n: number): number {
  if (!Number.isSafeInteger(n)) throw new Error(`LIMIT must be an integer, got ${n}`);
  return sql.raw(String(n)) as unknown as number;
}

/** How many query shapes each connection keeps built (a handful per list screen and filter mix). */
const REUSED_QUERIES_PER_CONNECTION = 100;
const reusedByConnection = new WeakMap<AppDb, Map<string, unknown>>();

/**
 * drizzle builds a query's SQL text anew on every call: about 0.1–0.15 ms for a list query at
 * the reference scale (tests/bench), as much as the query itself takes to run on an indexed
 * filter. Calls of the same shape (which filters are set, how many search words, which order)
 * produce the same text, so such a query is built once per shape with `sql.placeholder` for
 * every value and kept as drizzle's prepared query of this connection (a restore opens a new
 * connection, and with it a new set). `key` must name everything that changes the SQL text;
 * the values go in as the placeholders' values when the query runs.
 */
export function reusedQuery<Q>(db: AppDb, key: string, build: () => Q): Q {
  let queries = reusedByConnection.get(db);
  if (!queries) reusedByConnection.set(db, (queries = new Map()));
  let query = queries.get(key) as Q | undefined;
  if (query === undefined) {
    query = build();
    if (queries.size >= REUSED_QUERIES_PER_CONNECTION) queries.delete(queries.keys().next().value!);
  } else {
    queries.delete(key);
  }
  queries.set(key, query);
  return query;
}
