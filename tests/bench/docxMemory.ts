import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createApp, type App } from '@main/api/app';
import type { PlanDocument } from '@shared/contract/workPlan';
import { generateReferenceData, scaledReference } from './generate';

/**
 * The peak memory of the built host (`dist/electron/host.mjs`, what `npm start` runs) while it makes
 * the plan's Word documents for the largest year: its resident set read from /proc every 10 ms
 * during the call, and its high-water mark (VmHWM) since the process started. Target: under 300 MB
 * at 10× the reference scale (2,000 items in a year). Linux only (it reads /proc). Not a test.
 *
 * Part of `npm run bench` (after `npm run build`); alone: `npx tsx tests/bench/docxMemory.ts --scale 10`.
 */

export const DOCX_MEMORY_TARGET_MB = 300;

export interface DocxMemoryRow {
  doc: PlanDocument;
  year: number;
  items: number;
  /** MB: resident set when the call was sent, the largest 10 ms sample during it, the process's high-water mark after it. */
  before: number;
  peak: number;
  highWater: number;
  seconds: number;
  fileKb: number;
}

const root = path.resolve(import.meta.dirname, '..', '..');
const megabytes = (pid: number, key: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** The year with the most plan items, approved again through the service so that its copy for approval is frozen. */
export async function largestPlan(app: App): Promise<{ year: number; items: number }> {
  const { year, items, approvedOn } = app.sqlite
    .prepare(
      `SELECT p.year AS year, count(*) AS items, p.approved_on AS approvedOn FROM plan_items i JOIN work_plans p ON p.id = i.plan_id
       GROUP BY p.id ORDER BY items DESC, p.year LIMIT 1`,
    )
    .get() as { year: number; items: number; approvedOn: string | null };
  // The generator writes approval dates by SQL; the copy for approval is frozen only by the service.
  const approved = await app.dispatch('workPlan.setApproval', { year, approvedOn: approvedOn ?? `${year - 1}-12-25` });
  if (!approved.ok) throw new Error(`workPlan.setApproval failed: ${approved.error.message}`);
  return { year, items };
}

/**
 * Spawns a fresh host on `dataDir` (closed by the caller) for each document, so that one
 * document's garbage does not count for the next, and measures one call of `workPlan.exportDocx`.
 */
export async function benchDocxMemory(dataDir: string, plan: { year: number; items: number }): Promise<DocxMemoryRow[]> {
  const rows: DocxMemoryRow[] = [];
  for (const doc of ['approval', 'report'] as const) {
    const child = spawn(process.execPath, [path.join(root, 'dist', 'electron', 'host.mjs'), '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = new URL(
        await new Promise<string>((resolve, reject) => {
          createInterface({ input: child.stdout }).on('line', (l) => l.startsWith('URL ') && resolve(l.slice(4)));
          child.once('exit', (code) => reject(new Error(`the host exited with ${code}`)));
        }),
      );
      const token = decodeURIComponent(/token=([^&]+)/.exec(url.hash)![1]!);
      const pid = child.pid!;
      const before = megabytes(pid, 'VmRSS');
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, megabytes(pid, 'VmRSS'))), 10);
      const started = performance.now();
      const response = await fetch(`${url.origin}/api/call/workPlan.exportDocx`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rc-token': token },
        body: JSON.stringify({ year: plan.year, doc }),
      });
      const result = (await response.json()) as { ok: boolean; value?: { base64: string }; error?: { message: string } };
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const highWater = megabytes(pid, 'VmHWM');
      if (!result.ok) throw new Error(`workPlan.exportDocx (${doc}) failed: ${result.error?.message}`);
      rows.push({ doc, ...plan, before, peak, highWater, seconds, fileKb: ((result.value?.base64.length ?? 0) * 0.75) / 1024 });
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    }
  }
  return rows;
}

export const docxMemoryHeader = [
  'document',
  'plan items',
  'RSS before MB',
  'peak RSS MB (10 ms samples)',
  'VmHWM MB',
  'time s',
  'file kB',
  `target (< ${DOCX_MEMORY_TARGET_MB} MB)`,
];
export const docxMemoryLines = (rows: DocxMemoryRow[]) =>
  rows.map((r) => [
    `workPlan.exportDocx ${r.doc === 'approval' ? 'копия для утверждения' : 'отчёт о выполнении'} ${r.year}`,
    String(r.items),
    r.before.toFixed(0),
    r.peak.toFixed(0),
    r.highWater.toFixed(0),
    r.seconds.toFixed(1),
    r.fileKb.toFixed(0),
    Math.max(r.peak, r.highWater) < DOCX_MEMORY_TARGET_MB ? 'met' : 'NOT MET',
  ]);

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { scale: { type: 'string', default: '10' }, 'data-dir': { type: 'string' } } });
  const scale = Number(args.scale);
  // `--data-dir`: a folder kept between runs (generated on the first, reused after), as the 10× data takes minutes to make.
  const kept = args['data-dir'];
  const dataDir = kept ?? mkdtempSync(path.join(os.tmpdir(), 'rc-bench-docx-'));
  try {
    const app = createApp({ dataDir });
    const empty = (app.sqlite.prepare('SELECT count(*) AS n FROM plan_items').get() as { n: number }).n === 0;
    if (empty) generateReferenceData(app.sqlite, 20170912, scaledReference(scale));
    const plan = await largestPlan(app);
    app.close();
    const lines = docxMemoryLines(await benchDocxMemory(dataDir, plan));
    console.log(`${empty ? `${scale}× the reference scale` : `the data in ${dataDir}`}; load average ${os.loadavg()[0]!.toFixed(1)}`);
    console.log([`| ${docxMemoryHeader.join(' | ')} |`, ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n'));
  } finally {
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) await main();
