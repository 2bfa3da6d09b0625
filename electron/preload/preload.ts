import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, INVOKE_CHANNEL } from './channel';

/**
 * Runs in the sandboxed preload, bundled as CommonJS whose only `require` is 'electron' (a
 * sandboxed preload can load no other module). The page gets exactly one frozen function: no
 * ipcRenderer, no channel choice, no listeners. Names and payloads are checked in the main
 * process, not trusted here.
 */
contextBridge.exposeInMainWorld(
  BRIDGE_KEY,
  Object.freeze({
    invoke: (name: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, name, input),
  }),
);
