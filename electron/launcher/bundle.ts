import { build, type BuildOptions } from 'esbuild';
import path from 'node:path';
import { workerBuildOptions } from '@main/api/jobs/workerBuild';

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
    // esbuild is only reached from source, to bundle the worker in memory (never in the bundle).
    external: ['electron', 'better-sqlite3', 'esbuild'],
    // The bundle starts its worker threads from worker.cjs beside it (electron/api/jobs/worker.ts).
    define: { __RC_BUNDLED__: 'true' },
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

/** The worker threads' entry: long jobs' heavy part, on a database connection of their own. */
export function workerEntryBuildOptions(root = ROOT): BuildOptions {
  return { ...common, ...workerBuildOptions(root) };
}

/**
 * The browser host as one file: it starts in a fraction of tsx's time (which compiles every
 * source file on each start), with its worker threads from worker.cjs beside it.
 */
export function hostBuildOptions(root = ROOT): BuildOptions {
  return {
    ...common,
    entryPoints: [path.join(root, 'electron', 'host', 'cli.ts')],
    outfile: path.join(root, 'dist', 'electron', 'host.cjs'),
    external: ['better-sqlite3', 'esbuild'],
    minifyWhitespace: true,
    minifySyntax: true,
    define: { __RC_BUNDLED__: 'true' },
  };
}

/** Bundles the main process, its worker entry, the preload and the browser host into dist/electron (main.cjs, worker.cjs, preload.cjs, host.cjs). */
export async function bundleElectron(root = ROOT): Promise<void> {
  await Promise.all([
    build(mainBuildOptions(root)),
    build(workerEntryBuildOptions(root)),
    build(preloadBuildOptions(root)),
    build(hostBuildOptions(root)),
  ]);
}
