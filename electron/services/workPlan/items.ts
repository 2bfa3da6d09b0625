import { and, eq, inArray, lte, gte, sql, type SQL } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { recordDeletion } from '@db/journal';
import { listValues, organizations, people, planItemOrder, planItemPartners, planItemResponsibles, planItems, workPlans } from '@db/schema';
import { DomainError, invalid } from '@main/api/errors';
import type { PlanItem, PlanItemData, PlanItemLink } from '@shared/contract/workPlan';
import { DIRECTIONS, type Direction, type PlanStatus } from '@shared/enums';
import { organizationDisplayName, sortedByKey, surnameWithInitials } from '@shared/russian';
import { indexedSearch } from '@main/services/common/search';
import { planItemKeys } from '@db/derived';
import { closeGap, nextPosition, swapPositions } from '@db/positions';
import { requireListValue } from '@main/services/lists';
import { reusedQuery } from '@db/reusedQuery';
import { requirePlan } from './plans';
import { closedByRecord, derivedStatus, loadRealisations, statusShown } from './realisations';
import { formatTerm, quarterSpan, readTerm, storeTerm, termYearError } from './terms';

export const itemNotFound = () => new DomainError('not_found', 'Мероприятие плана не найдено или уже удалено');

export interface ItemsFilter {
  year: number;
  direction?: Direction | null;
  status?: PlanStatus | null;
  quarter?: number | null;
  responsibleId?: number | null;
  search?: string;
  /** Only the first this many of the matching items, in plan order (the screen's first paint); all when absent. */
  first?: number | null;
}

const itemColumns = {
  id: planItems.id,
  planId: planItems.planId,
  year: workPlans.year,
  direction: planItems.direction,
  position: planItems.position,
  title: planItems.title,
  formId: planItems.formId,
  form: listValues.value,
  termKind: planItems.termKind,
  termValue: planItems.termValue,
  termStart: planItems.termStart,
  termEnd: planItems.termEnd,
  targetAudience: planItems.targetAudience,
  status: planItems.status,
  resultNote: planItems.resultNote,
  recurring: planItems.recurring,
};

export const directionNumber = (direction: Direction) => DIRECTIONS.indexOf(direction) + 1;

/** The plan's order in SQL, as `queryItems` sorts it: the direction's place in DIRECTIONS, then the position in it. */
const planOrder = () =>
  sql`case ${planItems.direction} ${sql.join(
    DIRECTIONS.map((d, i) => sql`when ${d} then ${i}`),
    sql` `,
  )} end, ${planItems.position}`;

/** Links grouped by item id, each list in Russian alphabetical order. */
function groupLinks<R extends { itemId: number; id: number }>(rows: R[], label: (row: R) => string): Map<number, PlanItemLink[]> {
  const byItem = new Map<number, PlanItemLink[]>();
  // Sorted once as a whole (each label's key computed once), then split by item in that order.
  for (const { row, text } of sortedByKey(
    rows.map((row) => ({ row, text: label(row) })),
    (x) => x.text,
  )) {
    const list = byItem.get(row.itemId) ?? [];
    list.push({ id: row.id, label: text });
    byItem.set(row.itemId, list);
  }
  return byItem;
}

/** Placeholder values of a reused items query (see reusedQuery). */
type Values = Record<string, unknown>;

/**
 * Responsible people and partner organisations of the items matched by `where`, by item id.
 * `shape` names the filter shape `where` builds, for reusing the built queries.
 */
function loadLinks(db: AppDb, shape: string, where: () => SQL, values: Values) {
  const personRows = reusedQuery(db, `workPlan.responsibles:${shape}`, () =>
    db
      .select({
        itemId: planItemResponsibles.planItemId,
        id: people.id,
        last: people.lastName,
        first: people.firstName,
        middle: people.middleName,
      })
      .from(planItemResponsibles)
      .innerJoin(planItems, eq(planItems.id, planItemResponsibles.planItemId))
      .innerJoin(people, eq(people.id, planItemResponsibles.personId))
      .where(where())
      .prepare(),
  ).all(values);
  const orgRows = reusedQuery(db, `workPlan.partners:${shape}`, () =>
    db
      .select({ itemId: planItemPartners.planItemId, id: organizations.id, short: organizations.shortName, full: organizations.fullName })
      .from(planItemPartners)
      .innerJoin(planItems, eq(planItems.id, planItemPartners.planItemId))
      .innerJoin(organizations, eq(organizations.id, planItemPartners.organizationId))
      .where(where())
      .prepare(),
  ).all(values);
  return {
    responsibles: groupLinks(personRows, (r) => surnameWithInitials({ lastName: r.last, firstName: r.first, middleName: r.middle })),
    partners: groupLinks(orgRows, (r) => organizationDisplayName({ shortName: r.short, fullName: r.full })),
  };
}

