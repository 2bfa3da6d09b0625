import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '@main/api/app';
import { generateReferenceData } from '@tests/bench/generate';
import { seedMeetings, signSeeded } from '@tests/bench/meetings';
import { putFile } from '@main/services/files';
import type { Job } from '@shared/contract/jobs';

/**
 * A database as a center that has worked for a while would have it: the demo data through the
 * calls, plus a small run of the benchmark's generators (raw inserts, the other write path) for
 * 2019–2020. For tests that check every row against the schema's rules and derivations.
 */
export async function populatedApp(): Promise<{ app: App; cleanup: () => void }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-populated-'));
  const app = createApp({ dataDir });
  const result = await app.dispatch('app.initialize', { mode: 'demo' });
  if (!result.ok) throw new Error(result.error.message);
  generateReferenceData(app.sqlite, 20170912, {
    municipalities: 8,
    organizations: 40,
    people: 200,
    firstYear: 2019,
    years: 2,
    itemsPerYear: 30,
  });
  const meetings = { groups: 1, years: 2, firstYear: 2019, perYear: 3, items: 48, decisions: 90 };
  seedMeetings(app.sqlite, 20170912, meetings);
  await signSeeded(app, meetings);
  // A list of specialists imported from a file, through the calls, so an import report is there too.
  const list = path.join(import.meta.dirname, '..', '..', 'fixtures', 'imports', 'people-text-dates.xlsx');
  const file = await putFile(app.db, dataDir, list, { originalName: 'Специалисты.xlsx' });
  const started = await app.dispatch('imports.run', { fileHash: file.hash, target: 'people' });
  if (!started.ok) throw new Error(started.error.message);
  for (let job = started.value as Job; job.state !== 'ok';) {
    if (job.state !== 'running') throw new Error(job.error ?? job.state);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = await app.dispatch('jobs.get', { id: job.id });
    if (!now.ok) throw new Error(now.error.message);
    job = now.value as Job;
  }
  // A restore of a copy of itself, through the calls, so the restore log has its row too.
  const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'rc-populated-copy-')), 'копия.sqlite');
  for (const [name, input] of [
    ['backup.now', { targetFile: copy }],
    ['backup.restore', { file: copy }],
  ] as const) {
    const done = await app.dispatch(name, input);
    if (!done.ok) throw new Error(done.error.message);
  }
  rmSync(path.dirname(copy), { recursive: true, force: true });
  return {
    app,
    cleanup: () => {
      app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
