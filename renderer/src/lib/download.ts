import type { FileOutput } from '@shared/contract/define';

/** Hands a generated document to the browser's or Electron's save flow under its own name. */
export function saveFile(file: FileOutput): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: file.mimeType }), file.fileName);
}

/** Hands bytes to the save flow under `fileName` (a stored file streamed from the host, a generated document). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
