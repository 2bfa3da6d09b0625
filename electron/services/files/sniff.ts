import { readFile } from 'node:fs/promises';

/**
 * The type of a stored file, from its bytes: the name and the sender's Content-Type are the
 * sender's word, the bytes are the file. Only the kinds an attachment can usefully be (pictures
 * for logos and photos, documents for publications); anything else is stored as
 * `application/octet-stream` and never offered to the page as something to render.
 */
const SIGNATURES: [string, (b: Buffer) => boolean][] = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1'))],
  ['image/webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
  ['application/pdf', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
];

export const PDF_MIME = 'application/pdf';
export const DOCX_FILE_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const DOCM_MIME = 'application/vnd.ms-word.document.macroEnabled.12';
export const XLSX_FILE_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSM_MIME = 'application/vnd.ms-excel.sheet.macroEnabled.12';
export const PPTX_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/**
 * An Office Open XML package says what it is in `[Content_Types].xml`: the content type of its
 * main part (ECMA-376 part 2). A .docm renamed .docx still declares `macroEnabled.main+xml`, an
 * XLSX renamed .docx still declares a workbook: the name is never asked.
 */
const MAIN_PARTS: [RegExp, string][] = [
  [/application\/vnd\.ms-word\.document\.macroEnabled\.main\+xml/, DOCM_MIME],
  [/application\/vnd\.ms-word\.template\.macroEnabledTemplate\.main\+xml/, DOCM_MIME],
  [/application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml/, DOCX_FILE_MIME],
  [/application\/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml/, XLSM_MIME],
  [/application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml/, XLSX_FILE_MIME],
  [/application\/vnd\.openxmlformats-officedocument\.presentationml\.presentation\.main\+xml/, PPTX_MIME],
];

const isZip = (head: Buffer) => head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

/** The mime of a ZIP's content: an Office document by its declared main part, else a plain ZIP. */
async function zipKind(content: Buffer): Promise<string> {
  try {
    // Loaded on the first ZIP, not at start: the first list needs no archive library (tests/unit/foundation/startupBundle.test.ts).
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(content);
    const types = await zip.file('[Content_Types].xml')?.async('string');
    if (types) for (const [pattern, mime] of MAIN_PARTS) if (pattern.test(types)) return mime;
  } catch {
    // A broken archive is only bytes.
  }
  return 'application/zip';
}

/** The mime of a file by its first bytes alone (a picture, a PDF), or null when the whole file must be read (a ZIP). */
export function sniffHead(head: Buffer): string | null {
  for (const [mime, test] of SIGNATURES) if (test(head)) return mime;
  return isZip(head) ? null : 'application/octet-stream';
}

/** The mime of a file written to `file` (its first bytes in `head`). */
export async function sniffFile(file: string, head: Buffer): Promise<string> {
  return sniffHead(head) ?? zipKind(await readFile(file));
}
