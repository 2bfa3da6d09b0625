import path from 'node:path';

export const NATIVE_DIR = '.electron-native';
export const NATIVE_FILE = 'better_sqlite3.node';
/** Where electron-builder.yml's extraResources puts the verified Electron build (see native.ts). */
export const PACKAGED_NATIVE = path.join('native', NATIVE_FILE);

export interface RuntimeInput {
  /** app.getAppPath(): the repository root in development, …/resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath: the folder beside app.asar. */
  resourcesPath: string;
  isPackaged: boolean;
  electronVersion: string;
  /** The folder of main.cjs (dist/electron), where the preload bundle lies beside it. */
  mainDir: string;
}

export interface RuntimePaths {
  preload: string;
  renderer: string;
  migrationsFolder: string;
  nativeBinding: string;
  icon: string;
}

/**
 * Everything the main process loads from disk, computed from Electron's own answers rather
 * than from `import.meta.url` (the bundle is CommonJS, where it does not exist). Migrations
 * and the renderer are read from the app folder (fs reads inside app.asar work in Electron);
 * the native addon cannot live inside an asar, so the packaged app takes it from resources.
 */
export function runtimePaths(input: RuntimeInput): RuntimePaths {
  return {
    preload: path.join(input.mainDir, 'preload.cjs'),
    renderer: path.join(input.appPath, 'dist', 'renderer'),
    migrationsFolder: path.join(input.appPath, 'db', 'migrations'),
    nativeBinding: input.isPackaged
      ? path.join(input.resourcesPath, PACKAGED_NATIVE)
      : path.join(input.appPath, NATIVE_DIR, input.electronVersion, NATIVE_FILE),
    icon: input.isPackaged ? path.join(input.resourcesPath, 'icon.png') : path.join(input.appPath, 'resources', 'icon.png'),
  };
}
