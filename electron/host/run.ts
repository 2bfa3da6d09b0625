import { spawn } from 'node:child_process';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { App } from '@main/api/app';
import { filesNamedBy, loadOrder } from './loadOrder';
import { startHost, type HostOptions, type RunningHost } from './server';
import { startHostThread } from './thread';

/** Set by esbuild in the bundle (electron/launcher/bundle.ts): the server then runs in a thread of its own. */
declare const __RC_BUNDLED__: boolean | undefined;
/** The server thread's entry beside host.mjs (electron/host/serverThread.ts). */
export const HOST_SERVER_FILE = 'host-server.mjs';

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
 *
 * The server listens and prints its address first; the application (the contract's schemas, every
 * register's services, the database) is loaded after, and calls wait for it. The page's own start
 * (index.html, its scripts, React) then runs on the other core while the host evaluates its modules,
 * instead of after them: the two took about as long each (tests/bench/end-to-end.md, start).
 */
export async function runHost(options: RunHostOptions): Promise<RunningHost> {
  if (process.env.RC_STARTUP_MARKS) console.error(`MARK ${performance.timeOrigin.toFixed(1)} node process started`);
  startupMark('entry evaluated (the server only)');
  const dataDir = path.resolve(options.dataDir);
  const staticDir = options.staticDir ? path.resolve(options.staticDir) : undefined;
  let loaded!: (app: Promise<App>) => void;
  const ready = new Promise<App>((resolve) => (loaded = resolve));
  const order = loadOrder(
    // With --open no page comes before the browser is opened, and that waits for the application.
    staticDir && !options.open ? pageFiles(staticDir) : new Set(),
    () => {
      startupMark('loading the application (the page has its files, a call came, or the cap)');
      loaded(openApplication(dataDir, options.migrationsFolder));
    },
    LOAD_CAP_MS,
  );
  /** The application for a call: loaded now if it is not yet. */
  const application = () => {
    order.now();
    return ready;
  };
  // In the bundle the server has a thread of its own and sends the page while this one loads the
  // application; from source (tsx, which a worker thread cannot use) it shares this thread, and the
  // application waits for the page's files (loadOrder).
  const threaded = typeof __RC_BUNDLED__ !== 'undefined';
  const serve = threaded ? (o: HostOptions) => startHostThread(path.join(import.meta.dirname, HOST_SERVER_FILE), o) : startHost;
  const host = await serve({
    dispatch: async (name, payload) => (await application()).dispatch(name, payload),
    upload: async (meta, body) => (await application()).upload(meta, body),
    download: async (hash) => (await application()).download(hash),
    ...(staticDir ? { staticDir, onStaticSent: order.sent } : {}),
    port: options.port ?? 0,
  });
  startupMark('server listening, URL printed');
  console.log(`Данные: ${dataDir}`);
  console.log(`URL ${host.openUrl}`);
  if (threaded) order.now();

  const app = await ready;
  // The system browser is opened only now: a data folder held by another window ends this start
  // in openApplication, and a tab on an address about to go away would only confuse.
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

/**
 * The longest the application waits for the page to have its files (loadOrder). The page's files
 * take 50–150 ms at a load of 1–4 and the whole block 250–700 ms, so a page that does not come
 * delays nothing by much, and a refused database is still reported within a second.
 */
const LOAD_CAP_MS = 800;

/** The files the built index.html names; none when there is no built page (the server then says so). */
function pageFiles(staticDir: string): Set<string> {
  try {
    return filesNamedBy(readFileSync(path.join(staticDir, 'index.html'), 'utf8'));
  } catch {
    return new Set();
  }
}

/** The application's modules, loaded here and not by the entry (see runHost), then its database opened. */
async function openApplication(dataDir: string, migrationsFolder: string | undefined): Promise<App> {
  const [{ createApp }, { DatabaseOpenError }] = await Promise.all([import('@main/api/app'), import('@db/open')]);
  startupMark('application evaluated (contract, services, database layer)');
  let app: App;
  try {
    app = createApp({ dataDir, ...(migrationsFolder ? { migrationsFolder } : {}) });
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  if (app.backupFile) console.log(`Перед обновлением структуры базы сделана копия: ${app.backupFile}`);
  startupMark('database open (migrations and data steps checked)');
  return app;
}
