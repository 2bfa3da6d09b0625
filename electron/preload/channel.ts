/** The one IPC channel between the window and the main process; every contract call travels on it. */
export const INVOKE_CHANNEL = 'rc:invoke';

/** The name of the object the preload puts on `window` (see renderer/src/api/transport.ts). */
export const BRIDGE_KEY = 'resourceCenter';
