import type { BuildOptions } from 'esbuild';
import path from 'node:path';

/**
 * How the worker thread's entry is bundled: the same esbuild options for the shipped
 * dist/electron/worker.mjs and its parts (electron/launcher/bundle.ts) and for the bundle a run
 * from source writes for itself (tsx and vitest cannot load TypeScript inside a worker thread on
 * Node 20; electron/api/jobs/worker.ts).
 */
export const WORKER_FILE = 'worker.mjs';

/** The worker's parts beside its entry: `worker-<part>-<hash>.mjs`. */
export const WORKER_PART = /^worker-.+\.mjs(\.map)?$/;

/**
 * What a CommonJS bundle has for free and the code (or a bundled library) uses, at the top of
 * every ES module part: require for the native addon and Node's modules, __dirname and
 * __filename (every part lies in the same folder).
 */
export const NODE_GLOBALS_BANNER = [
  "import { createRequire as __rcRequire } from 'node:module';",
  "import { fileURLToPath as __rcPath } from 'node:url';",
  "import { dirname as __rcDirname } from 'node:path';",
  'const require = __rcRequire(import.meta.url);',
  'const __filename = __rcPath(import.meta.url);',
  'const __dirname = __rcDirname(__filename);',
].join(' ');

/**
 * ES modules split at every dynamic import, as the browser host is: a fresh thread reads and
 * compiles only the parts its task reaches. One CommonJS file held every register's tasks and
 * every library (7.4 MB): a report's thread compiled exceljs, iconv-lite and the import's code
 * it never runs, and a thread started from source compiled it twice (Node's check for module
 * syntax in evaluated code). A report's job now reads the entry, its register and Word and the
 * charts' parts (tests/bench/report-and-import.md has the figures). Whitespace and syntax are
 * minified for the same reason: less to parse; names are kept for stack traces.
 */
export function workerBuildOptions(root: string, entry = path.join(root, 'electron', 'worker', 'main.ts')): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    target: 'node22',
    logLevel: 'warning',
    entryPoints: [entry],
    outdir: path.join(root, 'dist', 'electron'),
    entryNames: 'worker',
    chunkNames: 'worker-[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    banner: { js: NODE_GLOBALS_BANNER },
    minifyWhitespace: true,
    minifySyntax: true,
    // The chart libraries are bundled in: the report's and the export's documents draw their charts
    // in the worker, and ECharts loaded as hundreds of ES modules from node_modules took a fresh
    // worker about a second before its first chart (tests/bench/reports.ts).
    external: ['better-sqlite3', 'esbuild'],
    define: { __RC_BUNDLED__: 'true' },
  };
}
