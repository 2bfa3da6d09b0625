import path from 'node:path';
import type { AppDb } from '@db/open';
import type { FileOutput } from '@shared/contract/define';
import { certificateRegisterSheet, certificatesDocument, type CertificatePrint } from '@shared/documents/certificates/layout';
import type { DocumentSpec } from '@shared/documents/model';
import type { DocumentKind } from '@main/services/common/documentKind';
import { conflict, invalid } from '@main/api/errors';
import type { AppEnv } from '@main/api/dispatch';
import { renderDocx, type DocxImages, renderSheet } from '@main/documents/render';
import { DOCX_MIME, XLSX_MIME, toFileOutput } from '@main/documents/file';
import { documentFileName } from '@shared/documents/fileName';
import { getLayout } from './layout';
import { loadLogo } from './logo';
import { printsOf, yearRows } from './register';

function requirePrints(db: AppDb, ids: number[]): CertificatePrint[] {
  const { prints } = printsOf(db, ids);
  if (prints.length !== new Set(ids).size) throw conflict('Некоторые из выбранных сертификатов не найдены: обновите реестр.');
  return prints;
}

/** The logos the prints name, read from the file store once each. */
function imagesOf(db: AppDb, dataDir: string, prints: CertificatePrint[]): DocxImages {
  const images = new Map<string, { data: Buffer; type: 'png' | 'jpg' }>();
  for (const p of prints) {
    if (p.logo && !images.has(p.logo.hash)) {
      const logo = loadLogo(db, dataDir, p.logo.hash);
      images.set(p.logo.hash, { data: logo.data, type: logo.type });
    }
  }
  return images;
}

export function certificatesSpec(db: AppDb, ids: number[]): { spec: DocumentSpec; prints: CertificatePrint[] } {
  const prints = requirePrints(db, ids);
  return { spec: certificatesDocument(prints), prints };
}

export async function certificatesDocx(db: AppDb, dataDir: string, ids: number[]): Promise<FileOutput> {
  const { spec, prints } = certificatesSpec(db, ids);
  return toFileOutput(
    await renderDocx(spec, { images: imagesOf(db, dataDir, prints) }),
    documentFileName(spec.fileName, 'docx'),
    DOCX_MIME,
  );
}

/** The print view's answer: the same blocks, the logos as data: URIs (the window's CSP allows `img-src data:`). */
export function certificatesView(db: AppDb, dataDir: string, ids: number[]) {
  const { spec, prints } = certificatesSpec(db, ids);
  const images: Record<string, string> = {};
  for (const [hash, image] of imagesOf(db, dataDir, prints)) {
    images[hash] = `data:image/${image.type === 'png' ? 'png' : 'jpeg'};base64,${image.data.toString('base64')}`;
  }
  return { spec, images };
}

/** The print view as PDF where the Electron window runs; the same pages as the Word file. */
export async function certificatesPdf(db: AppDb, env: AppEnv, ids: number[]): Promise<FileOutput> {
  if (!env.printToPdf)
    throw invalid('Файл для печати строит окно программы. Здесь откройте «Печать, PDF» и выберите в окне печати «Сохранить как PDF».');
  const { spec } = certificatesSpec(db, ids);
  const pdf = await env.printToPdf(`/certificates/print?ids=${ids.join(',')}`);
  return toFileOutput(pdf, documentFileName(spec.fileName, 'pdf'), 'application/pdf');
}

export async function registerXlsx(db: AppDb, year: number): Promise<FileOutput> {
  const sheet = certificateRegisterSheet(yearRows(db, year), year, getLayout(db).settings.centerName);
  return toFileOutput(await renderSheet(sheet), documentFileName(sheet.fileName, 'xlsx'), XLSX_MIME);
}

/**
 * The year's register and the valid certificates of each event, only when the center has chosen
 * to send them with its documents (they carry people's names): otherwise nothing.
 */
export const certificatesExportKind: DocumentKind = {
  label: 'Сертификаты участников: реестр (Excel) и сертификаты по мероприятиям (Word) — если выгрузка включена в оформлении сертификатов',
  build: async (db, year) => {
    if (!getLayout(db).settings.exportWithDocuments) return [];
    const rows = yearRows(db, year);
    if (rows.length === 0) return [];
    const files: FileOutput[] = [await registerXlsx(db, year)];
    const byEvent = new Map<number, number[]>();
    for (const r of rows) if (r.status === 'valid') byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r.id]);
    // The export may run on a connection of its own (a worker): the data folder is the database file's.
    const dataDir = path.dirname(db.$client.name);
    for (const ids of byEvent.values()) files.push(await certificatesDocx(db, dataDir, ids));
    return files;
  },
};
