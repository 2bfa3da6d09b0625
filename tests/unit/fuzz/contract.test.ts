import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '@main/api/app';
import { contract } from '@shared/contract';
import type { Job } from '@shared/contract/jobs';
import type { Result } from '@shared/contract/define';
import { runExport } from '@main/services/exchange/export';
import { APP_VERSION } from '@main/api/version';
import { hashTables } from '@tests/unit/foundation/tables';
import { demoBackup } from '@tests/unit/hostile/helpers';
import { invalidArbitrary, sandboxFiles, validArbitrary } from './arbitrary';

/**
 * A fuzz that can fail: every call of the contract — enumerated from it, so a new call is fuzzed
 * without anyone listing it — gets schema-valid inputs with hostile strings, numbers, dates and
 * paths (tests/unit/fuzz/arbitrary.ts), and invalid ones, through the real dispatcher on the
 * demo data in a sandboxed data folder; every generated path lies inside the sandbox. Each
 * answer must be a structured envelope, never an `internal` error, a refusal's message Russian
 * to the end, and a refusal must leave every table exactly as it was.
 *
 * `npm test` runs a few inputs per call (FUZZ_RUNS, 10 by default); `npm run test:slow` runs 40.
 * On a failure fast-check prints the seed and the path of the counterexample: rerun it with
 * FUZZ_SEED=<seed>.
 */

const SLOW = process.env.RC_SLOW === '1';
const RUNS = Number(process.env.FUZZ_RUNS ?? (SLOW ? 40 : 10));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;

let sandbox: string;
let app: App;

/** Latin words a Russian message may carry: names of formats and programs, not English sentences. */
// «iii»: the Roman numeral of a quarter («Отчёт за III квартал 2017 года»), Russian usage, not an English word.
const LATIN_ALLOWED = new Set(['json', 'sqlite', 'windows', 'manifest', 'null', 'docx', 'xlsx', 'host', 'nan', 'unc', 'wal', 'smb', 'iii']);

function russianToTheEnd(message: string): string | null {
  if (!/[А-Яа-яЁё]/.test(message)) return 'no Cyrillic';
  // Quoted parts name what the user gave (a file, a key) and may be anything.
  // A code point (U+FFFE) names the character the user typed.
  const bare = message
    .replace(/«[^»]*»/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\S*[/\\]\S*/g, '')
    .replace(/U\+[0-9A-F]{4,6}/g, '');
  const words = (bare.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w.toLowerCase()));
  return words.length ? `English words: ${words.join(' ')}` : null;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const jobs = (await app.dispatch('jobs.list', {})) as Result<Job[]>;
    if (!jobs.ok || jobs.value.every((j) => j.state !== 'running')) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('a job did not finish within 15 s');
}

async function probe(name: string, input: unknown): Promise<void> {
  const before = hashTables(app.sqlite);
  const result = (await app.dispatch(name, input)) as Result<unknown> | undefined;
  await settle();
  expect(typeof result?.ok, `${name}: not an envelope`).toBe('boolean');
  if (result!.ok) return;
  const { error } = result!;
  expect(['validation', 'conflict', 'not_found', 'unknown_call'], `${name}: ${error.code} ${error.message}`).toContain(error.code);
  expect(russianToTheEnd(error.message), `${name}: «${error.message}»`).toBeNull();
  expect(hashTables(app.sqlite), `${name} refused («${error.message}») but changed a table`).toEqual(before);
}

beforeAll(async () => {
  sandbox = mkdtempSync(path.join(os.tmpdir(), 'rc-fuzz-'));
  const dataDir = path.join(sandbox, 'data');
  mkdirSync(dataDir);
  // A good backup and a real package for the calls that read files to find.
  const backup = path.join(sandbox, 'копия.sqlite');
  demoBackup(backup);
  app = createApp({ dataDir });
  await app.dispatch('app.initialize', { mode: 'demo' });
  const share = path.join(sandbox, 'share');
  mkdirSync(share);
  await app.dispatch('exchange.saveSettings', { folder: share, centerCode: 'RC-06' });
  const outcome = await runExport(
    { year: 2017, kinds: ['data'], folder: share, centerCode: 'RC-06', origin: 'ui' },
    { db: app.db, dataDir, appVersion: APP_VERSION },
  );
  const manifest = outcome.files.find((f) => f.path.endsWith('manifest.json'))!;
  sandboxFiles.push(backup, path.join(share, manifest.path), share, path.join(sandbox, 'нет.sqlite'));
}, 60_000);

afterAll(() => {
  app.close();
  rmSync(sandbox, { recursive: true, force: true });
});

describe(`the contract under fuzz (${RUNS} valid and ${RUNS} invalid inputs per call, seed ${SEED})`, () => {
  const names = Object.keys(contract).sort();

  it('covers every call of the contract', () => {
    expect(names.length).toBeGreaterThan(80);
  });

  it.each(names)(
    '%s',
    async (name) => {
      const schema = contract[name as keyof typeof contract].input;
      const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };
      await fc.assert(
        fc.asyncProperty(validArbitrary(schema, sandbox), (input) => probe(name, input)),
        params,
      );
      await fc.assert(
        fc.asyncProperty(invalidArbitrary(schema, sandbox), (input) => probe(name, input)),
        params,
      );
    },
    120_000,
  );

  it('an unknown call and a payload past the bounds are refused in Russian too', async () => {
    await probe('people.нет-такой', {});
    await probe('people.list', { search: 'а', ids: new Array(100_000).fill(1) });
  });
});
