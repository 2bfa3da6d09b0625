import type { Handlers } from '@main/api/dispatch';
import { databaseHost } from '@main/api/databaseHost';
import { runInWorker } from '@main/api/jobs';
import type { backupCalls } from '@shared/contract/backup';
import { backupsDir, listBackups, manualBackup } from './backups';
import { previewRestore, restoreDatabase, restoreLog } from './restore';

export const backupHandlers: Handlers<typeof backupCalls> = {
  'backup.list': (ctx) => ({ dir: backupsDir(ctx.env.dataDir), backups: listBackups(ctx.env.dataDir), restores: restoreLog(ctx) }),
  'backup.now': (ctx, { targetFile }) => {
    const binding = databaseHost(ctx)?.openOptions.nativeBinding;
    const copy = (target: string) =>
      runInWorker<void>(
        'backup.copy',
        { target },
        {
          db: () => ctx.db,
          dbFile: ctx.env.dbFile,
          ...(binding ? { nativeBinding: binding } : {}),
          description: 'резервное копирование',
        },
      );
    return manualBackup(copy, ctx.db.$client, ctx.env.dataDir, new Date(), targetFile, binding);
  },
  'backup.preview': (ctx, { file }) => previewRestore(ctx, file),
  'backup.restore': (ctx, { file }) => restoreDatabase(ctx, file, new Date()),
};
