import type { AppDb } from '@db/open';
import type { FileOutput } from '@shared/contract/define';
import type { DocumentSpec } from '@shared/documents/model';
import { documentFileName } from '@shared/documents/fileName';
import { DOCX_MIME, toFileOutput } from '@main/documents/file';
import { renderDocx } from '@main/documents/render';
import { newsText } from './news';

/**
 * The news item as a Word file (to send for approval, to keep beside the photographs): the
 * headline centred in bold, then the paragraphs as body text. Not a document of record, so no
 * «ПРОЕКТ» mark: the same text is what goes to the website.
 */
export function newsDocument(paragraphs: readonly { key: string; text: string }[]): DocumentSpec {
  const headline = paragraphs.find((p) => p.key === 'headline')?.text || 'Новость для сайта';
  return {
    title: headline,
    fileName: documentFileName(`Новость ${headline}`, 'docx').replace(/\.docx$/, ''),
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

export async function newsDocx(db: AppDb, id: number): Promise<FileOutput> {
  const spec = newsDocument(newsText(db, id));
  return toFileOutput(await renderDocx(spec), `${spec.fileName}.docx`, DOCX_MIME);
}
