import { build } from 'esbuild';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '@shared/contract/define';
import type { IpcMain, MenuItemConstructorOptions } from 'electron';
import type { WindowOptions } from '@main/window/window';
import { mainBuildOptions, ROOT, workerEntryBuildOptions } from '@main/launcher/bundle';
import type { ExportResult } from '@shared/contract/exchange';
import type { Job } from '@shared/contract/jobs';
import { INVOKE_CHANNEL } from '@main/preload/channel';
import { CONTENT_SECURITY_POLICY } from '@main/security/csp';
import { invokeEvent, StandInContents, StandInSession } from './stand-ins';

/**
 * The shipped main-process bundle (dist/electron/main.cjs, built here in memory) run under
 * Node against a recording stand-in for the `electron` module: proves the composition, with
 * the real database, dispatcher, guards and protocol handler.
 */
let bundle = '';
let workerBundle = '';
beforeAll(async () => {
  const [main, worker] = await Promise.all([
    build({ ...mainBuildOptions(), write: false, sourcemap: false, logLevel: 'silent' }),
    build({ ...workerEntryBuildOptions(), write: false, sourcemap: false, logLevel: 'silent' }),
  ]);
  bundle = main.outputFiles.find((file) => file.path.endsWith('main.cjs'))!.text;
  workerBundle = worker.outputFiles.find((file) => file.path.endsWith('worker.cjs'))!.text;
}, 60_000);

const nodeRequire = createRequire(path.join(ROOT, 'package.json'));
/** The pinned Electron: the version the bundle believes it runs in, as process.versions.electron. */
const ELECTRON_VERSION = (nodeRequire('electron/package.json') as { version: string }).version;
type InvokeListener = Parameters<IpcMain['handle']>[1];
const nodeBuild = path.join(path.dirname(nodeRequire.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An app folder laid out like the repository after `npm start` prepared it. */
function appFolder() {
  const appPath = mkdtempSync(path.join(os.tmpdir(), 'rc-main-'));
  temporary.push(appPath);
  mkdirSync(path.join(appPath, 'db'), { recursive: true });
  symlinkSync(path.join(ROOT, 'db', 'migrations'), path.join(appPath, 'db', 'migrations'));
  mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Ресурсный центр</title>');
  // The worker threads' entry ships beside main.cjs; like it, it requires better-sqlite3 from node_modules.
  mkdirSync(path.join(appPath, 'dist', 'electron'), { recursive: true });
  writeFileSync(path.join(appPath, 'dist', 'electron', 'worker.cjs'), workerBundle);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(appPath, 'node_modules'));
  // Under Node the addon of Node's ABI stands in for the Electron build in .electron-native.
  mkdirSync(path.join(appPath, '.electron-native', ELECTRON_VERSION), { recursive: true });
  symlinkSync(nodeBuild, path.join(appPath, '.electron-native', ELECTRON_VERSION, 'better_sqlite3.node'));
  return { appPath, userData: path.join(appPath, 'userData') };
}

function fakeElectron(options: { appPath: string; userData: string; lock?: boolean }) {
  const log: string[] = [];
  const app = new EventEmitter();
  const record = {
    log,
    app,
    windows: [] as Array<{ options: WindowOptions; url?: string; shown: boolean; readyToShow?: () => void }>,
    errors: [] as Array<[string, string]>,
    exitCode: undefined as number | undefined,
    quit: false,
    protocolHandler: undefined as undefined | ((request: Request) => Promise<Response>),
    ipc: new Map<string, InvokeListener>(),
    session: new StandInSession(),
    menu: undefined as MenuItemConstructorOptions[] | undefined,
  };
  const electron = {
    app: Object.assign(app, {
      enableSandbox: () => log.push('enableSandbox'),
      requestSingleInstanceLock: () => (log.push('lock'), options.lock ?? true),
      setAppUserModelId: (id: string) => log.push(`appUserModelId ${id}`),
      getPath: () => options.userData,
      getAppPath: () => options.appPath,
      isPackaged: false,
      whenReady: () => (log.push('whenReady'), Promise.resolve()),
      quit: () => (record.quit = true),
      exit: (code?: number) => (record.exitCode = code ?? 0),
    }),
    BrowserWindow: class {
      entry: (typeof record.windows)[number];
      constructor(windowOptions: WindowOptions) {
        this.entry = { options: windowOptions, shown: false };
        record.windows.push(this.entry);
      }
      once(_event: string, listener: () => void) {
        this.entry.readyToShow = listener;
      }
      show() {
        this.entry.shown = true;
      }
      focus() {}
      restore() {}
      isMinimized() {
        return false;
      }
      async loadURL(url: string) {
        this.entry.url = url;
      }
    },
    dialog: { showErrorBox: (title: string, content: string) => record.errors.push([title, content]) },
    ipcMain: {
      handle: (channel: string, listener: InvokeListener) => record.ipc.set(channel, listener),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Array<{ scheme: string }>) => log.push(`privileged ${schemes.map((s) => s.scheme).join()}`),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        log.push(`handle ${scheme}`);
        record.protocolHandler = handler;
      },
    },
    session: { defaultSession: record.session },
    shell: { openExternal: async (url: string) => void log.push(`external ${url}`) },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => (record.menu = menu),
    },
  };
  return { electron, record };
}

