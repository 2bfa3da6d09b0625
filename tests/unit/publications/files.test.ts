import { createHash } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '@main/documents/docx';
import { openStoredFile, putFile, readStoredFile } from '@main/services/files';
import { startHost, TOKEN_HEADER, FILE_PREFIX } from '@main/host/server';
import { createApp } from '@main/api/app';
import type { PrintRequest } from '@main/api/dispatch';
import type { PublicationDetail, PublicationFileVersion, PrintedFile } from '@shared/contract/publications';
import type { StoredFile } from '@shared/contract/files';
import { MAX_UPLOAD_BYTES } from '@shared/contract/files';
import { tempDirs } from '@tests/unit/exchange/helpers';
import { refusal, startApp, value } from '@tests/unit/hostile/helpers';

/** Issue 22: the file that is printed, kept with the publication in the store, told by its content, in versions. */

const tempDir = tempDirs();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const put = (app: ReturnType<typeof startApp>, bytes: Buffer, name: string) =>
  putFile(app.db, app.env.dataDir, Readable.from([bytes]), { originalName: name });

export const pdfBytes = (text: string) =>
  Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

async function docxBytes(): Promise<Buffer> {
  return renderDocx({
    title: 'Памятка',
    fileName: 'Памятка',
    orientation: 'portrait',
    draft: false,
    blocks: [{ kind: 'para', text: 'Телефон доверия' }],
  });
}

/** What Word saves as .docm: the same package with the macro-enabled main part declared. */
async function docmBytes(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await docxBytes());
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      'application/vnd.ms-word.document.macroEnabled.main+xml',
    ),
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function xlsxBytes(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Тираж').addRow(['Памятка', 100]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function withPublication() {
  const app = startApp(tempDir('rc-pubfiles-'));
  value(await app.dispatch('app.initialize', { mode: 'empty' }));
  const kindId = app.sqlite
    .prepare("SELECT id FROM list_values WHERE list = 'publicationKinds' ORDER BY position LIMIT 1")
    .pluck()
    .get() as number;
  const publication = value<PublicationDetail>(
    await app.dispatch('publications.create', { title: 'Памятка «Телефон доверия»', kindId, year: 2026 }),
  );
  return { app, id: publication.id };
}

