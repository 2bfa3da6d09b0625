import type Database from 'better-sqlite3';
import { accessSync, constants, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { freeBackupFile, vacuumInto } from '@db/open';
import { checkedName, isTempName, realFolder, removeOwn, userPath, writeWhole } from '@db/contained';
import { UserFileError } from '@db/fileErrors';
import type { BackupEntry } from '@shared/contract/backup';
import { localWeekStart, todayLocal } from '@shared/russian';
import type { TaskContext, WorkerTask } from '@main/api/jobs';
import { embedFiles, shelveForBackups } from '@main/services/files';

/**
 * Local backups in `<dataDir>/backups/`: one automatic copy a day at start-up, copies before
 * a migration (db/open.ts) and manual ones; the safety copies made before restores are kept
 * apart, in `backups/before-restore/`, the last 10, whatever the daily rotation does. Every copy
 * is made by `VACUUM INTO` under a temporary name and renamed (db/contained.ts), so a copy that
 * exists is whole. Attachments are not copied by every backup: the backups share one store
 * (`backups/files`, hard links where possible); a copy to a chosen file carries them inside.
 */

export const REASON_LABELS: Record<string, string> = {
  daily: 'Ежедневная (автоматически)',
  manual: 'Созданная вручную',
  'before-migration': 'Перед обновлением структуры базы',
  'before-restore': 'Перед восстановлением',
};

/** How many copies of each automatic kind are kept. */
export const RETENTION = { daily: 7, weekly: 4, beforeMigration: 5, beforeRestore: 10 };

const NAME = /^([a-z-]+)-(\d{8})-(\d{6})\.sqlite$/;

export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');
export const safetyDir = (dataDir: string) => path.join(dataDir, 'backups', 'before-restore');

/** A name this folder's rotation may remove: a copy made here, or a copy's leftover temporary name. */
const isBackupName = (name: string) => NAME.test(name) || isTempName(name);

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
  // lstat: a link or a FIFO planted under a backup's name is not a backup.
  const stats = lstatSync(file);
  if (!stats.isFile()) return undefined;
  return {
    file,
    name,
    reason: parsed.reason,
    reasonLabel: REASON_LABELS[parsed.reason] ?? 'Копия',
    createdAt: parsed.date.toISOString(),
    size: stats.size,
  };
}

function entriesIn(dir: string): BackupEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => entryOf(path.join(dir, name)))
    .filter((e): e is BackupEntry => e !== undefined);
}

export function listBackups(dataDir: string): BackupEntry[] {
  return [...entriesIn(backupsDir(dataDir)), ...entriesIn(safetyDir(dataDir))].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name),
  );
}

/** A whole copy of the live database at `target` (a path inside a folder the caller chose); never replaces a file. */
export function copyDatabase(live: Database.Database, target: string): void {
  const folder = realFolder(path.dirname(target));
  if (existsSync(target)) throw new UserFileError(`Файл ${target} уже существует: выберите другое имя, существующий файл не заменяется`);
  try {
    writeWhole(folder, checkedName(path.basename(target)), (temp) => vacuumInto(live, temp));
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (
      code === 'SQLITE_CANTOPEN' ||
      code === 'SQLITE_READONLY' ||
      code === 'SQLITE_PERM' ||
      code === 'EACCES' ||
      code === 'EPERM' ||
      code === 'EROFS'
    ) {
      throw new UserFileError(`Не удалось записать копию в папку «${path.dirname(target)}»: нет прав на запись или диск защищён от записи`);
    }
    if (code === 'SQLITE_FULL' || code === 'ENOSPC')
      throw new UserFileError(`Недостаточно места на диске для копии в папке «${path.dirname(target)}»`);
    throw error;
  }
}

/** A copy into the backups folder (or its safety folder), its attachments shelved once in the backups' store. */
export function backupNow(live: Database.Database, dataDir: string, reason: string, now: Date): BackupEntry {
  const dir = reason === 'before-restore' ? safetyDir(dataDir) : backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  // Two copies within the same second (a restore right after a manual copy) must not collide.
  const file = freeBackupFile(dir, now, reason);
  copyDatabase(live, file);
  shelveForBackups(live, dataDir);
  if (reason === 'before-restore') rotateSafetyCopies(dataDir);
  return entryOf(file)!;
}

