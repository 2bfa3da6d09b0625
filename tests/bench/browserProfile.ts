import { chromium, type CDPSession, type Page } from '@playwright/test';
import { parseArgs } from 'node:util';
import { AGENDA_ITEMS, armInput, HOME_FIGURES, PEOPLE_ROWS, PLAN_ROWS, readyToMeasure, rowsChanged, rowsText, startHost } from './browser';

/**
 * Where the time of the browser steps goes (`tests/bench/browser.ts` times them; this says why):
 * the same steps on a kept data directory (`npx tsx tests/bench/browser.ts --data-dir DIR` makes
 * it), each under Chromium's sampling profiler and network log. For each step it prints, on one
 * clock from the input event: the requests (chunks and calls) with when they started and ended,
 * the main thread's busy time, and the functions with the most self time. A build without
 * minification (`npx vite build --minify false`) gives readable names. Not a test, not a timing.
 * `npx tsx tests/bench/browserProfile.ts --data-dir DIR [--meeting ID] [--static RENDERER_BUILD]`
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface Request {
  url: string;
  start: number;
  end?: number;
}

/** One step under the profiler: `act` does the input, `done` waits for its result; both on the page's clock. */
async function profiled(page: Page, cdp: CDPSession, name: string, act: () => Promise<void>, done: () => Promise<unknown>) {
  const requests = new Map<string, Request>();
  // Network timestamps are monotonic seconds; their wall time gives the offset to the page's epoch clock.
  let wallOffset = 0;
  const sent = (e: { requestId: string; request: { url: string }; timestamp: number; wallTime: number }) => {
    wallOffset = e.wallTime - e.timestamp;
    requests.set(e.requestId, { url: e.request.url, start: e.timestamp });
  };
  const finished = (e: { requestId: string; timestamp: number }) => {
    const r = requests.get(e.requestId);
    if (r) r.end = e.timestamp;
  };
  cdp.on('Network.requestWillBeSent', sent);
  cdp.on('Network.loadingFinished', finished);
  await cdp.send('Profiler.start');
  await armInput(page);
  await act();
  await done();
  const endPage = (await page.evaluate('performance.now()')) as number;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  cdp.off('Network.requestWillBeSent', sent);
  cdp.off('Network.loadingFinished', finished);
  const { inputAt, origin } = (await page.evaluate('({ inputAt: window.inputAt, origin: performance.timeOrigin })')) as {
    inputAt: number;
    origin: number;
  };
  // The input on the monotonic clock, in microseconds (the profile's clock).
  const inputEpochMs = origin + inputAt;
  const inputMono = requests.size ? (inputEpochMs / 1000 - wallOffset) * 1e6 : profile.startTime;
  const rel = (mono: number) => (mono - inputMono) / 1000;

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  let busy = 0;
  let t = profile.startTime;
  const busyAt: number[] = [];
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    const next = profile.timeDeltas[i + 1] ?? 0;
    if (t < inputMono) continue;
    const node = byId.get(profile.samples[i]!)!;
    const fn = node.callFrame.functionName;
    if (fn === '(idle)' || fn === '(program)') continue;
    const ms = next / 1000;
    busy += ms;
    busyAt.push(rel(t));
    const file = node.callFrame.url.split('/').pop() || fn;
    const key = `${fn || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  const total = endPage - inputAt;
  console.log(`\n## ${name}: ${total.toFixed(0)} ms from the input to the result seen (page clock)`);
  console.log(`main thread busy ${busy.toFixed(0)} ms`);
  // Busy stretches: runs of samples with gaps under 2 ms, to see what waits for what.
  const stretches: [number, number][] = [];
  for (const at of busyAt) {
    const last = stretches.at(-1);
    if (last && at - last[1] < 2) last[1] = at;
    else stretches.push([at, at]);
  }
  console.log(
    'busy stretches (ms from input):',
    stretches
      .filter(([a, b]) => b - a >= 1)
      .map(([a, b]) => `${a.toFixed(0)}–${b.toFixed(0)}`)
      .join(', '),
  );
  for (const r of [...requests.values()].sort((a, b) => a.start - b.start)) {
    const start = rel(r.start * 1e6);
    if (start < -50) continue;
    console.log(`  request ${start.toFixed(0)} → ${r.end ? rel(r.end * 1e6).toFixed(0) : '?'}  ${r.url.replace(/^https?:\/\/[^/]+/, '')}`);
  }
  console.log(
    'by file:',
    [...byFile]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([f, ms]) => `${f} ${ms.toFixed(0)}`)
      .join(', '),
  );
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${ms.toFixed(1).padStart(6)}  ${key}`);
}

async function main() {
  const { values: args } = parseArgs({
    options: { 'data-dir': { type: 'string' }, meeting: { type: 'string' }, static: { type: 'string' } },
  });
  const dataDir = args['data-dir'];
  if (!dataDir) throw new Error('--data-dir: a directory made by tests/bench/browser.ts --data-dir');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  // `--static`: an unminified renderer build (`npx vite build --minify false --outDir DIR`) for readable names.
  const host = await startHost(dataDir, { staticDir: args.static });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.goto(host.url);
    await page.locator(HOME_FIGURES).first().waitFor({ timeout: 120_000 });
    const nav = page.getByRole('navigation', { name: 'Разделы' });
    await nav.getByRole('link', { name: 'Специалисты' }).click();
    await page.locator(PEOPLE_ROWS).first().waitFor();
    // Idle time after the first screens, as a user's reading gives it.
    await page.waitForTimeout(2000);
    await readyToMeasure(page);

    await profiled(
      page,
      cdp,
      'open the plan',
      () => nav.getByRole('link', { name: /План работы/ }).click(),
      () => rowsChanged(page, PLAN_ROWS, ''),
    );
    await page.waitForTimeout(1000);
    const before = await rowsText(page, PLAN_ROWS);
    const select = page.getByRole('combobox', { name: 'Год плана' });
    await select.click();
    const current = await select.inputValue();
    const other = page.getByRole('option').filter({ hasNotText: current }).first();
    await profiled(
      page,
      cdp,
      'switch the year',
      () => other.click(),
      () => rowsChanged(page, PLAN_ROWS, before),
    );
    await nav.getByRole('link', { name: 'Специалисты' }).click();
    await page.locator(PEOPLE_ROWS).first().waitFor();
    await page.waitForTimeout(1000);
    for (const word of ['ива', 'ов']) {
      const shown = await rowsText(page, PEOPLE_ROWS);
      await profiled(
        page,
        cdp,
        `search «${word}»`,
        () => page.getByRole('textbox', { name: 'Поиск' }).fill(word),
        () => rowsChanged(page, PEOPLE_ROWS, shown),
      );
    }
    if (args.meeting) {
      await page.waitForTimeout(1000);
      await profiled(
        page,
        cdp,
        'open the 13-item meeting',
        async () => {
          await page.evaluate((id) => {
            (window as unknown as { inputAt: number }).inputAt = performance.now();
            location.hash = `#/meetings/list/${id}`;
          }, Number(args.meeting));
        },
        () =>
          page.waitForFunction((selector: string) => document.querySelectorAll(selector).length === 13, AGENDA_ITEMS, {
            polling: 'raf',
            timeout: 60_000,
          }),
      );
    }
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
    if (host.child.exitCode === null) await new Promise((r) => host.child.once('exit', r));
  }
}

await main();
