import { eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { certificateLayout } from '@db/schema';
import { getStoredFile } from '@main/services/files';
import { getProfile } from '@main/services/registry';
import { certificateLayoutSettings, type CertificateLayout, type CertificateLayoutSettings } from '@shared/contract/certificates';
import { defaultCertificateSettings } from '@shared/documents/certificates/layout';
import { loadLogo } from './logo';

/** The center's layout, or the defaults from its profile until it first saves one. */
export function getLayout(db: AppDb): CertificateLayout {
  const row = db.select().from(certificateLayout).where(eq(certificateLayout.id, 1)).get();
  const parsed = row ? certificateLayoutSettings.safeParse(JSON.parse(row.settings)) : null;
  // A stored layout this version cannot read (edited by hand) falls back to the defaults: the form shows them to be saved again.
  const settings: CertificateLayoutSettings = parsed?.success ? parsed.data : defaultCertificateSettings(getProfile(db));
  const file = row?.logoHash ? getStoredFile(db, row.logoHash) : undefined;
  return { settings, logo: file ? { hash: file.hash, name: file.originalName } : null, saved: Boolean(parsed?.success) };
}

export function setLayout(
  db: AppDb,
  dataDir: string,
  input: { settings: CertificateLayoutSettings; logoHash: string | null },
): CertificateLayout {
  // The logo must be a picture the renderers can place: refused now, not at the fortieth certificate.
  if (input.logoHash) loadLogo(db, dataDir, input.logoHash);
  const values = { id: 1, settings: JSON.stringify(input.settings), logoHash: input.logoHash };
  db.insert(certificateLayout)
    .values(values)
    .onConflictDoUpdate({ target: certificateLayout.id, set: { settings: values.settings, logoHash: values.logoHash } })
    .run();
  return getLayout(db);
}
