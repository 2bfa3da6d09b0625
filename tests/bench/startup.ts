import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { HOME_FIGURES, startHost } from './browser';

/**
 * `npx tsx tests/bench/startup.ts` (after `npm run build`): the JavaScript the window loads before its
 * first screen (the home screen's figures) paints, taken from Chromium's network log, with each file's gzip size (target: 250 kB
 * in all), and the time from spawning the browser host to the home screen's figures painted. Not a test.
 * `--runs N` (default 5) further starts, timed alone, for their median: one start on a shared machine
 * says little. On the demo data by default; `--data-dir DIR` starts on a kept folder instead, such as
 * the bench's reference data (`npx tsx tests/bench/browser.ts --data-dir DIR` makes and keeps it).
 */

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'data-dir': { type: 'string' } } });
const runs = Number(args.runs);
const kept = args['data-dir'];
const rendererDir = path.resolve(import.meta.dirname, '..', '..', 'dist', 'renderer');

const dataDir = kept ? path.resolve(kept) : mkdtempSync(path.join(os.tmpdir(), 'rc-bench-startup-'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  // First start: the demo data, so the home screen has figures (a kept folder has its own); then
  // every start finds the database current and its day's backup made.
  let host = await startHost(dataDir);
  let page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(host.url);
  if (!kept) await page.getByRole('button', { name: 'Открыть демонстрационные данные' }).click();
  await page.locator(HOME_FIGURES).first().waitFor();
  await page.close();
  host.child.kill('SIGTERM');
  await new Promise((r) => host.child.once('exit', r));

  // The measured start: a new process, the first screen. The page (the window) is made first: a
  // browser tab's own start-up is not the application's.
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  // Every script the page asked for, from the network log; which of them the first paint waited for
  // is decided in the page (below), not by when Playwright notices the row: under load that notice
  // lags by frames, and a script the page asked for only after the rows were on screen (the
  // plan's approval-date form) would be counted as if the list had waited for it. Their gzip sizes
  // are taken afterwards from the files the host served: fetching each body through the browser and
  // compressing it while the page starts took the two cores' time from the start being timed.
  const scriptsAsked = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scriptsAsked.add(new URL(request.url()).pathname);
  });
  // The moment the home screen's first figure enters the document, on the page's clock.
  await page.addInitScript((selector) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        (window as unknown as { firstRowAt: number }).firstRowAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, HOME_FIGURES);
  host = await startHost(dataDir, { marks: true });
  const hostReady = performance.now() - host.started;
  await page.goto(host.url);
  await page.locator(HOME_FIGURES).first().waitFor();
  const firstList = performance.now() - host.started;
  // The scripts requested before that moment: what the first list needed.
  const requested = await page.evaluate(() => {
    const at = (window as unknown as { firstRowAt: number }).firstRowAt;
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime < at && new URL(e.name).pathname.endsWith('.js'))
      .map((e) => new URL(e.name).pathname);
  });
  // What the first paint waited on, in the page's clock: each script and call, when it started and ended.
  const timeline = await page.evaluate(() => {
    const at = (window as unknown as { firstRowAt: number }).firstRowAt;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const entries = performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime < at)
      .map((e) => ({
        name: decodeURIComponent(new URL(e.name).pathname),
        start: e.startTime,
        end: (e as PerformanceResourceTiming).responseEnd,
      }));
    return {
      at,
      origin: performance.timeOrigin,
      nav: { response: nav.responseStart, html: nav.responseEnd },
      domContentLoaded: nav.domContentLoadedEventEnd,
      entries,
    };
  });
  // The start split into its steps, each on the epoch clock (the host's marks, the page's own
  // timing) and shown as ms since the spawn: where the second goes.
  const since = (epoch: number) => epoch - host.spawnedAt;
  const page_ = (t: number) => since(timeline.origin + t);
  const scriptsDone = Math.max(0, ...timeline.entries.filter((e) => e.name.endsWith('.js')).map((e) => e.end));
  const calls = timeline.entries.filter((e) => e.name.startsWith('/api/call/'));
  const breakdown: [string, number][] = [
    ...host.marks.map((m): [string, number] => [`host: ${m.step}`, since(m.at)]),
    ['host: URL read by the bench', hostReady],
    ['page: navigation started', page_(0)],
    ['page: first byte of index.html', page_(timeline.nav.response)],
    ['page: every script before the first row loaded', page_(scriptsDone)],
    ...calls.map((c): [string, number] => [`page: ${c.name} answered (asked at ${page_(c.start).toFixed(0)})`, page_(c.end)]),
    ["page: the home screen's figures in the document", page_(timeline.at)],
    ['bench: the row seen by Playwright', firstList],
  ];
  await page.waitForLoadState('networkidle');
  const gzipOf = (url: string) => gzipSync(readFileSync(path.join(rendererDir, decodeURIComponent(url))), { level: 9 }).length;
  const scripts = [...new Set(requested)].map((url) => ({ url, gzip: gzipOf(url) }));
  const later = [...scriptsAsked].filter((url) => !requested.includes(url));
  const total = scripts.reduce((s, f) => s + f.gzip, 0);
  const lines = [
    '| script loaded before the home screen painted | gzip kB |',
    '| --- | ---: |',
    ...scripts.map((s) => `| ${s.url} | ${(s.gzip / 1024).toFixed(1)} |`),
    `| **total** | **${(total / 1024).toFixed(1)}** (target ≤ 250) |`,
    '',
    `initial JS ${(total / 1024).toFixed(1)} kB gzip (${scripts.length} scripts; target ≤ 250)`,
    '',
    `Requested after the first row was in the document: ${later.join(', ') || 'none'}.`,
    '',
    `Before the first row (page clock, ms; the row at ${timeline.at.toFixed(0)}, DOMContentLoaded at ${timeline.domContentLoaded.toFixed(0)}):`,
    ...timeline.entries.map((e) => `- ${e.start.toFixed(0)}–${e.end.toFixed(0)} ${e.name}`),
    `API calls before the first row: ${timeline.entries.filter((e) => e.name.startsWith('/api/call/')).length}.`,
    '',
    `Spawn of the host → its URL printed: ${hostReady.toFixed(0)} ms; → the home screen's figures painted: ${firstList.toFixed(0)} ms (target ≤ 1 000).`,
    '',
    `The start step by step (ms since the spawn; load average ${os.loadavg()[0]!.toFixed(1)}):`,
    '',
    '| step | ms since spawn | ms of the step |',
    '| --- | ---: | ---: |',
    ...breakdown.map(([step, at], i) => `| ${step} | ${at.toFixed(0)} | ${(at - (i === 0 ? 0 : breakdown[i - 1]![1])).toFixed(0)} |`),
  ];
  console.log(lines.join('\n'));
  host.child.kill('SIGTERM');
  await new Promise((r) => host.child.once('exit', r));
  await page.close();

  // The same start again, with nothing but the figures watched, as tests/bench/browser.ts times it.
  const starts: { ms: number; load: number }[] = [];
  for (let i = 0; i < runs; i++) {
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    host = await startHost(dataDir);
    await page.goto(host.url);
    await page.locator(HOME_FIGURES).first().waitFor();
    starts.push({ ms: performance.now() - host.started, load: os.loadavg()[0]! });
    await page.close();
    host.child.kill('SIGTERM');
    await new Promise((r) => host.child.once('exit', r));
  }
  if (starts.length) {
    const sorted = starts.map((s) => s.ms).sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    const loads = starts.map((s) => s.load);
    console.log(
      [
        '',
        `${starts.length} more starts, spawn → the home screen's figures (ms): ${starts.map((s) => s.ms.toFixed(0)).join(', ')};`,
        `median ${median.toFixed(0)} ms (target ≤ 1 000), load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}.`,
      ].join('\n'),
    );
  }
} finally {
  await browser.close();
  if (!kept) rmSync(dataDir, { recursive: true, force: true });
}
