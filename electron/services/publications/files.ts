import { desc, eq, max } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { publicationFiles, publications, storedFiles } from '@db/schema';
import { conflict, invalid } from '@main/api/errors';
import type { AppEnv } from '@main/api/dispatch';
import { copyStoredFile, getStoredFile } from '@main/services/files';
import type { PrintedFile, PublicationFileVersion } from '@shared/contract/publications';
import { safeName } from '@shared/paths';
import { publicationNotFound } from './records';

/**
 * The file that is printed (issue 22): a publication's PDF or DOCX, in versions. The store
 * (electron/services/files) holds the bytes and has told their type from the content; here only
 * what a publication may print is accepted, and each attach is a new version beside the older.
 */

const FORMATS: Record<string, PublicationFileVersion['format']> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** Why a stored file is not a publication's printed file, told by what its content is. */
const REFUSED_KINDS: Record<string, string> = {
  'application/vnd.ms-word.document.macroEnabled.12':
    'это документ Word с макросами (.docm): сохраните его в Word как обычный документ .docx или как PDF',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'это таблица Excel, а не документ',
  'application/vnd.ms-excel.sheet.macroEnabled.12': 'это таблица Excel с макросами, а не документ',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'это презентация PowerPoint',
  'application/zip': 'это архив ZIP, а не документ',
};

/** The name a version is downloaded under: its own, with the extension its content has (a PDF renamed .docx is saved as .pdf). */
export function downloadName(originalName: string, format: PublicationFileVersion['format']): string {
  const base = originalName.replace(/\.[^.]*$/, '') || 'файл';
  return safeName(`${base}.${format}`, `файл.${format}`);
}

export function publicationFileVersions(db: AppDb, publicationId: number): PublicationFileVersion[] {
  const rows = db
    .select({
      version: publicationFiles.version,
      addedAt: publicationFiles.addedAt,
      hash: storedFiles.hash,
      size: storedFiles.size,
      mime: storedFiles.mime,
      originalName: storedFiles.originalName,
    })
    .from(publicationFiles)
    .innerJoin(storedFiles, eq(storedFiles.hash, publicationFiles.fileHash))
    .where(eq(publicationFiles.publicationId, publicationId))
    .orderBy(desc(publicationFiles.version))
    .all();
  return rows.map((r, i) => {
    const format = FORMATS[r.mime] ?? 'pdf';
    return {
      version: r.version,
      addedAt: r.addedAt,
      hash: r.hash,
      size: r.size,
      format,
      fileName: downloadName(r.originalName, format),
      current: i === 0,
    };
  });
}

/** Makes a stored file the publication's next version; the earlier versions stay listed. */
export function attachFile(db: AppDb, input: { publicationId: number; hash: string }): PublicationFileVersion {
  const publication = db.select({ id: publications.id }).from(publications).where(eq(publications.id, input.publicationId)).get();
  if (!publication) throw publicationNotFound();
  const file = getStoredFile(db, input.hash);
  if (!file) throw invalid('Файл не найден в хранилище: загрузите его ещё раз');
  if (!FORMATS[file.mime]) {
    const why = REFUSED_KINDS[file.mime] ?? 'по содержимому это не PDF и не документ Word';
    throw invalid(`Файл «${file.originalName}» не подходит: ${why}. Для печати прикрепляют PDF или DOCX.`);
  }
  return inTransaction(db, () => {
    const versions = publicationFileVersions(db, input.publicationId);
    if (versions[0]?.hash === input.hash) {
      throw conflict(`Этот файл уже прикреплён как текущая версия ${versions[0].version}: он не изменился`);
    }
    const last = db
      .select({ v: max(publicationFiles.version) })
      .from(publicationFiles)
      .where(eq(publicationFiles.publicationId, input.publicationId))
      .get();
    const version = (last?.v ?? 0) + 1;
    db.insert(publicationFiles).values({ publicationId: input.publicationId, version, fileHash: input.hash }).run();
    return publicationFileVersions(db, input.publicationId)[0]!;
  });
}

/**
 * «Печать» in the Electron window: a copy of the version under its download name in a private
 * folder of the data folder (the printer or Word gets a file with a proper name, never the
 * store's own), then the window side prints a PDF with the copies or opens a DOCX in the
 * system's application (env.printFile, electron/window/printFile.ts). The browser host has no
 * such side: its page downloads the file and asks the same question.
 */
export async function printFile(
  db: AppDb,
  env: AppEnv,
  input: { publicationId: number; version: number; copies: number },
): Promise<PrintedFile> {
  if (!env.printFile) throw invalid('В браузере файл скачивают и печатают из программы просмотра');
  const version = publicationFileVersions(db, input.publicationId).find((v) => v.version === input.version);
  if (!version) throw invalid('Такой версии файла у издания нет');
  const copy = copyStoredFile(db, env.dataDir, version.hash, 'print', version.fileName);
  const action = version.format === 'pdf' ? 'print' : 'open';
  await env.printFile({ file: copy, action, copies: input.copies });
  return { action: action === 'print' ? 'printed' : 'opened', copies: input.copies };
}
