import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { organizationDisplayName } from '@shared/russian';
import { DEFAULT_MIGRATIONS, migrateWithForeignKeysDeferred, type AppDb } from './open';
import { runDataSteps } from './dataSteps';
import { rebuildDerived, rederivePackaged } from './derived';
import { UserFileError } from './fileErrors';
import * as schema from './schema';
import { isSearchIndexTable, registerSearchFunctions, withoutSearchTriggers } from './search';
import { policyOf, SOURCE, TABLE_POLICIES, type TablePolicy } from './tables';

/**
 * Rebuild, never trust. A file from outside (a backup someone mailed, a package received, the
 * data package about to leave) is read as data only:
 * 1. its level is the number of this version's migrations whose hashes its journal
 *    (`__drizzle_migrations`) lists, in order — a hash this version does not know is a newer
 *    version's or a foreign file's;
 * 2. a fresh database is made by this version's own migrations up to that level;
 * 3. the rows are copied table by table, the tables and columns being those the fresh database
 *    has (so the copy follows the migrations, whatever register added them), with every CHECK,
 *    NOT NULL and UNIQUE enforced on insert, the stored types checked against the declared ones
 *    and the foreign keys checked once all rows are in;
 * 4. the result is migrated to the current level, the data steps run and the derived columns
 *    (search texts, sort keys) recomputed from the names. A package's rows come from this
 *    application's own database: only the tables whose contacts were left out are recomputed,
 *    and the search index is left for the coordinator's copy to rebuild (`rederivePackaged`).
 * Nothing of the file's schema survives: an extra table, view, trigger or index in it is never
 * copied, and a table or column its level must have but it lacks is refused by name.
 */

export interface RebuildOptions {
  migrationsFolder?: string;
  nativeBinding?: string;
}

interface Migration {
  hash: string;
  folderMillis: number;
  sql: string[];
  bps: boolean;
}

const sq = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function migrationsOf(folder: string = DEFAULT_MIGRATIONS): Migration[] {
  return readMigrationFiles({ migrationsFolder: folder }) as Migration[];
}

export interface SourceLevel {
  /** How many of this version's migrations the file has applied. */
  level: number;
  /** How many this version has. */
  known: number;
}

const notOurs = () =>
  new UserFileError(
    'Выбранный файл — база данных другой программы, а не копия базы ресурсного центра (в нём нет журнала изменений структуры)',
  );

/** The file's level, from its migration journal (see the module comment); refuses what is not ours or newer. */
export function levelOf(source: Database.Database, migrations: Migration[]): SourceLevel {
  const journal = source.prepare(`SELECT type FROM ${SOURCE}.sqlite_master WHERE name = '__drizzle_migrations'`).pluck().get() as
    string | undefined;
  if (journal !== 'table') throw notOurs();
  let rows: { hash: unknown; createdAt: unknown }[];
  try {
    rows = source.prepare(`SELECT hash, created_at AS createdAt FROM ${SOURCE}.__drizzle_migrations ORDER BY created_at, rowid`).all() as {
      hash: unknown;
      createdAt: unknown;
    }[];
  } catch {
    throw notOurs();
  }
  if (rows.length === 0) throw notOurs();
  const lastKnown = migrations.at(-1)?.folderMillis ?? 0;
  for (const [i, row] of rows.entries()) {
    if (i < migrations.length && row.hash === migrations[i]!.hash) continue;
    if (i >= migrations.length || Number(row.createdAt) > lastKnown) {
      throw new UserFileError('Копия сделана более новой версией приложения: обновите приложение, прежде чем открывать её');
    }
    throw new UserFileError(
      `Структура базы в файле не совпадает с этой версией приложения (изменение структуры №${i + 1} не такое, как в этой версии): файл сделан не этим приложением или изменён вручную`,
    );
  }
  return { level: rows.length, known: migrations.length };
}

