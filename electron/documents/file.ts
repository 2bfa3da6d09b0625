import type { FileOutput } from '@shared/contract/define';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Wraps a generated document for the call envelope (base64 travels over IPC and JSON alike). */
export function toFileOutput(buffer: Uint8Array, fileName: string, mimeType: string): FileOutput {
  return { fileName, mimeType, base64: Buffer.from(buffer).toString('base64') };
}
