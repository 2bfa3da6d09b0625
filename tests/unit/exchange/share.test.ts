import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '@db/open';
import { checkFolder } from '@main/services/exchange/checkFolder';
import {
  getExportLogRow,
  retryRequest,
  runExport,
  type ExportEnv,
  type ExportOutcome,
  type ExportRequest,
} from '@main/services/exchange/export';
import { openPackage } from '@main/services/exchange/openPackage';
import type { Manifest } from '@main/services/exchange/dataPackage';
import { countRows, demoDataDir, exportEnv, integrity, sha256Of, walk } from './helpers';
import { smbUnavailableReason, startSmbShare, type SmbShare } from './smbShare';

/**
 * Export to a real SMB share (Samba on loopback, mounted through FUSE), checked from the
 * server's side: what the regional coordinator would find in the folder.
 */

const unavailable = smbUnavailableReason();
if (unavailable) console.warn(`Тесты общей папки SMB пропущены: ${unavailable}`);

const YEAR = 2017;
const CODE = 'RC-06';

function manifestsIn(backing: string): string[] {
  return existsSync(backing) ? walk(backing).filter((f) => f.endsWith('/manifest.json')) : [];
}

/** Checks a package from the server's side: every file the manifest lists is there, whole. */
function verifyPackage(backing: string, manifestRel: string): Manifest {
  const manifestFile = path.join(backing, manifestRel);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  for (const file of manifest.files) {
    const onServer = path.resolve(path.dirname(manifestFile), file.path);
    expect(statSync(onServer).size, file.path).toBe(file.size);
    expect(sha256Of(onServer), file.path).toBe(file.sha256);
  }
  return manifest;
}

/** What a reader of the share may take for finished: visible files outside unfinished package folders. */
function assertNothingHalfDone(backing: string): void {
  for (const rel of walk(backing)) {
    const name = path.basename(rel);
    if (name.startsWith('.')) continue; // hidden temporary names, never taken for a document
    if (rel.includes('/data/')) {
      const packageDir = path.join(backing, path.dirname(rel));
      expect(existsSync(path.join(packageDir, 'manifest.json')), `${rel} has no manifest beside it`).toBe(true);
    }
  }
  for (const manifest of manifestsIn(backing)) verifyPackage(backing, manifest);
}

/** Runs an export that `interrupt` breaks once the first bytes went out; `recover` always runs after. */
async function exportInterrupted(
  env: ExportEnv,
  request: ExportRequest,
  interrupt: () => void,
  recover: () => void,
): Promise<ExportOutcome> {
  let interrupted = false;
  try {
    const outcome = await runExport(request, {
      ...env,
      onProgress: (p) => {
        if (!interrupted && p.doneBytes > 0) {
          interrupted = true;
          interrupt();
        }
      },
    });
    expect(interrupted).toBe(true);
    return outcome;
  } finally {
    if (interrupted) recover();
  }
}

