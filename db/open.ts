import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';
import { DATA_STEPS, runDataSteps, type DataStep } from './dataSteps';
import { isNetworkPath, type LocationProbe } from './location';
import { realFolder, writeWhole } from './contained';
import { rebalanceSearchIndex, registerSearchFunctions } from './search';

export type AppDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

// Beside this file when run from source. The Electron main is a CommonJS bundle without
// import.meta.url: it passes `migrationsFolder` itself, and this fallback only keeps the
// module from failing at load time there.
export const DEFAULT_MIGRATIONS = import.meta.url
  ? path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')
  : path.join(process.cwd(), 'db', 'migrations');

/** A refusal to open the database, with the Russian message shown to the user. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: 'network' | 'newer' | 'corrupt' | 'backup' | 'locked',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

export interface MigrationState {
  applied: number;
  known: number;
  newer: boolean;
}

/** Compares what the file has applied (drizzle's own bookkeeping table) with what this build knows. */
export function migrationState(sqlite: Database.Database, migrationsFolder: string): MigrationState {
  const entries = readJournal(migrationsFolder);
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  if (!hasTable) return { applied: 0, known: entries.length, newer: false };
  const row = sqlite.prepare('SELECT count(*) AS n, max(created_at) AS last FROM __drizzle_migrations').get() as {
    n: number;
    last: number | null;
  };
  const lastKnown = entries.at(-1)?.when ?? 0;
  return { applied: row.n, known: entries.length, newer: row.n > entries.length || (row.last ?? 0) > lastKnown };
}

export interface OpenOptions {
  file: string;
  /** Path to a better-sqlite3 addon built for another ABI (Electron's); Node's own build otherwise. */
  nativeBinding?: string;
  migrationsFolder?: string;
  readonly?: boolean;
  locationProbe?: LocationProbe;
  now?: () => Date;
  /**
   * The data steps to run after migrating (all of them unless told): the tests that make a file
   * as an older version wrote it pass none, since that version ran its own code of its steps.
   */
  dataSteps?: readonly DataStep[];
}

export interface OpenedDatabase {
  db: AppDb;
  sqlite: Database.Database;
  file: string;
  /** The backup made before migrating, if a migration was pending on an existing file. */
  backupFile?: string;
}

