import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { recordDeletion } from '@db/journal';
import { centerProfile, municipalities, organizations, people } from '@db/schema';
import { organizationKeys } from '@db/derived';
import { conflict, invalid, notFound } from '@main/api/errors';
import type { Page } from '@shared/contract/common';
import type { Option, Organization, organizationInput, organizationListInput } from '@shared/contract/registry';
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES } from '@shared/enums';
import { organizationDisplayName, sortedByKey } from '@shared/russian';
import { guardForeignKeys, nowStamp } from '@main/services/common/queries';
import { CAPPED_COUNT_LIMIT, indexedSearch, optionsBySearch, pageTotal } from '@main/services/common/search';
import { literalLimit, reusedQuery } from '@db/reusedQuery';
import { usageOf, usagePhrase } from './usage';

export { organizationKeys } from '@db/derived';

type OrganizationInput = z.output<typeof organizationInput>;
type OrganizationListInput = z.output<typeof organizationListInput>;

/**
 * Types are stored as identifiers; the user sees and expects them ordered by their Russian
 * names, so the order is their rank among the sorted labels.
 */
const typeRank = sql.join(
  [
    sql`CASE ${organizations.type}`,
    ...sortedByKey(ORGANIZATION_TYPES, (type) => ORGANIZATION_TYPE_LABELS[type]).map(
      (type, rank) => sql`WHEN ${type} THEN ${sql.raw(String(rank))}`,
    ),
    sql`END`,
  ],
  sql` `,
);

const peopleCount = sql<number>`(SELECT count(*) FROM ${people} WHERE ${people.organizationId} = ${organizations.id})`.mapWith(Number);

function selectOrganizations(db: AppDb) {
  return db
    .select({
      id: organizations.id,
      fullName: organizations.fullName,
      shortName: organizations.shortName,
      type: organizations.type,
      municipalityId: organizations.municipalityId,
      municipalityName: municipalities.name,
      address: organizations.address,
      phone: organizations.phone,
      email: organizations.email,
      peopleCount,
    })
    .from(organizations)
    .leftJoin(municipalities, eq(municipalities.id, organizations.municipalityId));
}

export function listOrganizations(db: AppDb, input: OrganizationListInput): Page<Organization> {
  const search = indexedSearch(db, 'organizations', input.search);
  // A search alone is counted from the index; in name order its page needs the first buckets only.
  const searchTotal = search.active && !input.type && !input.municipalityId ? search.countMatches() : undefined;
  if (searchTotal !== undefined && input.sort === 'name') search.narrowToPage(searchTotal, input.offset, input.limit, input.dir);
  const shape = `${search.shape}:${input.type ? 'type' : ''}:${input.municipalityId ? 'municipality' : ''}`;
  const where = () =>
    and(
      search.where(organizations.id),
      input.type ? eq(organizations.type, sql.placeholder('type')) : undefined,
      input.municipalityId ? eq(organizations.municipalityId, sql.placeholder('municipalityId')) : undefined,
    );
  const values = { ...search.values, type: input.type, municipalityId: input.municipalityId };
  const list = reusedQuery(db, `organizations.list:${shape}:${input.sort}:${input.dir}:${input.limit}`, () => {
    const dir = input.dir === 'desc' ? desc : asc;
    const order: SQL[] =
      input.sort === 'type'
        ? [dir(typeRank), asc(organizations.sortKey)]
        : input.sort === 'municipality'
          ? // Organisations without a municipality go last in both directions: they are the odd ones.
            [sql`${municipalities.sortKey} IS NULL`, dir(municipalities.sortKey), asc(organizations.sortKey)]
          : [dir(organizations.sortKey)];
    return selectOrganizations(db)
      .where(where())
      .orderBy(...order, asc(organizations.id))
      .limit(literalLimit(input.limit))
      .offset(sql.placeholder('offset'))
      .prepare();
  });
  // A search counts no further than the cap; the whole register or a filter alone, exactly.
  const counting = reusedQuery(db, `organizations.count:${shape}`, () =>
    search.active
      ? db
          .select({ n: count() })
          .from(
            db
              .select({ one: sql`1` })
              .from(organizations)
              .where(where())
              .limit(literalLimit(CAPPED_COUNT_LIMIT))
              .as('matching'),
          )
          .prepare()
      : db.select({ n: count() }).from(organizations).where(where()).prepare(),
  );
  const rows = list.all({ ...values, offset: input.offset });
  const total = searchTotal ?? counting.get(values)?.n ?? 0;
  return { rows, ...pageTotal(total, search.active) };
}

