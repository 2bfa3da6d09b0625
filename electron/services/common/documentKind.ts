import type { AppDb } from '@db/open';
import type { FileOutput } from '@shared/contract/define';

/**
 * A kind of document an export to the shared folder can carry. Each register declares its
 * kinds in its public module; the export's catalog lists them. The kind's id is also the
 * folder name on the share (`<center>/<year>/<kind>/`), so it is stable Latin. A builder
 * answers an empty list when the year has nothing of its kind.
 */
export interface DocumentKind {
  label: string;
  build: (db: AppDb, year: number) => Promise<FileOutput[]>;
}
