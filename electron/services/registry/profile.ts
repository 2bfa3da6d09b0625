import { eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { centerProfile } from '@db/schema';
import type { CenterProfile } from '@shared/contract/registry';
import type { z } from 'zod';
import type { profileInput } from '@shared/contract/registry';
import { nowStamp } from '@main/services/common/queries';

const DEFAULT_PROFILE: CenterProfile = {
  fullName: '',
  shortName: '',
  directorName: '',
  directorPosition: 'Директор',
  address: '',
  segment: '',
};

/** The center's own requisites; a fresh database has none yet, so the defaults stand in. */
export function getProfile(db: AppDb): CenterProfile {
  const row = db.select().from(centerProfile).where(eq(centerProfile.id, 1)).get();
  if (!row) return { ...DEFAULT_PROFILE };
  const { fullName, shortName, directorName, directorPosition, address, segment } = row;
  return { fullName, shortName, directorName, directorPosition, address, segment };
}

export function saveProfile(db: AppDb, input: z.output<typeof profileInput>): CenterProfile {
  const values = { ...input, directorPosition: input.directorPosition || DEFAULT_PROFILE.directorPosition };
  db.insert(centerProfile)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: centerProfile.id, set: { ...values, updatedAt: nowStamp } })
    .run();
  return getProfile(db);
}