/**
 * Applies the first `level` migrations to an empty database: drizzle's own migrator (the same
 * call `migrate()` makes, `dialect.migrate`, with the list cut at the level), so the journal
 * table and every statement are byte for byte what a database of that version has.
 */
export function migrateTo(db: AppDb, migrations: Migration[], level: number, folder: string): void {
  const internals = db as unknown as { dialect: { migrate(m: Migration[], session: unknown, config: object): void }; session: unknown };
  internals.dialect.migrate(migrations.slice(0, level), internals.session, { migrationsFolder: folder });
}

interface Column {
  name: string;
  type: string;
  pk: number;
  hidden: number;
}

const columnsOf = (db: Database.Database, schemaName: string, table: string) =>
  db.pragma(`${schemaName}.table_xinfo(${sq(table)})`) as Column[];

/** Tables of `schemaName` as SQLite lists them: name, whether it has a rowid, whether it is virtual. */
function tableList(db: Database.Database, schemaName: string): Map<string, { type: string; withoutRowid: boolean }> {
  const rows = db.pragma(`${schemaName}.table_list`) as { name: string; type: string; wr: number }[];
  return new Map(rows.map((r) => [r.name, { type: r.type, withoutRowid: r.wr === 1 }]));
}

/** The storage classes a declared column type accepts: what SQLite's affinity leaves there from good data. */
function allowedTypes(declared: string): string[] | null {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return ['integer', 'null'];
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return ['text', 'null'];
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return ['real', 'integer', 'null'];
  return null;
}

/** SQLite's constraint message («CHECK constraint failed: people_gender») in Russian. */
function constraintMessage(table: string, error: unknown): string {
  const e = error as { code?: string; message?: string };
  const detail = (e.message ?? '').replace(/^[A-Z ]+constraint failed:\s*/i, '');
  switch (e.code) {
    case 'SQLITE_CONSTRAINT_CHECK':
      return `в таблице «${table}» есть строки, нарушающие условие «${detail}»`;
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return `в таблице «${table}» не заполнен обязательный столбец «${detail}»`;
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return `в таблице «${table}» повторяются значения, которые должны быть единственными («${detail}»)`;
    case 'SQLITE_MISMATCH':
      return `в таблице «${table}» в столбце ключа записано не число`;
    default:
      return `таблицу «${table}» не удалось прочитать (${e.code ?? 'ошибка'})`;
  }
}

export type CopyMode = { kind: 'restore'; local?: Database.Database } | { kind: 'package' };

/**
 * Copies the rows of every table the target has from the attached source (`src`), as the
 * target's schema defines them. Foreign keys are off during the copy (rows come in any order)
 * and checked all at once after it. Throws a UserFileError naming the first thing wrong.
 */
