import { bundleElectron, ELECTRON_OUT } from './bundle';

/** `npm run build`, second step: the Electron main process and preload. */
await bundleElectron();
console.log(`Electron: ${ELECTRON_OUT}`);
