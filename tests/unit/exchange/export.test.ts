import { spawnSync } from 'node:child_process';
import fsp from 'node:fs/promises';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenedDatabase } from '@db/open';
import { createApp } from '@main/api/app';
import type { ExportResult } from '@shared/contract/exchange';
import type { Job } from '@shared/contract/jobs';
import { listExportLog, runExport } from '@main/services/exchange/export';
import { Share } from '@main/services/exchange/shareFs';
import { demoDataDir, exportEnv, walk } from './helpers';

const root = path.resolve(import.meta.dirname, '../../..');

describe('export to a local folder', () => {
  let dataDir: string;
  let opened: OpenedDatabase;
  let target: string;

  beforeAll(() => {
    ({ dataDir, opened } = demoDataDir());
  });
  afterAll(() => {
    opened.sqlite.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(() => vi.restoreAllMocks());

  it('a cancelled export leaves no visible file and is logged as cancelled', async () => {
    target = mkdtempSync(path.join(os.tmpdir(), 'rc-target-'));
    const controller = new AbortController();
    const outcome = await runExport(
      { year: 2017, kinds: ['plan', 'data'], folder: target, centerCode: 'RC-06', origin: 'ui' },
      exportEnv(opened, dataDir, { signal: controller.signal, onProgress: (p) => p.doneBytes > 0 && controller.abort() }),
    );
    expect(outcome).toMatchObject({ status: 'cancelled', errorMessage: 'Выгрузка отменена пользователем' });
    expect(walk(target)).toEqual([]);
    expect(listExportLog(opened.db, { offset: 0, limit: 1 }).rows[0]).toMatchObject({ status: 'cancelled' });
  });

  it('a rename refused by a lock is retried until it goes through', async () => {
    target = mkdtempSync(path.join(os.tmpdir(), 'rc-target-'));
    const realRename = fsp.rename;
    let refusals = 0;
    // Windows antivirus holds a fresh file for a moment: the rename fails with EBUSY, then works.
    vi.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
      if (refusals < 3) {
        refusals++;
        throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      }
      return realRename(from, to);
    });
    const pauses: number[] = [];
    const share = new Share({ folder: target, renameRetryMs: 60_000, sleep: async (ms) => void pauses.push(ms) });
    const temp = share.tempPath(target, 'Протокол.docx');
    await share.upload(temp, Buffer.from('документ'));
    expect(await share.place(temp, target, 'Протокол.docx')).toBe('Протокол.docx');
    expect(refusals).toBe(3);
    expect(pauses).toEqual([100, 200, 400]);
    expect(walk(target)).toEqual(['Протокол.docx']);
  });

  it('a lock that does not go away ends in a Russian error after the retry limit', async () => {
    target = mkdtempSync(path.join(os.tmpdir(), 'rc-target-'));
    vi.spyOn(fsp, 'rename').mockRejectedValue(Object.assign(new Error('busy'), { code: 'EBUSY' }));
    let slept = 0;
    const share = new Share({ folder: target, renameRetryMs: 5_000, sleep: async (ms) => void (slept += ms) });
    const temp = share.tempPath(target, 'План.xlsx');
    await share.upload(temp, Buffer.from('план'));
    await expect(share.place(temp, target, 'План.xlsx')).rejects.toThrow(`Папка недоступна: ${target} (ошибка EBUSY)`);
    // 100+200+400+800+1600 waited; the next pause (2000) would pass the 5-second limit.
    expect(slept).toBe(3100);
  });

  it('refuses bad settings with Russian messages and writes nothing', async () => {
    await expect(
      runExport(
        { year: 2017, kinds: ['data'], folder: 'относительная/папка', centerCode: 'RC-06', origin: 'ui' },
        exportEnv(opened, dataDir),
      ),
    ).rejects.toThrow('Укажите полный путь к папке выгрузки');
    await expect(
      runExport({ year: 2017, kinds: ['data'], folder: os.tmpdir(), centerCode: 'РЦ 06', origin: 'ui' }, exportEnv(opened, dataDir)),
    ).rejects.toThrow('Код центра: только латинские буквы, цифры и дефис');
    await expect(
      runExport({ year: 2017, kinds: ['отчёт'], folder: os.tmpdir(), centerCode: 'RC-06', origin: 'ui' }, exportEnv(opened, dataDir)),
    ).rejects.toThrow('Неизвестный вид выгрузки: «отчёт»');
  });
});