export function copyRows(target: Database.Database, mode: CopyMode): void {
  const targetTables = tableList(target, 'main');
  const sourceTables = tableList(target, SOURCE);
  const missing: string[] = [];
  const problems: string[] = [];
  const plan: { table: string; policy: TablePolicy; columns: Column[]; withRowid: boolean }[] = [];
  for (const [table, info] of targetTables) {
    if (table.startsWith('sqlite_') || table === '__drizzle_migrations' || info.type !== 'table') continue;
    // The search index is derived from the records: never taken from a file, rebuilt after the copy (rebuildDerived).
    if (isSearchIndexTable(table)) continue;
    const policy = policyOf(table);
    const columns = columnsOf(target, 'main', table).filter((c) => c.hidden === 0);
    const keys = columns.filter((c) => c.pk > 0);
    // A rowid table without an INTEGER PRIMARY KEY keeps its rowid (the undo journal names link rows by it).
    const withRowid = !info.withoutRowid && !(keys.length === 1 && keys[0]!.type.toUpperCase() === 'INTEGER');
    plan.push({ table, policy, columns, withRowid });
    if (mode.kind === 'restore' && policy.restore === 'local') continue;
    const source = sourceTables.get(table);
    if (!source || source.type !== 'table') {
      missing.push(`таблицы «${table}»`);
      continue;
    }
    if (withRowid && source.withoutRowid) problems.push(`таблица «${table}» в файле устроена иначе, чем в этой версии`);
    const have = new Set(columnsOf(target, SOURCE, table).map((c) => c.name));
    for (const c of columns) if (!have.has(c.name)) missing.push(`столбца «${table}.${c.name}»`);
  }
  if (missing.length > 0) {
    throw new UserFileError(
      `В файле нет ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` и ещё ${missing.length - 5}` : ''}, которые должны быть в базе этой версии структуры: файл неполный или изменён. Данные не изменены.`,
    );
  }
  if (problems.length > 0) throw new UserFileError(`Файл не прошёл проверку: ${problems[0]}. Данные не изменены.`);

  target.pragma('foreign_keys = OFF');
  try {
    target.transaction(() => {
      for (const { table, policy, columns, withRowid } of plan) {
        const names = columns.map((c) => sq(c.name));
        const rowid = withRowid ? ['rowid'] : [];
        let from = `${SOURCE}.${sq(table)}`;
        let selected = names;
        let where = '';
        if (mode.kind === 'restore' && policy.restore === 'local') {
          if (!mode.local) continue;
          // Rows of this PC's own log come from the database being replaced, read here in JS:
          // that connection is the application's own and stays untouched.
          insertLocalRows(target, mode.local, table, columns, withRowid);
          continue;
        }
        if (mode.kind === 'package') {
          if (policy.package === 'none') continue;
          if (typeof policy.package === 'object') {
            const replaced = policy.package.columns ?? {};
            selected = columns.map((c) => (replaced[c.name] ? `${replaced[c.name]} AS ${sq(c.name)}` : sq(c.name)));
            if (policy.package.where) where = ` WHERE ${policy.package.where}`;
          }
        }
        from = `${from}${where}`;
        try {
          target.exec(
            `INSERT INTO main.${sq(table)} (${[...rowid, ...names].join(', ')}) SELECT ${[...rowid, ...selected].join(', ')} FROM ${from}`,
          );
        } catch (error) {
          if (!String((error as { code?: string }).code ?? '').startsWith('SQLITE_')) throw error;
          throw new UserFileError(`Файл не прошёл проверку: ${constraintMessage(table, error)}. Данные не изменены.`);
        }
        for (const c of columns) {
          const allowed = allowedTypes(c.type);
          if (!allowed) continue;
          const wrong = target
            .prepare(
              `SELECT count(*) FROM main.${sq(table)} WHERE typeof(${sq(c.name)}) NOT IN (${allowed.map((a) => `'${a}'`).join(', ')})`,
            )
            .pluck()
            .get() as number;
          if (wrong > 0) {
            throw new UserFileError(
              `Файл не прошёл проверку: в столбце «${table}.${c.name}» ${wrong} ${wrong === 1 ? 'значение' : 'значений'} не того типа. Данные не изменены.`,
            );
          }
        }
      }
      copySequences(
        target,
        plan.map((p) => p.table),
        mode,
      );
    })();
    // A package's links are checked once, with the rest of it, opened read-only (snapshotDatabase).
    const broken = mode.kind === 'restore' ? (target.pragma('foreign_key_check') as { table: string }[]) : [];
    if (broken.length > 0) {
      const tables = [...new Set(broken.map((b) => b.table))];
      throw new UserFileError(
        `Файл не прошёл проверку: нарушены связи между записями (${broken.length}; таблиц${tables.length === 1 ? 'а' : 'ы'} ${tables
          .slice(0, 3)
          .map((t) => `«${t}»`)
          .join(', ')}). Данные не изменены.`,
      );
    }
  } finally {
    target.pragma('foreign_keys = ON');
  }
}

