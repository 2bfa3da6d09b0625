import type { AppDb } from './open';

/**
 * Runs `work` as one SQLite transaction on the connection the drizzle queries use, so a
 * service can call other services (each taking the same `db`) and everything commits or
 * rolls back together. Nested calls become savepoints (better-sqlite3 handles that).
 */
export function inTransaction<T>(db: AppDb, work: () => T): T {
  return db.$client.transaction(work).immediate();
}
