import { asc, eq, getTableColumns, getTableName, inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { personFullName, searchText, sortKey, type OrganizationNames, type PersonName } from '@shared/russian';
import type { AppDb } from './open';
import {
  agendaItems,
  decisions,
  events,
  listValues,
  municipalities,
  organizations,
  people,
  planItems,
  publications,
  workingGroups,
  type ListReference,
} from './schema';
import { rebuildSearchIndex } from './search';

/**
 * Columns derived from others by the Russian text rules (@shared/russian): search texts, sort keys,
 * folded values. They are computed here and nowhere else: every write path — the services, the
 * demo data, the benchmark's generators, the test helpers — stores what these functions return,
 * `rebuildDerived` recomputes every row when the rules change (a data step in dataSteps.ts), and
 * tests/unit/foundation/derived.test.ts recomputes every row of a populated database and compares.
 * The search index (a later FTS table) is derived here too.
 */

export function personKeys(p: PersonName & { position: string; email: string }) {
  const name = personFullName(p);
  return { searchText: searchText(name, p.position, p.email), sortKey: sortKey(name), positionSortKey: sortKey(p.position) };
}

/** The full name leads the order: it is how organisations are named in official lists. */
export const organizationKeys = (o: OrganizationNames) => ({
  searchText: searchText(o.fullName, o.shortName),
  sortKey: sortKey(o.fullName),
});

export const municipalityKeys = (m: { name: string }) => ({ sortKey: sortKey(m.name) });

export const workingGroupKeys = (g: { name: string }) => ({ sortKey: sortKey(g.name) });

/** `form` is the text of the item's form (a list value): found by its words too. */
export const planItemKeys = (item: { title: string; form: string; targetAudience: string; resultNote: string }) => ({
  searchText: searchText(item.title, item.form, item.targetAudience, item.resultNote),
});

export const agendaItemKeys = (item: { title: string }) => ({ searchText: searchText(item.title) });

export const decisionKeys = (d: { text: string }) => ({ searchText: searchText(d.text) });

/**
 * An event is found by its title, type, programme, venue and organiser's name (the registry's
 * names stay out, so a renamed organisation re-derives no event); its days are its sessions'.
 */
export const eventKeys = (e: {
  title: string;
  type: string;
  programme: string | null;
  venue: string;
  organizerName: string;
  notes: string;
  firstSession: string;
  lastSession: string;
}) => ({
  searchText: searchText(e.title, e.type, e.programme ?? '', e.venue, e.organizerName, e.notes),
  sortKey: sortKey(e.title),
  firstDay: e.firstSession,
  lastDay: e.lastSession,
});

/** «Мастер-класс», «мастер класс» and «Мастер–класс» are one value of a list. */
export const listValueKeys = (v: { value: string }) => ({ foldedValue: sortKey(v.value) });

/** A publication is found by its title, authors, topic and kind's words; the catalogue lists it in title order. */
export const publicationKeys = (p: { title: string; kind: string; authors: string; topic: string; targetAudience: string }) => ({
  searchText: searchText(p.title, p.kind, p.authors, p.topic, p.targetAudience),
  sortKey: sortKey(p.title),
});

/**
 * How a table's derived columns are computed from a stored row: the query giving every row's
 * inputs (a join where one depends on another table — a plan item's form is a list value), and
 * the function above. `unique` names a derived column under a unique index, and the column
 * that index also holds (`within`: the list of a list value).
 */
interface Derivation {
  table: SQLiteTable;
  inputs(db: AppDb, where?: SQL): { id: number; input: Record<string, unknown> }[];
  derive(input: never): Record<string, string>;
  unique?: { column: string; within?: string };
}

/** Every own column of `table` (and `extra` ones) as the inputs, keyed by id. */
function ownColumns(table: SQLiteTable & { id: SQLiteColumn }, extra: Record<string, SQL> = {}) {
  return (db: AppDb, where?: SQL) =>
    db
      .select({ ...getTableColumns(table), ...extra })
      .from(table)
      .where(where)
      .orderBy(asc(table.id))
      .all()
      .map((row) => ({ id: (row as { id: number }).id, input: row as Record<string, unknown> }));
}

const listValueText = (column: SQLiteColumn) =>
  sql<string>`(SELECT ${listValues.value} FROM ${listValues} WHERE ${listValues.id} = ${column})`;
const sessionDay = (fn: 'min' | 'max') =>
  // Qualified by hand: drizzle writes a one-table select's columns unqualified, and a bare "id" in the subquery would be the session's.
  sql<string>`(SELECT ${sql.raw(fn)}("day") FROM "event_sessions" WHERE "event_sessions"."event_id" = "events"."id")`;
const kindOfPublication = sql<string>`(SELECT ${listValues.value} FROM ${listValues} WHERE ${listValues.id} = ${publications.kindId})`;

const formOfItem = sql<string>`(SELECT ${listValues.value} FROM ${listValues} WHERE ${listValues.id} = ${planItems.formId})`;

export const DERIVATIONS = {
  people: { table: people, inputs: ownColumns(people), derive: personKeys },
  organizations: { table: organizations, inputs: ownColumns(organizations), derive: organizationKeys },
  municipalities: { table: municipalities, inputs: ownColumns(municipalities), derive: municipalityKeys, unique: { column: 'sortKey' } },
  workingGroups: { table: workingGroups, inputs: ownColumns(workingGroups), derive: workingGroupKeys, unique: { column: 'sortKey' } },
  planItems: { table: planItems, inputs: ownColumns(planItems, { form: formOfItem }), derive: planItemKeys },
  agendaItems: { table: agendaItems, inputs: ownColumns(agendaItems), derive: agendaItemKeys },
  decisions: { table: decisions, inputs: ownColumns(decisions), derive: decisionKeys },
  events: {
    table: events,
    inputs: ownColumns(events, {
      type: listValueText(events.typeId),
      programme: listValueText(events.programmeId),
      firstSession: sessionDay('min'),
      lastSession: sessionDay('max'),
    }),
    derive: eventKeys,
  },
  publications: { table: publications, inputs: ownColumns(publications, { kind: kindOfPublication }), derive: publicationKeys },
  listValues: {
    table: listValues,
    inputs: ownColumns(listValues),
    derive: listValueKeys,
    unique: { column: 'foldedValue', within: 'list' },
  },
} satisfies Record<string, Derivation>;

export type DerivedTable = keyof typeof DERIVATIONS;

const derivationOf = (name: DerivedTable) => DERIVATIONS[name] as Derivation;

/** The derived values of every row (matching `where`), as stored and as the rules compute them now. */
export function derivedOfRows(db: AppDb, name: DerivedTable, where?: SQL) {
  const d = derivationOf(name);
  return d.inputs(db, where).map(({ id, input }) => {
    const expected = d.derive(input as never);
    const stored = Object.fromEntries(Object.keys(expected).map((k) => [k, input[k]]));
    return { id, input, stored, expected };
  });
}

/**
 * Keys that must stay unique (municipalities_sort_key_unique, working_groups_sort_key_unique,
 * list_values_folded_unique) but may collide when the rules change: «г. Котовск» and «г Котовск»
 * had different keys before quotes and punctuation were ignored and have one now. Both rows are
 * kept — organisations and records point at either, and deleting or merging is the user's
 * decision —: the first (by id) gets the key, each later one the key with \u0001 and its id
 * appended, which sorts right after it. Saving such a row unchanged is then refused as a
 * duplicate («уже есть в списке»), which is what tells the user.
 */
export const collidingKey = (key: string, id: number) => `${key}\u0001${id}`;

/** A row whose recomputed key was taken by another: for a user the two names are the same. */
export interface KeyCollision {
  table: string;
  id: number;
  sameAsId: number;
}

/**
 * Recomputes the derived columns of the rows matching `where` (all rows without it) and stores
 * those that differ. A unique key that changes is first parked on a value no real key takes
 * (char(0) and the id), so the unique index never sees a new key meet a row's old one halfway
 * through; then the rows get their keys by id, a key already taken (by a row not recomputed, or
 * by an earlier one) becoming collidingKey. Runs inside the caller's transaction.
 */
export function rederive(db: AppDb, name: DerivedTable, where?: SQL): KeyCollision[] {
  const d = derivationOf(name);
  const table = d.table as SQLiteTable & { id: SQLiteColumn };
  const rows = derivedOfRows(db, name, where);
  const collisions: KeyCollision[] = [];
  const unique = d.unique;
  if (unique) {
    const slot = (input: Record<string, unknown>, key: unknown) =>
      `${unique.within ? String(input[unique.within]) : ''}\u0000${String(key)}`;
    const recomputed = new Set(rows.map((r) => r.id));
    const taken = new Map<string, number>();
    for (const other of d.inputs(db)) {
      if (!recomputed.has(other.id)) taken.set(slot(other.input, other.input[unique.column]), other.id);
    }
    for (const row of rows) {
      const key = row.expected[unique.column]!;
      const owner = taken.get(slot(row.input, key));
      if (owner !== undefined) {
        collisions.push({ table: getTableName(table), id: row.id, sameAsId: owner });
        row.expected[unique.column] = collidingKey(key, row.id);
      } else taken.set(slot(row.input, key), row.id);
    }
    const moving = rows.filter((r) => r.stored[unique.column] !== r.expected[unique.column]).map((r) => r.id);
    if (moving.length) {
      db.update(table)
        .set({ [unique.column]: sql`char(0) || ${table.id}` })
        .where(inArray(table.id, moving))
        .run();
    }
  }
  const changed = rows.filter((row) => Object.keys(row.expected).some((k) => row.stored[k] !== row.expected[k]));
  if (changed.length > 0) {
    // One statement for every changed row: building drizzle's UPDATE anew per row was most of a
    // data package's recomputation (tests/bench/exchange.ts).
    const keys = Object.keys(changed[0]!.expected);
    const update = db
      .update(table)
      .set(Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])))
      .where(eq(table.id, sql.placeholder('id')))
      .prepare();
    for (const row of changed) update.run({ ...row.expected, id: row.id });
  }
  return collisions;
}

