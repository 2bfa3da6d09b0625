/**
 * The type of a stored file, from its first bytes: the name and the sender's Content-Type are
 * the sender's word, the bytes are the file. Only the kinds an attachment can usefully be
 * (pictures for logos and photos, documents for publications); anything else is stored as
 * `application/octet-stream` and never offered to the page as something to render.
 */
const SIGNATURES: [string, (b: Buffer) => boolean][] = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1'))],
  ['image/webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
  ['application/pdf', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
];

const OFFICE: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export function sniffMime(head: Buffer, originalName: string): string {
  for (const [mime, test] of SIGNATURES) if (test(head)) return mime;
  // An Office file is a ZIP; which one is told by the name, once the bytes say ZIP.
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    const ext = /\.([a-z]+)$/i.exec(originalName)?.[1]?.toLowerCase();
    return (ext && OFFICE[ext]) ?? 'application/zip';
  }
  return 'application/octet-stream';
}
