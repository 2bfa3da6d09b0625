import type Database from 'better-sqlite3';

/**
 * The search index: SQLite FTS5 over the folded `search_text` of the registers' records
 * (@shared/russian searchText), so a search finds its first page in milliseconds at ten years of
 * data instead of a LIKE scan. Design and measurements: /work/notes/fts.md (design B).
 *
 * - `<entity>_fts`: trigram table of the search text. A query word of three characters or more
 *   is a phrase of consecutive trigrams, which is exactly a substring test.
 * - `<entity>_grams`: the distinct one- and two-character grams of the text as tokens, for the
 *   query words the trigram tokenizer cannot see (it gives them no token and FTS5 silently drops
 *   them from an AND).
 * - An ordered register (its lists sort by `sort_key`) indexes a row under `search_rowid =
 *   bucket · 2^20 + slot` (`<entity>_search_rows`), where the buckets cut the sort_key order into
 *   runs of about 64 rows (`search_buckets`). FTS5 yields matches in rowid order, that is in
 *   bucket order, so the first page needs the matches up to the bucket of the (offset+limit)-th
 *   match only (electron/services/common/search.ts). Other registers index a row under its id.
 *
 * The triggers of migration 0010 keep both tables in step with every write (a cascade, an undo
 * re-insert, a bulk update); they call `search_grams()`, which every connection registers
 * (`registerSearchFunctions`). The full rebuild here serves the first build, the recompute of
 * every derived column (db/derived.ts) and the rebalancing of buckets grown far past their size.
 */

/** Slots per bucket: a bucket starts with about BUCKET_ROWS rows and never realistically fills. */
export const SEARCH_SPAN = 2 ** 20;
const BUCKET_ROWS = 64;
/** A bucket grown to this many rows on average makes the next start rebuild the buckets. */
const REBALANCE_ROWS = 4 * BUCKET_ROWS;

/** The registers whose records are in the index, with their entity table. */
export const ORDERED_SEARCH = ['people', 'organizations'] as const;
export const PLAIN_SEARCH = ['plan_items', 'publications', 'events'] as const;
export type OrderedSearchEntity = (typeof ORDERED_SEARCH)[number];
export type SearchEntity = OrderedSearchEntity | (typeof PLAIN_SEARCH)[number];

// Each character as its code point in base 36, padded to 4 (36^4 > 0x10FFFF): a token of [0-9a-z]
// only, which FTS5's ascii tokenizer keeps whole, and a one-character token never equals a
// two-character one. «ли» → 00u300u0.
const codes = new Map<string, string>();
function code36(ch: string): string {
  let code = codes.get(ch);
  if (code === undefined) codes.set(ch, (code = ch.codePointAt(0)!.toString(36).padStart(4, '0')));
  return code;
}

/** The token of a one- or two-character query word. */
export const gramToken = (word: string): string => Array.from(word, code36).join('');

/**
 * The distinct grams of a search text as tokens: every character and every pair of adjacent
 * characters within a word (query words never hold a space, so pairs across one are left out).
 * A word of one or two characters occurs in the text exactly when its token is here.
 */
export function gramTokens(text: string): string {
  const seen = new Set<string>();
  let previous = '';
  for (const ch of text) {
    if (ch === ' ') {
      previous = '';
      continue;
    }
    const code = code36(ch);
    seen.add(code);
    if (previous) seen.add(previous + code);
    previous = code;
  }
  return [...seen].join(' ');
}

/** What the index's triggers call: registered on every connection before it writes. */
export function registerSearchFunctions(sqlite: Database.Database): void {
  sqlite.function('search_grams', { deterministic: true }, (text: unknown) => gramTokens(typeof text === 'string' ? text : ''));
}

/** Whether the database has the index yet (migrations 0009 and 0010; a test may open one from before). */
const hasIndex = (sqlite: Database.Database) =>
  sqlite
    .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('search_buckets', 'plan_items_grams')")
    .pluck()
    .get() === 2;

/**
 * Builds an ordered register's part of the index anew: bucket boundaries from the current
 * sort_key order (a new bucket starts at a key's first row, so equal keys share a bucket, as the
 * triggers' `lower_key <= sort_key` rule puts them), slots handed out in that order, both FTS5
 * tables refilled in rowid order (FTS5 then only appends) and optimised. Runs inside the caller's
 * transaction, if any. About 45 µs a row.
 */
