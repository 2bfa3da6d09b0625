import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { afterEach } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '@db/open';
import { APP_VERSION } from '@main/api/version';
import { seedDemo } from '@main/services/app/demo';
import type { ExportEnv } from '@main/services/exchange/export';
import { saveExchangeSettings } from '@main/services/exchange/settings';

/** A data folder with the demo database (it has the 2017 work plan), as a user would have. */
export function demoDataDir(): { dataDir: string; opened: OpenedDatabase } {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-exchange-'));
  const opened = openDatabase({ file: path.join(dataDir, 'resource-center.sqlite') });
  seedDemo(opened.db);
  return { dataDir, opened };
}

/**
 * The data folder of a running application copied by hand (from another PC, onto a stick): the
 * latest change — these export settings — is still only in resource-center.sqlite-wal beside
 * the main file. Returns the copied main file.
 */
export function handCopiedWithWal(tempDir: (prefix: string) => string, settings: { folder: string; centerCode: string }): string {
  const other = tempDir('rc-other-');
  const source = openDatabase({ file: path.join(other, 'resource-center.sqlite') });
  source.sqlite.pragma('wal_autocheckpoint = 0');
  saveExchangeSettings(source.db, settings);
  const copied = tempDir('rc-copied-');
  for (const name of ['resource-center.sqlite', 'resource-center.sqlite-wal'])
    copyFileSync(path.join(other, name), path.join(copied, name));
  source.sqlite.close();
  return path.join(copied, 'resource-center.sqlite');
}

export function exportEnv(opened: OpenedDatabase, dataDir: string, extra: Partial<ExportEnv> = {}): ExportEnv {
  return { db: opened.db, dataDir, appVersion: APP_VERSION, share: { opTimeoutMs: 8000, renameRetryMs: 2000 }, ...extra };
}

/** Every file under `dir`, relative, `/`-separated. */
export function walk(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...walk(full, rel));
    else out.push(rel);
  }
  return out.sort();
}

export const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

export function countRows(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

export function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** `tempDir(prefix)` for a test file: each folder it makes is removed after the test. */
export function tempDirs(): (prefix: string) => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (prefix) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
