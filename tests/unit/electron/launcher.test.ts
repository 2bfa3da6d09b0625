import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BROWSER_FALLBACK_LINE,
  canShowWindow,
  chooseLaunch,
  detectElectron,
  type ElectronDetection,
  fetchElectronBinary,
  findOrFetchElectron,
  resolveLaunch,
} from '@main/launcher/detect';
import { ROOT } from '@main/launcher/bundle';

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** node_modules/electron as npm leaves it (no binary), optionally with the binary its installer would have unpacked. */
function electronPackage(binary?: { version: string }): string {
  const dir = tempDir('rc-electron-');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  writeFileSync(path.join(dir, 'install.js'), '');
  if (binary) {
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    writeFileSync(path.join(dir, 'dist', 'electron'), '');
    writeFileSync(path.join(dir, 'dist', 'version'), `v${binary.version}`);
  }
  return dir;
}

const detectIn = (dir: string | undefined, env: NodeJS.ProcessEnv = {}) => detectElectron({ packageDir: () => dir, env });

describe('npm start finds Electron without downloading it', () => {
  it('falls back to the browser host when the electron package is absent', () => {
    const detection = detectIn(undefined);
    expect(detection).toEqual({ available: false, reason: 'the electron package is not installed' });
    expect(chooseLaunch(detection, true)).toMatchObject({ kind: 'browser', line: BROWSER_FALLBACK_LINE });
  });

  it('sees a package installed without its binary, and the installer that could fetch it', () => {
    const dir = electronPackage();
    expect(detectIn(dir)).toEqual({
      available: false,
      reason: 'the Electron 45.5.0 binary is not downloaded',
      installer: path.join(dir, 'install.js'),
    });
  });

  it('starts the binary the installer unpacked, but not one of another release', () => {
    const dir = electronPackage({ version: '45.5.0' });
    const detection = detectIn(dir);
    expect(detection).toEqual({ available: true, path: path.join(dir, 'dist', 'electron'), version: '45.5.0' });
    expect(chooseLaunch(detection, true)).toEqual({ kind: 'electron', path: path.join(dir, 'dist', 'electron'), version: '45.5.0' });
    expect(chooseLaunch(detection, false).kind).toBe('browser');

    const stale = detectIn(electronPackage({ version: '41.7.1' }));
    expect(stale).toMatchObject({ available: false, installer: expect.stringMatching(/install\.js$/) });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, as the package does', () => {
    const dist = tempDir('rc-dist-');
    writeFileSync(path.join(dist, 'electron'), '');
    expect(detectIn(electronPackage(), { ELECTRON_OVERRIDE_DIST_PATH: dist })).toMatchObject({
      available: true,
      path: path.join(dist, 'electron'),
    });
    expect(detectIn(electronPackage(), { ELECTRON_OVERRIDE_DIST_PATH: path.join(dist, 'nowhere') }).available).toBe(false);
  });

  it('looks at the installed package here without running it', () => {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const detection = detectElectron();
    if (!detection.available) expect(detection.installer).toBe(path.join(dir, 'install.js'));
    else expect(detection.path.startsWith(path.join(dir, 'dist'))).toBe(true);
  });

  it('knows when there is no display to show a window on', () => {
    expect(canShowWindow('linux', {})).toBe(false);
    expect(canShowWindow('linux', { DISPLAY: ':0' })).toBe(true);
    expect(canShowWindow('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(canShowWindow('win32', {})).toBe(true);
  });

  it('says so in one line, in Russian and English', () => {
    expect(BROWSER_FALLBACK_LINE).not.toContain('\n');
    expect(BROWSER_FALLBACK_LINE).toMatch(/Electron недоступен.*браузере/);
    expect(BROWSER_FALLBACK_LINE).toMatch(/Electron is not available.*browser/);
  });
});

describe('npm start fetches a missing binary once, and only where it makes sense', () => {
  const missing: ElectronDetection = { available: false, reason: 'not downloaded', installer: '/e/install.js' };
  const present: ElectronDetection = { available: true, path: '/e/dist/electron', version: '45.5.0' };

  it('starts Electron after its installer fetched the binary', async () => {
    const tried: string[] = [];
    let calls = 0;
    const launch = await resolveLaunch({
      windowPossible: true,
      env: {},
      detect: () => (calls++ === 0 ? missing : present),
      fetchBinary: async (installer) => (tried.push(installer), { ok: true }),
    });
    expect(tried).toEqual(['/e/install.js']);
    expect(launch).toEqual({ kind: 'electron', path: '/e/dist/electron', version: '45.5.0' });
  });

  it('falls back with the reason when the download fails', async () => {
    const launch = await resolveLaunch({
      windowPossible: true,
      env: {},
      detect: () => missing,
      fetchBinary: async () => ({ ok: false, detail: 'fetch failed' }),
    });
    expect(launch).toEqual({ kind: 'browser', line: BROWSER_FALLBACK_LINE, reason: 'not downloaded; the download failed: fetch failed' });
  });

  it('downloads nothing without a display, when told not to, or when there is no package', async () => {
    const never = async () => {
      throw new Error('must not download');
    };
    expect(await resolveLaunch({ windowPossible: false, detect: () => missing, fetchBinary: never })).toMatchObject({ kind: 'browser' });
    const skipped = await findOrFetchElectron({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, detect: () => missing, fetchBinary: never });
    expect(skipped).toBe(missing);
    const absent: ElectronDetection = { available: false, reason: 'the electron package is not installed' };
    expect(await findOrFetchElectron({ env: {}, detect: () => absent, fetchBinary: never })).toBe(absent);
  });
});

/** A local stand-in for the download server (ELECTRON_MIRROR), answering as `answer` says. */
async function mirror(answer: (response: http.ServerResponse) => void) {
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((_request, response) => answer(response));
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const close = () => {
    for (const socket of sockets) socket.destroy();
    server.close();
  };
  return { url, close };
}

/** The electron package's real installer, pointed at the stand-in mirror, with a cache of its own. */
const realInstaller = createRequire(import.meta.url).resolve('electron/install.js');
const installerEnv = (mirrorUrl: string): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  ELECTRON_MIRROR: mirrorUrl,
  electron_config_cache: tempDir('rc-electron-cache-'),
});

