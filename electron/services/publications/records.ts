import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { recordDeletion } from '@db/journal';
import { listValues, planItemLinks, publicationMovements, publications } from '@db/schema';
import { publicationKeys } from '@db/derived';
import { DomainError, conflict, invalid } from '@main/api/errors';
import { requireListValue } from '@main/services/lists';
import { findPlan, getItem, listItems } from '@main/services/workPlan';
import { indexedSearch } from '@main/services/common/search';
import type { Page } from '@shared/contract/common';
import type { PublicationData, PublicationDetail, PublicationRow, PublicationsFilter } from '@shared/contract/publications';
import { todayLocal } from '@shared/russian';
import { reusedQuery } from '@db/reusedQuery';
import { balances, type Balance } from './ledger';
import { history } from './history';
import { distributedByEvent } from './eventHandout';
import { publicationFileVersions } from './files';

export const publicationNotFound = () => new DomainError('not_found', 'Издание не найдено или уже удалено');

const columns = {
  id: publications.id,
  title: publications.title,
  kindId: publications.kindId,
  kind: listValues.value,
  authors: publications.authors,
  year: publications.year,
  topic: publications.topic,
  targetAudience: publications.targetAudience,
  minStock: publications.minStock,
  archived: publications.archived,
};

/** The low-stock marker: under the minimum the center set (a minimum of 0 marks nothing). */
export const isLow = (balance: number, minStock: number) => minStock > 0 && balance < minStock;

const yearSpan = (today: string) => [`${today.slice(0, 4)}-01-01`, `${today.slice(0, 4)}-12-31`] as const;

function withBalance<R extends { id: number; minStock: number }>(row: R, b: Balance | undefined) {
  const balance = b?.balance ?? 0;
  return { ...row, balance, distributedThisYear: b?.distributed ?? 0, low: isLow(balance, row.minStock), stocked: b?.stocked ?? false };
}

/**
 * The catalogue: publications matching the filters in title order, each with its balance today and
 * the copies distributed this year, read from the ledger (one query for every publication's balance).
 */
export function listPublications(db: AppDb, filter: PublicationsFilter, today = todayLocal()): Page<PublicationRow> {
  const search = indexedSearch(db, 'publications', filter.search);
  const p = (name: string) => sql.placeholder(name);
  const shape = [
    filter.kindId !== null && 'kind',
    filter.topic !== null && 'topic',
    filter.year !== null && 'year',
    filter.archive !== 'all' && 'archive',
    search.shape,
  ]
    .filter(Boolean)
    .join(',');
  const rows = reusedQuery(db, `publications.list:${shape}`, () => {
    const conditions: SQL[] = [];
    if (filter.kindId !== null) conditions.push(eq(publications.kindId, p('kindId')));
    if (filter.topic !== null) conditions.push(eq(publications.topic, p('topic')));
    if (filter.year !== null) conditions.push(eq(publications.year, p('year')));
    if (filter.archive !== 'all') conditions.push(eq(publications.archived, p('archived')));
    const matching = search.where(publications.id);
    if (matching) conditions.push(matching);
    return db
      .select(columns)
      .from(publications)
      .innerJoin(listValues, eq(listValues.id, publications.kindId))
      .where(and(...conditions))
      .orderBy(asc(publications.sortKey), asc(publications.id))
      .prepare();
  }).all({
    kindId: filter.kindId,
    topic: filter.topic,
    year: filter.year,
    archived: filter.archive === 'archived' ? 1 : 0,
    ...search.values,
  });
  const [from, to] = yearSpan(today);
  const stock = balances(db, today, from, to);
  const all = rows.map((r) => withBalance(r, stock.get(r.id))).filter((r) => !filter.lowOnly || r.low);
  return { rows: all.slice(filter.offset, filter.offset + filter.limit), total: all.length };
}

export function listTopics(db: AppDb): string[] {
  return db
    .selectDistinct({ topic: publications.topic })
    .from(publications)
    .where(sql`${publications.topic} <> ''`)
    .all()
    .map((r) => r.topic)
    .sort((a, b) => a.localeCompare(b, 'ru'));
}

function publicationPlanItem(db: AppDb, id: number): PublicationDetail['planItem'] {
  const link = db
    .select({ planItemId: planItemLinks.planItemId })
    .from(planItemLinks)
    .where(and(eq(planItemLinks.kind, 'publication'), eq(planItemLinks.publicationId, id)))
    .get();
  if (!link) return null;
  const item = getItem(db, { id: link.planItemId });
  return { id: item.id, label: `${item.number}. ${item.title}`, year: item.year };
}

