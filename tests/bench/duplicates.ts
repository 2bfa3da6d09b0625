import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createApp, type App } from '@main/api/app';
import { personKeys } from '@db/derived';
import { generateReferenceData, scaledReference } from './generate';
import { callTimer, type BenchRow } from './timing';

/**
 * Duplicate candidates (issue 18) over the whole registry: the blocks keep it from comparing every
 * pair, which at 20 000 people would be 200 million. Every 50th generated person gets a twin typed
 * in again without the patronymic, so the pairs to page through are there at any scale.
 */

export const DUPLICATES_TARGET_MS = 300;

export function seedTwins(sqlite: Database.Database, every = 50): number {
  const rows = sqlite
    .prepare(`SELECT last_name AS lastName, first_name AS firstName, organization_id AS organizationId FROM people WHERE id % ? = 0`)
    .all(every) as { lastName: string; firstName: string; organizationId: number | null }[];
  const insert = sqlite.prepare(
    `INSERT INTO people (last_name, first_name, middle_name, position, organization_id, search_text, sort_key, position_sort_key)
     VALUES (?, ?, '', '', ?, ?, ?, '')`,
  );
  for (const r of rows) {
    const keys = personKeys({ ...r, middleName: '', position: '', email: '' });
    insert.run(r.lastName, r.firstName, r.organizationId, keys.searchText, keys.sortKey);
  }
  return rows.length;
}

/** The first call compares the whole registry; later pages and visits reuse its pairs while the registry is unchanged. */
export const DUPLICATES_FIRST_TARGET_MS = 2000;

export async function benchDuplicates(app: Pick<App, 'dispatch'>, runs = 5): Promise<BenchRow[]> {
  const time = callTimer(app, runs);
  const started = performance.now();
  const first = await app.dispatch('registry.duplicateCandidates', { target: 'person' });
  if (!first.ok) throw new Error(`registry.duplicateCandidates failed: ${first.error.message}`);
  const firstMs = Math.round((performance.now() - started) * 10) / 10;
  return [
    { name: 'registry.duplicateCandidates people, first call', medianMs: firstMs, targetMs: DUPLICATES_FIRST_TARGET_MS },
    await time('registry.duplicateCandidates people', 'registry.duplicateCandidates', { target: 'person' }, DUPLICATES_TARGET_MS),
    await time(
      'registry.duplicateCandidates people, page 20',
      'registry.duplicateCandidates',
      { target: 'person', offset: 950, limit: 50 },
      DUPLICATES_TARGET_MS,
    ),
    await time(
      'registry.duplicateCandidates organisations',
      'registry.duplicateCandidates',
      { target: 'organization' },
      DUPLICATES_TARGET_MS,
    ),
  ];
}

/** Run alone: `npx tsx tests/bench/duplicates.ts --scale 10` (the reference registry ×10, 200 000 people). */
async function main() {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
  const scale = Number(values.scale);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-duplicates-'));
  const app = createApp({ dataDir });
  try {
    generateReferenceData(app.sqlite, 20170912, scaledReference(scale));
    const twins = seedTwins(app.sqlite);
    const people = app.sqlite.prepare('SELECT count(*) FROM people').pluck().get();
    const rows = await benchDuplicates(app);
    const result = await app.dispatch('registry.duplicateCandidates', { target: 'person' });
    console.log(
      JSON.stringify({ scale, people, twins, pairs: result.ok ? (result.value as { total: number }).total : result.error.message }),
    );
    for (const r of rows)
      console.log(
        `${r.medianMs <= r.targetMs ? 'ok  ' : 'SLOW'} ${r.name.padEnd(46)} ${String(r.medianMs).padStart(8)} ms (target ${r.targetMs} ms)`,
      );
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
