import { personKeys } from '@db/derived';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '@db/open';
import { AsyncDbHandlerError, createDispatcher, mergeHandlers, type CallContext } from '@main/api/dispatch';
import { conflict } from '@main/api/errors';
import { call, mergeGroups, REFUSED, REGISTERS, type AnyCallDef } from '@shared/contract/define';
import { holdWrites } from '@main/api/writeGate';
import { contract } from '@shared/contract';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-contract-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function context(): CallContext {
  const { db, file } = openDatabase({ file: path.join(dataDir, 'center.sqlite') });
  return { db, env: { version: 'test', dataDir, dbFile: file } };
}

const echo = call(z.object({ text: z.string() }).strict())
  .reads()
  .returns<string>();
const save = call(z.object({ text: z.string() }).strict())
  .db(['people'], REFUSED.save, { mayChange: ['names'] })
  .returns<string>();

describe('the contract', () => {
  it('refuses a call name defined twice', () => {
    expect(() => mergeGroups({ 'a.one': echo }, { 'a.two': echo }, { 'a.one': echo })).toThrow(/a\.one/);
    expect(Object.keys(mergeGroups({ 'a.one': echo }, { 'a.two': echo }))).toEqual(['a.one', 'a.two']);
  });

  it('refuses a handler registered twice', () => {
    const h = () => 'x';
    expect(() => mergeHandlers({ 'a.one': h }, { 'a.one': h })).toThrow(/a\.one/);
  });

  it('refuses to start when a call has no handler', () => {
    expect(() => createDispatcher({ 'a.one': echo, 'a.two': echo }, { 'a.one': () => 'x' }, context())).toThrow(/a\.two/);
  });

  it('answers an unknown call name with an envelope, not an exception', async () => {
    const handler = vi.fn(() => 'x');
    const dispatch = createDispatcher({ 'a.one': echo }, { 'a.one': handler }, context());
    for (const name of ['a.nope', 'toString', '__proto__', 'constructor']) {
      const result = await dispatch(name, {});
      expect(result).toEqual({ ok: false, error: { code: 'unknown_call', message: 'Неизвестная команда приложения' } });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('validates before the handler runs and passes the parsed input', async () => {
    const handler = vi.fn((_ctx: CallContext, input: { text: string }) => input.text.toUpperCase());
    const dispatch = createDispatcher({ 'a.one': echo }, { 'a.one': handler as never }, context());
    const bad = await dispatch('a.one', { text: 5 });
    expect(bad.ok).toBe(false);
    expect(handler).not.toHaveBeenCalled();
    expect(await dispatch('a.one', { text: 'привет' })).toEqual({ ok: true, value: 'ПРИВЕТ' });
  });

  it('turns a domain refusal into its envelope and a bug into a Russian internal error', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(
      { 'a.refuse': echo, 'a.crash': save },
      {
        'a.refuse': () => {
          throw conflict('Нельзя удалить', { name: 'Занято' });
        },
        'a.crash': () => {
          throw new TypeError('boom');
        },
      },
      context(),
      log,
    );
    expect(await dispatch('a.refuse', { text: '' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Нельзя удалить', fields: { name: 'Занято' } },
    });
    const crashed = await dispatch('a.crash', { text: '' });
    expect(crashed.ok).toBe(false);
    if (!crashed.ok) {
      expect(crashed.error.code).toBe('internal');
      expect(crashed.error.message).toMatch(/данные не изменены/);
      expect(crashed.error.message).not.toMatch(/boom/);
    }
    expect(log).toHaveBeenCalledOnce();
  });

  it('names every call as register.action', () => {
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
  });

  it('declares for every call what it is: a read names what it shows, a change what it changes and how a refusal is titled', () => {
    for (const [name, def] of Object.entries(contract)) {
      expect(['read', 'db', 'job', 'file'], name).toContain(def.kind);
      for (const register of [...def.reads, ...def.changes, ...def.mayChange]) expect(REGISTERS, name).toContain(register);
      if (def.kind === 'read') expect(def.changes, name).toEqual([]);
      else expect(def.reads, name).toEqual([]);
      if (def.kind === 'db') expect(def.changes.length, name).toBeGreaterThan(0);
      expect(def.refusal, name).toMatch(/^(Не |Копия не |Подпись не )/);
    }
    // A document is built from the data, never written into it: reads, never in a transaction — or a
    // job building it in the worker (the annual report's Word file), which changes nothing but the jobs.
    for (const name of Object.keys(contract).filter((n) => /Docx|Xlsx/.test(n))) {
      const def = contract[name as keyof typeof contract] as AnyCallDef;
      if (def.kind === 'job')
        expect({ name, changes: def.changes, mayChange: def.mayChange }).toEqual({ name, changes: ['jobs'], mayChange: [] });
      else expect(def.kind, name).toBe('read');
    }
    expect(contract['people.delete'].refusal).toBe('Не удалено');
    expect(contract['meetings.sign'].refusal).toBe('Не подписано');
    expect(contract['exchange.export'].refusal).toBe('Не выгружено');
    expect(contract['people.update'].refusal).toBe('Не сохранено');
  });
});

describe('the dispatcher and the change kinds', () => {
  function people(ctx: CallContext) {
    const count = () => ctx.db.$client.prepare('SELECT count(*) FROM people').pluck().get() as number;
    const insert = (name: string) => {
      const keys = personKeys({ lastName: name, firstName: 'Мария', middleName: '', position: '', email: '' });
      return ctx.db.$client
        .prepare("INSERT INTO people (last_name, first_name, search_text, sort_key, position_sort_key) VALUES (?, 'Мария', ?, ?, ?)")
        .run(name, keys.searchText, keys.sortKey, keys.positionSortKey);
    };
    return { count, insert };
  }

  it('runs a db call in one transaction: a refusal or a bug after a write leaves nothing written', async () => {
    const ctx = context();
    const { count, insert } = people(ctx);
    const before = count();
    const dispatch = createDispatcher(
      { 'a.refused': save, 'a.buggy': save, 'a.fine': save },
      {
        'a.refused': () => {
          insert('Иванова');
          throw conflict('Нельзя');
        },
        'a.buggy': () => {
          insert('Петрова');
          throw new TypeError('boom');
        },
        'a.fine': () => {
          insert('Сидорова');
          return 'ok';
        },
      },
      ctx,
      () => undefined,
    );
    expect(await dispatch('a.refused', { text: '' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await dispatch('a.buggy', { text: '' })).toMatchObject({ ok: false, error: { message: /данные не изменены/ } });
    expect(count()).toBe(before);
    expect(await dispatch('a.fine', { text: '' })).toEqual({ ok: true, value: 'ok', changed: ['people'] });
    expect(count()).toBe(before + 1);
  });

  it('refuses a db handler declared async at start-up, and one that returns a promise when it runs', async () => {
    expect(() => createDispatcher({ 'a.save': save }, { 'a.save': async () => 'x' }, context())).toThrow(AsyncDbHandlerError);
    const ctx = context();
    const { count, insert } = people(ctx);
    const before = count();
    const log = vi.fn();
    const dispatch = createDispatcher(
      { 'a.save': save },
      {
        'a.save': () => {
          insert('Кузнецова');
          return Promise.resolve('x');
        },
      },
      ctx,
      log,
    );
    expect(await dispatch('a.save', { text: '' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log.mock.calls[0]![1]).toBeInstanceOf(AsyncDbHandlerError);
    expect(count()).toBe(before);
  });

  it('names the registers a change reported, and refuses a report its contract does not allow', async () => {
    const dispatch = createDispatcher(
      { 'a.rename': save, 'a.stray': save },
      {
        'a.rename': (_ctx, _input, scope) => {
          scope.changed('names');
          return 'ok';
        },
        'a.stray': (_ctx, _input, scope) => {
          scope.changed('workPlan');
          return 'ok';
        },
      },
      context(),
      () => undefined,
    );
    expect(await dispatch('a.rename', { text: '' })).toEqual({ ok: true, value: 'ok', changed: ['people', 'names'] });
    expect(await dispatch('a.stray', { text: '' })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('answers a job started with `jobs` and what its handler wrote as it started, not with what the job will change', async () => {
    // What the job changes is refreshed when it ends: refreshed at its start, a screen read it all again beside the job.
    const job = call(z.object({ text: z.string() }).strict())
      .job(['jobs', 'people', 'names'], REFUSED.add)
      .returns<string>();
    const dispatch = createDispatcher(
      { 'a.import': job, 'a.export': job },
      {
        'a.import': () => 'started',
        'a.export': (_ctx, _input, scope) => {
          scope.changed('names');
          return 'started';
        },
      },
      context(),
    );
    expect(await dispatch('a.import', { text: '' })).toEqual({ ok: true, value: 'started', changed: ['jobs'] });
    expect(await dispatch('a.export', { text: '' })).toEqual({ ok: true, value: 'started', changed: ['jobs', 'names'] });
  });

  it('answers a change at once while a job writes all at once, instead of waiting for the lock; reads go on', async () => {
    const ctx = context();
    const { insert } = people(ctx);
    const handler = vi.fn(() => {
      insert('Орлова');
      return 'ok';
    });
    const dispatch = createDispatcher({ 'a.save': save, 'a.read': echo }, { 'a.save': handler, 'a.read': () => 'прочитано' }, ctx);
    const release = holdWrites('импорт');
    try {
      expect(await dispatch('a.save', { text: '' })).toEqual({
        ok: false,
        error: { code: 'conflict', message: 'Идёт импорт, повторите через минуту' },
      });
      expect(handler).not.toHaveBeenCalled();
      expect(await dispatch('a.read', { text: '' })).toEqual({ ok: true, value: 'прочитано' });
    } finally {
      release();
    }
    expect(await dispatch('a.save', { text: '' })).toMatchObject({ ok: true });
  });
});
