import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';

/**
 * `npx tsx tests/bench/startup.ts` (after `npm run build`): the JavaScript the window loads before its
 * first list paints, taken from Chromium's network log, with each file's gzip size (target: 250 kB
 * in all), and the time from spawning the browser host to the work plan's rows painted. Not a test.
 */

const root = path.resolve(import.meta.dirname, '..', '..');

async function startHost(dataDir: string) {
  const started = performance.now();
  // The bundle npm start runs (`npm run build` makes it), as a user's start would.
  const child = spawn(process.execPath, [path.join(root, 'dist', 'electron', 'host.cjs'), '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('URL ') && resolve(line.slice(4)));
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  return { child, url, started };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-startup-'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  // First start: the demo data, so the plan has rows.
  let host = await startHost(dataDir);
  let page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Открыть демонстрационные данные' }).click();
  await page.getByRole('table', { name: 'Мероприятия плана' }).locator('tbody tr').first().waitFor();
  await page.close();
  host.child.kill('SIGTERM');
  await new Promise((r) => host.child.once('exit', r));

  // The measured start: a new process, a fresh page, the first list.
  host = await startHost(dataDir);
  const hostReady = performance.now() - host.started;
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const scripts: { url: string; gzip: number }[] = [];
  let painted = false;
  page.on('response', async (response) => {
    if (painted || response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    scripts.push({ url: new URL(response.url()).pathname, gzip: gzipSync(body, { level: 9 }).length });
  });
  await page.goto(host.url);
  await page.getByRole('table', { name: 'Мероприятия плана' }).locator('tbody tr').first().waitFor();
  painted = true;
  const firstList = performance.now() - host.started;
  const total = scripts.reduce((s, f) => s + f.gzip, 0);
  const lines = [
    '| script loaded before the plan painted | gzip kB |',
    '| --- | ---: |',
    ...scripts.map((s) => `| ${s.url} | ${(s.gzip / 1024).toFixed(1)} |`),
    `| **total** | **${(total / 1024).toFixed(1)}** (target ≤ 250) |`,
    '',
    `Spawn of the host → its URL printed: ${hostReady.toFixed(0)} ms; → the plan's first row painted: ${firstList.toFixed(0)} ms (target ≤ 1 000).`,
  ];
  console.log(lines.join('\n'));
  host.child.kill('SIGTERM');
  await new Promise((r) => host.child.once('exit', r));
} finally {
  await browser.close();
  rmSync(dataDir, { recursive: true, force: true });
}
