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
    // The chart libraries are reached only through a dynamic import no worker task makes.
    external: ['better-sqlite3', 'esbuild', 'echarts', 'echarts/*', 'zrender', 'zrender/*', '@resvg/resvg-wasm'],
    define: { __RC_BUNDLED__: 'true' },
  };
}