/** Recomputes every derived column of every table from the current rules. Runs inside the caller's transaction. */
export function rebuildDerived(db: AppDb): KeyCollision[] {
  // A data step of an older version runs before later migrations made a register's tables (0003's
  // rebuild on a file that predates events): a table not there yet has no rows to recompute.
  const present = new Set(
    (db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name),
  );
  const collisions = (Object.keys(DERIVATIONS) as DerivedTable[])
    .filter((name) => present.has(getTableName(DERIVATIONS[name].table)))
    .flatMap((name) => rederive(db, name));
  // The triggers kept the search index in step row by row; rebuilt whole, its buckets follow the new keys.
  rebuildSearchIndex(db.$client);
  return collisions;
}

/**
 * The data package's derived columns: its rows come from this application's own database, whose
 * derived columns this version keeps in step, so only the rows whose package policy replaced a
 * value (a contact left out without consent) are recomputed, by table — their search text must
 * not keep what was left out. The package carries no search index: it is derived, and the
 * coordinator's copy is rebuilt from the records when she opens it (exchange/openPackage.ts).
 */
export function rederivePackaged(db: AppDb, changedRows: ReadonlyMap<string, readonly number[]>): void {
  for (const name of Object.keys(DERIVATIONS) as DerivedTable[]) {
    const table = DERIVATIONS[name].table as SQLiteTable & { id: SQLiteColumn };
    const ids = changedRows.get(getTableName(table)) ?? [];
    // The ids bound once as one JSON array: thousands of people are one statement.
    if (ids.length > 0) rederive(db, name, sql`${table.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  }
}

/**
 * After a list value is renamed: the rows whose derived columns include its text (a plan item
 * is found by its form's words) are recomputed. The references are the registers' declarations.
 */
export function rederiveUsers(db: AppDb, references: readonly ListReference[], valueId: number): void {
  for (const reference of references) {
    const name = (Object.keys(DERIVATIONS) as DerivedTable[]).find(
      (n) => getTableName(DERIVATIONS[n].table) === getTableName(reference.column.table),
    );
    if (name) rederive(db, name, eq(reference.column, valueId));
  }
}

/** Which columns the derivations own, by SQL table and column name: the migration tests compare everything else. */
export const DERIVED_COLUMNS: Record<string, string[]> = Object.fromEntries(
  (Object.keys(DERIVATIONS) as DerivedTable[]).map((name) => {
    const d = derivationOf(name);
    const columns = getTableColumns(d.table) as Record<string, SQLiteColumn>;
    // Any input gives the same keys; an empty text for every field is the simplest.
    const keys = Object.keys((d.derive as (i: unknown) => Record<string, string>)(new Proxy({}, { get: () => '' })));
    return [getTableName(d.table), keys.map((k) => columns[k]!.name)];
  }),
);
