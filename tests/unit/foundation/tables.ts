import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** A hash of every table's rows, by table (SQLite's own sequence table included unless left out). */
export function hashTables(sqlite: Database.Database, except: string[] = []): Record<string, string> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    tables
      .filter((t) => !except.includes(t))
      .map((t) => [
        t,
        createHash('sha256')
          .update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all()))
          .digest('hex'),
      ]),
  );
}