/** How many items each direction of a plan holds: the last position, since positions are kept 1..n. */
function directionSizes(db: AppDb, planId: number): Map<Direction, number> {
  const rows = reusedQuery(db, 'workPlan.directionSizes', () =>
    db
      .select({ direction: planItems.direction, n: sql<number>`count(*)` })
      .from(planItems)
      .where(eq(planItems.planId, sql.placeholder('planId')))
      .groupBy(planItems.direction)
      .prepare(),
  ).all({ planId });
  return new Map(rows.map((r) => [r.direction, r.n]));
}

type ItemRow = { [K in keyof typeof itemColumns]: (typeof itemColumns)[K]['_']['data'] };

/** The items matched by `where` (a filter of the given shape, see loadLinks) with their links, in plan order. */
function queryItems(db: AppDb, shape: string, where: () => SQL, values: Values, planId?: number): PlanItem[] {
  const rows: ItemRow[] = reusedQuery(db, `workPlan.items:${shape}`, () =>
    db
      .select(itemColumns)
      .from(planItems)
      .innerJoin(workPlans, eq(workPlans.id, planItems.planId))
      .innerJoin(listValues, eq(listValues.id, planItems.formId))
      .where(where())
      .prepare(),
  ).all(values);
  const first = rows[0];
  if (!first) return [];
  const { responsibles, partners } = loadLinks(db, shape, where, values);
  const realisations = loadRealisations(db, shape, where, values);
  const sizes = directionSizes(db, planId ?? first.planId);
  return rows
    .map((r): PlanItem => {
      const term = readTerm(r.termKind, r.termValue);
      const records = realisations.get(r.id) ?? [];
      return {
        id: r.id,
        year: r.year,
        direction: r.direction,
        position: r.position,
        number: `${directionNumber(r.direction)}.${r.position}`,
        title: r.title,
        formId: r.formId,
        form: r.form,
        term,
        termLabel: formatTerm(term),
        termStart: r.termStart,
        termEnd: r.termEnd,
        targetAudience: r.targetAudience,
        status: statusShown(r, records),
        ownStatus: r.status,
        resultNote: r.resultNote,
        recurring: r.recurring,
        closedByRecord: closedByRecord(r),
        realisations: records,
        responsibles: responsibles.get(r.id) ?? [],
        partners: partners.get(r.id) ?? [],
        isFirst: r.position === 1,
        isLast: r.position >= (sizes.get(r.direction) ?? 0),
      };
    })
    .sort((a, b) => directionNumber(a.direction) - directionNumber(b.direction) || a.position - b.position);
}

/**
 * The year's items matching the filters. The quarter filter keeps every item whose term
 * overlaps the quarter, so a whole-year or a month item shows wherever it is due.
 */
