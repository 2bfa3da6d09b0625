import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '@db/open';
import { createDispatcher, mergeHandlers, type CallContext } from '@main/api/dispatch';
import { conflict } from '@main/api/errors';
import { call, mergeGroups } from '@shared/contract/define';
import { contract } from '@shared/contract';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-contract-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function context(): CallContext {
  const { db, file } = openDatabase({ file: path.join(dataDir, 'center.sqlite') });
  return { db, env: { version: 'test', dataDir, dbFile: file } };
}

const echo = call(z.object({ text: z.string() }).strict()).returns<string>();

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
      { 'a.refuse': echo, 'a.crash': echo },
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
});
