import { ROOT } from './bundle';
import { findOrFetchElectron } from './detect';
import { prepareElectronNative } from './native';

/**
 * `npm run dist`, before electron-builder: the verified Electron-ABI better-sqlite3 that
 * electron-builder.yml packs as an extra resource. Needs the Electron binary of this platform
 * (fetched here by the electron package's installer if missing) and Electron's headers.
 */
const electron = await findOrFetchElectron();
if (!electron.available) {
  console.error(`Electron недоступен, сборка установщика невозможна / Electron is not available, cannot package: ${electron.reason}`);
  process.exit(1);
}
try {
  const file = prepareElectronNative({
    root: ROOT,
    electronPath: electron.path,
    electronVersion: electron.version,
    log: (line) => console.log(line),
  });
  console.log(`better-sqlite3 (Electron ${electron.version}): ${file}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