describe('a publication’s printed file', () => {
  it('is told by its content: an XLSX, a .docm and a PDF renamed .docx are told apart; only PDF and DOCX are attached', async () => {
    const { app, id } = await withPublication();
    try {
      const attach = (file: StoredFile) => app.dispatch('publications.attachFile', { publicationId: id, hash: file.hash });
      const renamedPdf = await put(app, pdfBytes('версия 1'), 'Памятка.docx');
      expect(renamedPdf.mime).toBe('application/pdf');
      const excel = await put(app, await xlsxBytes(), 'Памятка.docx');
      expect(excel.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const macros = await put(app, await docmBytes(), 'Памятка.docx');
      expect(macros.mime).toBe('application/vnd.ms-word.document.macroEnabled.12');
      const word = await put(app, await docxBytes(), 'Памятка.pdf');
      expect(word.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

      expect(refusal(await attach(excel)).message).toMatch(/таблица Excel.*PDF или DOCX/);
      expect(refusal(await attach(macros)).message).toMatch(/с макросами \(\.docm\)/);
      const notAFile = await put(app, Buffer.from('просто текст'), 'Памятка.docx');
      expect(refusal(await attach(notAFile)).message).toMatch(/не PDF и не документ Word/);
      expect(app.sqlite.prepare('SELECT count(*) FROM publication_files').pluck().get()).toBe(0);

      const first = value<PublicationFileVersion>(await attach(renamedPdf));
      // Saved under the extension its content has.
      expect(first).toMatchObject({ version: 1, format: 'pdf', fileName: 'Памятка.pdf', hash: sha(pdfBytes('версия 1')), current: true });
      const second = value<PublicationFileVersion>(await attach(word));
      expect(second).toMatchObject({ version: 2, format: 'docx', fileName: 'Памятка.docx', current: true });
      expect(refusal(await attach(word)).message).toMatch(/уже прикреплён как текущая версия 2/);

      const card = value<PublicationDetail>(await app.dispatch('publications.get', { id }));
      expect(card.files.map((f) => [f.version, f.format, f.current, f.hash])).toEqual([
        [2, 'docx', true, word.hash],
        [1, 'pdf', false, renamedPdf.hash],
      ]);
      for (const f of card.files) expect(f.addedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      // The checksum listed is the content's SHA-256, read back through the application.
      expect(sha(readStoredFile(app.db, app.env.dataDir, card.files[1]!.hash))).toBe(card.files[1]!.hash);
    } finally {
      app.close();
    }
  });

  it('refuses an empty file and one over 50 MB, leaving nothing stored', async () => {
    const { app } = await withPublication();
    try {
      await expect(put(app, Buffer.alloc(0), 'пусто.pdf')).rejects.toThrow(/Файл пустой/);
      const huge = Readable.from(
        (function* () {
          for (let i = 0; i <= MAX_UPLOAD_BYTES / (1024 * 1024); i++) yield Buffer.alloc(1024 * 1024, i === 0 ? 0x25 : 0x20);
        })(),
      );
      await expect(putFile(app.db, app.env.dataDir, huge, { originalName: 'большой.pdf' })).rejects.toThrow(/больше 50 МБ/);
      expect(app.sqlite.prepare('SELECT count(*) FROM stored_files').pluck().get()).toBe(0);
    } finally {
      app.close();
    }
  });

  it('is read back only through the application, by its hash: a hostile stored name is refused', async () => {
    const { app, id } = await withPublication();
    const host = await startHost({ dispatch: app.dispatch, upload: app.upload, download: app.download });
    try {
      const pdf = pdfBytes('для скачивания');
      const file = await put(app, pdf, 'Памятка.pdf');
      value(await app.dispatch('publications.attachFile', { publicationId: id, hash: file.hash }));
      const get = (name: string, token = host.token) => fetch(`${host.url}${FILE_PREFIX}${name}`, { headers: { [TOKEN_HEADER]: token } });
      const ok = await get(file.hash);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('application/octet-stream');
      expect(Buffer.from(await ok.arrayBuffer())).toEqual(pdf);
      expect((await get(file.hash, 'wrong-token')).status).toBe(401);
      for (const hostile of ['..%2F..%2Fresource-center.sqlite', '..%2Ffiles', `${file.hash.slice(0, 2)}%2F${file.hash}`, 'A'.repeat(64)]) {
        expect((await get(hostile)).status).toBe(400);
      }
      expect((await get('0'.repeat(64))).status).toBe(404);
      expect(() => openStoredFile(app.db, app.env.dataDir, '../resource-center.sqlite')).toThrow(/не найден/);
      expect(() => readStoredFile(app.db, app.env.dataDir, `../../${file.hash}`)).toThrow(/не найден/);
      expect(refusal(await app.dispatch('publications.attachFile', { publicationId: id, hash: '../etc/passwd' })).code).toBe('validation');
    } finally {
      await host.close();
      app.close();
    }
  });

  it('is in backups and their restore, not in the data package', async () => {
    const { app, id } = await withPublication();
    try {
      const pdf = pdfBytes('в копии');
      const file = await put(app, pdf, 'Памятка.pdf');
      value(await app.dispatch('publications.attachFile', { publicationId: id, hash: file.hash }));
      const mailed = value<{ file: string }>(
        await app.dispatch('backup.now', { targetFile: path.join(tempDir('rc-away-'), 'копия.sqlite') }),
      );
      const other = startApp(tempDir('rc-other-'));
      try {
        value(await other.dispatch('backup.restore', { file: mailed.file }));
        const card = value<PublicationDetail>(await other.dispatch('publications.get', { id }));
        expect(card.files.map((f) => f.hash)).toEqual([file.hash]);
        expect(readStoredFile(other.db, other.env.dataDir, file.hash)).toEqual(pdf);
      } finally {
        other.close();
      }
      const { TABLE_POLICIES } = await import('@db/tables');
      expect(TABLE_POLICIES.publication_files?.package).toBe('none');
      const { fileReferences } = await import('@db/schema');
      expect(fileReferences.find((r) => r.table === 'publication_files')).toEqual({
        table: 'publication_files',
        column: 'file_hash',
        inPackage: false,
      });
    } finally {
      app.close();
    }
  });
});

describe('printing handouts', () => {
  it('hands the window side a copy under its name: a PDF to print with the copies, a DOCX to open', async () => {
    const dataDir = tempDir('rc-print-');
    const requests: PrintRequest[] = [];
    const app = createApp({ dataDir, printFile: async (r) => void requests.push(r) });
    try {
      value(await app.dispatch('app.initialize', { mode: 'empty' }));
      const kindId = app.sqlite.prepare("SELECT id FROM list_values WHERE list = 'publicationKinds' LIMIT 1").pluck().get() as number;
      const { id } = value<PublicationDetail>(await app.dispatch('publications.create', { title: 'Буклет', kindId, year: 2026 }));
      const pdf = await put(app, pdfBytes('печать'), 'Буклет.pdf');
      value(await app.dispatch('publications.attachFile', { publicationId: id, hash: pdf.hash }));
      expect(value<PrintedFile>(await app.dispatch('publications.printFile', { publicationId: id, version: 1, copies: 40 }))).toEqual({
        action: 'printed',
        copies: 40,
      });
      const word = await put(app, await docxBytes(), 'Буклет.docx');
      value(await app.dispatch('publications.attachFile', { publicationId: id, hash: word.hash }));
      expect(value<PrintedFile>(await app.dispatch('publications.printFile', { publicationId: id, version: 2, copies: 3 })).action).toBe(
        'opened',
      );
      expect(requests.map((r) => [r.action, path.basename(r.file), r.copies])).toEqual([
        ['print', 'Буклет.pdf', 40],
        ['open', 'Буклет.docx', 3],
      ]);
      expect(path.relative(path.join(dataDir, 'tmp'), requests[0]!.file).startsWith('..')).toBe(false);
      expect(refusal(await app.dispatch('publications.printFile', { publicationId: id, version: 1, copies: 0 })).code).toBe('validation');
      expect(refusal(await app.dispatch('publications.printFile', { publicationId: id, version: 7, copies: 1 })).message).toMatch(/версии/);
      // Printing records nothing: the print run is the user's confirmation afterwards.
      expect(app.sqlite.prepare('SELECT count(*) FROM publication_movements').pluck().get()).toBe(0);
    } finally {
      app.close();
    }
    // The browser host has no printer side: the page downloads the file instead.
    const { app: hostApp, id } = await withPublication();
    try {
      expect(refusal(await hostApp.dispatch('publications.printFile', { publicationId: id, version: 1, copies: 1 })).message).toMatch(
        /В браузере/,
      );
    } finally {
      hostApp.close();
    }
  });
});