export function listItems(db: AppDb, filter: ItemsFilter): PlanItem[] {
  const plan = requirePlan(db, filter.year);
  // Every word must occur somewhere, as in the registry's lists: «семинар педагогов» finds «Семинар для педагогов».
  const search = indexedSearch(db, 'plan_items', filter.search ?? '');
  const [quarterStart, quarterEnd] = filter.quarter ? quarterSpan(plan.year, filter.quarter) : [];
  // The word count is part of the shape: each word adds a condition to the SQL text.
  const shape = [
    filter.direction && 'direction',
    filter.status && 'status',
    filter.quarter && 'quarter',
    filter.responsibleId && 'responsible',
    search.shape,
    filter.first && 'first',
  ]
    .filter(Boolean)
    .join(',');
  const where = () => {
    const p = (name: string) => sql.placeholder(name);
    const conditions: SQL[] = [eq(planItems.planId, p('planId'))];
    if (filter.direction) conditions.push(eq(planItems.direction, p('direction')));
    // The status the plan shows: an item closed by a held meeting is found under «выполнено».
    if (filter.status) conditions.push(sql`${derivedStatus} = ${p('status')}`);
    if (filter.quarter) conditions.push(lte(planItems.termStart, p('quarterEnd')), gte(planItems.termEnd, p('quarterStart')));
    if (filter.responsibleId) {
      conditions.push(
        sql`exists (select 1 from ${planItemResponsibles} where ${planItemResponsibles.planItemId} = ${planItems.id} and ${planItemResponsibles.personId} = ${p('responsibleId')})`,
      );
    }
    const matching = search.where(planItems.id);
    if (matching) conditions.push(matching);
    const matched = and(...conditions)!;
    if (!filter.first) return matched;
    // The first items only: chosen in plan order inside SQL, so their links and realisations are
    // read for those items alone (a year at ten years of data holds 2,000 items; the screen paints 40 first).
    return sql`${planItems.id} in (select ${planItems.id} from ${planItems} where ${matched} order by ${planOrder()} limit ${p('first')})`;
  };
  const values: Values = {
    planId: plan.id,
    direction: filter.direction,
    status: filter.status,
    quarterStart,
    quarterEnd,
    responsibleId: filter.responsibleId,
    first: filter.first,
    ...search.values,
  };
  return queryItems(db, `year:${shape}`, where, values, plan.id);
}

export function getItem(db: AppDb, input: { id: number }): PlanItem {
  const item = queryItems(db, 'id', () => eq(planItems.id, sql.placeholder('id')), { id: input.id })[0];
  if (!item) throw itemNotFound();
  return item;
}

const placeIn = (planId: number, direction: Direction) => ({ plan_id: planId, direction });

function missingIds(db: AppDb, table: typeof people | typeof organizations, ids: number[]): boolean {
  if (ids.length === 0) return false;
  const found = db.select({ id: table.id }).from(table).where(inArray(table.id, ids)).all();
  return found.length !== new Set(ids).size;
}

/**
 * Refusals that need the database: the date against the plan's year, a form not in the list (an
 * archived one only if the item has it already), links to records that are gone. Answers the
 * form's text, for the search text.
 */
function checkItem(db: AppDb, data: PlanItemData, year: number, prefix: string, currentFormId?: number): string {
  const form = requireListValue(db, 'planForms', data.formId, `${prefix}formId`, currentFormId);
  const termError = termYearError(data.term, year);
  if (termError) throw invalid(termError, { [`${prefix}term.date`]: termError });
  if (missingIds(db, people, data.responsibleIds)) {
    const message = 'Ответственный специалист не найден в реестре: возможно, его удалили';
    throw invalid(message, { [`${prefix}responsibleIds`]: message });
  }
  if (missingIds(db, organizations, data.partnerIds)) {
    const message = 'Организация-партнёр не найдена в реестре: возможно, её удалили';
    throw invalid(message, { [`${prefix}partnerIds`]: message });
  }
  return form;
}

function itemValues(data: PlanItemData, year: number, form: string) {
  return {
    direction: data.direction,
    title: data.title,
    formId: data.formId,
    ...storeTerm(data.term, year),
    targetAudience: data.targetAudience,
    status: data.status,
    resultNote: data.resultNote,
    recurring: data.recurring,
    ...planItemKeys({ ...data, form }),
  };
}

function writeLinks(db: AppDb, itemId: number, data: PlanItemData): void {
  db.delete(planItemResponsibles).where(eq(planItemResponsibles.planItemId, itemId)).run();
  db.delete(planItemPartners).where(eq(planItemPartners.planItemId, itemId)).run();
  const personIds = [...new Set(data.responsibleIds)];
  const orgIds = [...new Set(data.partnerIds)];
  if (personIds.length)
    db.insert(planItemResponsibles)
      .values(personIds.map((personId) => ({ planItemId: itemId, personId })))
      .run();
  if (orgIds.length)
    db.insert(planItemPartners)
      .values(orgIds.map((organizationId) => ({ planItemId: itemId, organizationId })))
      .run();
}

/**
 * Adds an item at the end of its direction. `keepFormId`: an item carried over from another
 * year keeps its form even when that value has been archived since.
 */
