import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultUserDataDir } from './paths';
import { runHost } from './run';

/**
 * Runs the application in the system browser: `npm run host -- --data-dir DIR [--port N] [--static DIR] [--open]`
 * (the bundle dist/electron/host.mjs, built by `npm run build`; `tsx electron/host/cli.ts` from source).
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    static: { type: 'string' },
    open: { type: 'boolean', default: false },
  },
});

// Run from source (electron/host/) or as the bundle dist/electron/host.mjs: the project root is two
// folders up either way.
declare const __dirname: string | undefined;
const here = import.meta.dirname ?? __dirname!;
const root = path.join(here, '..', '..');

// A failed start ends the process with its error.
runHost({
  dataDir: values['data-dir'] ?? defaultUserDataDir(),
  staticDir: values.static ?? path.join(root, 'dist', 'renderer'),
  migrationsFolder: path.join(root, 'db', 'migrations'),
  ...(values.port ? { port: Number(values.port) } : {}),
  open: values.open,
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
