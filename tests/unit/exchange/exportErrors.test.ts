import fsp from 'node:fs/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenedDatabase } from '@db/open';
import { listExportLog, runExport } from '@main/services/exchange/export';
import { demoDataDir, exportEnv, walk } from './helpers';

describe('an export that fails on this PC, before the share', () => {
  let dataDir: string;
  let opened: OpenedDatabase;
  beforeAll(() => {
    ({ dataDir, opened } = demoDataDir());
  });
  afterAll(() => {
    opened.sqlite.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const failingWith = (error: Error) => ({ broken: { label: 'Документ', build: () => Promise.reject(error) } });

  it('tells the user in Russian, never with the program’s English error text', async () => {
    const target = mkdtempSync(path.join(os.tmpdir(), 'rc-target-'));
    const outcome = await runExport(
      { year: 2017, kinds: ['broken', 'data'], folder: target, centerCode: 'RC-06', origin: 'ui' },
      exportEnv(opened, dataDir, { catalog: failingWith(new TypeError("Cannot read properties of undefined (reading 'title')")) }),
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.errorMessage).toMatch(/^Выгрузка не выполнена/);
    expect(outcome.errorMessage).not.toMatch(/[A-Za-z]{4,}/);
    expect(listExportLog(opened.db, { offset: 0, limit: 1 }).rows[0]!.errorMessage).toBe(outcome.errorMessage);
    expect(walk(target)).toEqual([]);
    rmSync(target, { recursive: true, force: true });
  });

  it('names a full local disk as such', async () => {
    const target = mkdtempSync(path.join(os.tmpdir(), 'rc-target-'));
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const outcome = await runExport(
      { year: 2017, kinds: ['broken'], folder: target, centerCode: 'RC-06', origin: 'cli' },
      exportEnv(opened, dataDir, { catalog: failingWith(full) }),
    );
    expect(outcome.errorMessage).toBe('Выгрузка не выполнена: недостаточно места на диске этого компьютера для подготовки файлов');
    rmSync(target, { recursive: true, force: true });
  });
});

describe('an export whose local work folder cannot be made', () => {
  it('ends as a logged failure, and the next export is not refused as «already running»', async () => {
    const { dataDir, opened } = demoDataDir();
    const target = mkdtempSync(path.join(os.tmpdir(), 'rc-target-'));
    try {
      // Where the export prepares its files is taken by a file (a damaged profile, a wrong copy).
      writeFileSync(path.join(dataDir, 'tmp'), '');
      const request = { year: 2017, kinds: ['data'], folder: target, centerCode: 'RC-06', origin: 'ui' as const };
      const first = await runExport(request, exportEnv(opened, dataDir));
      expect(first.status).toBe('failed');
      expect(first.errorMessage).toMatch(/^Выгрузка не выполнена/);
      expect(listExportLog(opened.db, { offset: 0, limit: 1 }).rows[0]).toMatchObject({ status: 'failed' });

      rmSync(path.join(dataDir, 'tmp'));
      const second = await runExport(request, exportEnv(opened, dataDir));
      expect(second.status).toBe('ok');
    } finally {
      opened.sqlite.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(target, { recursive: true, force: true });
    }
  });
});

describe('an export whose share stops answering', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives up tidying after the first unanswered call, and the next export removes what stayed', async () => {
    const { dataDir, opened } = demoDataDir();
    const target = mkdtempSync(path.join(os.tmpdir(), 'rc-target-'));
    try {
      let frozen = false;
      let unanswered = 0;
      const realRm = fsp.rm;
      const realStat = fsp.stat;
      const hang = () => {
        unanswered++;
        return new Promise<never>(() => undefined);
      };
      // The server freezes while the files are being put in place: every later call waits forever.
      vi.spyOn(fsp, 'rename').mockImplementation(() => {
        if (frozen) return hang();
        frozen = true;
        return Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' }));
      });
      vi.spyOn(fsp, 'rm').mockImplementation((p, o) => (frozen ? hang() : realRm(p, o)));
      vi.spyOn(fsp, 'stat').mockImplementation(((p: string) => (frozen ? hang() : realStat(p))) as typeof fsp.stat);
      const request = { year: 2017, kinds: ['plan', 'data'], folder: target, centerCode: 'RC-06', origin: 'ui' as const };
      // A second, not 100 ms: on a loaded machine an ordinary call before the freeze may take longer
      // than 100 ms, and the export would then fail before the server froze, testing nothing.
      const failed = await runExport(request, exportEnv(opened, dataDir, { share: { opTimeoutMs: 1_000, renameRetryMs: 0 } }));
      expect(failed.status).toBe('failed');
      expect(failed.errorMessage).toMatch(/^Папка недоступна/);
      // Each unanswered call costs the user a full timeout: one is enough to know the share is gone.
      expect(unanswered).toBe(1);
      // Hidden temporary files and the package folder without its manifest stay for now.
      expect(walk(target).some((f) => f.split('/').some((part) => part.includes('.rc-tmp-')))).toBe(true);

      vi.restoreAllMocks();
      const retried = await runExport(request, exportEnv(opened, dataDir));
      expect(retried.status).toBe('ok');
      const left = walk(target);
      expect(left.filter((f) => f.split('/').some((part) => part.startsWith('.')))).toEqual([]);
      const packages = new Set(left.filter((f) => f.includes('/data/')).map((f) => path.posix.dirname(f)));
      for (const dir of packages) expect(left).toContain(`${dir}/manifest.json`);
    } finally {
      opened.sqlite.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(target, { recursive: true, force: true });
    }
  });
});
