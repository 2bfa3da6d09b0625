import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, lstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@db/open';
import { isTempName, realFolder, regularFile, removeOwn, renameWithin, userPath, writeWhole } from '@db/contained';
import { UserFileError } from '@db/fileErrors';
import { rebuildDatabase, type RebuildOptions } from '@db/rebuild';
import type { CallContext } from '@main/api/dispatch';
import type { BackupEntry, RestoreLogEntry, RestorePreview, RestoreResult } from '@shared/contract/backup';
import { conflict } from '@main/api/errors';
import { busyWith } from '@main/api/busy';
import { databaseHost } from '@main/api/databaseHost';
import { adoptFiles, privateWorkFolder } from '@main/services/files';
import { backupNow } from './backups';

/**
 * Restore from a backup — or from any copy of the database someone mailed: a file from outside
 * is data, never a database to put in place as it is. It is copied into a private folder
 * (with its `-wal`, so a copy of a running application's folder keeps its latest changes, and
 * so a file on a write-protected stick is only ever read), rebuilt by this version's migrations
 * and row copy (db/rebuild.ts), and only the rebuilt file is swapped in, after a safety copy of
 * the current database. The preview does the same and throws the result away.
 */

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

interface Prepared {
  work: string;
  rebuilt: string;
  preview: RestorePreview;
  sha256: string;
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

/** The chosen file and the journal files beside it, copied into the work folder under one name; answers their SHA-256. */
function privateCopy(source: string, work: string): { copy: string; sha256: string } {
  const copy = path.join(work, 'source.sqlite');
  const hash = createHash('sha256');
  copyFileSync(source, copy);
  hash.update(readFileSync(copy));
  for (const suffix of ['-wal', '-journal']) {
    const beside = `${source}${suffix}`;
    let exists = false;
    try {
      lstatSync(beside);
      exists = true;
    } catch {
      // none beside it
    }
    if (!exists) continue;
    regularFile(beside, 'Файл журнала базы');
    copyFileSync(beside, `${copy}${suffix}`);
    hash.update(readFileSync(`${copy}${suffix}`));
  }
  return { copy, sha256: hash.digest('hex') };
}

function rebuildOptions(ctx: CallContext): RebuildOptions {
  const binding = databaseHost(ctx)?.openOptions.nativeBinding;
  const folder = databaseHost(ctx)?.openOptions.migrationsFolder;
  return { ...(binding ? { nativeBinding: binding } : {}), ...(folder ? { migrationsFolder: folder } : {}) };
}

function prepare(ctx: CallContext, file: string): Prepared {
  const source = userPath(file, 'файл копии');
  let stats;
  try {
    stats = regularFile(source, 'Файл копии');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') throw new UserFileError(`Файл ${source} не найден`);
    throw error;
  }
  if (stats.size < SQLITE_HEADER.length || !readHeader(source).equals(SQLITE_HEADER)) {
    throw new UserFileError('Выбранный файл не является резервной копией базы данных (это не файл SQLite)');
  }
  const work = privateWorkFolder(ctx.env.dataDir, 'restore');
  try {
    const { copy, sha256 } = privateCopy(source, work);
    const rebuilt = path.join(work, 'rebuilt.sqlite');
    const options = rebuildOptions(ctx);
    const result = rebuildDatabase(copy, rebuilt, { kind: 'restore', local: ctx.db.$client }, options);
    const missingFiles = adoptFiles(rebuilt, copy, ctx.env.dataDir, options.nativeBinding);
    const preview: RestorePreview = {
      file: source,
      fileDate: stats.mtime.toISOString(),
      centerName: result.facts.centerName,
      lastChange: result.facts.lastChange,
      level: result.level,
      known: result.known,
      records: result.facts.records.filter((r) => r.table !== 'restore_log'),
      missingFiles,
    };
    return { work, rebuilt, preview, sha256 };
  } catch (error) {
    dropWork(work);
    throw error;
  }
}

function dropWork(work: string): void {
  removeOwn(realFolder(path.dirname(work)), path.basename(work), isTempName);
}

/** What the file holds, read the way a restore reads it; nothing is replaced. */
export function previewRestore(ctx: CallContext, file: string): RestorePreview {
  const prepared = prepare(ctx, file);
  dropWork(prepared.work);
  return prepared.preview;
}

function logRestore(rebuilt: string, prepared: Prepared, safety: BackupEntry, now: Date, nativeBinding?: string): void {
  const db = new Database(rebuilt, nativeBinding ? { nativeBinding } : {});
  try {
    db.prepare(
      `INSERT INTO restore_log (restored_at, source_file, source_sha256, source_level, center_name, records, safety_backup, missing_files)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      now.toISOString(),
      prepared.preview.file,
      prepared.sha256,
      prepared.preview.level,
      prepared.preview.centerName,
      JSON.stringify(prepared.preview.records),
      safety.file,
      prepared.preview.missingFiles,
    );
  } finally {
    db.close();
  }
}

/** Puts a closed, flushed file in place of the (closed) database; the old WAL and shared memory files go first. */
function swapIn(dbFile: string, folder: string, fromRel: string): void {
  const base = path.basename(dbFile);
  const journal = (name: string) => name === `${base}-wal` || name === `${base}-shm`;
  removeOwn(folder, `${base}-wal`, journal);
  removeOwn(folder, `${base}-shm`, journal);
  renameWithin(folder, fromRel, base, { replace: true });
}

/**
 * Restore: check and rebuild the file, copy the current database aside (a safety copy, kept
 * apart from the daily rotation), log the restore into the rebuilt file, swap it in and
 * reopen. If the restored file cannot be opened, the previous database is put back, so the
 * user is never left without one.
 */
export function restoreDatabase(ctx: CallContext, file: string, now: Date): RestoreResult {
  const busy = busyWith();
  if (busy) throw conflict(`Идёт ${busy}: дождитесь её окончания, затем восстановите копию`);
  const host = databaseHost(ctx);
  const prepared = prepare(ctx, file);
  const dataFolder = realFolder(path.dirname(ctx.env.dbFile));
  const rebuiltRel = path.relative(dataFolder, path.join(realFolder(prepared.work), path.basename(prepared.rebuilt)));
  let safety: BackupEntry;
  try {
    safety = backupNow(ctx.db.$client, ctx.env.dataDir, 'before-restore', now);
    logRestore(prepared.rebuilt, prepared, safety, now, rebuildOptions(ctx).nativeBinding);
  } catch (error) {
    dropWork(prepared.work);
    throw error;
  }
  const reopen = () => {
    if (host) return host.reopen();
    const opened = openDatabase({ file: ctx.env.dbFile });
    ctx.db = opened.db;
    return opened;
  };
  ctx.db.$client.close();
  try {
    swapIn(ctx.env.dbFile, dataFolder, rebuiltRel);
    reopen();
  } catch (error) {
    // Whatever happens while putting the previous data back, the application must not be left
    // on a closed connection.
    try {
      const back = writeWhole(dataFolder, `restore-back-${now.getTime()}.sqlite`, (temp) => copyFileSync(safety.file, temp));
      swapIn(ctx.env.dbFile, dataFolder, path.basename(back));
    } finally {
      reopen();
    }
    throw error;
  } finally {
    if (existsSync(prepared.work)) dropWork(prepared.work);
  }
  return { restoredFrom: prepared.preview.file, safetyBackup: safety, preview: prepared.preview };
}

export function restoreLog(ctx: CallContext, limit = 20): RestoreLogEntry[] {
  const rows = ctx.db.$client
    .prepare(
      `SELECT id, restored_at AS restoredAt, source_file AS sourceFile, center_name AS centerName, records, safety_backup AS safetyBackup,
              missing_files AS missingFiles FROM restore_log ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as (Omit<RestoreLogEntry, 'records'> & { records: string })[];
  return rows.map((r) => {
    let records: RestoreLogEntry['records'] = [];
    try {
      const parsed = JSON.parse(r.records) as unknown;
      if (Array.isArray(parsed)) records = parsed as RestoreLogEntry['records'];
    } catch {
      // A log row is shown without its counts rather than not at all.
    }
    return { ...r, records };
  });
}