async function runMain(options: { lock?: boolean; prepare?: (paths: { appPath: string; userData: string }) => void } = {}) {
  const folder = appFolder();
  options.prepare?.(folder);
  const { electron, record } = fakeElectron({ ...folder, ...(options.lock === undefined ? {} : { lock: options.lock }) });
  const electronProcess = new Proxy(process, {
    get(target, key) {
      if (key === 'versions') return { ...target.versions, electron: ELECTRON_VERSION };
      if (key === 'resourcesPath') return path.join(folder.appPath, 'resources');
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  const module = { exports: {} };
  const requireInBundle = (id: string) => (id === 'electron' ? electron : nodeRequire(id));
  const mainDir = path.join(folder.appPath, 'dist', 'electron');
  new Function('require', 'module', 'exports', '__dirname', '__filename', 'process', bundle)(
    requireInBundle,
    module,
    module.exports,
    mainDir,
    path.join(mainDir, 'main.cjs'),
    electronProcess,
  );
  return { ...folder, record, mainDir };
}

const trusted = invokeEvent('app://renderer/index.html');

describe('the Electron main process (bundle)', () => {
  it('registers app:// before ready, opens the database in userData and shows the secure window', async () => {
    const { record, userData, mainDir } = await runMain();
    await vi.waitFor(() => expect(record.windows[0]?.url).toBe('app://renderer/index.html'));
    expect(record.log.slice(0, 5)).toEqual([
      'privileged app',
      'enableSandbox',
      'lock',
      'appUserModelId ru.resource-center.desktop',
      'whenReady',
    ]);
    expect(existsSync(path.join(userData, 'resource-center.sqlite'))).toBe(true);

    const window = record.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({
      preload: path.join(mainDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(window.shown).toBe(false);
    window.readyToShow?.();
    expect(window.shown).toBe(true);
    expect(record.menu?.[0]?.label).toBe('Файл');
    expect(record.errors).toEqual([]);
    record.app.emit('will-quit');
  });

  it('answers the window over IPC through the contract and refuses strangers', async () => {
    const { record } = await runMain();
    await vi.waitFor(() => expect(record.ipc.has(INVOKE_CHANNEL)).toBe(true));
    const invoke = record.ipc.get(INVOKE_CHANNEL)!;
    const status = (await invoke(trusted, 'app.status', {})) as Result<{ firstRun: boolean }>;
    expect(status).toMatchObject({ ok: true, value: { firstRun: true } });
    const malformed = (await invoke(trusted, 'app.initialize', { mode: 'всё' })) as Result<unknown>;
    expect(malformed).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'Выберите: пустая база или демонстрационные данные' },
    });
    const foreign = (await invoke(invokeEvent('https://evil.example/'), 'app.status', {})) as Result<unknown>;
    expect(foreign.ok).toBe(false);
    record.app.emit('will-quit');
  });

  it('runs an export as a job whose documents and snapshot the bundled worker.cjs builds', async () => {
    const { record, appPath } = await runMain();
    await vi.waitFor(() => expect(record.ipc.has(INVOKE_CHANNEL)).toBe(true));
    const invoke = record.ipc.get(INVOKE_CHANNEL)!;
    const folder = path.join(appPath, 'share');
    mkdirSync(folder);
    await invoke(trusted, 'app.initialize', { mode: 'demo' });
    await invoke(trusted, 'exchange.saveSettings', { folder, centerCode: 'RC-06' });
    const started = (await invoke(trusted, 'exchange.export', { year: 2017, kinds: ['plan', 'data'] })) as Result<Job<ExportResult>>;
    expect(started.ok).toBe(true);
    let job = (started as { value: Job<ExportResult> }).value;
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      job = ((await invoke(trusted, 'jobs.get', { id: job.id })) as { value: Job<ExportResult> }).value;
    }
    expect(job).toMatchObject({ state: 'ok', error: null });
    expect(job.result!.files.map((f) => f.path.split('/').at(-1))).toEqual(expect.arrayContaining(['data.sqlite', 'manifest.json']));
    expect(job.result!.files.some((f) => f.kind === 'plan' && f.path.endsWith('.docx'))).toBe(true);
    record.app.emit('will-quit');
  }, 60_000);

  it('serves the renderer over app:// and guards every web contents and the session', async () => {
    const { record } = await runMain();
    await vi.waitFor(() => expect(record.protocolHandler).toBeDefined());
    const page = await record.protocolHandler!(new Request('app://renderer/index.html'));
    expect(await page.text()).toContain('Ресурсный центр');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const contents = new StandInContents();
    record.app.emit('web-contents-created', {}, contents.asWebContents());
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(record.log).toContain('external https://evil.example/');

    expect(record.session.ask('media')).toEqual([false]);
    expect(record.session.download('https://evil.example/setup.exe')).toBe(true);
    expect(record.session.download('blob:app://renderer/1')).toBe(false);
    record.app.emit('will-quit');
  });

  it('shows the Russian reason and quits when the database cannot be opened', async () => {
    const { record } = await runMain({
      prepare: ({ userData }) => {
        // A file whose migrations come from a later version of the app.
        mkdirSync(userData, { recursive: true });
        const Database = nodeRequire('better-sqlite3') as typeof import('better-sqlite3');
        const newer = new Database(path.join(userData, 'resource-center.sqlite'));
        newer.exec('CREATE TABLE __drizzle_migrations (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, created_at NUMERIC)');
        newer.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 4102444800000);
        newer.close();
      },
    });
    await vi.waitFor(() => expect(record.exitCode).toBe(1));
    expect(record.errors).toHaveLength(1);
    expect(record.errors[0]![0]).toBe('Ресурсный центр');
    expect(record.errors[0]![1]).toMatch(/создана более новой версией приложения/);
    expect(record.windows).toEqual([]);
  });

  it('says which file is missing when the Electron build of SQLite was not prepared', async () => {
    const { record } = await runMain({ prepare: ({ appPath }) => rmSync(path.join(appPath, '.electron-native'), { recursive: true }) });
    await vi.waitFor(() => expect(record.exitCode).toBe(1));
    expect(record.errors[0]![1]).toMatch(/Не найден модуль SQLite для этой версии Electron: .*better_sqlite3\.node/);
    expect(record.windows).toEqual([]);
  });

  it('leaves the window to the first instance', async () => {
    const { record } = await runMain({ lock: false });
    expect(record.quit).toBe(true);
    expect(record.log).not.toContain('whenReady');
    expect(record.windows).toEqual([]);
  });
});
