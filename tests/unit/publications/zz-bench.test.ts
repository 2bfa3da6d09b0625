import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import { createApp } from '@main/api/app';
import { generateReferenceData, scaledReference } from '@tests/bench/generate';
import { benchPublications, scaledPublications, seedPublications } from '@tests/bench/publications';
import { ledgerRows, walk } from '@main/services/publications/ledger';
it('bench', async () => {
  const app = createApp({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'rc-b-')) });
  generateReferenceData(app.sqlite, 20170912, scaledReference(0.1));
  const t0 = performance.now();
  const seeded = seedPublications(app.sqlite, 20170912, scaledPublications(1));
  console.log('seeded', seeded, performance.now() - t0);
  const bad = (app.sqlite.prepare('SELECT id FROM publications').pluck().all() as number[]).filter((id) => walk(ledgerRows(app.db, id)).problem);
  console.log('invalid ledgers', bad.length);
  console.log(await benchPublications(app, seeded, 10));
}, 600000);