export function backupFileName(now: Date, reason: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${reason}-${stamp}.sqlite`;
}

/** A consistent copy of a live database, made by SQLite itself (safe with WAL and open readers). */
export function vacuumInto(sqlite: Database.Database, target: string): void {
  sqlite.prepare('VACUUM INTO ?').run(target);
}

/** `<reason>-<stamp>.sqlite` in `dir`, a second later for each name already taken. */
export function freeBackupFile(dir: string, now: Date, reason: string): string {
  let file = path.join(dir, backupFileName(now, reason));
  for (let n = 1; existsSync(file); n++) file = path.join(dir, backupFileName(new Date(now.getTime() + n * 1000), reason));
  return file;
}

/**
 * `vacuumInto` for a copy someone may rely on: made under a hidden temporary name, flushed,
 * then renamed, so a file under the final name is always whole (an interrupted copy leaves
 * only the hidden name, which the backup rotation removes). Through db/contained.ts: the
 * folder is resolved, nothing on the way is a link, nothing existing is replaced.
 */
export function vacuumIntoWhole(sqlite: Database.Database, target: string): void {
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  writeWhole(realFolder(parent), path.basename(target), (temp) => vacuumInto(sqlite, temp));
}

/**
 * drizzle-kit changes a column by rebuilding the table (create new, copy, drop old, rename),
 * and dropping a table other rows point to fails while foreign keys are enforced. SQLite's
 * documented procedure for schema changes is to switch enforcement off outside the
 * transaction, migrate, then verify with foreign_key_check before switching it back on.
 */
export function migrateWithForeignKeysDeferred(sqlite: Database.Database, db: AppDb, migrationsFolder: string, backupFile?: string): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    try {
      migrate(db, { migrationsFolder });
    } catch (error) {
      // drizzle runs every pending migration in one transaction: a row the new rules refuse (a
      // value outside an enum, text that is not JSON) rolls all of them back, the file stays as it was.
      const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? (error as { code?: string; message?: string });
      if (!cause.code?.startsWith('SQLITE_CONSTRAINT')) throw error;
      throw new DatabaseOpenError(
        'corrupt',
        `В базе есть запись, которая не соответствует правилам этой версии программы (${cause.message ?? cause.code}), поэтому обновление структуры базы не выполнено и данные не изменены.` +
          (backupFile ? ` Копия базы перед обновлением: ${backupFile}.` : '') +
          ' Запись нужно исправить вручную: обратитесь к тому, кто обслуживает программу.',
      );
    }
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new DatabaseOpenError(
        'corrupt',
        `После обновления структуры базы нарушены связи между записями (${broken.length}). Восстановите базу из резервной копии.`,
      );
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

/** How many distinct SQL texts keep their prepared statement (a screen's queries are a few dozen). */
const STATEMENT_CACHE_SIZE = 200;

/**
 * drizzle prepares every query anew (`client.prepare(sql)` on each call); at the reference
 * scale that preparation is a measurable share of a list call whose own query takes a fraction
 * of a millisecond. This gives drizzle's session a client whose `prepare` reuses statements
 * by SQL text (bounded, least recently used dropped), while everything else (`transaction`, …)
 * goes to the real connection. Only drizzle sees it: `db.$client` and the `sqlite` handed out
 * stay the plain connection, so code that prepares and keeps or iterates its own statements
 * never shares one with drizzle.
 *
 * Why sharing is safe for drizzle (drizzle-orm/better-sqlite3/session.js): it runs statements
 * only with all()/get()/run() (never iterate(), never bind()), each of which finishes and resets
 * the statement, and it switches array rows on with `stmt.raw()` but never back off. So a hit
 * is handed out in the default object-row mode again: raw, pluck and expand off (those exist
 * only for statements that return data). A statement still busy (iterated) is never reused.
 */
function withStatementCache(sqlite: Database.Database): Database.Database {
  const statements = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    const hit = statements.get(source);
    if (hit && !hit.busy) {
      statements.delete(source);
      statements.set(source, hit);
      if (hit.reader) hit.raw(false).pluck(false).expand(false);
      return hit;
    }
    const statement = sqlite.prepare(source);
    if (!hit) {
      statements.set(source, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * A second connection to the application's database, already opened and migrated by
 * `openDatabase` in the main thread: a worker thread's own. Read-only unless the job writes
 * all at once (an import); it waits for locks only briefly, being off the main thread anyway.
 */
export function connect(file: string, options: { readonly: boolean; nativeBinding?: string }): AppDb {
  const sqlite = new Database(file, {
    readonly: options.readonly,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  registerSearchFunctions(sqlite);
  const db = drizzle(withStatementCache(sqlite), { schema }) as AppDb;
  db.$client = sqlite;
  return db;
}

export function openDatabase(options: OpenOptions): OpenedDatabase {
  // ':memory:' is SQLite's name for a private in-memory database, not a path.
  const inMemory = options.file === ':memory:';
  const file = inMemory ? options.file : path.resolve(options.file);
  if (!inMemory && isNetworkPath(file, options.locationProbe)) {
    throw new DatabaseOpenError(
      'network',
      `База данных не может находиться в сетевой папке (${file}): SQLite по сети повреждает данные. Храните базу на этом компьютере, а в общую папку используйте выгрузку.`,
    );
  }
  if (!inMemory) mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  // Before anything writes: the search index's triggers call it (db/search.ts).
  registerSearchFunctions(sqlite);
  try {
    const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS;
    let state: MigrationState;
    // The first statements are where SQLite notices a file that is not a database.
    try {
      if (!options.readonly) {
        sqlite.pragma('journal_mode = WAL');
        sqlite.pragma('synchronous = FULL');
      }
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('busy_timeout = 5000');
      state = migrationState(sqlite, migrationsFolder);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB' || (error as { code?: string }).code === 'SQLITE_CORRUPT') {
        throw new DatabaseOpenError('corrupt', `Файл ${file} не является базой данных приложения или повреждён.`);
      }
      throw error;
    }
    if (state.newer) {
      throw new DatabaseOpenError(
        'newer',
        'База данных создана более новой версией приложения. Обновите приложение, чтобы открыть её: старая версия могла бы её повредить.',
      );
    }
    const db = drizzle(withStatementCache(sqlite), { schema }) as AppDb;
    db.$client = sqlite;
    let backupFile: string | undefined;
    if (state.applied < state.known && !options.readonly) {
      if (state.applied > 0) {
        backupFile = freeBackupFile(path.join(path.dirname(file), 'backups'), options.now?.() ?? new Date(), 'before-migration');
        try {
          vacuumIntoWhole(sqlite, backupFile);
        } catch {
          throw new DatabaseOpenError(
            'backup',
            `Не удалось сделать резервную копию базы перед обновлением её структуры (${backupFile}), поэтому обновление не выполнено и данные не изменены. Проверьте, что на диске есть свободное место, и запустите приложение снова.`,
          );
        }
      }
      migrateWithForeignKeysDeferred(sqlite, db, migrationsFolder, backupFile);
    }
    if (!options.readonly) {
      runDataSteps(db, migrationState(sqlite, migrationsFolder).applied, options.dataSteps ?? DATA_STEPS);
      rebalanceSearchIndex(sqlite);
    }
    return { db, sqlite, file, ...(backupFile ? { backupFile } : {}) };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
