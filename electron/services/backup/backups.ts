import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MIGRATIONS, freeBackupFile, migrationState, vacuumInto, vacuumIntoWhole } from '@db/open';
import type { BackupEntry } from '@shared/contract/backup';
import { conflict, invalid } from '@main/api/errors';
import { databaseProblem } from '@db/inspect';
import { localWeekStart, todayLocal } from '@shared/russian';
import type { TaskContext, WorkerTask } from '@main/api/jobs';

/**
 * Local backups in `<dataDir>/backups/`: one automatic copy a day at start-up, copies before
 * a migration (db/open.ts) and before a restore, and manual ones. Every copy is made by
 * `VACUUM INTO` under a temporary name and renamed, so a copy that exists is whole.
 */

export const REASON_LABELS: Record<string, string> = {
  daily: 'Ежедневная (автоматически)',
  manual: 'Созданная вручную',
  'before-migration': 'Перед обновлением структуры базы',
  'before-restore': 'Перед восстановлением',
};

/** How many copies of each automatic kind are kept. */
export const RETENTION = { daily: 7, weekly: 4, beforeMigration: 5, beforeRestore: 5 };

const NAME = /^([a-z-]+)-(\d{8})-(\d{6})\.sqlite$/;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');

function parseName(name: string): { reason: string; date: Date } | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const [, reason, d, t] = m;
  const date = new Date(`${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6, 8)}T${t!.slice(0, 2)}:${t!.slice(2, 4)}:${t!.slice(4, 6)}Z`);
  return Number.isNaN(date.getTime()) ? undefined : { reason: reason!, date };
}

function entryOf(file: string): BackupEntry | undefined {
  const name = path.basename(file);
  const parsed = parseName(name);
  if (!parsed) return undefined;
  return {
    file,
    name,
    reason: parsed.reason,
    reasonLabel: REASON_LABELS[parsed.reason] ?? 'Копия',
    createdAt: parsed.date.toISOString(),
    size: statSync(file).size,
  };
}

export function listBackups(dataDir: string): BackupEntry[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => entryOf(path.join(dir, name)))
    .filter((e): e is BackupEntry => e !== undefined)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A whole copy of the live database at `target`; refuses to replace an existing file. */
export function copyDatabase(live: Database.Database, target: string): void {
  if (existsSync(target)) throw conflict(`Файл ${target} уже существует: выберите другое имя, существующий файл не заменяется`);
  vacuumIntoWhole(live, target);
}

export function backupNow(live: Database.Database, dataDir: string, reason: string, now: Date): BackupEntry {
  // Two copies within the same second (a restore right after a manual copy) must not collide.
  const file = freeBackupFile(backupsDir(dataDir), now, reason);
  copyDatabase(live, file);
  return entryOf(file)!;
}

/**
 * «Создать копию сейчас»: `copy` makes the consistent copy (the application runs it in a
 * worker thread, so a large database never holds up the window while SQLite copies it).
 */
export async function manualBackup(
  copy: (target: string) => Promise<void>,
  dataDir: string,
  now: Date,
  targetFile?: string,
): Promise<BackupEntry> {
  if (!targetFile) {
    const file = freeBackupFile(backupsDir(dataDir), now, 'manual');
    await copy(file);
    return entryOf(file)!;
  }
  const target = path.resolve(targetFile);
  if (!existsSync(path.dirname(target))) throw invalid(`Папка ${path.dirname(target)} не найдена`, { targetFile: 'Папка не найдена' });
  if (existsSync(target)) throw conflict(`Файл ${target} уже существует: выберите другое имя, существующий файл не заменяется`);
  await copy(target);
  return {
    file: target,
    name: path.basename(target),
    reason: 'manual',
    reasonLabel: REASON_LABELS.manual!,
    createdAt: now.toISOString(),
    size: statSync(target).size,
  };
}

/** The worker thread's task: the copy made on the worker's own read-only connection. */
export const backupWorkerTasks = {
  'backup.copy': {
    access: 'read',
    run: (input: { target: string }, ctx: TaskContext) => copyDatabase(ctx.db.$client, input.target),
  } satisfies WorkerTask<{ target: string }, void>,
};

const localDay = (d: Date) => todayLocal(d);
const localWeek = localWeekStart;

/**
 * Keeps the newest daily copy of each of the last 7 days that have one, and the newest of
 * each of the 4 weeks before them; also the last few copies made before migrations and
 * restores. Manual copies are the user's and stay.
 */
