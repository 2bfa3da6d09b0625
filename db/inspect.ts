import Database from 'better-sqlite3';

/** Opening and checking a database file that is not the application's own (a backup, a package). */

export interface ReadonlyOpenOptions {
  nativeBinding?: string;
}

export function openReadonly(file: string, options: ReadonlyOpenOptions = {}): Database.Database {
  return new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

/** Runs SQLite's own checks; answers a Russian description of the first problem, or null. */
export function databaseProblem(sqlite: Database.Database): string | null {
  const integrity = sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
    return `файл повреждён (${integrity
      .slice(0, 3)
      .map((r) => r.integrity_check)
      .join('; ')})`;
  }
  const broken = sqlite.pragma('foreign_key_check') as { table: string }[];
  if (broken.length > 0) return `нарушены связи между записями (таблица ${broken[0]!.table}, всего ${broken.length})`;
  return null;
}
