/**
 * The file store for attachments: what a register uses to keep a publication's file or a
 * certificate's logo (put, read, stream, who refers to a file), and what backups and restore
 * use to carry the files along.
 */
export {
  adoptFiles,
  backupStoreDir,
  copyStoredFile,
  discardUnusedFile,
  embedFiles,
  getStoredFile,
  listStoredFiles,
  missingFiles,
  openStoredFile,
  privateWorkFolder,
  putFile,
  readStoredFile,
  referencesTo,
  shelveForBackups,
  storeDir,
  type PutOptions,
} from './store';
export { filesHandlers } from './handlers';
