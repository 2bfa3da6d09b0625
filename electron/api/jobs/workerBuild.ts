import type { BuildOptions } from 'esbuild';
import path from 'node:path';

/**
 * How the worker thread's entry is bundled: the same esbuild options for the shipped
 * dist/electron/worker.cjs (electron/launcher/bundle.ts) and for the in-memory bundle a run
 * from source uses (tsx and vitest cannot load TypeScript inside a worker thread on Node 20).
 */
export const WORKER_FILE = 'worker.cjs';

export function workerBuildOptions(root: string, entry = path.join(root, 'electron', 'worker', 'main.ts')): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
    entryPoints: [entry],
    outfile: path.join(root, 'dist', 'electron', WORKER_FILE),
    // The chart libraries are bundled in: the report's and the export's documents draw their charts
    // in the worker, and ECharts loaded as hundreds of ES modules from node_modules took a fresh
    // worker about a second before its first chart (tests/bench/reports.ts).
    external: ['better-sqlite3', 'esbuild'],
    define: { __RC_BUNDLED__: 'true' },
  };
}
