import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

/**
 * What the window loads before the home screen (the dashboard, first in registers.ts) paints: the
 * entry chunk and every chunk it imports statically, then the dashboard's screens chunk and its
 * static imports (App.tsx `primeFirstScreen` starts that one at once). The form stack, the contract's
 * zod schemas, the date pickers and the Russian declension rules are not on it: each arrived once
 * through one static import in a register's index.tsx or in a file every list uses, and put tens of
 * kilobytes into every start (`npx tsx tests/bench/startup.ts` prints the same figure from Chromium's
 * network log).
 */

/** Packages (and parts of packages) a screen loads when it is shown, never before the first one. */
const LATER: [string, RegExp][] = [
  // Every contract file that defines calls builds its zod schemas on import: zod stands for them all.
  ['zod (the contract schemas, the forms)', /node_modules\/zod\//],
  ['@mantine/form', /node_modules\/@mantine\/form\//],
  // Its DatesProvider (the Russian locale for every calendar) is in main.tsx; the pickers come with a form.
  ['@mantine/dates pickers', /node_modules\/@mantine\/dates\/esm\/components\/(?!DatesProvider\/)/],
  ['lvovich (declension)', /node_modules\/lvovich\//],
  ['number-to-words-ru', /node_modules\/number-to-words-ru\//],
  ['echarts', /node_modules\/(echarts|zrender)\//],
];

/** The gzip budget of issue 14 for all JS before the first list paints. */
const BUDGET_KB = 250;

async function bundle(): Promise<Rollup.OutputBundle> {
  let out: Rollup.OutputBundle | undefined;
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    // The build `npx vite build` makes: vitest's own NODE_ENV=test would bundle React's development build.
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { write: false, sourcemap: false },
    plugins: [
      {
        name: 'keep-bundle',
        generateBundle(_options, b) {
          out = b;
        },
      },
    ],
  });
  return out!;
}

/** The chunks from the given ones through their static imports. */
function closure(b: Rollup.OutputBundle, from: string[]): Rollup.OutputChunk[] {
  const seen = new Set<string>();
  const queue = [...from];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...(b[file] as Rollup.OutputChunk).imports);
  }
  return [...seen].map((file) => b[file] as Rollup.OutputChunk);
}

describe("the home screen's first paint", () => {
  it('loads no form, schema, picker or declension code, and stays within the budget', async () => {
    const b = await bundle();
    const chunks = Object.values(b).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry)!;
    const home = chunks.find((c) => Object.keys(c.modules).some((id) => id.endsWith('renderer/src/registers/dashboard/screens.ts')));
    expect(home, 'the dashboard has a chunk of its own').toBeDefined();
    const first = closure(b, [entry.fileName, home!.fileName]);

    const found = first.flatMap((c) =>
      LATER.filter(([, pattern]) => Object.keys(c.modules).some((id) => pattern.test(id))).map(([name]) => `${name} in ${c.fileName}`),
    );
    expect(found).toEqual([]);

    const kB = first.reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0) / 1024;
    expect(kB).toBeLessThanOrEqual(BUDGET_KB);
  }, 120_000);
});
