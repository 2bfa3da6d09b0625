import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseOpenError } from '../../db/open';
import { createApp } from '../api/app';
import { defaultUserDataDir } from './paths';
import { startHost } from './server';

/**
 * Runs the application in the system browser: `npm run host -- --data-dir DIR [--port N]`.
 * Prints the address (with the access token) on one line starting with `URL ` for scripts
 * and tests to read.
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    static: { type: 'string' },
    open: { type: 'boolean', default: false },
  },
});

const dataDir = path.resolve(values['data-dir'] ?? defaultUserDataDir());
const staticDir = path.resolve(values.static ?? path.join(import.meta.dirname, '..', '..', 'dist', 'renderer'));

let app: ReturnType<typeof createApp>;
try {
  app = createApp({ dataDir });
} catch (error) {
  if (error instanceof DatabaseOpenError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
if (app.backupFile) console.log(`Перед обновлением структуры базы сделана копия: ${app.backupFile}`);

const host = await startHost({ dispatch: app.dispatch, staticDir, port: values.port ? Number(values.port) : 0 });
console.log(`Данные: ${dataDir}`);
console.log(`URL ${host.openUrl}`);

if (values.open) {
  const opener = process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', host.openUrl]] : process.platform === 'darwin' ? ['open', [host.openUrl]] : ['xdg-open', [host.openUrl]];
  const child = spawn(opener[0] as string, opener[1] as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log('Откройте адрес выше в браузере / Open the address above in a browser'));
  child.unref();
}

const shutdown = async () => {
  await host.close();
  app.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
