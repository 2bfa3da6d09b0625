import type Database from 'better-sqlite3';
import type { OrderedList } from './schema';
import type { AppDb } from './open';

/**
 * Moving rows within an ordered list (schema/rules.ts `positionRules`: positions unique within
 * the parent and positive). SQLite checks a unique index row by row as an UPDATE goes, so
 * `SET position = position + 1` fails as soon as it moves a row onto its neighbour. Every change
 * here is made in two phases: the rows that move are first parked above every position of the
 * list (still positive, still distinct), then put in their places. The services and the undo
 * journal use these and never write positions arithmetic of their own.
 */

type SqlValue = string | number | bigint | null;
/** The parent's columns and values that pick one list: `{ meeting_id: 7 }`. */
export type ListScope = Record<string, SqlValue>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function parts(list: OrderedList, scope: ListScope) {
  const missing = list.scope.filter((c) => !(c in scope));
  if (missing.length) throw new Error(`${list.table}: the list's scope needs ${missing.join(', ')}`);
  return {
    table: quote(list.table),
    column: quote(list.column),
    where: list.scope.map((c) => `${quote(c)} IS ?`).join(' AND '),
    params: list.scope.map((c) => scope[c] ?? null),
  };
}

const clientOf = (db: AppDb | Database.Database): Database.Database => ('$client' in db ? db.$client : db);

function maxPosition(sqlite: Database.Database, list: OrderedList, scope: ListScope): number {
  const p = parts(list, scope);
  return (
    (sqlite
      .prepare(`SELECT max(${p.column}) FROM ${p.table} WHERE ${p.where}`)
      .pluck()
      .get(...p.params) as number | null) ?? 0
  );
}

/** The position after the last one: where a new row of the list goes. */
export function nextPosition(db: AppDb | Database.Database, list: OrderedList, scope: ListScope): number {
  return maxPosition(clientOf(db), list, scope) + 1;
}

/** Moves the rows at `from` and after by `delta` (+1 makes room at `from`, -1 closes the gap before it). */
function shift(sqlite: Database.Database, list: OrderedList, scope: ListScope, from: number, delta: 1 | -1): void {
  const p = parts(list, scope);
  const above = maxPosition(sqlite, list, scope) + 1;
  // Parked at position + delta + above: every parked value is above every value left in place.
  sqlite
    .prepare(`UPDATE ${p.table} SET ${p.column} = ${p.column} + ? WHERE ${p.where} AND ${p.column} >= ?`)
    .run(delta + above, ...p.params, from);
  sqlite
    .prepare(`UPDATE ${p.table} SET ${p.column} = ${p.column} - ? WHERE ${p.where} AND ${p.column} >= ?`)
    .run(above, ...p.params, above);
}

/** Makes room for a row at `at`: it and the rows after it move one place down. */
export function makeRoom(db: AppDb | Database.Database, list: OrderedList, scope: ListScope, at: number): void {
  shift(clientOf(db), list, scope, at, 1);
}

/** Closes the gap a row left at `removed`: the rows after it move one place up. */
export function closeGap(db: AppDb | Database.Database, list: OrderedList, scope: ListScope, removed: number): void {
  shift(clientOf(db), list, scope, removed + 1, -1);
}

/** Exchanges the places of two rows of one list (by rowid: the tables' integer id). */
export function swapPositions(db: AppDb | Database.Database, list: OrderedList, scope: ListScope, a: number, b: number): void {
  const sqlite = clientOf(db);
  const p = parts(list, scope);
  const at = (rowid: number) =>
    sqlite
      .prepare(`SELECT ${p.column} FROM ${p.table} WHERE rowid = ? AND ${p.where}`)
      .pluck()
      .get(rowid, ...p.params) as number | undefined;
  const pa = at(a);
  const pb = at(b);
  if (pa === undefined || pb === undefined) throw new Error(`${list.table}: rows ${a} and ${b} are not both in the list`);
  const above = maxPosition(sqlite, list, scope) + 1;
  const set = sqlite.prepare(`UPDATE ${p.table} SET ${p.column} = ? WHERE rowid = ?`);
  set.run(pb + above, a);
  set.run(pa, b);
  set.run(pb, a);
}

/**
 * Parks every row of the list above the positions 1..`count` the caller is about to give out
 * (the rows it keeps get theirs by UPDATE, new rows by INSERT, in any order): for lists saved
 * whole, like an agenda item's decisions. A row the caller gives no place stays parked, so it
 * must be deleted or placed.
 */
export function parkAll(db: AppDb | Database.Database, list: OrderedList, scope: ListScope, count: number): void {
  const sqlite = clientOf(db);
  const p = parts(list, scope);
  const above = Math.max(maxPosition(sqlite, list, scope), count) + 1;
  sqlite.prepare(`UPDATE ${p.table} SET ${p.column} = ${p.column} + ? WHERE ${p.where}`).run(above, ...p.params);
}

/** Positions 1..n in the current order (position, then rowid): after rows left the list in bulk. */
export function renumber(db: AppDb | Database.Database, list: OrderedList, scope: ListScope): void {
  const sqlite = clientOf(db);
  const p = parts(list, scope);
  const rowids = sqlite
    .prepare(`SELECT rowid FROM ${p.table} WHERE ${p.where} ORDER BY ${p.column}, rowid`)
    .pluck()
    .all(...p.params) as number[];
  parkAll(sqlite, list, scope, rowids.length);
  const set = sqlite.prepare(`UPDATE ${p.table} SET ${p.column} = ? WHERE rowid = ?`);
  rowids.forEach((rowid, i) => set.run(i + 1, rowid));
}
