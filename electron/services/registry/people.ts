import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteSelect } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { recordDeletion } from '@db/journal';
import { organizations, people } from '@db/schema';
import { personKeys } from '@db/derived';
import { withSearchIndexDeferred } from '@db/search';
import { conflict, invalid, notFound } from '@main/api/errors';
import type { Page } from '@shared/contract/common';
import type { Option, Person, personInput, personListInput } from '@shared/contract/registry';
import { agree, genderFromPatronymic, organizationDisplayName, personFullName as fullName } from '@shared/russian';
import { guardForeignKeys, insertMany, nowStamp } from '@main/services/common/queries';
import { CAPPED_COUNT_LIMIT, indexedSearch, optionsBySearch, pageTotal } from '@main/services/common/search';
import { literalLimit, reusedQuery } from '@db/reusedQuery';
import { organizationNameSql as organizationName } from './names';
import { usageOf, usagePhrase } from './usage';

export { personKeys } from '@db/derived';

type PersonInput = z.output<typeof personInput>;
type PersonListInput = z.output<typeof personListInput>;

function selectPeople(db: AppDb) {
  return db
    .select({
      id: people.id,
      lastName: people.lastName,
      firstName: people.firstName,
      middleName: people.middleName,
      position: people.position,
      organizationId: people.organizationId,
      organizationName,
      phone: people.phone,
      email: people.email,
      pdConsent: people.pdConsent,
      pdConsentDate: people.pdConsentDate,
      gender: people.gender,
    })
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId));
}

export function listPeople(db: AppDb, input: PersonListInput): Page<Person> {
  const search = indexedSearch(db, 'people', input.search);
  // The join is only needed to count when a filter looks at the organisation.
  const byOrganization = Boolean(input.organizationType || input.municipalityId);
  const filtered = byOrganization || Boolean(input.organizationId);
  // A search alone is counted from the index; in name order its page needs the first buckets only.
  const searchTotal = search.active && !filtered ? search.countMatches() : undefined;
  if (searchTotal !== undefined && input.sort === 'name') search.narrowToPage(searchTotal, input.offset, input.limit, input.dir);
  const shape = `${search.shape}:${input.organizationId ? 'organization' : ''}:${input.organizationType ? 'type' : ''}:${input.municipalityId ? 'municipality' : ''}`;
  const where = () =>
    and(
      search.where(people.id),
      input.organizationId ? eq(people.organizationId, sql.placeholder('organizationId')) : undefined,
      input.organizationType ? eq(organizations.type, sql.placeholder('organizationType')) : undefined,
      input.municipalityId ? eq(organizations.municipalityId, sql.placeholder('municipalityId')) : undefined,
    );
  const values = {
    ...search.values,
    organizationId: input.organizationId,
    organizationType: input.organizationType,
    municipalityId: input.municipalityId,
  };
  const list = reusedQuery(db, `people.list:${shape}:${input.sort}:${input.dir}:${input.limit}`, () => {
    const dir = input.dir === 'desc' ? desc : asc;
    const order: SQL[] =
      input.sort === 'organization'
        ? // People without an organisation go last in both directions.
          [sql`${organizations.sortKey} IS NULL`, dir(organizations.sortKey), asc(people.sortKey)]
        : input.sort === 'position'
          ? // People without a position go last in both directions.
            [sql`${people.position} = ''`, dir(people.positionSortKey), asc(people.sortKey)]
          : [dir(people.sortKey)];
    return selectPeople(db)
      .where(where())
      .orderBy(...order, asc(people.id))
      .limit(literalLimit(input.limit))
      .offset(sql.placeholder('offset'))
      .prepare();
  });
  const counting = reusedQuery(db, `people.count:${shape}`, () => {
    // A search counts no further than the cap; the whole register or a filter alone, exactly.
    const rowsOf = <Q extends SQLiteSelect>(query: Q) =>
      (byOrganization ? query.leftJoin(organizations, eq(organizations.id, people.organizationId)) : query).where(where());
    return search.active
      ? db
          .select({ n: count() })
          .from(
            rowsOf(
              db
                .select({ one: sql`1` })
                .from(people)
                .$dynamic(),
            )
              .limit(literalLimit(CAPPED_COUNT_LIMIT))
              .as('matching'),
          )
          .prepare()
      : rowsOf(db.select({ n: count() }).from(people).$dynamic()).prepare();
  });
  const rows = list.all({ ...values, offset: input.offset });
  const total = searchTotal ?? counting.get(values)?.n ?? 0;
  return { rows, ...pageTotal(total, search.active) };
}

export function getPerson(db: AppDb, id: number): Person {
  const row = selectPeople(db).where(eq(people.id, id)).get();
  if (!row) throw notFound('Запись о специалисте');
  return row;
}

/**
 * The row a person's input is stored as (with its derived keys). `known`: the gender stored so
 * far, kept when the input does not say one and the patronymic does not either.
 */
