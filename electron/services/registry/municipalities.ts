import { and, count, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { municipalities, organizations } from '@db/schema';
import { conflict, DomainError, invalid } from '@main/api/errors';
import type { Municipality, municipalityInput } from '@shared/contract/registry';
import { foldRu, plural } from '@shared/russian';
import { counted, guardForeignKeys } from '@main/services/common/queries';

type MunicipalityInput = z.output<typeof municipalityInput>;

const organizationCount = count(organizations.id);

function selectMunicipalities(db: AppDb) {
  return db
    .select({ id: municipalities.id, name: municipalities.name, inSegment: municipalities.inSegment, organizationCount })
    .from(municipalities)
    .leftJoin(organizations, eq(organizations.municipalityId, municipalities.id))
    .groupBy(municipalities.id);
}

/** All municipalities in Russian order: a center works with a handful, so no paging. */
export function listMunicipalities(db: AppDb): Municipality[] {
  return selectMunicipalities(db).orderBy(municipalities.sortKey).all();
}

export function getMunicipality(db: AppDb, id: number): Municipality {
  const row = selectMunicipalities(db).where(eq(municipalities.id, id)).get();
  // notFound() agrees with feminine nouns only.
  if (!row) throw new DomainError('not_found', 'Муниципальное образование не найдено или уже удалено');
  return row;
}

/** Names differing only in case or ё/е are the same municipality for a user. */
function refuseDuplicate(db: AppDb, sortKey: string, name: string, exceptId?: number): void {
  const where =
    exceptId === undefined
      ? eq(municipalities.sortKey, sortKey)
      : and(eq(municipalities.sortKey, sortKey), ne(municipalities.id, exceptId));
  if (db.select({ id: municipalities.id }).from(municipalities).where(where).get()) {
    const message = `Муниципальное образование «${name}» уже есть в списке`;
    throw invalid(message, { name: message });
  }
}

export function createMunicipality(db: AppDb, input: MunicipalityInput): Municipality {
  return inTransaction(db, () => {
    const sortKey = foldRu(input.name);
    refuseDuplicate(db, sortKey, input.name);
    const row = db
      .insert(municipalities)
      .values({ name: input.name, inSegment: input.inSegment, sortKey })
      .returning({ id: municipalities.id })
      .get();
    return getMunicipality(db, row.id);
  });
}

export function updateMunicipality(db: AppDb, id: number, input: MunicipalityInput): Municipality {
  return inTransaction(db, () => {
    getMunicipality(db, id);
    const sortKey = foldRu(input.name);
    refuseDuplicate(db, sortKey, input.name, id);
    db.update(municipalities).set({ name: input.name, inSegment: input.inSegment, sortKey }).where(eq(municipalities.id, id)).run();
    return getMunicipality(db, id);
  });
}

export function deleteMunicipality(db: AppDb, id: number): void {
  inTransaction(db, () => {
    const existing = getMunicipality(db, id);
    if (existing.organizationCount > 0) {
      throw conflict(
        `Нельзя удалить муниципальное образование «${existing.name}»: к нему ${plural(existing.organizationCount, ['относится', 'относятся', 'относятся'])} ${counted(existing.organizationCount, ['организация', 'организации', 'организаций'])}. Сначала укажите для них другое муниципальное образование или удалите их.`,
      );
    }
    guardForeignKeys(`Нельзя удалить муниципальное образование «${existing.name}»: на него ссылаются другие записи.`, () =>
      db.delete(municipalities).where(eq(municipalities.id, id)).run(),
    );
  });
}
