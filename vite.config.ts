import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset paths: the same build is served by the browser host and by Electron's app:// protocol.
  base: './',
  plugins: [react()],
  // The aliases (@shared, @renderer, …) are defined once, in tsconfig.json.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
