import { describe, expect, it } from 'vitest';
import type { Result } from '@shared/contract/define';
import type { IpcMain } from 'electron';
import { registerInvokeHandler } from '@main/window/ipc';
import { INVOKE_CHANNEL } from '@main/preload/channel';
import { invokeEvent } from './stand-ins';

/** What ipcMain.handle receives, as Electron declares it. */
type Listener = Parameters<IpcMain['handle']>[1];

function setup() {
  const calls: Array<[string, unknown]> = [];
  const handlers = new Map<string, Listener>();
  const ipcMain: Pick<IpcMain, 'handle'> = { handle: (channel, listener) => void handlers.set(channel, listener) };
  registerInvokeHandler(ipcMain, async (name, payload) => {
    calls.push([name, payload]);
    return { ok: true, value: { answered: name } };
  });
  const invoke = (frameUrl: string | null, ...args: unknown[]) =>
    handlers.get(INVOKE_CHANNEL)!(invokeEvent(frameUrl), ...args) as Promise<Result<unknown>>;
  return { calls, handlers, invoke };
}

describe('the IPC channel', () => {
  it('registers exactly one channel', () => {
    expect([...setup().handlers.keys()]).toEqual([INVOKE_CHANNEL]);
  });

  it('dispatches a call from the app window', async () => {
    const { calls, invoke } = setup();
    expect(await invoke('app://renderer/index.html#/plan', 'workPlan.list', { year: 2018 })).toEqual({
      ok: true,
      value: { answered: 'workPlan.list' },
    });
    expect(calls).toEqual([['workPlan.list', { year: 2018 }]]);
  });

  it('refuses calls from a foreign or vanished frame with a Russian message, running nothing', async () => {
    const { calls, invoke } = setup();
    for (const url of [
      'https://evil.example/',
      'file:///C:/page.html',
      'app://other/index.html',
      'app://renderer:8080/index.html',
      'about:blank',
      null,
    ]) {
      const result = await invoke(url, 'organizations.delete', { id: 1 });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/не из окна приложения/);
    }
    expect(calls).toEqual([]);
  });

  it('refuses a call without a string name', async () => {
    const { calls, invoke } = setup();
    for (const name of [undefined, 42, { toString: () => 'x' }, '']) {
      const result = await invoke('app://renderer/index.html', name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call', message: 'Неизвестная команда приложения' } });
    }
    expect(calls).toEqual([]);
  });

  it('turns a thrown error into an envelope instead of a raw exception', async () => {
    const handlers = new Map<string, Listener>();
    registerInvokeHandler({ handle: (channel, listener) => void handlers.set(channel, listener) }, () => Promise.reject(new Error('boom')));
    const result = (await handlers.get(INVOKE_CHANNEL)!(invokeEvent('app://renderer/index.html'), 'x', {})) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