export function getPublication(db: AppDb, input: { id: number }, today = todayLocal()): PublicationDetail {
  const row = db
    .select(columns)
    .from(publications)
    .innerJoin(listValues, eq(listValues.id, publications.kindId))
    .where(eq(publications.id, input.id))
    .get();
  if (!row) throw publicationNotFound();
  const [from, to] = yearSpan(today);
  const b = balances(db, today, from, to).get(row.id);
  return {
    ...withBalance(row, b),
    planItem: publicationPlanItem(db, row.id),
    byEvent: distributedByEvent(db, eq(publicationMovements.publicationId, row.id)).reverse(),
    history: history(db, row.id),
    files: publicationFileVersions(db, row.id),
  };
}

/** The plan items of the year a publication may realise: those no other publication realises. */
export function planCandidates(db: AppDb, input: { year: number }): { id: number; label: string }[] {
  if (!findPlan(db, input.year)) return [];
  return listItems(db, { year: input.year }).map((i) => ({ id: i.id, label: `${i.number}. ${i.title} (${i.form}, ${i.termLabel})` }));
}

function checkPlanItem(db: AppDb, planItemId: number | null, field: string): void {
  if (planItemId === null) return;
  try {
    getItem(db, { id: planItemId });
  } catch {
    const message = 'Мероприятие плана не найдено: возможно, его удалили. Выберите другое.';
    throw invalid(message, { [field]: message });
  }
}

function values(data: PublicationData, kind: string) {
  return {
    title: data.title,
    kindId: data.kindId,
    authors: data.authors,
    year: data.year,
    topic: data.topic,
    targetAudience: data.targetAudience,
    minStock: data.minStock,
    archived: data.archived,
    ...publicationKeys({ ...data, kind }),
  };
}

function setPlanItem(db: AppDb, publicationId: number, planItemId: number | null): void {
  db.delete(planItemLinks)
    .where(and(eq(planItemLinks.kind, 'publication'), eq(planItemLinks.publicationId, publicationId)))
    .run();
  if (planItemId !== null) db.insert(planItemLinks).values({ planItemId, kind: 'publication', publicationId }).run();
}

export function createPublication(db: AppDb, data: PublicationData): PublicationDetail {
  const kind = requireListValue(db, 'publicationKinds', data.kindId, 'kindId');
  checkPlanItem(db, data.planItemId, 'planItemId');
  const id = inTransaction(db, () => {
    const row = db.insert(publications).values(values(data, kind)).returning({ id: publications.id }).get();
    setPlanItem(db, row.id, data.planItemId);
    return row.id;
  });
  return getPublication(db, { id });
}

export function updatePublication(db: AppDb, input: { id: number; data: PublicationData }): PublicationDetail {
  const current = db.select({ kindId: publications.kindId }).from(publications).where(eq(publications.id, input.id)).get();
  if (!current) throw publicationNotFound();
  const kind = requireListValue(db, 'publicationKinds', input.data.kindId, 'data.kindId', current.kindId);
  checkPlanItem(db, input.data.planItemId, 'data.planItemId');
  inTransaction(db, () => {
    db.update(publications)
      .set({ ...values(input.data, kind), updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
      .where(eq(publications.id, input.id))
      .run();
    setPlanItem(db, input.id, input.data.planItemId);
  });
  return getPublication(db, { id: input.id });
}

/** Deletes a publication entered by mistake; one with a ledger keeps it (its copies were real): it goes to the archive. */
export function deletePublication(db: AppDb, input: { id: number }): null {
  const row = db.select({ title: publications.title }).from(publications).where(eq(publications.id, input.id)).get();
  if (!row) throw publicationNotFound();
  const moved = db
    .select({ n: sql<number>`count(*)` })
    .from(publicationMovements)
    .where(eq(publicationMovements.publicationId, input.id))
    .get()!.n;
  if (moved > 0) {
    throw conflict(
      `У издания «${row.title}» есть движения в журнале (${moved}): его не удаляют, чтобы не потерять историю остатков. Отметьте его «В архиве».`,
    );
  }
  inTransaction(db, () => {
    recordDeletion(db, { table: publications, key: { id: input.id }, label: `Удалено издание «${row.title}»` });
    db.delete(publications).where(eq(publications.id, input.id)).run();
  });
  return null;
}
