import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '@main/api/dataDirLock';
import { hostBuildOptions } from '@main/launcher/bundle';
import { FILE_PREFIX, TOKEN_HEADER, UPLOAD_PATH } from '@main/host/server';

/**
 * The browser host's start from its command line, from source (tsx, as the e2e tests run it) and as
 * the bundle `npm run build` makes (dist/electron/host.mjs with its host-*.mjs parts, as `npm start`
 * and the benchmarks run it): what a caller sees right after the `URL` line.
 */

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const folders: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The bundle, built as `npm run build` builds it, into a folder of its own beside the sources' db/migrations. */
const bundleRoot = path.join(root, '.tmp', 'host-start-test');
beforeAll(async () => {
  rmSync(bundleRoot, { recursive: true, force: true });
  mkdirSync(bundleRoot, { recursive: true });
  symlinkSync(path.join(root, 'db'), path.join(bundleRoot, 'db'));
  await build({ ...hostBuildOptions(), outdir: path.join(bundleRoot, 'dist', 'electron'), sourcemap: false, logLevel: 'silent' });
}, 60_000);
afterAll(() => rmSync(bundleRoot, { recursive: true, force: true }));

const WAYS = {
  'from source': ['--import', 'tsx', path.join(root, 'electron/host/cli.ts')],
  'as the bundle': [path.join(bundleRoot, 'dist', 'electron', 'host.mjs')],
};
type Way = keyof typeof WAYS;

function startHost(way: Way, dataDir: string, staticDir: string) {
  const child = spawn(process.execPath, [...WAYS[way], '--data-dir', dataDir, '--static', staticDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve) =>
    createInterface({ input: child.stdout! }).on('line', (line) => line.startsWith('URL ') && resolve(line.slice(4))),
  );
  return { url, exited, stderr: () => stderr };
}

function folder(name: string): string {
  const made = mkdtempSync(path.join(os.tmpdir(), `rc-host-start-${name}-`));
  folders.push(made);
  return made;
}

/** A built page in miniature: index.html naming one script. */
function page(): string {
  const dir = folder('ui');
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
  writeFileSync(path.join(dir, 'assets', 'index.js'), 'export {};');
  return dir;
}

describe.each(Object.keys(WAYS) as Way[])('the browser host’s start %s', (way) => {
  it('answers a call made as soon as its address is printed, and streams a stored file both ways', async () => {
    const host = startHost(way, folder('data'), page());
    const url = new URL(await host.url);
    const token = decodeURIComponent(/token=([^&]+)/.exec(url.hash)![1]!);
    const response = await fetch(`${url.origin}/api/call/app.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
    expect(await (await fetch(`${url.origin}/assets/index.js`)).text()).toBe('export {};');
    expect(
      (await fetch(`${url.origin}/api/call/app.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }))
        .status,
    ).toBe(401);

    // A file of many chunks into the store and back, whole (the bundle streams both ways).
    const file = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(3 * 1024 * 1024)]);
    const uploaded = await fetch(`${url.origin}${UPLOAD_PATH}?name=${encodeURIComponent('Логотип.png')}&size=${file.length}`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(file),
    });
    const stored = ((await uploaded.json()) as { value: { hash: string; size: number } }).value;
    expect(stored).toMatchObject({ hash: createHash('sha256').update(file).digest('hex'), size: file.length });
    const back = await fetch(`${url.origin}${FILE_PREFIX}${stored.hash}`, { headers: { [TOKEN_HEADER]: token } });
    expect(back.status).toBe(200);
    expect(Buffer.from(await back.arrayBuffer()).equals(file)).toBe(true);
    expect((await fetch(`${url.origin}${FILE_PREFIX}${'0'.repeat(64)}`, { headers: { [TOKEN_HEADER]: token } })).status).toBe(404);
  }, 60_000);

  it('ends with the Russian message when another window holds the data folder', async () => {
    const dataDir = folder('data');
    // This test's own process is alive: the folder is held by «another window».
    writeFileSync(path.join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
    const host = startHost(way, dataDir, page());
    expect(await host.exited).toBe(2);
    expect(host.stderr()).toContain('С этой папкой данных уже работает другое окно приложения');
  }, 60_000);
});
