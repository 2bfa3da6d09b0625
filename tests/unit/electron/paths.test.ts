import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runtimePaths } from '@main/window/paths';

describe('what the main process loads from disk', () => {
  it('uses the repository in development, with the Electron build of better-sqlite3 kept apart', () => {
    const paths = runtimePaths({
      appPath: '/repo',
      resourcesPath: '/electron/resources',
      isPackaged: false,
      electronVersion: '45.5.0',
      mainDir: '/repo/dist/electron',
    });
    expect(paths).toEqual({
      preload: path.join('/repo/dist/electron', 'preload.cjs'),
      renderer: path.join('/repo', 'dist', 'renderer'),
      migrationsFolder: path.join('/repo', 'db', 'migrations'),
      nativeBinding: path.join('/repo', '.electron-native', '45.5.0', 'better_sqlite3.node'),
      icon: path.join('/repo', 'resources', 'icon.png'),
    });
  });

  it('reads the app from app.asar and the native addon from beside it when packaged', () => {
    const asar = path.join('/opt/rc/resources', 'app.asar');
    const paths = runtimePaths({
      appPath: asar,
      resourcesPath: '/opt/rc/resources',
      isPackaged: true,
      electronVersion: '45.5.0',
      mainDir: path.join(asar, 'dist', 'electron'),
    });
    expect(paths.migrationsFolder).toBe(path.join(asar, 'db', 'migrations'));
    expect(paths.renderer).toBe(path.join(asar, 'dist', 'renderer'));
    expect(paths.nativeBinding).toBe(path.join('/opt/rc/resources', 'native', 'better_sqlite3.node'));
    expect(paths.nativeBinding.includes('.asar')).toBe(false);
  });
});