describe.skipIf(unavailable !== null)('export to an SMB share', () => {
  let smb: SmbShare;
  let dataDir: string;
  let opened: OpenedDatabase;

  beforeAll(() => {
    smb = startSmbShare(4450 + (process.pid % 400));
    ({ dataDir, opened } = demoDataDir());
  }, 300_000);

  afterAll(() => {
    opened?.sqlite.close();
    smb?.down();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('checks the folder step by step', async () => {
    const good = await checkFolder({ folder: smb.mount });
    expect(good.ok).toBe(true);
    expect(good.steps.filter((s) => s.step !== 'Свободное место').every((s) => s.ok)).toBe(true);
    expect(walk(smb.backing)).toEqual([]);

    const readonly = await checkFolder({ folder: smb.roMount });
    expect(readonly.ok).toBe(false);
    expect(readonly.steps[0]).toMatchObject({ step: 'Папка открывается', ok: true });
    expect(readonly.steps[1]).toMatchObject({ step: 'Запись файла', ok: false });
    expect(readonly.summary).toContain('только для чтения');

    const missing = await checkFolder({ folder: path.join(smb.mount, 'нет-такой-папки') });
    expect(missing.ok).toBe(false);
    expect(missing.summary).toMatch(/^Папка недоступна: .*папка не найдена/);
  });

  it('writes documents and a whole data package, verified on the server side', async () => {
    const outcome = await runExport(
      { year: YEAR, kinds: ['plan', 'data'], folder: smb.mount, centerCode: CODE, origin: 'ui' },
      exportEnv(opened, dataDir),
    );
    expect(outcome.errorMessage).toBeNull();
    expect(outcome.status).toBe('ok');

    const files = walk(smb.backing);
    expect(files.filter((f) => f.startsWith(`${CODE}/${YEAR}/plan/`)).sort()).toEqual(
      [
        `${CODE}/${YEAR}/plan/План работы на ${YEAR} год (для утверждения).docx`,
        `${CODE}/${YEAR}/plan/Отчёт о выполнении плана работы за ${YEAR} год.docx`,
      ].sort(),
    );
    const manifests = manifestsIn(smb.backing);
    expect(manifests).toHaveLength(1);
    const manifest = verifyPackage(smb.backing, manifests[0]!);
    expect(manifest.center.code).toBe(CODE);
    expect(manifest.year).toBe(YEAR);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      [
        '../../plan/План работы на 2017 год (для утверждения).docx',
        '../../plan/Отчёт о выполнении плана работы за 2017 год.docx',
        'data.sqlite',
        'indicators.xlsx',
        // Issue 23: the approved reports' figures for the coordinator.
        'report-figures.xlsx',
      ].sort(),
    );
    const packagedDb = path.join(smb.backing, path.dirname(manifests[0]!), 'data.sqlite');
    expect(integrity(packagedDb)).toBe('ok');
    expect(countRows(packagedDb, 'plan_items')).toBe(manifest.records.plan_items);
    expect(manifest.records.plan_items).toBe(countRows(path.join(dataDir, 'resource-center.sqlite'), 'plan_items'));
    expect(files.some((f) => path.basename(f).startsWith('.'))).toBe(false);
    expect(getExportLogRow(opened.db, outcome.logId)).toMatchObject({ status: 'ok', targetFolder: smb.mount, centerCode: CODE });
  });

  it('never overwrites an earlier export of the same period', async () => {
    const before = Object.fromEntries(walk(smb.backing).map((f) => [f, sha256Of(path.join(smb.backing, f))]));
    const outcome = await runExport(
      { year: YEAR, kinds: ['plan', 'data'], folder: smb.mount, centerCode: CODE, origin: 'ui' },
      exportEnv(opened, dataDir),
    );
    expect(outcome.status).toBe('ok');
    for (const [file, hash] of Object.entries(before)) expect(sha256Of(path.join(smb.backing, file)), file).toBe(hash);
    const files = walk(smb.backing);
    expect(files).toContain(`${CODE}/${YEAR}/plan/План работы на ${YEAR} год (для утверждения) (2).docx`);
    expect(files).toContain(`${CODE}/${YEAR}/plan/Отчёт о выполнении плана работы за ${YEAR} год (2).docx`);
    const manifests = manifestsIn(smb.backing);
    expect(manifests).toHaveLength(2);
    for (const m of manifests) verifyPackage(smb.backing, m);
  });

  it('opens a package read-only after copying it locally and checking its sums', async () => {
    const manifestRel = manifestsIn(smb.backing)[0]!;
    const summary = await openPackage({ manifestPath: path.join(smb.mount, manifestRel), receiveDir: path.join(dataDir, 'received') });
    expect(summary.centerCode).toBe(CODE);
    expect(summary.files.every((f) => f.ok)).toBe(true);
    expect(summary.records.find((r) => r.table === 'plan_items')?.count).toBeGreaterThan(0);
    expect(summary.localCopy.startsWith(path.join(dataDir, 'received'))).toBe(true);

    // A package changed after export is refused, with the reason.
    // Changed through the share itself, as another user of the folder would.
    const listed = (JSON.parse(readFileSync(path.join(smb.backing, manifestRel), 'utf8')) as Manifest).files.find((f) =>
      f.path.endsWith('.docx'),
    )!;
    const doc = path.resolve(path.dirname(path.join(smb.mount, manifestRel)), listed.path);
    const original = readFileSync(doc);
    const patch = (byte: number) => {
      const fd = openSync(doc, 'r+');
      writeSync(fd, Buffer.from([byte]), 0, 1, 100);
      closeSync(fd);
    };
    patch(original[100]! ^ 0xff);
    try {
      await expect(
        openPackage({ manifestPath: path.join(smb.mount, manifestRel), receiveDir: path.join(dataDir, 'received') }),
      ).rejects.toThrow(`не совпадает контрольная сумма (${listed.path})`);
    } finally {
      patch(original[100]!);
    }
  });

  it('server stopped mid-export: nothing looks complete, a Russian error, nothing lost, the retry succeeds', async () => {
    const dbFile = path.join(dataDir, 'resource-center.sqlite');
    const itemsBefore = countRows(dbFile, 'plan_items');
    const request: ExportRequest = { year: YEAR, kinds: ['plan', 'data'], folder: smb.mount, centerCode: CODE, origin: 'ui' };
    const outcome = await exportInterrupted(exportEnv(opened, dataDir), request, smb.stop, smb.start);
    expect(outcome.status).toBe('failed');
    expect(outcome.errorMessage).toMatch(/^Папка недоступна: /);
    expect(getExportLogRow(opened.db, outcome.logId)).toMatchObject({ status: 'failed', errorMessage: outcome.errorMessage });
    expect(countRows(dbFile, 'plan_items')).toBe(itemsBefore);
    expect(integrity(dbFile)).toBe('ok');
    assertNothingHalfDone(smb.backing);
    expect(manifestsIn(smb.backing)).toHaveLength(2);

    const retried = await runExport(retryRequest(opened.db, outcome.logId, 'ui'), exportEnv(opened, dataDir));
    expect(retried.errorMessage).toBeNull();
    expect(getExportLogRow(opened.db, retried.logId)).toMatchObject({ status: 'ok', retryOf: outcome.logId });
    expect(manifestsIn(smb.backing)).toHaveLength(3);
    assertNothingHalfDone(smb.backing);
    // The retry removed what the interrupted export left behind.
    expect(walk(smb.backing).filter((f) => path.basename(f).startsWith('.'))).toEqual([]);
  });

  it('a frozen server makes the export fail instead of hanging', async () => {
    const request: ExportRequest = { year: YEAR, kinds: ['plan', 'data'], folder: smb.mount, centerCode: CODE, origin: 'ui' };
    const env = exportEnv(opened, dataDir, { share: { opTimeoutMs: 3000, renameRetryMs: 2000 } });
    const outcome = await exportInterrupted(env, request, smb.freeze, smb.thaw);
    expect(outcome.status).toBe('failed');
    expect(outcome.errorMessage).toMatch(/^Папка недоступна: /);
    assertNothingHalfDone(smb.backing);
  }, 60_000);

  it('a read-only share says so', async () => {
    const outcome = await runExport(
      { year: YEAR, kinds: ['plan', 'data'], folder: smb.roMount, centerCode: CODE, origin: 'ui' },
      exportEnv(opened, dataDir),
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.errorMessage).toBe(`Папка доступна только для чтения: ${smb.roMount}`);
  });

  it('a full disk says so and leaves nothing behind', async () => {
    expect(smb.smallOk, 'a size-limited tmpfs share could not be mounted').toBe(true);
    // Leave the share less room than the data package needs.
    const filler = path.join(smb.smallBacking, 'занято.bin');
    writeFileSync(filler, Buffer.alloc(2 * 1024 * 1024 - 200 * 1024));
    const outcome = await runExport(
      { year: YEAR, kinds: ['plan', 'data'], folder: smb.smallMount, centerCode: CODE, origin: 'ui' },
      exportEnv(opened, dataDir),
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.errorMessage).toBe(`Недостаточно места в папке выгрузки: ${smb.smallMount}`);
    assertNothingHalfDone(smb.smallBacking);
    expect(walk(smb.smallBacking).filter((f) => path.basename(f).startsWith('.'))).toEqual([]);
  });
});
