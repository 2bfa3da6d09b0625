import { personKeys } from '@db/derived';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '@main/api/app';
import { JobCancelled, runInWorker, startJob } from '@main/api/jobs';
import { DomainError } from '@main/api/errors';
import { writesHeldBy } from '@main/api/writeGate';
import type { Job } from '@shared/contract/jobs';

/**
 * Jobs and worker threads: the job contract through the calls, and the worker's ways of
 * writing — sent back to the main thread as short transactions, or held in one transaction
 * while every changing call on the main thread answers at once instead of waiting.
 */

const entry = path.join(import.meta.dirname, 'testWorker.ts');
let dataDir: string;
let app: App;

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-jobs-'));
  app = createApp({ dataDir });
  await app.dispatch('app.initialize', { mode: 'demo' });
});
afterEach(() => {
  app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const workerOptions = () => ({ db: () => app.db, dbFile: app.env.dbFile, description: 'проверка', entry });
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('a worker thread', () => {
  it('sends its writes back to the main thread, each a short transaction there', async () => {
    const lastNames = ['Первая', 'Вторая', 'Третья'];
    const seen = await runInWorker<number>(
      'test.writeBack',
      { lastNames },
      {
        ...workerOptions(),
        writers: {
          'test.addPerson': (db, payload: { lastName: string }) => {
            const keys = personKeys({ lastName: payload.lastName, firstName: 'Импорт', middleName: '', position: '', email: '' });
            return db.$client
              .prepare("INSERT INTO people (last_name, first_name, search_text, sort_key, position_sort_key) VALUES (?, 'Импорт', ?, ?, ?)")
              .run(payload.lastName, keys.searchText, keys.sortKey, keys.positionSortKey).changes;
          },
        },
      },
    );
    expect(seen).toBe(3);
    expect(app.sqlite.prepare("SELECT last_name FROM people WHERE first_name = 'Импорт' ORDER BY id").pluck().all()).toEqual(lastNames);
  });

  it('writes all at once in one transaction while changing calls answer at once «Идёт импорт…» and reads go on', async () => {
    const signals = new Int32Array(new SharedArrayBuffer(8));
    const before = (await app.dispatch('people.list', { limit: 1 })) as { value: { total: number } };
    const imported = runInWorker<number>('test.importAllAtOnce', { rows: 500, signals: signals.buffer }, workerOptions());
    // The worker now holds SQLite's write lock on its own connection and waits for the test.
    await until(() => Atomics.load(signals, 1) === 1);
    expect(writesHeldBy()).toBe('импорт');

    // Had the call reached SQLite, it would have waited for the lock (busy_timeout) and failed
    // as an internal error; it is refused before it touches the database.
    expect(await app.dispatch('people.create', { lastName: 'Ждущая', firstName: 'Анна' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Идёт импорт, повторите через минуту' },
    });
    expect(await app.dispatch('exchange.export', { year: 2017, kinds: ['plan'] })).toMatchObject({
      ok: false,
      error: { message: 'Идёт импорт, повторите через минуту' },
    });
    // Reading is not blocked (WAL), and sees the data as before the import.
    expect(await app.dispatch('people.list', { limit: 1 })).toMatchObject({ ok: true, value: { total: before.value.total } });
    // A restore waits for any job that holds a connection.
    const backup = await app.dispatch('backup.now', {});
    const file = (backup as { value: { file: string } }).value.file;
    expect(await app.dispatch('backup.restore', { file })).toMatchObject({
      ok: false,
      error: { message: 'Идёт проверка: дождитесь её окончания, затем восстановите копию' },
    });

    Atomics.store(signals, 0, 1);
    Atomics.notify(signals, 0);
    expect(await imported).toBe(500);
    expect(writesHeldBy()).toBeNull();
    expect(await app.dispatch('people.list', { limit: 1 })).toMatchObject({ value: { total: before.value.total + 500 } });
    expect(await app.dispatch('people.create', { lastName: 'Дождавшаяся', firstName: 'Анна' })).toMatchObject({ ok: true });
  });

  it('stops at its next step when cancelled, and carries a refusal across with its Russian message', async () => {
    const controller = new AbortController();
    const steps: string[] = [];
    const stopped = runInWorker(
      'test.untilCancelled',
      {},
      { ...workerOptions(), signal: controller.signal, onProgress: (s) => steps.push(s) },
    );
    await until(() => steps.length > 0);
    controller.abort();
    await expect(stopped).rejects.toBeInstanceOf(JobCancelled);

    const refused = runInWorker('test.refuse', {}, workerOptions());
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toThrow('В пакете нет ни одной записи');
  });
});

describe('the job contract', () => {
  it('follows a job to its result, keeps a restore waiting meanwhile and names what it changed', async () => {
    let finish!: (value: string) => void;
    const job = startJob({
      kind: 'test',
      title: 'Проверочная работа',
      busyAs: 'проверочная работа',
      changes: ['people'],
      run: (control) => {
        control.progress('Первый шаг', 1, 4);
        return new Promise<string>((resolve) => (finish = resolve));
      },
    });
    expect(await app.dispatch('jobs.get', { id: job.id })).toMatchObject({
      ok: true,
      value: { state: 'running', step: 'Первый шаг', percent: 25, title: 'Проверочная работа' },
    });
    expect(await app.dispatch('jobs.list', {})).toMatchObject({ ok: true, value: [{ id: job.id, state: 'running' }] });
    const backup = (await app.dispatch('backup.now', {})) as { value: { file: string } };
    expect(await app.dispatch('backup.restore', { file: backup.value.file })).toMatchObject({
      ok: false,
      error: { message: 'Идёт проверочная работа: дождитесь её окончания, затем восстановите копию' },
    });
    finish('готово');
    await vi.waitFor(async () =>
      expect(await app.dispatch('jobs.get', { id: job.id })).toMatchObject({
        value: { state: 'ok', percent: 100, result: 'готово', changes: ['people'], error: null },
      }),
    );
    expect(await app.dispatch('backup.restore', { file: backup.value.file })).toMatchObject({ ok: true });
  });

  it('ends cancelled when asked, and failed with a Russian message on a bug', async () => {
    const log = vi.fn();
    const waiting = startJob({
      kind: 'test',
      title: 'Долгая работа',
      busyAs: 'долгая работа',
      changes: [],
      run: (control) =>
        new Promise((_resolve, reject) => control.signal.addEventListener('abort', () => reject(new JobCancelled('Работа отменена')))),
    });
    expect(await app.dispatch('jobs.cancel', { id: waiting.id })).toMatchObject({ ok: true, changed: ['jobs'] });
    await vi.waitFor(async () =>
      expect(((await app.dispatch('jobs.get', { id: waiting.id })) as { value: Job }).value).toMatchObject({
        state: 'cancelled',
        error: 'Работа отменена',
      }),
    );
    const buggy = startJob(
      {
        kind: 'test',
        title: 'Сломанная работа',
        busyAs: 'сломанная работа',
        changes: [],
        run: () => Promise.reject(new TypeError('boom')),
      },
      log,
    );
    await vi.waitFor(async () =>
      expect(((await app.dispatch('jobs.get', { id: buggy.id })) as { value: Job }).value).toMatchObject({
        state: 'failed',
        error: 'Сломанная работа: внутренняя ошибка приложения, работа не выполнена',
      }),
    );
    expect(log).toHaveBeenCalledOnce();
    expect(await app.dispatch('jobs.get', { id: 'нет-такой' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lets the secretary go on working while an export runs: her changes are saved at once, the export still succeeds', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rc-jobs-share-'));
    try {
      await app.dispatch('exchange.saveSettings', { folder, centerCode: 'RC-06' });
      const started = (await app.dispatch('exchange.export', { year: 2017, kinds: ['plan', 'minutes', 'data'] })) as { value: Job };
      const saved = await app.dispatch('people.create', { lastName: 'Секретарь', firstName: 'Анна' });
      expect(saved).toMatchObject({ ok: true, changed: ['people'] });
      expect(((await app.dispatch('jobs.get', { id: started.value.id })) as { value: Job }).value.state).toBe('running');
      // A second export of the same center is refused while the first runs.
      expect(await app.dispatch('exchange.export', { year: 2017, kinds: ['plan'] })).toMatchObject({
        ok: false,
        error: { message: 'Выгрузка уже выполняется: дождитесь её окончания или отмените её' },
      });
      await vi.waitFor(
        async () =>
          expect(((await app.dispatch('jobs.get', { id: started.value.id })) as { value: Job }).value).toMatchObject({ state: 'ok' }),
        { timeout: 30_000 },
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
