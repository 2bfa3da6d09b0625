import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { hostBuildOptions, mainBuildOptions } from '@main/launcher/bundle';

/**
 * What the main process evaluates before its first answer: the bundle's static import graph from
 * its entry (a dynamic `import()` stays lazy in esbuild's bundle, evaluated on first use). The
 * libraries of documents, imports, archives and charts are not on it: each was once imported at the
 * top of a service (reports' Word file, the import reader, the file store's ZIP sniffing) and put
 * hundreds of milliseconds into every start (tests/bench/startup.ts, «host: bundle evaluated»).
 */

// The heavy ones (bundled size and time to evaluate), and the CSV reader's two (iconv-lite's code tables
// are about 0.5 MB); small helpers such as number-to-words-ru may load at start.
const LAZY = ['docx', 'exceljs', 'jszip', 'archiver', 'echarts', 'zrender', '@resvg/resvg-wasm', 'iconv-lite', 'csv-parse'];

const packageOf = (input: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? null;

/** Each lazy package the entry reaches without a dynamic import, with the chain of our files that reaches it. */
function eagerLibraries(meta: Metafile, entryEnd: string): string[] {
  const entry = Object.keys(meta.inputs).find((input) => input.endsWith(entryEnd))!;
  const from = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const imported of meta.inputs[file]!.imports) {
      if (imported.kind === 'dynamic-import' || imported.external || from.has(imported.path)) continue;
      from.set(imported.path, file);
      queue.push(imported.path);
    }
  }
  const found = new Map<string, string>();
  for (const file of from.keys()) {
    const pkg = packageOf(file);
    if (!pkg || !LAZY.includes(pkg) || found.has(pkg)) continue;
    const chain: string[] = [];
    for (let at: string | null | undefined = file; at; at = from.get(at)) if (!packageOf(at)) chain.push(at);
    found.set(pkg, `${pkg} ← ${chain.slice(0, 4).join(' ← ')}`);
  }
  return [...found.values()];
}

describe('the start evaluates no document, import or chart library', () => {
  it.each([
    ['the browser host', hostBuildOptions(), 'electron/host/cli.ts'],
    ['the Electron main process', mainBuildOptions(), 'electron/window/main.ts'],
  ])(
    '%s',
    async (_name, options, entry) => {
      const { metafile } = await build({ ...options, write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
      expect(eagerLibraries(metafile, entry)).toEqual([]);
    },
    60_000,
  );
});
