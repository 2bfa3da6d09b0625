import type { AppDb } from './open';

/**
 * Runs `work` as one SQLite transaction on the connection the drizzle queries use, so a
 * service can call other services (each taking the same `db`) and everything commits or
 * rolls back together. Every `db` call already runs inside the dispatcher's transaction
 * (electron/api/dispatch.ts); there this nests as a savepoint (better-sqlite3 does that), so a
 * service stays atomic also when called directly (tests, demo seeding, the command line).
 */
export function inTransaction<T>(db: AppDb, work: () => T): T {
  return db.$client.transaction(work).immediate();
}