/** The folder of a chosen target file: it must exist, be a folder and be writable, said in Russian by name. */
function checkTargetFolder(folder: string): void {
  let stats;
  try {
    stats = lstatSync(folder);
  } catch {
    throw new UserFileError(`Папка «${folder}» не найдена`);
  }
  if (stats.isSymbolicLink()) stats = lstatSync(realFolder(folder));
  if (!stats.isDirectory()) throw new UserFileError(`«${folder}» — не папка`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UserFileError(`В папку «${folder}» нельзя записать: нет прав на запись или диск защищён от записи`);
  }
}

/**
 * «Создать копию сейчас»: `copy` makes the consistent copy (the application runs it in a
 * worker thread, so a large database never holds up the window while SQLite copies it). A copy
 * to a chosen file (a stick, to mail) carries the attachments inside it.
 */
export async function manualBackup(
  copy: (target: string) => Promise<void>,
  live: Database.Database,
  dataDir: string,
  now: Date,
  targetFile?: string,
  nativeBinding?: string,
): Promise<BackupEntry> {
  if (!targetFile) {
    const dir = backupsDir(dataDir);
    mkdirSync(dir, { recursive: true });
    const file = freeBackupFile(dir, now, 'manual');
    await copy(file);
    shelveForBackups(live, dataDir);
    return entryOf(file)!;
  }
  const target = userPath(targetFile, 'файл копии');
  checkedName(path.basename(target));
  checkTargetFolder(path.dirname(target));
  if (existsSync(target) || isSymlink(target))
    throw new UserFileError(`Файл ${target} уже существует: выберите другое имя, существующий файл не заменяется`);
  await copy(target);
  embedFiles(target, dataDir, nativeBinding);
  return {
    file: target,
    name: path.basename(target),
    reason: 'manual',
    reasonLabel: REASON_LABELS.manual!,
    createdAt: now.toISOString(),
    size: lstatSync(target).size,
  };
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
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

/** The last RETENTION.beforeRestore safety copies; older ones go. */
function rotateSafetyCopies(dataDir: string): string[] {
  const dir = safetyDir(dataDir);
  const removed: string[] = [];
  const copies = entriesIn(dir).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  const folder = realFolder(dir);
  for (const b of copies.slice(RETENTION.beforeRestore)) if (removeOwn(folder, b.name, isBackupName)) removed.push(b.file);
  return removed;
}

/**
 * Keeps the newest daily copy of each of the last 7 days that have one, and the newest of
 * each of the 4 weeks before them; also the last few copies made before migrations. Manual
 * copies are the user's and stay; safety copies before restores live in their own folder.
 */
export function rotateBackups(dataDir: string): string[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const folder = realFolder(dir);
  const all = entriesIn(dir).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
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
  for (const b of all.filter((x) => x.reason === 'before-migration').slice(0, RETENTION.beforeMigration)) keep.add(b.file);
  const removed: string[] = [];
  // Half-made copies of a run that died mid-VACUUM: only this process makes copies here at start-up.
  for (const name of readdirSync(dir)) {
    if (isTempName(name) && removeOwn(folder, name, isBackupName)) removed.push(path.join(dir, name));
  }
  for (const b of all) {
    // Safety copies left here by an older version count with the manual ones: the user's to remove.
    if (b.reason === 'manual' || b.reason === 'before-restore' || keep.has(b.file)) continue;
    if (removeOwn(folder, b.name, isBackupName)) removed.push(b.file);
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

/** The daily copy at start-up; a failure is reported but does not keep the user out of their data. */
export function startupBackup(live: Database.Database, dataDir: string, now: Date): string | undefined {
  try {
    return dailyBackup(live, dataDir, now)?.file;
  } catch (error) {
    console.error('Не удалось сделать ежедневную резервную копию', error);
    return undefined;
  }
}
