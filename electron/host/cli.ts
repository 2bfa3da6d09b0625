import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultUserDataDir } from './paths';
import { runHost } from './run';

/**
 * Runs the application in the system browser: `npm run host -- --data-dir DIR [--port N] [--static DIR] [--open]`.
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    static: { type: 'string' },
    open: { type: 'boolean', default: false },
  },
});

await runHost({
  dataDir: values['data-dir'] ?? defaultUserDataDir(),
  staticDir: values.static ?? path.join(import.meta.dirname, '..', '..', 'dist', 'renderer'),
  ...(values.port ? { port: Number(values.port) } : {}),
  open: values.open,
});
