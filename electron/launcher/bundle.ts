import { build, type BuildOptions } from 'esbuild';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const ELECTRON_OUT = path.join(ROOT, 'dist', 'electron');

/**
 * Electron 45 ships Node 24 (its package depends on @types/node 24); node22 is a safe floor for
 * the syntax. Chromium of the same release runs the preload.
 */
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  // db/open.ts handles the missing import.meta.url of a CommonJS bundle (the main passes migrationsFolder).
  logOverride: { 'empty-import-meta': 'silent' },
};

export function mainBuildOptions(root = ROOT): BuildOptions {
  return {
    ...common,
    entryPoints: [path.join(root, 'electron', 'window', 'main.ts')],
    outfile: path.join(root, 'dist', 'electron', 'main.cjs'),
    // better-sqlite3 loads its native addon at run time; it stays a real dependency in node_modules.
    external: ['electron', 'better-sqlite3'],
  };
}

/** A sandboxed preload may require nothing but 'electron', so everything else is inlined. */
export function preloadBuildOptions(root = ROOT): BuildOptions {
  return {
    ...common,
    entryPoints: [path.join(root, 'electron', 'preload', 'preload.ts')],
    outfile: path.join(root, 'dist', 'electron', 'preload.cjs'),
    external: ['electron'],
  };
}

/** Bundles the main process and the preload into dist/electron (main.cjs, preload.cjs). */
export async function bundleElectron(root = ROOT): Promise<void> {
  await Promise.all([build(mainBuildOptions(root)), build(preloadBuildOptions(root))]);
}
