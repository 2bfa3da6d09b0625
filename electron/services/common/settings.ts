import { eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { appSettings } from '@db/schema';

export function getSetting<T>(db: AppDb, key: string): T | undefined {
  const row = db.select().from(appSettings).where(eq(appSettings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function setSetting(db: AppDb, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  db.insert(appSettings)
    .values({ key, value: json })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: json } })
    .run();
}
