import Database from 'better-sqlite3';
import { databaseProblem, openReadonly, type ReadonlyOpenOptions } from '@db/inspect';
import { vacuumInto } from '@db/open';
import { conflict } from '@main/api/errors';
import { organizationDisplayName } from '@shared/russian';

/**
 * The data package: a consistent copy of the database made by SQLite itself (`VACUUM INTO`
 * is safe with WAL and open readers), checked before it leaves the PC, and described by
 * `manifest.json`, which is written last and marks the package as whole.
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
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const records: Record<string, number> = {};
  for (const table of tables)
    records[table] = sqlite
      .prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"`)
      .pluck()
      .get() as number;
  const hasMigrations = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  const schemaVersion = hasMigrations ? (sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number) : 0;
  let centerName = '';
  if (tables.includes('center_profile')) {
    // Since 0007 the center is an organisation of the registry; a package of an older version kept the names in the profile.
    const columns = sqlite.prepare("SELECT name FROM pragma_table_info('center_profile')").pluck().all() as string[];
    const query = columns.includes('organization_id')
      ? 'SELECT o.full_name AS fullName, o.short_name AS shortName FROM center_profile p JOIN organizations o ON o.id = p.organization_id WHERE p.id = 1'
      : 'SELECT full_name AS fullName, short_name AS shortName FROM center_profile WHERE id = 1';
    const row = sqlite.prepare(query).get() as { fullName: string; shortName: string } | undefined;
    centerName = row ? organizationDisplayName(row) : '';
  }
  return { records, schemaVersion, centerName };
}

/** Snapshots the live database into `target` (a local file) and checks the copy opened read-only. */
export function snapshotDatabase(live: Database.Database, target: string, options: ReadonlyOpenOptions = {}): SnapshotFacts {
  vacuumInto(live, target);
  withoutUndoJournal(target, options);
  const copy = openReadonly(target, options);
  try {
    const problem = databaseProblem(copy);
    if (problem) throw conflict(`Снимок базы данных не прошёл проверку: ${problem}. Выгрузка не выполнена.`);
    return databaseFacts(copy);
  } finally {
    copy.close();
  }
}

/**
 * The undo journal keeps what was deleted here for a while — people's personal data among
 * it. That stays on this PC: the package for the coordinator carries the journal empty, and
 * VACUUM rewrites the copy so the deleted rows are not left in its free pages.
 */
function withoutUndoJournal(file: string, options: ReadonlyOpenOptions): void {
  const copy = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    const hasJournal = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'undo_journal'").get();
    if (!hasJournal) return;
    copy.exec('DELETE FROM undo_journal');
    copy.exec('VACUUM');
  } finally {
    copy.close();
  }
}
