import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { centerProfile, organizations } from '@db/schema';
import { conflict } from '@main/api/errors';
import type { CenterProfile, profileInput } from '@shared/contract/registry';
import { nowStamp } from '@main/services/common/queries';
import { centerOrganizationId, createOrganization, getOrganization, updateOrganization } from './organizations';

const DEFAULT_PROFILE: CenterProfile = {
  organizationId: null,
  fullName: '',
  shortName: '',
  address: '',
  directorName: '',
  directorPosition: 'Директор',
  segment: '',
};

/**
 * The center's own requisites: its names and address are its organisation's in the registry.
 * A fresh database has none yet, so the defaults stand in.
 */
export function getProfile(db: AppDb): CenterProfile {
  const row = db
    .select({
      organizationId: centerProfile.organizationId,
      fullName: organizations.fullName,
      shortName: organizations.shortName,
      address: organizations.address,
      directorName: centerProfile.directorName,
      directorPosition: centerProfile.directorPosition,
      segment: centerProfile.segment,
    })
    .from(centerProfile)
    .leftJoin(organizations, eq(organizations.id, centerProfile.organizationId))
    .where(eq(centerProfile.id, 1))
    .get();
  if (!row) return { ...DEFAULT_PROFILE };
  return { ...row, fullName: row.fullName ?? '', shortName: row.shortName ?? '', address: row.address ?? '' };
}

/**
 * Saves the profile and the center's organisation with it: the one chosen (renamed as typed
 * here, and of the type «ресурсный центр» from now on), else the one the profile already points
 * to, or a new one made from the names when the center is not in the registry yet.
 */
export function saveProfile(db: AppDb, input: z.output<typeof profileInput>): CenterProfile {
  return inTransaction(db, () => {
    const names = { fullName: input.fullName, shortName: input.shortName, address: input.address, type: 'resourceCenter' as const };
    let organizationId = input.organizationId ?? centerOrganizationId(db);
    if (organizationId === null) {
      organizationId = createOrganization(db, { ...names, municipalityId: null, phone: '', email: '' }).id;
    } else {
      const existing = db.select().from(organizations).where(eq(organizations.id, organizationId)).get();
      if (!existing) {
        throw conflict('Организация центра не найдена в реестре: возможно, её удалили. Выберите другую или очистите поле.', {
          organizationId: 'Организация не найдена',
        });
      }
      const { municipalityId, phone, email } = getOrganization(db, organizationId);
      updateOrganization(db, organizationId, { ...names, municipalityId, phone, email });
    }
    const values = {
      organizationId,
      directorName: input.directorName,
      directorPosition: input.directorPosition || DEFAULT_PROFILE.directorPosition,
      segment: input.segment,
    };
    db.insert(centerProfile)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: centerProfile.id, set: { ...values, updatedAt: nowStamp } })
      .run();
    return getProfile(db);
  });
}
