import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '@main/launcher/bundle';
import { electronNativeFile } from '@main/launcher/native';

/**
 * `npx tsx tests/packaging/stand-in-package.ts`: runs the real electron-builder with the real
 * electron-builder.yml on a machine without Electron's binary, and checks what it made.
 *
 * Electron itself is replaced by a stand-in executable that carries only Electron's fuse wire
 * (the sentinel @electron/fuses looks for, then version 1 and Electron's default states), and
 * the Electron build of better-sqlite3 by Node's when .electron-native has none. So this proves
 * the packaging configuration (files, app.asar, the native addon beside it, the fuses flipped),
 * not that the installed app runs: that needs the real binary and the real Electron-ABI addon.
 * Linux `dir` target only: the AppImage and NSIS tools are downloaded by electron-builder.
 */
const require = createRequire(import.meta.url);
const electronVersion = (require('electron/package.json') as { version: string }).version;
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, app from asar only off, browser snapshot off, file:// privileges on. */
const DEFAULT_WIRE = '10110001';

const work = mkdtempSync(path.join(os.tmpdir(), 'rc-package-'));
const fakeDist = path.join(work, 'electron-dist');
const out = path.join(work, 'release');
mkdirSync(path.join(fakeDist, 'resources'), { recursive: true });
const binary = path.join(fakeDist, 'electron');
writeFileSync(
  binary,
  Buffer.concat([
    Buffer.from('#!/bin/sh\nexit 1\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
  ]),
);
chmodSync(binary, 0o755);
for (const file of ['LICENSE', 'LICENSES.chromium.html']) writeFileSync(path.join(fakeDist, file), '');
writeFileSync(path.join(fakeDist, 'version'), electronVersion);

const native = electronNativeFile(ROOT, electronVersion);
const nativeStandIn = !existsSync(native);
/** The first folder of .electron-native/<version>/ that this run creates, removed again at the end. */
let createdDir: string | undefined;
for (let dir = path.dirname(native); dir !== ROOT && !existsSync(dir); dir = path.dirname(dir)) createdDir = dir;
if (nativeStandIn) {
  mkdirSync(path.dirname(native), { recursive: true });
  copyFileSync(path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node'), native);
}

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

try {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(
    'npx',
    [
      'electron-builder',
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      `-c.electronDist=${fakeDist}`,
      `-c.directories.output=${out}`,
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const app = path.join(out, 'linux-unpacked');
  const files = new Set(
    listPackage(path.join(app, 'resources', 'app.asar'), { isPack: false }).map((file) => file.split(path.sep).join('/')),
  );
  const journal = JSON.parse(readFileSync(path.join(ROOT, 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };

  check(files.has('/dist/electron/main.cjs') && files.has('/dist/electron/preload.cjs'), 'app.asar holds the main process and the preload');
  // Electron (18 and later) starts worker threads from a file inside app.asar.
  check(files.has('/dist/electron/worker.cjs'), 'app.asar holds the worker threads’ entry beside main.cjs');
  check(files.has('/dist/renderer/index.html'), 'app.asar holds the built UI');
  check(
    journal.entries.every((entry) => files.has(`/db/migrations/${entry.tag}.sql`)),
    `app.asar holds all ${journal.entries.length} migrations`,
  );
  check(files.has('/node_modules/better-sqlite3/package.json'), "app.asar holds better-sqlite3's JavaScript");
  check(
    ![...files].some((file) => file.startsWith('/node_modules/better-sqlite3/build/')),
    'app.asar holds no Node build of better-sqlite3',
  );
  check(![...files].some((file) => file.startsWith('/node_modules/electron/')), 'app.asar holds no electron package');
  check(![...files].some((file) => file.endsWith('.map')), 'app.asar holds no source maps');
  check(
    existsSync(path.join(app, 'resources', 'native', 'better_sqlite3.node')),
    'the native addon lies beside app.asar (resources/native)',
  );
  check(existsSync(path.join(app, 'resources', 'icon.png')), 'the icon lies in resources');

  const wire = await getCurrentFuseWire(path.join(app, 'resource-center'));
  const on = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as number) === '1';
  check(!on(FuseV1Options.RunAsNode), 'fuse RunAsNode off');
  check(!on(FuseV1Options.EnableNodeOptionsEnvironmentVariable), 'fuse EnableNodeOptionsEnvironmentVariable off');
  check(!on(FuseV1Options.EnableNodeCliInspectArguments), 'fuse EnableNodeCliInspectArguments off');
  check(on(FuseV1Options.OnlyLoadAppFromAsar), 'fuse OnlyLoadAppFromAsar on');
  check(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation), 'fuse EnableEmbeddedAsarIntegrityValidation on');
  check(on(FuseV1Options.EnableCookieEncryption), 'fuse EnableCookieEncryption on');
  check(!on(FuseV1Options.GrantFileProtocolExtraPrivileges), 'fuse GrantFileProtocolExtraPrivileges off');
} finally {
  if (nativeStandIn) rmSync(createdDir ?? native, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}

console.log(
  failures.length === 0
    ? `Packaging configuration checked on Node ${process.versions.node} with a stand-in Electron ${electronVersion}${nativeStandIn ? " and Node's build of better-sqlite3" : ''}`
    : `${failures.length} check(s) failed`,
);
process.exit(failures.length === 0 ? 0 : 1);
