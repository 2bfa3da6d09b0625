import type { DocumentSpec } from '@shared/documents/model';
import type { SheetSpec } from '@shared/documents/sheet';
import type { BodyRows, DocxImages } from './docx';

/*
 * The registers' way to render Word and Excel: the same functions as docx.ts and xlsx.ts, loaded on
 * the first document. docx (365 kB bundled) and exceljs (521 kB) were evaluated at every start of
 * the host though the first list needs neither: a dynamic import stays lazy in the esbuild bundle
 * (tests/bench/startup.ts, «host: bundle evaluated»; issue-14's report has the numbers).
 */

export type { BodyRows, DocxImages };

export async function renderDocx(spec: DocumentSpec, options: { images?: DocxImages; bodyRows?: BodyRows } = {}): Promise<Buffer> {
  const { renderDocx: render } = await import('./docx');
  return render(spec, options);
}

export async function renderSheet(spec: SheetSpec): Promise<Buffer> {
  const { renderSheet: render } = await import('./xlsx');
  return render(spec);
}