function rebuildOrdered(sqlite: Database.Database, entity: OrderedSearchEntity): void {
  const rows = sqlite.prepare(`SELECT id, sort_key AS key FROM ${entity} ORDER BY sort_key, id`).all() as { id: number; key: string }[];
  sqlite.prepare('DELETE FROM search_buckets WHERE entity = ?').run(entity);
  sqlite.exec(`DELETE FROM ${entity}_search_rows;
    INSERT INTO ${entity}_fts(${entity}_fts) VALUES ('delete-all');
    INSERT INTO ${entity}_grams(${entity}_grams) VALUES ('delete-all');`);
  const bucketRow = sqlite.prepare('INSERT INTO search_buckets (entity, lower_key, bucket) VALUES (?, ?, ?)');
  const slotRow = sqlite.prepare(`INSERT INTO ${entity}_search_rows (search_rowid, id) VALUES (?, ?)`);
  bucketRow.run(entity, '', 0);
  let bucket = 0;
  let slot = 0;
  rows.forEach((row, i) => {
    if (slot >= BUCKET_ROWS && row.key !== rows[i - 1]!.key) {
      bucketRow.run(entity, row.key, ++bucket);
      slot = 0;
    }
    slotRow.run(bucket * SEARCH_SPAN + slot++, row.id);
  });
  sqlite.exec(`INSERT INTO ${entity}_fts (rowid, search_text)
      SELECT s.search_rowid, e.search_text FROM ${entity}_search_rows s JOIN ${entity} e ON e.id = s.id ORDER BY s.search_rowid;
    INSERT INTO ${entity}_grams (rowid, grams)
      SELECT s.search_rowid, search_grams(e.search_text) FROM ${entity}_search_rows s JOIN ${entity} e ON e.id = s.id ORDER BY s.search_rowid;
    INSERT INTO ${entity}_fts(${entity}_fts) VALUES ('optimize');
    INSERT INTO ${entity}_grams(${entity}_grams) VALUES ('optimize');`);
}

function rebuildPlain(sqlite: Database.Database, entity: (typeof PLAIN_SEARCH)[number]): void {
  // A data step of an older version runs before a later migration made this register's part.
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(`${entity}_fts`)) return;
  sqlite.exec(`INSERT INTO ${entity}_fts(${entity}_fts) VALUES ('delete-all');
    INSERT INTO ${entity}_grams(${entity}_grams) VALUES ('delete-all');
    INSERT INTO ${entity}_fts (rowid, search_text) SELECT id, search_text FROM ${entity} ORDER BY id;
    INSERT INTO ${entity}_grams (rowid, grams) SELECT id, search_grams(search_text) FROM ${entity} ORDER BY id;
    INSERT INTO ${entity}_fts(${entity}_fts) VALUES ('optimize');
    INSERT INTO ${entity}_grams(${entity}_grams) VALUES ('optimize');`);
}

/** Rebuilds the whole index (a database without it yet, from before migration 0010, is left alone). */
export function rebuildSearchIndex(sqlite: Database.Database): void {
  if (!hasIndex(sqlite)) return;
  for (const entity of ORDERED_SEARCH) rebuildOrdered(sqlite, entity);
  for (const entity of PLAIN_SEARCH) rebuildPlain(sqlite, entity);
}

/**
 * Runs `work` with the index's triggers set aside, on a database being built from another's rows
 * (db/rebuild.ts: a restore, a data package), whose index is rebuilt whole afterwards
 * (`rebuildDerived`). The triggers index each row as it is written — a slot in its bucket, a
 * trigram and a bigram entry —, work the rebuild does again for every row: the copy of a package
 * spent most of its time in them. An index left short meanwhile is safe for the triggers that run
 * before the rebuild (a migration, a data step): a contentless FTS5 table deletes an absent rowid as
 * nothing. The triggers come back with their own SQL text, so the schema stays the migrations' own.
 * Only for a connection nothing else writes through while it runs.
 */
