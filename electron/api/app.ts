import path from 'node:path';
import { openDatabase, type OpenOptions } from '@db/open';
import { contract } from '@shared/contract';
import { acquireDataDirLock } from './dataDirLock';
import { createDispatcher, type AnyHandler, type CallContext } from './dispatch';
import { attachDatabaseHost } from './databaseHost';
import { startupBackup } from '@main/services/backup';
import { handlers } from './handlers';
import { APP_VERSION } from './version';

export const DB_FILE_NAME = 'resource-center.sqlite';

export interface AppOptions extends Omit<OpenOptions, 'file'> {
  dataDir: string;
}

/**
 * Opens the center's database and wires the contract to its handlers. The Electron main
 * process and the browser host both start the application through this one function.
 */
export function createApp(options: AppOptions) {
  const { dataDir, ...openOptions } = options;
  const lock = acquireDataDirLock(dataDir);
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase({ ...openOptions, file: path.join(dataDir, DB_FILE_NAME) });
  } catch (error) {
    lock.release();
    throw error;
  }
  const env = { version: APP_VERSION, dataDir, dbFile: opened.file };
  // One context object for the whole run: a restore replaces ctx.db and every later call sees it.
  const ctx: CallContext = { db: opened.db, env };
  attachDatabaseHost(ctx, {
    openOptions,
    reopen: () => {
      const next = openDatabase({ ...openOptions, file: opened.file });
      ctx.db = next.db;
      return next;
    },
  });
  const dailyBackupFile = startupBackup(opened.sqlite, dataDir, openOptions.now?.() ?? new Date());
  const dispatch = createDispatcher(contract, handlers as unknown as Record<string, AnyHandler>, ctx);
  return {
    dispatch,
    get db() {
      return ctx.db;
    },
    get sqlite() {
      return ctx.db.$client;
    },
    env,
    backupFile: opened.backupFile,
    dailyBackupFile,
    close: () => {
      ctx.db.$client.close();
      lock.release();
    },
  };
}

export type App = ReturnType<typeof createApp>;
