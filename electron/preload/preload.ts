import type { ElectronPreload } from '@main/window/electron-api';
import { BRIDGE_KEY, INVOKE_CHANNEL } from './channel';

/**
 * Runs in the sandboxed preload, bundled as CommonJS whose only `require` is 'electron'.
 * The page gets exactly one frozen function: no ipcRenderer, no channel choice, no
 * listeners. Names and payloads are checked in the main process, not trusted here.
 */
// A sandboxed preload has only require('electron'); ES imports are not available there.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contextBridge, ipcRenderer } = require('electron') as ElectronPreload;

contextBridge.exposeInMainWorld(
  BRIDGE_KEY,
  Object.freeze({
    invoke: (name: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, name, input),
  }),
);
