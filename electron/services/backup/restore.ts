import { rmSync } from 'node:fs';
import { openDatabase } from '@db/open';
import type { CallContext } from '@main/api/dispatch';
import type { BackupEntry, RestoreResult } from '@shared/contract/backup';
import { conflict } from '@main/api/errors';
import { busyWith } from '@main/api/busy';
import { backupNow, checkBackupFile, replaceDatabaseFile, stageRestoreCopy, swapInDatabaseFile } from './backups';
import { databaseHost } from '@main/api/databaseHost';

/**
 * Restore from a backup: check the file, make and check the copy that will be put in place,
 * copy the current database aside, swap the file and reopen. If the restored file cannot be
 * opened (a migration fails), the previous database is put back, so the user is never left
 * without one.
 */
export function restoreDatabase(ctx: CallContext, file: string, now: Date): RestoreResult {
  const host = databaseHost(ctx);
  const options = host?.openOptions ?? {};
  const checked = checkBackupFile(file, options);
  const busy = busyWith();
  if (busy) throw conflict(`Идёт ${busy}: дождитесь её окончания, затем восстановите копию`);
  const staged = stageRestoreCopy(ctx.env.dbFile, checked.file, options);
  let safety: BackupEntry;
  try {
    safety = backupNow(ctx.db.$client, ctx.env.dataDir, 'before-restore', now);
  } catch (error) {
    rmSync(staged, { force: true });
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
    swapInDatabaseFile(ctx.env.dbFile, staged);
    reopen();
  } catch (error) {
    rmSync(staged, { force: true });
    // Whatever happens while putting the previous data back, the application must not be left
    // on a closed connection.
    try {
      replaceDatabaseFile(ctx.env.dbFile, safety.file);
    } finally {
      reopen();
    }
    throw error;
  }
  return { restoredFrom: checked.file, safetyBackup: safety };
}
