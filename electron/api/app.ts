import path from 'node:path';
import { openDatabase, type OpenOptions } from '../../db/open';
import { contract } from '../contract';
import { createDispatcher, type AnyHandler } from './dispatch';
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
  const opened = openDatabase({ ...openOptions, file: path.join(dataDir, DB_FILE_NAME) });
  const env = { version: APP_VERSION, dataDir, dbFile: opened.file };
  const dispatch = createDispatcher(contract, handlers as unknown as Record<string, AnyHandler>, { db: opened.db, env });
  return {
    dispatch,
    db: opened.db,
    sqlite: opened.sqlite,
    env,
    backupFile: opened.backupFile,
    close: () => opened.sqlite.close(),
  };
}

export type App = ReturnType<typeof createApp>;
