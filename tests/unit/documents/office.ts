import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { FileOutput } from '@shared/contract/define';

/**
 * The second client every document is read in: LibreOffice headless converts the files to PDF
 * (one call for a whole batch, about a second per file), poppler reads the PDF back — the text in
 * reading order, the text of each page, and the box of every text line for the geometric check.
 * Each batch runs with a private LibreOffice profile, so test files converting in parallel never
 * share (and lock) one.
 */

export interface Converted {
  source: string;
  pdf: string;
}

/** Writes the files into `dir` and converts them all to PDF in one LibreOffice run. */
export function convertBatch(dir: string, files: { name: string; bytes: Buffer }[]): Map<string, Converted> {
  mkdirSync(dir, { recursive: true });
  const sources = files.map((f) => {
    // The extension doubled («X.docx.docx» → «X.docx.pdf»): a Word file and an Excel file of one name
    // (a statement in both) would otherwise convert to the same PDF, the second over the first.
    const file = path.join(dir, f.name.replace(/\.(docx|xlsx)$/, '.$1.$1'));
    writeFileSync(file, f.bytes);
    return file;
  });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'rc-lo-profile-'));
  const out = path.join(dir, 'pdf');
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...sources],
      { stdio: 'pipe', timeout: 300_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const result = new Map<string, Converted>();
  for (const source of sources) {
    const pdf = path.join(out, `${path.basename(source).replace(/\.(docx|xlsx)$/, '')}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${path.basename(source)}`);
    result.set(path.basename(source).replace(/\.(docx|xlsx)\.\1$/, '.$1'), { source, pdf });
  }
  return result;
}

export const fileBytes = (f: FileOutput) => ({ name: f.fileName, bytes: Buffer.from(f.base64, 'base64') });

/** The PDF's text: `-layout` keeps a line's parts apart by spaces, without it a table reads cell by cell. */
export function pdfText(pdf: string, options: { layout?: boolean; page?: number } = {}): string {
  const args = [
    ...(options.layout ? ['-layout'] : []),
    ...(options.page ? ['-f', `${options.page}`, '-l', `${options.page}`] : []),
    pdf,
    '-',
  ];
  return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

export function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

/** Spaces (the no-break ones too) folded, for comparing text that wraps and justifies. */
export const flat = (text: string) => text.replace(/[\s\u00A0]+/g, ' ');

/** Asserts the fragments occur in this order; answers the first fragment missing or out of order. */
export function missingInOrder(text: string, fragments: string[]): string | null {
  let at = -1;
  for (const f of fragments) {
    const next = text.indexOf(f, at + 1);
    if (next <= at) return `«${f}» after position ${at}${text.includes(f) ? ' (found earlier)' : ' (not found)'}`;
    at = next;
  }
  return null;
}

export interface LineBox {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Every text line of the PDF with its box, from `pdftotext -bbox-layout`. */
export function lineBoxes(pdf: string): LineBox[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const boxes: LineBox[] = [];
  xml
    .split('<page ')
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
        const words = [...m[5]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!));
        boxes.push({ page: i + 1, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: words.join(' ') });
      }
    });
  return boxes;
}

/**
 * A line box of Liberation Serif (Times New Roman's metric twin) is 1.3 times the font size
 * high, so a box's height gives its font size. Measured: 14 pt text gives 18.2 pt boxes.
 */
const BOX_PER_POINT = 1.3;

/**
 * Two lines overlap when their boxes share horizontal room and their vertical overlap exceeds a
 * quarter of the smaller font size. Plain single spacing overlaps boxes by about 0.15 of the size
 * (the boxes include the font's ascent and descent), text set on a line too tight for it by much
 * more: the calibration fixtures (today's minutes with `w:line` but no `w:lineRule`, and the plan)
 * hold the threshold between the two.
 */
export function overlappingLines(pdf: string): { a: LineBox; b: LineBox; overlap: number; limit: number }[] {
  const boxes = lineBoxes(pdf);
  const found: { a: LineBox; b: LineBox; overlap: number; limit: number }[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.page !== b.page || a.xMax <= b.xMin || b.xMax <= a.xMin) continue;
      const overlap = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const limit = (0.25 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) / BOX_PER_POINT;
      if (overlap > limit) found.push({ a, b, overlap, limit });
    }
  }
  return found;
}

/** The XML parts of a DOCX or XLSX. */
export async function xmlParts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) parts.set(name, await zip.file(name)!.async('string'));
  }
  return parts;
}

export const readBytes = (file: string) => readFileSync(file);
