import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserFileError } from '@db/fileErrors';
import type { PrintRequest } from '@main/api/dispatch';
import { MAX_PRINT_COPIES } from '@shared/contract/publications';

/**
 * Handout printing in the Electron window (issue 22), written against the thin part of Electron
 * it needs, so the arguments and the guards are tested without Electron (it never runs on the
 * machines that build the app; electron/window/main.ts passes the real BrowserWindow and shell).
 *
 * - A PDF is loaded in a hidden window (Chromium's own PDF viewer, no preload, sandboxed) and
 *   sent to `webContents.print` with the copies, the system's print dialog shown (silent: false),
 *   so the staff member picks the printer and sees the count she asked for.
 * - A DOCX is opened by `shell.openPath` in the application the system associates with it
 *   (Word, LibreOffice): printing copies is that application's business.
 * Only a copy in the data folder's private work folder is printed or opened, never a path the
 * page could name: the request comes from the main process's own service.
 */

export interface PrintOptions {
  silent: false;
  printBackground: true;
  copies: number;
}

export interface PrintableWindow {
  load(url: string): Promise<void>;
  print(options: PrintOptions): Promise<{ success: boolean; failureReason: string }>;
  destroy(): void;
}

export interface PrintShell {
  /** A hidden window for a PDF: sandboxed, no preload, not shown. */
  hiddenWindow(): PrintableWindow;
  /** shell.openPath: answers '' on success, or the system's message. */
  openPath(file: string): Promise<string>;
}

/** The options webContents.print gets: the dialog shown, the copies as asked. */
export function printOptions(copies: number): PrintOptions {
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_PRINT_COPIES) {
    throw new UserFileError(`Число экземпляров должно быть от 1 до ${MAX_PRINT_COPIES}`);
  }
  return { silent: false, printBackground: true, copies };
}

/** Refuses a request that is not a copy in the work folder with the extension its action needs. */
export function checkPrintRequest(request: PrintRequest, workFolder: string): void {
  const folder = path.resolve(workFolder) + path.sep;
  const file = path.resolve(request.file);
  if (!file.startsWith(folder)) throw new UserFileError('Печатается только копия файла из папки данных приложения');
  const ext = path.extname(file).toLowerCase();
  if (request.action === 'print' && ext !== '.pdf') throw new UserFileError('На принтер из приложения отправляется только PDF');
  if (request.action === 'open' && ext !== '.docx') throw new UserFileError('В программе системы открывается только документ DOCX');
}

export async function printWithShell(shell: PrintShell, request: PrintRequest, workFolder: string): Promise<void> {
  checkPrintRequest(request, workFolder);
  if (request.action === 'open') {
    const problem = await shell.openPath(request.file);
    if (problem) throw new UserFileError(`Файл не открылся в программе системы: ${problem}`);
    return;
  }
  const options = printOptions(request.copies);
  const window = shell.hiddenWindow();
  try {
    await window.load(pathToFileURL(request.file).href);
    const result = await window.print(options);
    // «cancelled» is the user's choice in the dialog: nothing was printed, nothing is recorded.
    if (!result.success) {
      throw new UserFileError(
        result.failureReason === 'cancelled' ? 'Печать отменена' : `Файл не напечатан: ${result.failureReason || 'ошибка принтера'}`,
      );
    }
  } finally {
    window.destroy();
  }
}
