import path from 'node:path';
import { openDatabase, type OpenOptions } from '@db/open';
import { contract } from '@shared/contract';
import { acquireDataDirLock } from './dataDirLock';
import { createDispatcher, type AnyHandler, type AppEnv, type CallContext } from './dispatch';
import { attachDatabaseHost } from './databaseHost';
import { startupBackup } from '@main/services/backup';
import { handlers } from './handlers';
import { APP_VERSION } from './version';
import type { Readable } from 'node:stream';
import type { Result } from '@shared/contract/define';
import type { StoredFile, UploadMeta } from '@shared/contract/files';
import { fileErrorMessage } from '@db/fileErrors';
import { openStoredFile, putFile } from '@main/services/files';
import { DomainError } from './errors';
import { refuseWhileWritesHeld } from './writeGate';
import { stopIdleWorkers } from './jobs';

export const DB_FILE_NAME = 'resource-center.sqlite';

export interface AppOptions extends Omit<OpenOptions, 'file'> {
  dataDir: string;
  /** The Electron window's file dialog (see AppEnv). */
  chooseFile?: AppEnv['chooseFile'];
  printToPdf?: AppEnv['printToPdf'];
  printFile?: AppEnv['printFile'];
}

/**
 * Opens the center's database and wires the contract to its handlers. The Electron main
 * process and the browser host both start the application through this one function.
 */
export function createApp(options: AppOptions) {
  const { dataDir, chooseFile, printToPdf, printFile, ...openOptions } = options;
  const lock = acquireDataDirLock(dataDir);
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase({ ...openOptions, file: path.join(dataDir, DB_FILE_NAME) });
  } catch (error) {
    lock.release();
    throw error;
  }
  const env: AppEnv = {
    version: APP_VERSION,
    dataDir,
    dbFile: opened.file,
    ...(chooseFile ? { chooseFile } : {}),
    ...(printToPdf ? { printToPdf } : {}),
    ...(printFile ? { printFile } : {}),
  };
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
  /** An attachment streamed by the browser host into the file store; the Electron window chooses files in the main process. */
  const upload = async (meta: UploadMeta, body: Readable): Promise<Result<StoredFile>> => {
    try {
      refuseWhileWritesHeld();
      const value = await putFile(ctx.db, dataDir, body, { originalName: meta.name, maxBytes: meta.size });
      return { ok: true, value, changed: ['files'] };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: { code: error.code, message: error.message } };
      const message = fileErrorMessage(error);
      if (message) return { ok: false, error: { code: 'validation', message } };
      console.error('Upload failed', error);
      return { ok: false, error: { code: 'internal', message: 'Внутренняя ошибка приложения: файл не сохранён' } };
    }
  };
  /** A stored file streamed back to the browser host's page (a publication's PDF to download). */
  const download = (hash: string): Result<{ size: number; stream: Readable }> => {
    try {
      const { file, stream } = openStoredFile(ctx.db, dataDir, hash);
      return { ok: true, value: { size: file.size, stream } };
    } catch (error) {
      const message = fileErrorMessage(error) ?? 'Файл не найден в хранилище приложения';
      return { ok: false, error: { code: 'not_found', message } };
    }
  };
  return {
    dispatch,
    upload,
    download,
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
      // A thread kept for the next task holds no connection; ended so nothing outlives the app.
      void stopIdleWorkers();
    },
  };
}

export type App = ReturnType<typeof createApp>;