export function createItem(db: AppDb, input: PlanItemData & { year: number }, options: { keepFormId?: number } = {}): PlanItem {
  const plan = requirePlan(db, input.year);
  const form = checkItem(db, input, plan.year, '', options.keepFormId);
  const id = inTransaction(db, () => {
    const row = db
      .insert(planItems)
      .values({
        planId: plan.id,
        position: nextPosition(db, planItemOrder, placeIn(plan.id, input.direction)),
        ...itemValues(input, plan.year, form),
      })
      .returning({ id: planItems.id })
      .get();
    writeLinks(db, row.id, input);
    return row.id;
  });
  return getItem(db, { id });
}

function itemPlace(db: AppDb, id: number) {
  const row = db
    .select({
      planId: planItems.planId,
      year: workPlans.year,
      direction: planItems.direction,
      position: planItems.position,
      formId: planItems.formId,
    })
    .from(planItems)
    .innerJoin(workPlans, eq(workPlans.id, planItems.planId))
    .where(eq(planItems.id, id))
    .get();
  if (!row) throw itemNotFound();
  return row;
}

/** Saves an item; moved to another direction, it goes to the end of that direction. */
export function updateItem(db: AppDb, input: { id: number; data: PlanItemData }): PlanItem {
  const place = itemPlace(db, input.id);
  const form = checkItem(db, input.data, place.year, 'data.', place.formId);
  inTransaction(db, () => {
    let position = place.position;
    if (input.data.direction !== place.direction) {
      // Parked past the end of its new direction first: its old place is then closed without it.
      position = nextPosition(db, planItemOrder, placeIn(place.planId, input.data.direction));
      db.update(planItems).set({ direction: input.data.direction, position }).where(eq(planItems.id, input.id)).run();
      closeGap(db, planItemOrder, placeIn(place.planId, place.direction), place.position);
    }
    db.update(planItems)
      .set({ ...itemValues(input.data, place.year, form), position, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
      .where(eq(planItems.id, input.id))
      .run();
    writeLinks(db, input.id, input.data);
  });
  return getItem(db, input);
}

export function deleteItem(db: AppDb, input: { id: number }): null {
  const place = itemPlace(db, input.id);
  inTransaction(db, () => {
    const { title } = db.select({ title: planItems.title }).from(planItems).where(eq(planItems.id, input.id)).get()!;
    recordDeletion(db, {
      table: planItems,
      key: { id: input.id },
      label: `Удалено мероприятие плана на ${place.year} год «${title}»`,
      sequence: { column: planItemOrder.column, scope: planItemOrder.scope },
    });
    db.delete(planItems).where(eq(planItems.id, input.id)).run();
    closeGap(db, planItemOrder, placeIn(place.planId, place.direction), place.position);
  });
  return null;
}

/** Swaps the item with its neighbour in the direction; at either end nothing changes. */
export function moveItem(db: AppDb, input: { id: number; to: 'up' | 'down' }): null {
  const place = itemPlace(db, input.id);
  const target = place.position + (input.to === 'up' ? -1 : 1);
  const neighbour = db
    .select({ id: planItems.id })
    .from(planItems)
    .where(and(eq(planItems.planId, place.planId), eq(planItems.direction, place.direction), eq(planItems.position, target)))
    .get();
  if (!neighbour) return null;
  inTransaction(db, () => swapPositions(db, planItemOrder, placeIn(place.planId, place.direction), input.id, neighbour.id));
  return null;
}

/**
 * Her own status and note: done, moved, cancelled or back to planned, with what was achieved or
 * why. A realising record that is final still shows the item as done (see realisations.ts).
 */
export function setItemStatus(db: AppDb, input: { id: number; status: PlanStatus; resultNote: string }): PlanItem {
  const row = db
    .select({ item: planItems, form: listValues.value })
    .from(planItems)
    .innerJoin(listValues, eq(listValues.id, planItems.formId))
    .where(eq(planItems.id, input.id))
    .get();
  if (!row) throw itemNotFound();
  db.update(planItems)
    .set({
      status: input.status,
      resultNote: input.resultNote,
      ...planItemKeys({ ...row.item, form: row.form, resultNote: input.resultNote }),
      updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
    })
    .where(eq(planItems.id, input.id))
    .run();
  return getItem(db, input);
}
