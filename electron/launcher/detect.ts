import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type ElectronDetection = { available: true; path: string; version: string } | { available: false; reason: string };

export interface DetectDeps {
  /** require('electron') from Node: the binary's path, or a throw when the package or its binary is missing. */
  loadElectron?: () => unknown;
  electronVersion?: () => string;
  exists?: (file: string) => boolean;
}

/**
 * Whether `npm start` can open the desktop window. The `electron` package is optional: where
 * its binary could not be downloaded it is absent, or present but throwing "failed to
 * install correctly".
 */
export function detectElectron(deps: DetectDeps = {}): ElectronDetection {
  const load = deps.loadElectron ?? (() => require('electron'));
  const exists = deps.exists ?? existsSync;
  let binary: unknown;
  try {
    binary = load();
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
  if (typeof binary !== 'string' || !exists(binary)) return { available: false, reason: 'Electron binary not found' };
  const version = (deps.electronVersion ?? (() => (require('electron/package.json') as { version: string }).version))();
  return { available: true, path: binary, version };
}

/** A Linux session without a display (a server, SSH) cannot show a window, but can serve the browser host. */
export function canShowWindow(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): boolean {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export type Launch = { kind: 'electron'; path: string; version: string } | { kind: 'browser'; line: string };

/** The one decision of `npm start`. */
export function chooseLaunch(electron: ElectronDetection, windowPossible: boolean): Launch {
  if (electron.available && windowPossible) return { kind: 'electron', path: electron.path, version: electron.version };
  return { kind: 'browser', line: BROWSER_FALLBACK_LINE };
}

export const BROWSER_FALLBACK_LINE =
  'Electron недоступен на этой машине — приложение открыто в браузере / Electron is not available on this machine — running in the browser';

export const NATIVE_FALLBACK_LINE =
  'Не удалось подготовить SQLite для Electron — приложение открыто в браузере / Could not prepare SQLite for Electron — running in the browser';
