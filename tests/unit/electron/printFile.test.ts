import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPrintRequest, printOptions, printWithShell, type PrintOptions, type PrintShell } from '@main/window/printFile';

/**
 * The window side of handout printing, against a stand-in of the thin part of Electron it uses
 * (Electron never runs here): what webContents.print and shell.openPath are given, and what is
 * refused before them.
 */

const work = path.resolve('/data/tmp');

function shell(result: { success: boolean; failureReason: string } = { success: true, failureReason: '' }, openProblem = '') {
  const log: string[] = [];
  const printed: PrintOptions[] = [];
  const fake: PrintShell = {
    hiddenWindow: () => ({
      load: async (url) => void log.push(`load ${url}`),
      print: async (options) => {
        printed.push(options);
        return result;
      },
      destroy: () => void log.push('destroy'),
    }),
    openPath: async (file) => {
      log.push(`open ${file}`);
      return openProblem;
    },
  };
  return { fake, log, printed };
}

describe('handout printing in the window', () => {
  it('prints a PDF with the dialog and the copies asked, then closes its hidden window', async () => {
    const s = shell();
    const file = path.join(work, '.print.rc-tmp-x', 'Памятка.pdf');
    await printWithShell(s.fake, { file, action: 'print', copies: 40 }, work);
    expect(s.printed).toEqual([{ silent: false, printBackground: true, copies: 40 }]);
    expect(s.log[0]).toMatch(/^load file:\/\/.*%D0%9F.*\.pdf$/);
    expect(s.log.at(-1)).toBe('destroy');
  });

  it('opens a DOCX in the system’s application, saying the system’s problem', async () => {
    const file = path.join(work, 'a', 'Буклет.docx');
    const ok = shell();
    await printWithShell(ok.fake, { file, action: 'open', copies: 1 }, work);
    expect(ok.log).toEqual([`open ${file}`]);
    await expect(printWithShell(shell(undefined, 'No application').fake, { file, action: 'open', copies: 1 }, work)).rejects.toThrow(
      /не открылся.*No application/,
    );
  });

  it('refuses a file outside the work folder, a wrong extension, a count out of range; says a cancelled dialog', async () => {
    expect(() => checkPrintRequest({ file: '/etc/passwd.pdf', action: 'print', copies: 1 }, work)).toThrow(/папки данных/);
    expect(() => checkPrintRequest({ file: path.join(work, '..', 'x.pdf'), action: 'print', copies: 1 }, work)).toThrow(/папки данных/);
    expect(() => checkPrintRequest({ file: path.join(work, 'x.docx'), action: 'print', copies: 1 }, work)).toThrow(/только PDF/);
    expect(() => checkPrintRequest({ file: path.join(work, 'x.pdf'), action: 'open', copies: 1 }, work)).toThrow(/только документ DOCX/);
    for (const copies of [0, -1, 1.5, 1001]) expect(() => printOptions(copies)).toThrow(/от 1 до 1000/);
    const cancelled = shell({ success: false, failureReason: 'cancelled' });
    await expect(printWithShell(cancelled.fake, { file: path.join(work, 'x.pdf'), action: 'print', copies: 2 }, work)).rejects.toThrow(
      'Печать отменена',
    );
    expect(cancelled.log.at(-1)).toBe('destroy');
  });
});