export function getOrganization(db: AppDb, id: number): Organization {
  const row = selectOrganizations(db).where(eq(organizations.id, id)).get();
  if (!row) throw notFound('Организация');
  return row;
}

function requireMunicipality(db: AppDb, municipalityId: number | null): void {
  if (municipalityId === null) return;
  if (!db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.id, municipalityId)).get()) {
    const message = 'Выбранное муниципальное образование не найдено: возможно, его удалили. Выберите другое.';
    throw invalid(message, { municipalityId: message });
  }
}

export function createOrganization(db: AppDb, input: OrganizationInput): Organization {
  return inTransaction(db, () => {
    requireMunicipality(db, input.municipalityId);
    const row = db
      .insert(organizations)
      .values({ ...input, ...organizationKeys(input) })
      .returning({ id: organizations.id })
      .get();
    return getOrganization(db, row.id);
  });
}

export function updateOrganization(db: AppDb, id: number, input: OrganizationInput): Organization {
  return inTransaction(db, () => {
    getOrganization(db, id);
    requireMunicipality(db, input.municipalityId);
    db.update(organizations)
      .set({ ...input, ...organizationKeys(input), updatedAt: nowStamp })
      .where(eq(organizations.id, id))
      .run();
    return getOrganization(db, id);
  });
}

/** The organisation the center's profile points to, if any. */
export function centerOrganizationId(db: AppDb): number | null {
  return db.select({ id: centerProfile.organizationId }).from(centerProfile).where(eq(centerProfile.id, 1)).get()?.id ?? null;
}

export function deleteOrganization(db: AppDb, id: number): void {
  inTransaction(db, () => {
    const existing = getOrganization(db, id);
    const name = organizationDisplayName(existing);
    if (centerOrganizationId(db) === id) {
      throw conflict(
        `Нельзя удалить организацию «${name}»: это сам центр, его профиль ссылается на неё. Её наименование меняется в профиле центра.`,
      );
    }
    const usage = usageOf(db, 'organization', id);
    if (usage.length > 0) {
      throw conflict(
        `Нельзя удалить организацию «${name}»: запись используется ${usagePhrase(usage)}. Сначала замените её там другой организацией или уберите.`,
      );
    }
    recordDeletion(db, { table: organizations, key: { id }, label: `Удалена организация «${name}»` });
    guardForeignKeys(
      `Нельзя удалить организацию «${name}»: на неё ссылаются другие записи (заседания, мероприятия или документы). Сначала уберите её оттуда.`,
      () => db.delete(organizations).where(eq(organizations.id, id)).run(),
    );
  });
}

function toOption(row: { id: number; fullName: string; shortName: string; municipalityName: string | null }): Option {
  const description = [row.shortName ? row.fullName : '', row.municipalityName ?? ''].filter(Boolean).join(' · ');
  return { id: row.id, label: organizationDisplayName(row), ...(description ? { description } : {}) };
}

const optionColumns = {
  id: organizations.id,
  fullName: organizations.fullName,
  shortName: organizations.shortName,
  municipalityName: municipalities.name,
};

function selectOptions(db: AppDb) {
  return db.select(optionColumns).from(organizations).leftJoin(municipalities, eq(municipalities.id, organizations.municipalityId));
}

/** Matching organisations for a picker, in Russian order, at most `limit`. */
export const organizationOptions = (db: AppDb, input: { search: string; limit: number }): Option[] =>
  optionsBySearch(db, 'organizations.options', 'organizations', organizations.id, input, (where, limit) =>
    selectOptions(db).where(where).orderBy(organizations.sortKey, organizations.id).limit(limit).prepare(),
  ).map(toOption);

/** Labels of the given ids in Russian order; ids that no longer exist are left out. */
export const organizationOptionsByIds = (db: AppDb, ids: number[]): Option[] =>
  ids.length === 0
    ? []
    : selectOptions(db).where(inArray(organizations.id, ids)).orderBy(organizations.sortKey, organizations.id).all().map(toOption);
