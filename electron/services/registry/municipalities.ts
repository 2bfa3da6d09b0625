import { and, count, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { recordDeletion } from '@db/journal';
import { municipalities, organizations } from '@db/schema';
import { conflict, DomainError, invalid } from '@main/api/errors';
import type { Municipality, municipalityInput } from '@shared/contract/registry';
import { countedVerb, countOf, municipalityName, prefillForms, type ProperForms } from '@shared/russian';
import { municipalityKeys } from '@db/derived';
import { guardForeignKeys } from '@main/services/common/queries';

type MunicipalityInput = z.output<typeof municipalityInput>;

const organizationCount = count(organizations.id);

function selectMunicipalities(db: AppDb) {
  return db
    .select({
      id: municipalities.id,
      name: municipalities.name,
      type: municipalities.type,
      properName: municipalities.properName,
      forms: municipalities.forms,
      formsConfirmed: municipalities.formsConfirmed,
      inSegment: municipalities.inSegment,
      organizationCount,
    })
    .from(municipalities)
    .leftJoin(organizations, eq(organizations.municipalityId, municipalities.id))
    .groupBy(municipalities.id);
}

type Row = ReturnType<ReturnType<typeof selectMunicipalities>['all']>[number];
const toMunicipality = (row: Row): Municipality => ({ ...row, forms: JSON.parse(row.forms) as ProperForms });

/** All municipalities in Russian order: a center works with a handful, so no paging. */
export function listMunicipalities(db: AppDb): Municipality[] {
  return selectMunicipalities(db).orderBy(municipalities.sortKey).all().map(toMunicipality);
}

export function getMunicipality(db: AppDb, id: number): Municipality {
  const row = selectMunicipalities(db).where(eq(municipalities.id, id)).get();
  // notFound() agrees with feminine nouns only.
  if (!row) throw new DomainError('not_found', 'Муниципальное образование не найдено или уже удалено');
  return toMunicipality(row);
}

/** Names with one sort key (differing in case, ё/е, quotes or punctuation) are the same municipality for a user. */
function refuseDuplicate(db: AppDb, key: string, name: string, exceptId?: number): void {
  const where =
    exceptId === undefined ? eq(municipalities.sortKey, key) : and(eq(municipalities.sortKey, key), ne(municipalities.id, exceptId));
  if (db.select({ id: municipalities.id }).from(municipalities).where(where).get()) {
    const message = `Муниципальное образование «${name}» уже есть в списке`;
    throw invalid(message, { properName: message });
  }
}

/**
 * The stored columns: the name composed from the parts, and the forms as the user confirmed
 * them or, when she sent none, as the rules prefill them (then shown for checking).
 */
function columns(input: MunicipalityInput) {
  const forms = input.forms ?? prefillForms(input.type, input.properName).forms;
  const name = municipalityName({ type: input.type, properName: input.properName, forms });
  return {
    name,
    ...municipalityKeys({ name }),
    type: input.type,
    properName: input.properName,
    forms: JSON.stringify(forms),
    formsConfirmed: input.forms !== null,
    inSegment: input.inSegment,
  };
}

export function createMunicipality(db: AppDb, input: MunicipalityInput): Municipality {
  return inTransaction(db, () => {
    const values = columns(input);
    refuseDuplicate(db, values.sortKey, values.name);
    const row = db.insert(municipalities).values(values).returning({ id: municipalities.id }).get();
    return getMunicipality(db, row.id);
  });
}

export function updateMunicipality(db: AppDb, id: number, input: MunicipalityInput): Municipality {
  return inTransaction(db, () => {
    getMunicipality(db, id);
    const values = columns(input);
    refuseDuplicate(db, values.sortKey, values.name, id);
    db.update(municipalities).set(values).where(eq(municipalities.id, id)).run();
    return getMunicipality(db, id);
  });
}

export function deleteMunicipality(db: AppDb, id: number): void {
  inTransaction(db, () => {
    const existing = getMunicipality(db, id);
    const n = existing.organizationCount;
    if (n > 0) {
      throw conflict(
        `Нельзя удалить муниципальное образование «${existing.name}»: к нему ${countedVerb(n, ['относится', 'относятся'])} ${countOf(n, ['организация', 'организации', 'организаций'])}. Сначала укажите для них другое муниципальное образование или удалите их.`,
      );
    }
    recordDeletion(db, { table: municipalities, key: { id }, label: `Удалено муниципальное образование «${existing.name}»` });
    guardForeignKeys(`Нельзя удалить муниципальное образование «${existing.name}»: на него ссылаются другие записи.`, () =>
      db.delete(municipalities).where(eq(municipalities.id, id)).run(),
    );
  });
}
