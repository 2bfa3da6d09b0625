import os from 'node:os';
import path from 'node:path';
import { PRODUCT_NAME } from '@main/api/version';

/**
 * The same folder Electron's app.getPath('userData') gives for this product, so the browser
 * host and the desktop window open one and the same database.
 */
export function defaultUserDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), PRODUCT_NAME);
}
