import { z } from 'zod';
import { call, REFUSED } from './define';
import { nameProblem } from '@shared/paths';

/**
 * The file store (attachments): metadata of stored files and the description of an upload.
 * The content never travels inside the JSON of a call: the browser host takes it as a streamed
 * upload (`POST /api/upload`, see electron/host/server.ts), the Electron window as a file chosen
 * in the main process.
 */

/** The largest attachment kept: a publication's PDF or a scanned certificate, not a video. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface StoredFile {
  /** SHA-256 of the content: how a record refers to the file. */
  hash: string;
  size: number;
  mime: string;
  originalName: string;
  createdAt: string;
}

export const fileHash = z.string({ error: 'Не указан файл' }).regex(/^[0-9a-f]{64}$/, 'Неверная ссылка на файл');

/** What comes with an upload, in its query string: the file's own name and its declared size. */
export const uploadMeta = z
  .object({
    name: z
      .string({ error: 'Не указано имя файла' })
      .min(1, 'Не указано имя файла')
      .max(200, 'Имя файла длиннее 200 символов')
      .superRefine((name, ctx) => {
        const problem = nameProblem(name);
        if (problem) ctx.addIssue({ code: 'custom', message: `Имя файла не подходит: ${problem}` });
      }),
    size: z.coerce
      .number({ error: 'Не указан размер файла' })
      .int('Неверный размер файла')
      .min(0, 'Неверный размер файла')
      .max(MAX_UPLOAD_BYTES, `Файл больше ${MAX_UPLOAD_BYTES / (1024 * 1024)} МБ: такие файлы приложение не хранит`),
  })
  .strict();

export type UploadMeta = z.infer<typeof uploadMeta>;

/** What kind of file a dialog offers to choose. */
export const FILE_KINDS = ['image', 'document', 'any'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const filesCalls = {
  /**
   * In the Electron window: the main process shows the system's «Открыть» dialog and puts the
   * chosen file into the store (the page never sees the path, nor the bytes as base64). Answers
   * null when the user cancels. In the browser host a file is uploaded instead.
   */
  'files.choose': call(z.object({ kind: z.enum(FILE_KINDS, { error: 'Неверный вид файла' }) }).strict())
    .file(['files'], REFUSED.add)
    .returns<StoredFile | null>(),
  /** A stored file's metadata, for a record that shows its attachment. */
  'files.get': call(z.object({ hash: fileHash }).strict())
    .reads('files')
    .returns<StoredFile>(),
};