export function withoutSearchTriggers<T>(sqlite: Database.Database, work: () => T): T {
  const entities: readonly string[] = [...ORDERED_SEARCH, ...PLAIN_SEARCH];
  const triggers = (
    sqlite.prepare(`SELECT name, tbl_name AS tableName, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all() as {
      name: string;
      tableName: string;
      sql: string;
    }[]
  ).filter((t) => entities.includes(t.tableName) && t.name === `${t.tableName}_search_${t.name.slice(t.name.lastIndexOf('_') + 1)}`);
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  try {
    return work();
  } finally {
    for (const t of triggers) sqlite.exec(t.sql);
  }
}

/**
 * At start-up: an ordered register whose buckets hold on average REBALANCE_ROWS rows or more (an
 * empty database that has grown, a large import) gets its buckets rebuilt, so a first page again
 * sorts about one bucket's matches beyond itself. Grows by 4× between rebuilds, so it is rare.
 * Answers the registers rebuilt.
 */
export function rebalanceSearchIndex(sqlite: Database.Database): OrderedSearchEntity[] {
  if (!hasIndex(sqlite)) return [];
  const rebuilt: OrderedSearchEntity[] = [];
  for (const entity of ORDERED_SEARCH) {
    const rows = sqlite.prepare(`SELECT count(*) FROM ${entity}_search_rows`).pluck().get() as number;
    const buckets = sqlite.prepare('SELECT count(*) FROM search_buckets WHERE entity = ?').pluck().get(entity) as number;
    if (rows < REBALANCE_ROWS * Math.max(1, buckets)) continue;
    sqlite.transaction(() => rebuildOrdered(sqlite, entity)).immediate();
    rebuilt.push(entity);
  }
  return rebuilt;
}

const OVERFLOW = 'Индекс поиска переполнен: перезапустите приложение, он будет перестроен';

/**
 * Indexes the rows of an ordered register written after `afterId` that are not indexed yet, as its
 * insert trigger would have one by one: each in the bucket of its sort key (the trigger's
 * `lower_key <= sort_key` rule, in SQL so the comparison is SQLite's), on the next free slots of
 * that bucket, then both FTS5 tables filled in one statement each.
 */
function indexNewRows(sqlite: Database.Database, entity: OrderedSearchEntity, afterId: number): void {
  const fresh = sqlite
    .prepare(
      `SELECT e.id, coalesce((SELECT bucket FROM search_buckets WHERE entity = ? AND lower_key <= e.sort_key ORDER BY lower_key DESC LIMIT 1), 0) AS bucket
         FROM ${entity} e WHERE e.id > ? AND NOT EXISTS (SELECT 1 FROM ${entity}_search_rows s WHERE s.id = e.id)
         ORDER BY bucket, e.sort_key, e.id`,
    )
    .raw()
    .all(entity, afterId) as [number, number][];
  if (fresh.length === 0) return;
  const lastSlot = sqlite
    .prepare(`SELECT max(search_rowid) FROM ${entity}_search_rows WHERE search_rowid >= ? AND search_rowid < ?`)
    .pluck();
  const slots: [number, number][] = [];
  let bucket = -1;
  let next = 0;
  for (const [id, b] of fresh) {
    if (b !== bucket) {
      bucket = b;
      const last = lastSlot.get(b * SEARCH_SPAN, (b + 1) * SEARCH_SPAN) as number | null;
      next = last === null ? b * SEARCH_SPAN : last + 1;
    }
    if (next >= (b + 1) * SEARCH_SPAN) throw new Error(OVERFLOW);
    slots.push([next++, id]);
  }
  // One JSON array bound once instead of a statement per row (json_each: SQLite's own way to take a list).
  const list = JSON.stringify(slots);
  sqlite.prepare(`INSERT INTO ${entity}_search_rows (search_rowid, id) SELECT value ->> 0, value ->> 1 FROM json_each(?)`).run(list);
  sqlite
    .prepare(
      `INSERT INTO ${entity}_fts (rowid, search_text) SELECT j.value ->> 0, e.search_text FROM json_each(?) j JOIN ${entity} e ON e.id = j.value ->> 1`,
    )
    .run(list);
  sqlite
    .prepare(
      `INSERT INTO ${entity}_grams (rowid, grams) SELECT j.value ->> 0, search_grams(e.search_text) FROM json_each(?) j JOIN ${entity} e ON e.id = j.value ->> 1`,
    )
    .run(list);
}

/**
 * Runs a bulk write of new rows (an imported list of thousands) with the insert triggers of
 * `entities` suspended (migration 0024), then indexes its new rows in one pass: 6,700 people
 * indexed by the trigger row by row cost about 150–280 ms, in one pass about 100 ms. Inside a
 * savepoint of its own, so the suspension never outlives the write: a throw rolls back the rows,
 * the suspension and all; a search right after the write finds the new rows. A nested call for a
 * register already suspended just writes (the outer one indexes). Updates and deletes inside the
 * write keep their triggers.
 */
export function withSearchIndexDeferred<T>(sqlite: Database.Database, entities: readonly OrderedSearchEntity[], write: () => T): T {
  return sqlite.transaction(() => {
    const suspend = sqlite.prepare('INSERT OR IGNORE INTO search_suspended (entity) VALUES (?)');
    // New rows only ever get larger ids (AUTOINCREMENT): what is above today's largest is the write's.
    const suspended = entities.flatMap((entity) => {
      const afterId = sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${entity}`).pluck().get() as number;
      return suspend.run(entity).changes === 1 ? [{ entity, afterId }] : [];
    });
    const result = write();
    for (const { entity, afterId } of suspended) {
      sqlite.prepare('DELETE FROM search_suspended WHERE entity = ?').run(entity);
      indexNewRows(sqlite, entity, afterId);
    }
    return result;
  })();
}

/**
 * The index's own tables (FTS5 tables and their shadow tables, buckets, slots): kept by the
 * triggers, not records. The undo journal and a data package's record counts leave them out.
 */
export const isSearchIndexTable = (name: string): boolean =>
  name === 'search_buckets' || name === 'search_suspended' || /_(search_rows|fts|grams)(_(data|idx|config|docsize|content))?$/.test(name);
