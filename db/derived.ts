import { asc, eq, sql } from 'drizzle-orm';
import { personFullName, searchText, sortKey, type OrganizationNames, type PersonName } from '@shared/russian';
import type { AppDb } from './open';
import { agendaItems, decisions, municipalities, organizations, people, planItems, workingGroups } from './schema';

/**
 * Columns derived from others by the Russian text rules (@shared/russian): the search texts and
 * the sort keys. The services write them through these functions on every change; rebuildDerived
 * recomputes every row when the rules change (a data step in dataSteps.ts).
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

export const planItemSearchText = (item: { title: string; form: string; targetAudience: string; resultNote: string }) =>
  searchText(item.title, item.form, item.targetAudience, item.resultNote);

/**
 * Keys that must stay unique (municipalities_sort_key_unique, working_groups_sort_key_unique) but
 * may collide when the rules change: «г. Котовск» and «г Котовск» had different keys before quotes and punctuation were
 * ignored and have one now. Both rows are kept — organisations point at either, and deleting or
 * merging is the user's decision —: the first (by id) gets the key, each later one the key with
 * \u0001 and its id appended, which sorts right after it. Saving such a row unchanged is then
 * refused as a duplicate («уже есть в списке»), which is what tells the user.
 */
export const collidingKey = (key: string, id: number) => `${key}\u0001${id}`;

/** A row whose recomputed key was taken by another: for a user the two names are the same. */
export interface KeyCollision {
  id: number;
  name: string;
  sameAsId: number;
}

export interface RebuildReport {
  municipalityCollisions: KeyCollision[];
  workingGroupCollisions: KeyCollision[];
}

/**
 * Recomputes a unique sort key of every row. Every key is first parked on a value no real key
 * takes, so the unique index never sees a new key meet a row's old one halfway through.
 */
function rebuildUniqueKeys(db: AppDb, table: typeof municipalities | typeof workingGroups): KeyCollision[] {
  db.update(table)
    .set({ sortKey: sql`char(0) || ${table.id}` })
    .run();
  const collisions: KeyCollision[] = [];
  const taken = new Map<string, number>();
  for (const row of db.select({ id: table.id, name: table.name }).from(table).orderBy(asc(table.id)).all()) {
    const key = sortKey(row.name);
    const owner = taken.get(key);
    if (owner !== undefined) collisions.push({ id: row.id, name: row.name, sameAsId: owner });
    else taken.set(key, row.id);
    db.update(table)
      .set({ sortKey: owner === undefined ? key : collidingKey(key, row.id) })
      .where(eq(table.id, row.id))
      .run();
  }
  return collisions;
}

/** Recomputes every derived column from the current rules. Runs inside the caller's transaction. */
export function rebuildDerived(db: AppDb): RebuildReport {
  for (const p of db.select().from(people).all()) {
    db.update(people).set(personKeys(p)).where(eq(people.id, p.id)).run();
  }
  for (const o of db.select().from(organizations).all()) {
    db.update(organizations).set(organizationKeys(o)).where(eq(organizations.id, o.id)).run();
  }
  for (const item of db.select().from(planItems).all()) {
    db.update(planItems)
      .set({ searchText: planItemSearchText(item) })
      .where(eq(planItems.id, item.id))
      .run();
  }
  for (const a of db.select({ id: agendaItems.id, title: agendaItems.title }).from(agendaItems).all()) {
    db.update(agendaItems)
      .set({ searchText: searchText(a.title) })
      .where(eq(agendaItems.id, a.id))
      .run();
  }
  for (const d of db.select({ id: decisions.id, text: decisions.text }).from(decisions).all()) {
    db.update(decisions)
      .set({ searchText: searchText(d.text) })
      .where(eq(decisions.id, d.id))
      .run();
  }

  return { municipalityCollisions: rebuildUniqueKeys(db, municipalities), workingGroupCollisions: rebuildUniqueKeys(db, workingGroups) };
}

/** Which columns rebuildDerived owns, by table: the migration tests compare everything else. */
export const DERIVED_COLUMNS: Record<string, string[]> = {
  people: ['search_text', 'sort_key', 'position_sort_key'],
  organizations: ['search_text', 'sort_key'],
  municipalities: ['sort_key'],
  working_groups: ['sort_key'],
  plan_items: ['search_text'],
  agenda_items: ['search_text'],
  decisions: ['search_text'],
};