describe("the electron package's installer, bounded", () => {
  it('gives up quickly when the server never answers', async () => {
    const server = await mirror(() => undefined);
    try {
      const result = await fetchElectronBinary(realInstaller, { firstAnswerMs: 300, totalMs: 30_000 }, installerEnv(server.url));
      expect(result).toEqual({ ok: false, detail: 'no answer within 300 ms' });
    } finally {
      server.close();
    }
  });

  it('reports the answer of a server that has no such file', async () => {
    const server = await mirror((response) => response.writeHead(404).end());
    try {
      const result = await fetchElectronBinary(realInstaller, { firstAnswerMs: 5_000, totalMs: 30_000 }, installerEnv(server.url));
      expect(result).toMatchObject({ ok: false, detail: expect.stringMatching(/^Response code 404/) });
    } finally {
      server.close();
    }
  });

  it('bounds only the first answer: a download slower than the bound completes', async () => {
    const server = await mirror((response) => {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      let sent = 0;
      const tick = setInterval(() => {
        response.write(Buffer.alloc(1000));
        if (++sent === 8) {
          clearInterval(tick);
          response.end();
        }
      }, 100);
    });
    try {
      const script = `fetch(${JSON.stringify(server.url)}).then((r) => r.arrayBuffer()).then((b) => console.log('bytes', b.byteLength))`;
      // Asynchronously: the stand-in server answers from this very process.
      const run = await promisify(execFile)(
        process.execPath,
        ['--require', path.join(ROOT, 'electron', 'launcher', 'bounded-fetch.cjs'), '-e', script],
        { env: { PATH: process.env.PATH, RC_FIRST_ANSWER_MS: '300' }, encoding: 'utf8', timeout: 20_000 },
      );
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe('bytes 8000');
    } finally {
      server.close();
    }
  });
});
