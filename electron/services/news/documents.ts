import type { AppDb } from '@db/open';
import type { FileOutput } from '@shared/contract/define';
import type { DocumentSpec } from '@shared/documents/model';
import { documentFileName } from '@shared/documents/fileName';
import { DOCX_MIME, toFileOutput } from '@main/documents/file';
import { renderDocx } from '@main/documents/render';
import type { DocumentKind } from '@main/services/common/documentKind';
import { formatDate } from '@shared/russian';
import { newsText, publishedInYear } from './news';

/**
 * The news item as a Word file (to send for approval, to keep beside the photographs): the
 * headline centred in bold, then the paragraphs as body text. Not a document of record, so no
 * «ПРОЕКТ» mark: the same text is what goes to the website.
 */
export function newsDocument(paragraphs: readonly { key: string; text: string }[], publishedOn: string | null = null): DocumentSpec {
  const headline = paragraphs.find((p) => p.key === 'headline')?.text || 'Новость для сайта';
  // A published item's file says the day it went out: the share's folder of a year holds many alike.
  const base = publishedOn ? `Новость от ${formatDate(publishedOn)} ${headline}` : `Новость ${headline}`;
  return {
    title: headline,
    fileName: documentFileName(base, 'docx').replace(/\.docx$/, ''),
    orientation: 'portrait',
    draft: false,
    blocks: [
      { kind: 'line', text: headline, align: 'center', bold: true, heading: true },
      ...paragraphs
        .filter((p) => p.key !== 'headline' && p.text !== '')
        .map((p, i) => ({ kind: 'para' as const, text: p.text, ...(i === 0 ? { spaceBefore: 1 as const } : {}) })),
    ],
  };
}

/** The news item as it reads now (as it went out, once published): the Word file's and the print view's one spec. */
export function newsSpec(db: AppDb, id: number): DocumentSpec {
  const { paragraphs, publishedOn } = newsText(db, id);
  return newsDocument(paragraphs, publishedOn);
}

export async function newsDocx(db: AppDb, id: number): Promise<FileOutput> {
  const spec = newsSpec(db, id);
  return toFileOutput(await renderDocx(spec), `${spec.fileName}.docx`, DOCX_MIME);
}

/**
 * The export to the shared folder carries the news items published in the year, each as the Word
 * file of the text that went out (`<center>/<year>/news/`); drafts stay in the center.
 */
export const newsExportKind: DocumentKind = {
  label: 'Опубликованные новости для сайта (Word)',
  build: async (db, year) => {
    const files: FileOutput[] = [];
    for (const id of publishedInYear(db, year)) files.push(await newsDocx(db, id));
    return files;
  },
};