function insertLocalRows(target: Database.Database, local: Database.Database, table: string, columns: Column[], withRowid: boolean): void {
  const exists = local.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return;
  const have = new Set(columnsOf(local, 'main', table).map((c) => c.name));
  const shared = columns.filter((c) => have.has(c.name));
  const names = [...(withRowid ? ['rowid'] : []), ...shared.map((c) => sq(c.name))];
  const insert = target.prepare(`INSERT INTO main.${sq(table)} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  for (const row of local
    .prepare(`SELECT ${names.join(', ')} FROM ${sq(table)}`)
    .raw()
    .iterate())
    insert.run(...(row as unknown[]));
}

/** AUTOINCREMENT counters: never below what the source had used, so an id deleted there is not handed out again. */
function copySequences(target: Database.Database, tables: string[], mode: CopyMode): void {
  const hasSeq = (schemaName: string) =>
    target.prepare(`SELECT 1 FROM ${schemaName}.sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'`).get();
  if (!hasSeq('main') || !hasSeq(SOURCE)) return;
  const wanted = new Set(tables.filter((t) => !(mode.kind === 'package' && policyOf(t).package === 'none')));
  const rows = target.prepare(`SELECT name, seq FROM ${SOURCE}.sqlite_sequence`).raw().all() as [unknown, unknown][];
  for (const [name, seq] of rows) {
    if (typeof name !== 'string' || !wanted.has(name) || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) continue;
    if (mode.kind === 'restore' && policyOf(name).restore === 'local') continue;
    const updated = target.prepare('UPDATE main.sqlite_sequence SET seq = max(seq, ?) WHERE name = ?').run(seq, name).changes;
    if (updated === 0) target.prepare('INSERT INTO main.sqlite_sequence (name, seq) VALUES (?, ?)').run(name, seq);
  }
}

/**
 * The package's rows whose policy replaced a value (a contact left out), by table: the only rows
 * whose derived columns can differ from the live database's. Read while the source is attached.
 */
function packageChangedRows(target: Database.Database): Map<string, number[]> {
  const changed = new Map<string, number[]>();
  for (const [table, policy] of Object.entries(TABLE_POLICIES)) {
    const columns = typeof policy.package === 'object' ? Object.keys(policy.package.columns ?? {}) : [];
    if (columns.length === 0) continue;
    const differs = columns.map((c) => `m.${sq(c)} IS NOT s.${sq(c)}`).join(' OR ');
    const ids = target
      .prepare(`SELECT m.rowid FROM main.${sq(table)} m JOIN ${SOURCE}.${sq(table)} s ON s.rowid = m.rowid WHERE ${differs}`)
      .pluck()
      .all() as number[];
    changed.set(table, ids);
  }
  return changed;
}

export interface RecordCount {
  table: string;
  label: string;
  count: number;
}

export interface DatabaseFacts {
  centerName: string;
  /** The latest `created_at`/`updated_at` in the data: when it was last changed. */
  lastChange: string | null;
  records: RecordCount[];
  /** Rows of every table, by table. */
  counts: Record<string, number>;
}

/** What a database holds, for the preview of a restore and the package's manifest. */
export function factsOf(db: Database.Database): DatabaseFacts {
  const tables = [...tableList(db, 'main').keys()]
    .filter((t) => !t.startsWith('sqlite_') && t !== '__drizzle_migrations' && !isSearchIndexTable(t))
    .sort();
  const records: RecordCount[] = [];
  const counts: Record<string, number> = {};
  let lastChange: string | null = null;
  for (const table of tables) {
    const count = db
      .prepare(`SELECT count(*) FROM ${sq(table)}`)
      .pluck()
      .get() as number;
    counts[table] = count;
    const label = policyOf(table).label;
    if (label) records.push({ table, label, count });
    for (const c of columnsOf(db, 'main', table)) {
      if (c.name !== 'created_at' && c.name !== 'updated_at') continue;
      const latest = db
        .prepare(`SELECT max(${sq(c.name)}) FROM ${sq(table)} WHERE typeof(${sq(c.name)}) = 'text'`)
        .pluck()
        .get() as string | null;
      if (latest && /^\d{4}-\d{2}-\d{2}T/.test(latest) && (!lastChange || latest > lastChange)) lastChange = latest;
    }
  }
  // In the order the registers are declared (the center, the registry, plans, meetings…), as a person reads them.
  const declared = Object.keys(TABLE_POLICIES);
  records.sort((a, b) => declared.indexOf(a.table) - declared.indexOf(b.table));
  let centerName = '';
  if (tables.includes('center_profile')) {
    // Since 0007 the center is an organisation of the registry; a file of an older version keeps the names in the profile.
    const query = columnsOf(db, 'main', 'center_profile').some((c) => c.name === 'organization_id')
      ? 'SELECT o.full_name AS fullName, o.short_name AS shortName FROM center_profile p JOIN organizations o ON o.id = p.organization_id WHERE p.id = 1'
      : 'SELECT full_name AS fullName, short_name AS shortName FROM center_profile WHERE id = 1';
    const row = db.prepare(query).get() as { fullName: string; shortName: string } | undefined;
    centerName = row ? organizationDisplayName(row) : '';
  }
  return { centerName, lastChange, records, counts };
}

export interface RebuildResult extends SourceLevel {
  facts: DatabaseFacts;
}

/**
 * Builds `targetFile` (which must not exist) from the database `sourceFile`, see the module
 * comment. `sourceFile` is attached read-write: the caller hands a private copy (restore) or
 * the application's own database file (package), and only SELECT runs on it.
 */
export function rebuildDatabase(sourceFile: string, targetFile: string, mode: CopyMode, options: RebuildOptions = {}): RebuildResult {
  const folder = options.migrationsFolder ?? DEFAULT_MIGRATIONS;
  const migrations = migrationsOf(folder);
  const target = new Database(targetFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    try {
      target.prepare(`ATTACH DATABASE ? AS ${SOURCE}`).run(sourceFile);
      // The first read of the attached file is where SQLite finds it is not a database.
      target.prepare(`SELECT count(*) FROM ${SOURCE}.sqlite_master`).get();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
        throw new UserFileError('Выбранный файл не является базой данных или повреждён: SQLite не может его прочитать');
      }
      throw error;
    }
    const source = levelOf(target, migrations);
    // The search index's triggers call it while the rows are copied (db/search.ts).
    registerSearchFunctions(target);
    const db = drizzle(target, { schema }) as AppDb;
    db.$client = target;
    migrateTo(db, migrations, source.level, folder);
    try {
      // The index is rebuilt whole at the end (rebuildDerived): not row by row on the way.
      withoutSearchTriggers(target, () => copyRows(target, mode));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_IOERR')) {
        throw new UserFileError('Файл повреждён: часть данных в нём не читается. Данные не изменены.');
      }
      throw error;
    }
    const packageChanged = mode.kind === 'package' ? packageChangedRows(target) : new Map<string, number[]>();
    target.prepare(`DETACH DATABASE ${SOURCE}`).run();
    if (source.level < migrations.length) migrateWithForeignKeysDeferred(target, db, folder);
    if (mode.kind === 'restore') runDataSteps(db, migrations.length);
    // Search texts and sort keys are computed by this version's rules, never taken from a file
    // (and in the package, never from a contact that was left out). In one transaction: row by row
    // in autocommit, each changed row was a commit of its own to disk (a package of the reference
    // data took 30 s, tests/bench/last-result.md).
    // The changed rows' index entries are not kept in step one by one: the index is rebuilt after them.
    if (mode.kind === 'restore') {
      withoutSearchTriggers(target, () => target.transaction(() => rebuildDerived(db))());
      const integrity = target.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new UserFileError(`Восстановленная база не прошла проверку SQLite (${String(integrity)})`);
    } else {
      // The package is checked once, opened read-only, before it leaves the PC (snapshotDatabase).
      withoutSearchTriggers(target, () => target.transaction(() => rederivePackaged(db, packageChanged))());
    }
    return { ...source, facts: factsOf(target) };
  } finally {
    target.close();
  }
}
