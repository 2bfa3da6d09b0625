/** Export to the shared network folder, also run from the command line (electron/cli). */
export { DATA_KIND, exportKinds, runExport } from './export';
export { exchangeHandlers } from './handlers';
export { getExchangeSettings } from './settings';
export { exchangeWorkerTasks } from './prepare';