describe('export through the application calls', () => {
  it('settings, check, export job with progress, and the log', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-app-'));
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rc-share-'));
    const app = createApp({ dataDir });
    try {
      await app.dispatch('app.initialize', { mode: 'demo' });
      const refused = await app.dispatch('exchange.saveSettings', { folder, centerCode: 'РЦ' });
      expect(refused).toMatchObject({
        ok: false,
        error: { fields: { centerCode: 'Код центра: только латинские буквы, цифры и дефис (например, RC-06)' } },
      });
      expect(await app.dispatch('exchange.saveSettings', { folder, centerCode: 'RC-06' })).toEqual({
        ok: true,
        value: { folder, centerCode: 'RC-06' },
        changed: ['exchange'],
      });
      const check = await app.dispatch('exchange.checkFolder', {});
      expect(check).toMatchObject({ ok: true, value: { ok: true, folder } });

      const started = await app.dispatch('exchange.export', { year: 2017, kinds: ['plan', 'data'] });
      expect(started).toMatchObject({ ok: true, changed: ['jobs', 'exchange'], value: { kind: 'export', state: 'running' } });
      let job = (started as { value: Job<ExportResult> }).value;
      const steps = new Set<string>();
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, 50));
        job = ((await app.dispatch('jobs.get', { id: job.id })) as { value: Job<ExportResult> }).value;
        steps.add(job.step);
      }
      expect(job).toMatchObject({ state: 'ok', percent: 100, error: null, changes: ['exchange'] });
      expect(job.result!.files.map((f) => f.path.split('/').at(-1))).toContain('manifest.json');
      // The documents and the snapshot were built by the worker thread, which reports its steps.
      expect([...steps].some((s) => s.startsWith('Подготовка документов'))).toBe(true);
      const log = await app.dispatch('exchange.log', {});
      expect(log).toMatchObject({
        ok: true,
        value: { total: 1, rows: [{ status: 'ok', year: 2017, kinds: ['plan', 'data'], origin: 'ui' }] },
      });
    } finally {
      app.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the monitoring year document in the worker thread', () => {
  it('is built there with its chart (the fonts and resvg found from evaluated code) and lands in the folder', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-app-'));
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rc-share-'));
    const app = createApp({ dataDir });
    try {
      await app.dispatch('app.initialize', { mode: 'demo' });
      await app.dispatch('exchange.saveSettings', { folder, centerCode: 'RC-06' });
      const started = await app.dispatch('exchange.export', { year: 2017, kinds: ['indicators'] });
      let job = (started as { value: Job<ExportResult> }).value;
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, 50));
        job = ((await app.dispatch('jobs.get', { id: job.id })) as { value: Job<ExportResult> }).value;
      }
      expect(job).toMatchObject({ state: 'ok', error: null });
      expect(
        walk(folder)
          .filter((f) => f.includes('/indicators/'))
          .map((f) => f.split('/').at(-1)),
      ).toEqual(expect.arrayContaining(['Показатели мониторинга за 2017 год.docx', 'Показатели мониторинга за 2017 год.xlsx']));
    } finally {
      app.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('command-line export', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/export.ts'), ...args], { cwd: root, encoding: 'utf8' });

  it('exports with exit code 0 and fails with one Russian line and a non-zero code', () => {
    const { dataDir, opened } = demoDataDir();
    opened.sqlite.close();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rc-cli-'));
    try {
      const ok = run(['export', '--data-dir', dataDir, '--to', folder, '--center', 'RC-06', '--year', '2017', '--kinds', 'plan,data']);
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(walk(folder).filter((f) => f.endsWith('manifest.json'))).toHaveLength(1);

      const missing = path.join(folder, 'нет');
      const failed = run(['export', '--data-dir', dataDir, '--to', missing, '--center', 'RC-06', '--year', '2017']);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toBe(`Папка недоступна: ${missing} (папка не найдена)\n`);

      const noCenter = run(['export', '--data-dir', dataDir, '--to', folder]);
      expect(noCenter.status).toBe(2);
      expect(noCenter.stderr.trim().split('\n')).toHaveLength(1);

      mkdirSync(path.join(folder, 'broken'));
      writeFileSync(path.join(folder, 'broken', 'resource-center.sqlite'), 'not a database at all, just text that is long enough');
      const broken = run(['export', '--data-dir', path.join(folder, 'broken'), '--to', folder, '--center', 'RC-06']);
      expect(broken.status).toBe(3);
      expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
