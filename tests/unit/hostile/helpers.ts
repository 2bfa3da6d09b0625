import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@db/open';
import { createApp, type App } from '@main/api/app';
import { seedDemo } from '@main/services/app/demo';
import type { Result } from '@shared/contract/define';

/** The schema objects of a database, as SQLite keeps them (root pages aside). */
export function schemaOf(sqlite: Database.Database): string[] {
  return (
    sqlite.prepare('SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master ORDER BY type, name').all() as {
      type: string;
      name: string;
      tbl: string;
      sql: string | null;
    }[]
  ).map((r) => `${r.type} ${r.name} ON ${r.tbl}: ${r.sql ?? ''}`);
}

/** What a database freshly migrated by this version has. */
export function freshSchema(): string[] {
  const fresh = openDatabase({ file: ':memory:' });
  try {
    return schemaOf(fresh.sqlite);
  } finally {
    fresh.sqlite.close();
  }
}

/** A backup as a colleague would mail it: the demo database in one file, closed. */
export function demoBackup(file: string): void {
  const opened = openDatabase({ file });
  seedDemo(opened.db);
  opened.sqlite.pragma('journal_mode = DELETE');
  opened.sqlite.close();
}

/** Changes a file with raw SQL, as an attacker with the file would. */
export function craft(file: string, sqlText: string): void {
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = OFF');
    // Turns off the defensive flag better-sqlite3 sets, so sqlite_master can be written like a forger would.
    db.unsafeMode(true);
    db.exec(sqlText);
  } finally {
    db.close();
  }
}

export function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

export function refusal(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

/** Every file under a folder with its size, mtime and SHA-256: a folder that must stay untouched. */
export function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const stats = lstatSync(file);
    state[name] = stats.isFile()
      ? `${stats.size} ${stats.mtimeMs} ${createHash('sha256').update(readFileSync(file)).digest('hex')}`
      : stats.isDirectory()
        ? 'folder'
        : 'other';
  }
  return state;
}

export function tableCount(app: App, table: string, where = '1'): number {
  return app.sqlite.prepare(`SELECT count(*) FROM "${table}" WHERE ${where}`).pluck().get() as number;
}

export const startApp = (dataDir: string) => createApp({ dataDir });
