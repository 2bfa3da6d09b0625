import { mkdirSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppDb } from '@db/open';
import type { TaskContext, WorkerTask } from '@main/api/jobs';
import type { DocumentKind } from '@main/services/common/documentKind';
import { INDICATORS_TABLE_NAME, indicatorsDataTable } from '@main/services/indicators';
import { REPORT_FIGURES_TABLE_NAME, reportFiguresTable } from '@main/services/reports';
import { documentCatalog } from './catalog';
import { DATA_KIND, PACKAGE_DB_NAME, snapshotDatabase, type SnapshotFacts } from './dataPackage';
import { sha256, sha256File } from './shareFs';

/**
 * The heavy part of an export: every document of the year and the data package's snapshot,
 * written to a local work folder with their checksums. A job runs it in a worker thread on
 * that thread's own read-only connection, so building a year's minutes or the package's row copy
 * never holds up the window; the command line runs it in place.
 */

export interface PreparedFile {
  kind: string;
  name: string;
  /** The local file in the work folder. */
  file: string;
  size: number;
  sha256: string;
}

export interface Prepared {
  files: PreparedFile[];
  /** Present when the data package was asked for. */
  snapshot?: SnapshotFacts;
}

export interface PrepareInput {
  year: number;
  kinds: string[];
  workDir: string;
  nativeBinding?: string;
}

type Steps = Pick<TaskContext, 'checkCancelled' | 'progress'>;

export async function prepareExport(
  db: AppDb,
  input: PrepareInput,
  steps: Steps,
  options: { catalog?: Record<string, DocumentKind>; ownConnection?: boolean } = {},
): Promise<Prepared> {
  const catalog: Record<string, DocumentKind> = options.catalog ?? documentCatalog;
  const files: PreparedFile[] = [];
  const documentKinds = input.kinds.filter((k) => k !== DATA_KIND);
  // On a connection of its own, all documents show one moment of the data, whatever the
  // window changes meanwhile. (Not on a shared connection: the transaction would span awaits.)
  const snapshotRead = options.ownConnection && documentKinds.length > 0;
  if (snapshotRead) db.$client.exec('BEGIN');
  try {
    for (const kind of documentKinds) {
      steps.checkCancelled();
      const docKind = catalog[kind]!;
      steps.progress(`Подготовка документов: ${docKind.label}`);
      for (const output of await docKind.build(db, input.year)) {
        const bytes = Buffer.from(output.base64, 'base64');
        const dir = path.join(input.workDir, 'documents', kind);
        mkdirSync(dir, { recursive: true });
        const file = path.join(dir, output.fileName);
        writeFileSync(file, bytes);
        files.push({ kind, name: output.fileName, file, size: bytes.length, sha256: sha256(bytes) });
      }
    }
  } finally {
    if (snapshotRead) db.$client.exec('COMMIT');
  }
  let snapshot: SnapshotFacts | undefined;
  if (input.kinds.includes(DATA_KIND)) {
    steps.checkCancelled();
    steps.progress('Снимок базы данных и проверка целостности');
    const file = path.join(input.workDir, PACKAGE_DB_NAME);
    snapshot = snapshotDatabase(db.$client, file, input.nativeBinding ? { nativeBinding: input.nativeBinding } : {});
    const { size } = await fs.stat(file);
    files.push({ kind: DATA_KIND, name: PACKAGE_DB_NAME, file, size, sha256: await sha256File(file) });
    // The monitoring figures also as one flat table the coordinator opens without the app.
    steps.progress('Таблица показателей мониторинга');
    const table = await indicatorsDataTable(db);
    const tableFile = path.join(input.workDir, INDICATORS_TABLE_NAME);
    writeFileSync(tableFile, table);
    files.push({ kind: DATA_KIND, name: INDICATORS_TABLE_NAME, file: tableFile, size: table.length, sha256: sha256(table) });
    // The approved reports' figures, as approved, for the coordinator's comparison of centers.
    steps.progress('Таблица показателей утверждённых отчётов');
    const figures = await reportFiguresTable(db);
    const figuresFile = path.join(input.workDir, REPORT_FIGURES_TABLE_NAME);
    writeFileSync(figuresFile, figures);
    files.push({ kind: DATA_KIND, name: REPORT_FIGURES_TABLE_NAME, file: figuresFile, size: figures.length, sha256: sha256(figures) });
  }
  return { files, ...(snapshot ? { snapshot } : {}) };
}

/** The export's tasks for the worker thread (electron/worker/main.ts lists them). */
export const exchangeWorkerTasks = {
  'exchange.prepare': {
    access: 'read',
    run: (input: PrepareInput, ctx: TaskContext) => prepareExport(ctx.db, input, ctx, { ownConnection: true }),
  } satisfies WorkerTask<PrepareInput, Prepared>,
};
