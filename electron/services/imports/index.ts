/** Import of lists from files (participants of an event, the registry's organisations and people). */
export { importsHandlers } from './handlers';
export { importsWorkerTasks } from './jobs';
export { readSheet, XLS_REFUSAL, type Cell, type ReadSheet } from './read';
export { loadFile, previewImport, writeImport } from './imports';
