import type Database from 'better-sqlite3';
import { databaseProblem, openReadonly, type ReadonlyOpenOptions } from '@db/inspect';
import { factsOf, rebuildDatabase } from '@db/rebuild';
import { conflict } from '@main/api/errors';

/**
 * The data package: the database rebuilt row by row and filtered (see `snapshotDatabase`),
 * checked before it leaves the PC, and described by `manifest.json`; the package's folder is
 * filled under a temporary name and renamed into place after the manifest, so it appears whole.
 */

export const DATA_KIND = 'data';
export const DATA_KIND_LABEL = 'Пакет данных (база для координатора)';

export const MANIFEST_NAME = 'manifest.json';
export const PACKAGE_DB_NAME = 'data.sqlite';
export const MANIFEST_FORMAT = 'resource-center-export';

export interface ManifestFile {
  /** Relative to the manifest's folder, with `/`. */
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: 1;
  center: { code: string; name: string };
  year: number;
  createdAt: string;
  appVersion: string;
  /** Migrations applied to the packaged database. */
  schemaVersion: number;
  kinds: string[];
  records: Record<string, number>;
  files: ManifestFile[];
}

export interface SnapshotFacts {
  records: Record<string, number>;
  schemaVersion: number;
  centerName: string;
}

export function databaseFacts(sqlite: Database.Database): SnapshotFacts {
  const facts = factsOf(sqlite);
  const hasMigrations = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  const schemaVersion = hasMigrations ? (sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number) : 0;
  return { records: facts.counts, schemaVersion, centerName: facts.centerName };
}

/**
 * Builds the package's database at `target` (a local file) by the same row copy a restore uses
 * (db/rebuild.ts), filtered by each table's package policy: never by copying the file (`VACUUM
 * INTO` would carry whatever schema objects the file holds, and everything in it). What the
 * center keeps for itself (settings, the export log, the undo journal, this PC's restore log)
 * stays out, and a person's phone and e-mail go only with a recorded consent. The result is
 * checked opened read-only before it leaves the PC.
 */
export function snapshotDatabase(live: Database.Database, target: string, options: ReadonlyOpenOptions = {}): SnapshotFacts {
  rebuildDatabase(live.name, target, { kind: 'package' }, options);
  const copy = openReadonly(target, options);
  try {
    const problem = databaseProblem(copy);
    if (problem) throw conflict(`Снимок базы данных не прошёл проверку: ${problem}. Выгрузка не выполнена.`);
    return databaseFacts(copy);
  } finally {
    copy.close();
  }
}
