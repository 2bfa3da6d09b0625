import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

/**
 * Takes the README's screenshot: the work plan of the demo data, in Debian's Chromium against
 * the browser host over a fresh data folder. `npx tsx tests/setup/readme-screenshot.ts
 * [--static BUILT_UI] [--nav 'План работы'] [--out resources/readme/screenshot.png]`.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    static: { type: 'string', default: path.join(root, 'dist', 'renderer') },
    nav: { type: 'string' },
    out: { type: 'string', default: path.join(root, 'resources', 'readme', 'screenshot.png') },
  },
});

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-readme-'));
const host = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'electron/host/cli.ts'), '--data-dir', dataDir, '--static', values.static!],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
try {
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: host.stdout! }).on('line', (line) => line.startsWith('URL ') && resolve(line.slice(4)));
    host.once('exit', (code) => reject(new Error(`browser host exited with ${code}`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  await page.goto(url);
  await page.getByRole('button', { name: 'Открыть демонстрационные данные' }).click();
  await page.getByRole('navigation', { name: 'Разделы' }).waitFor();
  if (values.nav) await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: values.nav }).first().click();
  // Let the lists load and the transitions settle, and keep the pointer off the rows (no hover).
  await page.mouse.move(0, 0);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  mkdirSync(path.dirname(values.out!), { recursive: true });
  await page.screenshot({ path: values.out! });
  await browser.close();
  console.log(`Screenshot: ${path.relative(process.cwd(), values.out!)}`);
} finally {
  host.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
