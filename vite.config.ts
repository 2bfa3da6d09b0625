import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rollup } from 'vite';

/**
 * The screens of the register the window opens on (registers.ts lists the dashboard first; tests/unit/renderer/initialChunks.test.ts
 * measures the same chunks).
 */
export const FIRST_SCREENS = 'renderer/src/registers/dashboard/screens.ts';

/**
 * Lists the first screen's chunk and the chunks it imports as `modulepreload` links in index.html,
 * beside the entry's own. Otherwise the browser learns of them only once the entry has run
 * (App.tsx `primeFirstScreen`) and fetches them in a second wave: at a load of 9 that wave began
 * 140 ms after the first one ended and took 220 ms. A preload fetches and compiles without
 * running, so a window opened on another screen only fetches them.
 */
function preloadFirstScreen(): Plugin {
  return {
    name: 'preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
        const entry = chunks.find((c) => c.isEntry)!;
        const first = chunks.find((c) => Object.keys(c.modules).some((id) => id.endsWith(FIRST_SCREENS)));
        if (!first) throw new Error(`${FIRST_SCREENS} has no chunk of its own: is it still loaded with import()?`);
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (from: string, into = new Set<string>()) => {
          if (!into.has(from)) {
            into.add(from);
            for (const file of byName.get(from)?.imports ?? []) closure(file, into);
          }
          return into;
        };
        const preloaded = closure(entry.fileName);
        return [...closure(first.fileName)]
          .filter((file) => !preloaded.has(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  // Relative asset paths: the same build is served by the browser host and by Electron's app:// protocol.
  base: './',
  plugins: [react(), preloadFirstScreen()],
  // The aliases (@shared, @renderer, …) are defined once, in tsconfig.json.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
