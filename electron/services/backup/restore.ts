import { openDatabase } from '../../../db/open';
import type { CallContext } from '../../api/dispatch';
import type { RestoreResult } from '../../contract/exchange';
import { conflict } from '../../api/errors';
import { anyExportRunning } from '../exchange/jobs';
import { backupNow, checkBackupFile, replaceDatabaseFile } from './backups';
import { databaseHost } from './host';

/**
 * Restore from a backup: check the file, copy the current database aside, swap the file and
 * reopen. If the restored file cannot be opened (a migration fails), the previous database is
 * put back, so the user is never left without one.
 */
export function restoreDatabase(ctx: CallContext, file: string, now: Date): RestoreResult {
  const host = databaseHost(ctx);
  const checked = checkBackupFile(file, host?.openOptions ?? {});
  if (anyExportRunning()) throw conflict('Идёт выгрузка: дождитесь её окончания, затем восстановите копию');
  const safety = backupNow(ctx.db.$client, ctx.env.dataDir, 'before-restore', now);
  const reopen = () => {
    if (host) return host.reopen();
    const opened = openDatabase({ file: ctx.env.dbFile });
    ctx.db = opened.db;
    return opened;
  };
  ctx.db.$client.close();
  try {
    replaceDatabaseFile(ctx.env.dbFile, checked.file);
    reopen();
  } catch (error) {
    replaceDatabaseFile(ctx.env.dbFile, safety.file);
    reopen();
    throw error;
  }
  return { restoredFrom: checked.file, safetyBackup: safety };
}
