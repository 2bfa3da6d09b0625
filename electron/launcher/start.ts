import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'vite';
import { defaultUserDataDir } from '@main/host/paths';
import { bundleElectron, HOST_FILE, ROOT } from './bundle';
import { canShowWindow, NATIVE_FALLBACK_LINE, resolveLaunch } from './detect';
import { prepareElectronNative } from './native';

/**
 * `npm start`: the desktop window where Electron can run, otherwise the same application in
 * the system browser through the browser host on 127.0.0.1 (same data folder as the window).
 */
const RENDERER_OUT = path.join(ROOT, 'dist', 'renderer');

async function buildRenderer(): Promise<void> {
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), root: path.join(ROOT, 'renderer'), logLevel: 'warn' });
}

/** The browser host runs as its bundle (dist/electron/host.mjs), not under tsx: it starts faster. */
async function runInBrowser(line: string): Promise<void> {
  console.log(line);
  await bundleElectron();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'dist', 'electron', HOST_FILE), '--data-dir', defaultUserDataDir(), '--static', RENDERER_OUT, '--open'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  forwardExit(child);
}

function forwardExit(child: ChildProcess): void {
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

// Before the UI build: a missing Electron binary gets its one bounded download try first.
const launch = await resolveLaunch({ windowPossible: canShowWindow() });
await buildRenderer();

if (launch.kind === 'browser') {
  await runInBrowser(launch.line);
} else {
  await bundleElectron();
  let ready = true;
  try {
    prepareElectronNative({ root: ROOT, electronPath: launch.path, electronVersion: launch.version, log: (line) => console.log(line) });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    ready = false;
  }
  if (!ready) {
    await runInBrowser(NATIVE_FALLBACK_LINE);
  } else {
    const env = { ...process.env };
    // Set by a parent tool, it would start Electron as plain Node without a window.
    delete env.ELECTRON_RUN_AS_NODE;
    forwardExit(spawn(launch.path, ['.'], { cwd: ROOT, env, stdio: 'inherit' }));
  }
}
