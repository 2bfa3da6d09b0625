import { build } from 'esbuild';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { preloadBuildOptions } from '@main/launcher/bundle';
import { BRIDGE_KEY, INVOKE_CHANNEL } from '@main/preload/channel';

/**
 * Runs the real preload bundle (as it is shipped) in a fresh context with a fake `electron`
 * module, the way a sandboxed preload runs: its only `require` must be 'electron'.
 */
async function runPreload() {
  const result = await build({ ...preloadBuildOptions(), write: false, sourcemap: false, logLevel: 'silent' });
  const code = result.outputFiles.find((file) => file.path.endsWith('.cjs'))!.text;
  const required: string[] = [];
  const exposed: Array<[string, unknown]> = [];
  const sent: unknown[][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.push([key, api]) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        sent.push(args);
        return Promise.resolve({ ok: true, value: 'answer' });
      },
      send: () => {
        throw new Error('must not be used');
      },
    },
  };
  const module = { exports: {} };
  const context = vm.createContext({
    module,
    exports: module.exports,
    require: (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
      return electron;
    },
  });
  vm.runInContext(code, context);
  return { required, exposed, sent };
}

describe('the preload', () => {
  it('requires nothing but electron', async () => {
    expect((await runPreload()).required).toEqual(['electron']);
  });

  it('exposes exactly one frozen invoke function under window.resourceCenter', async () => {
    const { exposed } = await runPreload();
    expect(exposed).toHaveLength(1);
    const [key, api] = exposed[0]!;
    expect(key).toBe(BRIDGE_KEY);
    expect(key).toBe('resourceCenter');
    expect(Object.keys(api as object)).toEqual(['invoke']);
    expect(typeof (api as { invoke: unknown }).invoke).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards a call on the one channel and returns the main process answer', async () => {
    const { exposed, sent } = await runPreload();
    const api = exposed[0]![1] as { invoke(name: string, input: unknown): Promise<unknown> };
    await expect(api.invoke('organizations.list', { search: 'опека' })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(sent).toEqual([[INVOKE_CHANNEL, 'organizations.list', { search: 'опека' }]]);
  });
});
