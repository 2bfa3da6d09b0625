import { build, type BuildOptions } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
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

/** The browser host's entry in dist/electron; its lazily loaded parts lie beside it as `host-*.mjs`. */
export const HOST_FILE = 'host.mjs';

/**
 * The browser host as an ES module with its lazy parts split off: it starts in a fraction of tsx's
 * time (which compiles every source file on each start), with its worker threads from worker.cjs
 * beside it. Split, because a CommonJS bundle is one file: Word, Excel and the charts (3 MB of the
 * 5.5) were read and compiled at every start though loaded on first use; apart, spawn → URL printed
 * fell from a median of 748 to 528 ms (9 starts each, load 6).
 */
export function hostBuildOptions(root = ROOT): BuildOptions {
  return {
    ...common,
    entryPoints: [path.join(root, 'electron', 'host', 'cli.ts')],
    format: 'esm',
    splitting: true,
    outdir: path.join(root, 'dist', 'electron'),
    entryNames: 'host',
    chunkNames: 'host-[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // What a CommonJS bundle had for free and the code (or a bundled library) uses: require for the
    // native addon and Node's modules, __dirname for worker.cjs (every chunk is in the same folder).
    banner: {
      js: [
        "import { createRequire as __rcRequire } from 'node:module';",
        "import { fileURLToPath as __rcPath } from 'node:url';",
        "import { dirname as __rcDirname } from 'node:path';",
        'const require = __rcRequire(import.meta.url);',
        'const __filename = __rcPath(import.meta.url);',
        'const __dirname = __rcDirname(__filename);',
      ].join(' '),
    },
    external: ['better-sqlite3', 'esbuild'],
    minifyWhitespace: true,
    minifySyntax: true,
    define: { __RC_BUNDLED__: 'true' },
  };
}

/** The host's lazy parts of earlier builds: their names carry a hash, so a build does not overwrite them. */
function removeOldHostParts(root: string): void {
  const out = path.join(root, 'dist', 'electron');
  if (!existsSync(out)) return;
  for (const file of readdirSync(out))
    if (/^host-.+\.mjs(\.map)?$/.test(file) || /^host\.cjs(\.map)?$/.test(file)) rmSync(path.join(out, file));
}

/** Bundles the main process, its worker entry, the preload and the browser host into dist/electron (main.cjs, worker.cjs, preload.cjs, host.mjs). */
export async function bundleElectron(root = ROOT): Promise<void> {
  removeOldHostParts(root);
  await Promise.all([
    build(mainBuildOptions(root)),
    build(workerEntryBuildOptions(root)),
    build(preloadBuildOptions(root)),
    build(hostBuildOptions(root)),
  ]);
}
