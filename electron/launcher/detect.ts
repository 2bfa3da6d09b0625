import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export type ElectronDetection =
  | { available: true; path: string; version: string }
  /** `installer`: the package is there without its binary, which its own installer may still fetch. */
  | { available: false; reason: string; installer?: string };

export interface DetectDeps {
  /** The folder of the installed `electron` package, or undefined when it is not installed. */
  packageDir?: () => string | undefined;
  read?: (file: string) => string | undefined;
  exists?: (file: string) => boolean;
  env?: NodeJS.ProcessEnv;
}

function installedPackageDir(): string | undefined {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Whether `npm start` has an Electron binary to open the window with, found the way the
 * package's index.js finds it (path.txt names the executable inside dist/, dist/version says
 * which release it is, ELECTRON_OVERRIDE_DIST_PATH points elsewhere) — but without calling it:
 * since Electron 42, `require('electron')` downloads a missing binary synchronously, with no
 * time limit, inside whoever asked.
 */
export function detectElectron(deps: DetectDeps = {}): ElectronDetection {
  const read = deps.read ?? readText;
  const exists = deps.exists ?? existsSync;
  const env = deps.env ?? process.env;
  const dir = (deps.packageDir ?? installedPackageDir)();
  const manifest = dir === undefined ? undefined : read(path.join(dir, 'package.json'));
  if (dir === undefined || manifest === undefined) return { available: false, reason: 'the electron package is not installed' };
  const { version } = JSON.parse(manifest) as { version: string };
  const executable = read(path.join(dir, 'path.txt'))?.trim();

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, executable || 'electron');
    return exists(binary) ? { available: true, path: binary, version } : { available: false, reason: `${binary} not found` };
  }

  const installer = path.join(dir, 'install.js');
  if (!executable) return { available: false, reason: `the Electron ${version} binary is not downloaded`, installer };
  const binary = path.join(dir, 'dist', executable);
  const binaryVersion = read(path.join(dir, 'dist', 'version'))
    ?.trim()
    .replace(/^v/, '');
  if (!exists(binary) || binaryVersion !== version) {
    return { available: false, reason: `the Electron ${version} binary is missing or of another version`, installer };
  }
  return { available: true, path: binary, version };
}

export interface FetchBounds {
  /** How long the download server may take to answer at all: offline, this is how long `npm start` waits. */
  firstAnswerMs: number;
  /** The whole download (about 110 MB) on a slow office line. */
  totalMs: number;
}

export const FETCH_BOUNDS: FetchBounds = { firstAnswerMs: 15_000, totalMs: 20 * 60_000 };

export type FetchResult = { ok: true } | { ok: false; detail: string };

const BOUNDED_FETCH = path.join(import.meta.dirname, 'bounded-fetch.cjs');
const CAUSES = [/no answer within \d+ ms/, /Response code \d+[^\n]*/, /fetch failed[^\n]*/, /\b[A-Z]\w*Error: [^\n]*/];

/**
 * Runs the electron package's own installer (its cache, mirror and checksum logic included),
 * with the first answer of every request bounded by bounded-fetch.cjs and the whole run by
 * `totalMs`. Prints one line only when a download has really started; an installer that fails
 * says why in `detail` instead of printing its stack trace.
 */
export function fetchElectronBinary(
  installer: string,
  bounds: FetchBounds = FETCH_BOUNDS,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FetchResult> {
  const version = (JSON.parse(readFileSync(path.join(path.dirname(installer), 'package.json'), 'utf8')) as { version: string }).version;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', BOUNDED_FETCH, installer], {
      env: {
        ...env,
        RC_FIRST_ANSWER_MS: String(bounds.firstAnswerMs),
        RC_DOWNLOAD_LINE: `Загружается Electron ${version} (около 110 МБ) / Downloading Electron ${version} (about 110 MB)`,
      },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
    const timer = setTimeout(() => child.kill(), bounds.totalMs);
    const finish = (result: FetchResult) => {
      clearTimeout(timer);
      resolve(result);
    };
    child.on('error', (error) => finish({ ok: false, detail: error.message }));
    child.on('exit', (code, signal) => {
      if (code === 0) return finish({ ok: true });
      // The installer prints a stack trace; its most telling line, in this order of preference.
      const cause = CAUSES.map((pattern) => pattern.exec(stderr)?.[0]).find(Boolean);
      finish({
        ok: false,
        detail: signal ? `stopped after ${bounds.totalMs} ms` : (cause ?? (stderr.trim().split('\n')[0] || `exit code ${code}`)),
      });
    });
  });
}

/** A Linux session without a display (a server, SSH) cannot show a window, but can serve the browser host. */
export function canShowWindow(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): boolean {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export type Launch = { kind: 'electron'; path: string; version: string } | { kind: 'browser'; line: string; reason: string };

/** The one decision of `npm start`, once Electron has been looked for. */
export function chooseLaunch(electron: ElectronDetection, windowPossible: boolean): Launch {
  if (!windowPossible) return { kind: 'browser', line: BROWSER_FALLBACK_LINE, reason: 'no display to show a window on' };
  if (electron.available) return { kind: 'electron', path: electron.path, version: electron.version };
  return { kind: 'browser', line: BROWSER_FALLBACK_LINE, reason: electron.reason };
}

export interface FindDeps {
  detect?: () => ElectronDetection;
  fetchBinary?: (installer: string) => Promise<FetchResult>;
  env?: NodeJS.ProcessEnv;
}

/**
 * Electron is usable when its binary is present, or fetchable now: where the package is
 * installed without it, its installer gets one bounded try (none where
 * ELECTRON_SKIP_BINARY_DOWNLOAD says not to).
 */
export async function findOrFetchElectron(deps: FindDeps = {}): Promise<ElectronDetection> {
  const detect = deps.detect ?? (() => detectElectron());
  const env = deps.env ?? process.env;
  const found = detect();
  if (found.available || !found.installer || env.ELECTRON_SKIP_BINARY_DOWNLOAD) return found;
  const fetched = await (deps.fetchBinary ?? ((installer) => fetchElectronBinary(installer)))(found.installer);
  return fetched.ok ? detect() : { available: false, reason: `${found.reason}; the download failed: ${fetched.detail}` };
}

/** `npm start`: no download is tried where no window could be shown anyway. */
export async function resolveLaunch(deps: FindDeps & { windowPossible: boolean }): Promise<Launch> {
  if (!deps.windowPossible) return chooseLaunch({ available: false, reason: 'no display' }, false);
  return chooseLaunch(await findOrFetchElectron(deps), true);
}

export const BROWSER_FALLBACK_LINE =
  'Electron недоступен на этой машине — приложение открыто в браузере / Electron is not available on this machine — running in the browser';

export const NATIVE_FALLBACK_LINE =
  'Не удалось подготовить SQLite для Electron — приложение открыто в браузере / Could not prepare SQLite for Electron — running in the browser';