export function personValues(input: PersonInput, known: Person['gender'] = null) {
  return {
    ...input,
    // A withdrawn consent has no date: keeping the old one would read as a valid consent.
    pdConsentDate: input.pdConsent ? input.pdConsentDate : null,
    // The form always sends what it shows; a caller that does not know leaves it to the patronymic.
    gender: input.gender ?? genderFromPatronymic(input.middleName) ?? known,
    ...personKeys(input),
  };
}

function requireOrganization(db: AppDb, organizationId: number | null): void {
  if (organizationId === null) return;
  if (!db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).get()) {
    const message = 'Выбранная организация не найдена: возможно, её удалили. Выберите другую.';
    throw invalid(message, { organizationId: message });
  }
}

export function createPerson(db: AppDb, input: PersonInput): Person {
  return inTransaction(db, () => {
    requireOrganization(db, input.organizationId);
    const row = db.insert(people).values(personValues(input)).returning({ id: people.id }).get();
    return getPerson(db, row.id);
  });
}

/**
 * Many people at once (an imported list): the same rows createPerson writes, in batches of a few
 * hundred through statements prepared once, without reading each one back. Answers the new ids
 * in the order given; `between` runs between the batches (the import's progress and its
 * cancellation check).
 */
export function createPeople(db: AppDb, inputs: PersonInput[], between?: (done: number) => void): number[] {
  return inTransaction(db, () => {
    for (const organizationId of new Set(inputs.map((p) => p.organizationId))) requireOrganization(db, organizationId);
    const rows = inputs.map((input) => personValues(input));
    // Indexed for search once at the end, not by the trigger row by row (db/search.ts).
    return withSearchIndexDeferred(db.$client, ['people'], () => insertMany(db, people, rows, between));
  });
}

export function updatePerson(db: AppDb, id: number, input: PersonInput): Person {
  return inTransaction(db, () => {
    const existing = getPerson(db, id);
    requireOrganization(db, input.organizationId);
    db.update(people)
      .set({ ...personValues(input, existing.gender), updatedAt: nowStamp })
      .where(eq(people.id, id))
      .run();
    return getPerson(db, id);
  });
}

export function deletePerson(db: AppDb, id: number): void {
  inTransaction(db, () => {
    const existing = getPerson(db, id);
    const name = fullName(existing);
    const usage = usageOf(db, 'person', id);
    if (usage.length > 0) {
      throw conflict(
        `Нельзя удалить специалиста «${name}»: запись используется ${usagePhrase(usage)}. Сначала замените ${agree(existing.gender, 'его', 'её')} там другим специалистом или уберите.`,
      );
    }
    recordDeletion(db, { table: people, key: { id }, label: `Удалён специалист ${name}` });
    guardForeignKeys(
      `Нельзя удалить специалиста «${name}»: на него ссылаются другие записи (заседания, мероприятия или поручения). Сначала уберите его оттуда.`,
      () => db.delete(people).where(eq(people.id, id)).run(),
    );
  });
}

const optionColumns = {
  id: people.id,
  lastName: people.lastName,
  firstName: people.firstName,
  middleName: people.middleName,
  position: people.position,
  orgFullName: organizations.fullName,
  orgShortName: organizations.shortName,
};

function toOption(row: {
  id: number;
  lastName: string;
  firstName: string;
  middleName: string;
  position: string;
  orgFullName: string | null;
  orgShortName: string | null;
}): Option {
  const org = row.orgFullName === null ? '' : organizationDisplayName({ fullName: row.orgFullName, shortName: row.orgShortName ?? '' });
  const description = [row.position, org].filter(Boolean).join(', ');
  return { id: row.id, label: fullName(row), ...(description ? { description } : {}) };
}

function selectOptions(db: AppDb) {
  return db.select(optionColumns).from(people).leftJoin(organizations, eq(organizations.id, people.organizationId));
}

/**
 * Matching people for a picker. The sort-key index gives the Russian order and LIMIT stops
 * the scan early, so typing into a picker stays quick with tens of thousands of people.
 */
export const peopleOptions = (db: AppDb, input: { search: string; limit: number }): Option[] =>
  optionsBySearch(db, 'people.options', 'people', people.id, input, (where, limit) =>
    selectOptions(db).where(where).orderBy(people.sortKey, people.id).limit(limit).prepare(),
  ).map(toOption);

/** Labels of the given ids in Russian order; ids that no longer exist are left out. */
export const peopleOptionsByIds = (db: AppDb, ids: number[]): Option[] =>
  ids.length === 0 ? [] : selectOptions(db).where(inArray(people.id, ids)).orderBy(people.sortKey, people.id).all().map(toOption);

/**
 * The gender a user chose where it was asked (a certificate's dialog, for «Ким Ли»): saved in the
 * registry, so the next document declines the name without asking again. Called inside the
 * caller's transaction.
 */
export function setPersonGender(db: AppDb, id: number, gender: NonNullable<Person['gender']>): void {
  db.update(people).set({ gender, updatedAt: nowStamp }).where(eq(people.id, id)).run();
}