export function rotateBackups(dataDir: string): string[] {
  const all = listBackups(dataDir);
  const keep = new Set<string>();
  const days: string[] = [];
  const coveredWeeks = new Set<string>();
  const weekly = new Set<string>();
  // Newest first, so the first copy seen of a day or week is the one kept.
  for (const b of all.filter((x) => x.reason === 'daily')) {
    const when = new Date(b.createdAt);
    const day = localDay(when);
    const week = localWeek(when);
    if (days.length < RETENTION.daily) {
      if (!days.includes(day)) {
        days.push(day);
        coveredWeeks.add(week);
        keep.add(b.file);
      }
    } else if (!days.includes(day) && !coveredWeeks.has(week) && !weekly.has(week) && weekly.size < RETENTION.weekly) {
      weekly.add(week);
      keep.add(b.file);
    }
  }
  for (const [reason, count] of [
    ['before-migration', RETENTION.beforeMigration],
    ['before-restore', RETENTION.beforeRestore],
  ] as const) {
    for (const b of all.filter((x) => x.reason === reason).slice(0, count)) keep.add(b.file);
  }
  const removed: string[] = [];
  // Half-made copies of a run that died mid-VACUUM: only this process makes copies here at start-up.
  for (const name of readdirSync(backupsDir(dataDir))) {
    if (name.startsWith('.') && name.includes('.rc-tmp-')) {
      rmSync(path.join(backupsDir(dataDir), name), { force: true });
      removed.push(path.join(backupsDir(dataDir), name));
    }
  }
  for (const b of all) {
    if (b.reason === 'manual' || keep.has(b.file)) continue;
    rmSync(b.file, { force: true });
    removed.push(b.file);
  }
  return removed;
}

/** The start-up copy: made only if today has none yet, then old copies are rotated. */
export function dailyBackup(live: Database.Database, dataDir: string, now: Date): BackupEntry | undefined {
  const today = localDay(now);
  const made = listBackups(dataDir).some((b) => b.reason === 'daily' && localDay(new Date(b.createdAt)) === today);
  const entry = made ? undefined : backupNow(live, dataDir, 'daily', now);
  rotateBackups(dataDir);
  return entry;
}

export interface CheckedBackup {
  file: string;
  schemaVersion: number;
}

/**
 * Accepts a file for restore only if it is an SQLite database of this application, whole, and
 * not made by a newer version (whose schema this build would damage).
 */
export function checkBackupFile(file: string, options: { migrationsFolder?: string; nativeBinding?: string } = {}): CheckedBackup {
  const target = path.resolve(file);
  if (!existsSync(target) || !statSync(target).isFile()) throw invalid(`Файл ${target} не найден`, { file: 'Файл не найден' });
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(target, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER))
    throw invalid('Выбранный файл не является резервной копией базы данных (это не файл SQLite)', { file: 'Не файл базы данных' });
  let sqlite: Database.Database;
  try {
    sqlite = new Database(target, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch {
    throw invalid('Выбранный файл повреждён: SQLite не может его открыть', { file: 'Файл повреждён' });
  }
  try {
    let problem: string | null;
    try {
      problem = databaseProblem(sqlite);
    } catch {
      problem = 'файл повреждён';
    }
    if (problem)
      throw invalid(`Резервная копия не прошла проверку: ${problem}. Восстановление не выполнено.`, { file: 'Копия повреждена' });
    const hasSettings = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='app_settings'").get();
    if (!hasSettings)
      throw invalid('Выбранный файл — база данных другой программы, а не резервная копия ресурсного центра', { file: 'Чужая база данных' });
    const state = migrationState(sqlite, options.migrationsFolder ?? DEFAULT_MIGRATIONS);
    if (state.newer) {
      throw invalid('Копия сделана более новой версией приложения: обновите приложение, прежде чем восстанавливать её', {
        file: 'Копия новее приложения',
      });
    }
    return { file: target, schemaVersion: state.applied };
  } finally {
    sqlite.close();
  }
}

const restoreTemp = (dbFile: string) => `${dbFile}.restore-${process.pid}-${Date.now()}`;

/**
 * The file a restore will put in place, made beside the live database and checked before the
 * live one is touched. SQLite makes it (`VACUUM INTO`), not a byte copy: a database copied
 * from a running application keeps its latest changes in the `-wal` file beside it, which the
 * check reads but a copy of the main file alone would silently drop.
 */
export function stageRestoreCopy(
  dbFile: string,
  source: string,
  options: { migrationsFolder?: string; nativeBinding?: string } = {},
): string {
  const temp = restoreTemp(dbFile);
  try {
    const sqlite = new Database(source, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    try {
      vacuumInto(sqlite, temp);
    } finally {
      sqlite.close();
    }
    fsyncFile(temp);
    checkBackupFile(temp, options);
    return temp;
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Puts a prepared, flushed file in place of the (closed) database. The old WAL and
 * shared-memory files belong to the old database and would be replayed onto the new one, so
 * they go first.
 */
export function swapInDatabaseFile(dbFile: string, prepared: string): void {
  rmSync(`${dbFile}-wal`, { force: true });
  rmSync(`${dbFile}-shm`, { force: true });
  renameSync(prepared, dbFile);
}

/** Replaces the (closed) database file with a byte copy of `source` (a copy made by `VACUUM INTO`). */
export function replaceDatabaseFile(dbFile: string, source: string): void {
  const temp = restoreTemp(dbFile);
  try {
    copyFileSync(source, temp);
    fsyncFile(temp);
    swapInDatabaseFile(dbFile, temp);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The daily copy at start-up; a failure is reported but does not keep the user out of their data. */
export function startupBackup(live: Database.Database, dataDir: string, now: Date): string | undefined {
  try {
    return dailyBackup(live, dataDir, now)?.file;
  } catch (error) {
    console.error('Не удалось сделать ежедневную резервную копию', error);
    return undefined;
  }
}
