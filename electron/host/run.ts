import { spawn } from 'node:child_process';
import path from 'node:path';
import { DatabaseOpenError } from '@db/open';
import { createApp } from '@main/api/app';
import { startHost, type RunningHost } from './server';

export interface RunHostOptions {
  dataDir: string;
  /** The built renderer; API only when absent. */
  staticDir?: string;
  port?: number;
  /** Also open the address in the system browser (failure is only reported). */
  open?: boolean;
  /** Where the SQL migrations are: beside the sources by default; the bundle passes its own. */
  migrationsFolder?: string;
}

/**
 * For the start-up benchmark (tests/bench/startup.ts) only, with RC_STARTUP_MARKS=1: a line
 * `MARK <epoch ms> <step>` on stderr, on the same clock as the bench's and the page's
 * (performance.timeOrigin + now), so the start can be split into its steps. Silent otherwise.
 */
function startupMark(step: string): void {
  if (process.env.RC_STARTUP_MARKS) console.error(`MARK ${(performance.timeOrigin + performance.now()).toFixed(1)} ${step}`);
}

/** The command that opens a URL in the system's default browser. */
export function browserOpener(url: string, platform = process.platform): [string, string[]] {
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  if (platform === 'darwin') return ['open', [url]];
  return ['xdg-open', [url]];
}

export function openInBrowser(url: string): void {
  const [command, args] = browserOpener(url);
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => console.log('Откройте адрес выше в браузере / Open the address above in a browser'));
    child.unref();
  } catch {
    console.log('Откройте адрес выше в браузере / Open the address above in a browser');
  }
}

/**
 * Runs the application for the system browser and keeps it running until SIGINT/SIGTERM.
 * Prints the address (with the access token) on one line starting with `URL ` for scripts
 * and tests to read. A database that cannot be opened ends the process with its Russian message.
 */
export async function runHost(options: RunHostOptions): Promise<RunningHost> {
  if (process.env.RC_STARTUP_MARKS) console.error(`MARK ${performance.timeOrigin.toFixed(1)} node process started`);
  startupMark('bundle evaluated');
  const dataDir = path.resolve(options.dataDir);
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp({ dataDir, ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}) });
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  if (app.backupFile) console.log(`Перед обновлением структуры базы сделана копия: ${app.backupFile}`);
  startupMark('database open (migrations and data steps checked)');

  const host = await startHost({
    dispatch: app.dispatch,
    upload: app.upload,
    download: app.download,
    ...(options.staticDir ? { staticDir: path.resolve(options.staticDir) } : {}),
    port: options.port ?? 0,
  });
  startupMark('server listening');
  console.log(`Данные: ${dataDir}`);
  console.log(`URL ${host.openUrl}`);
  if (options.open) openInBrowser(host.openUrl);

  const shutdown = async () => {
    await host.close();
    app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  return host;
}
