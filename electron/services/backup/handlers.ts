import type { Handlers } from '@main/api/dispatch';
import type { backupCalls } from '@shared/contract/backup';
import { backupsDir, listBackups, manualBackup } from './backups';
import { restoreDatabase } from './restore';

export const backupHandlers: Handlers<typeof backupCalls> = {
  'backup.list': ({ env }) => ({ dir: backupsDir(env.dataDir), backups: listBackups(env.dataDir) }),
  'backup.now': ({ db, env }, { targetFile }) => manualBackup(db.$client, env.dataDir, new Date(), targetFile),
  'backup.restore': (ctx, { file }) => restoreDatabase(ctx, file, new Date()),
};
