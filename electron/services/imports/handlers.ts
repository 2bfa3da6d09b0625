import type { importsCalls } from '@shared/contract/imports';
import type { Handlers } from '@main/api/dispatch';
import { discardUnusedFile } from '@main/services/files';
import { getImportReport, listImportReports } from './imports';
import { previewInWorker, startImportJob } from './jobs';

export const importsHandlers: Handlers<typeof importsCalls> = {
  'imports.preview': (ctx, input) => previewInWorker(ctx, input),
  'imports.run': (ctx, input) => startImportJob(ctx, input),
  'imports.reports': ({ db }, input) => listImportReports(db, input),
  'imports.report': ({ db }, { id }) => getImportReport(db, id),
  'imports.discard': ({ db, env }, { fileHash }) => discardUnusedFile(db, env.dataDir, fileHash),
};
