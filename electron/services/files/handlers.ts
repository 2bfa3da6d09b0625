import type { Handlers } from '@main/api/dispatch';
import path from 'node:path';
import { userPath } from '@db/contained';
import { invalid, notFound } from '@main/api/errors';
import type { filesCalls } from '@shared/contract/files';
import { getStoredFile, putFile } from './store';

export const filesHandlers: Handlers<typeof filesCalls> = {
  'files.choose': async ({ db, env }, { kind }) => {
    if (!env.chooseFile) throw invalid('В браузере файл выбирается кнопкой загрузки на странице, а не окном выбора файла');
    const chosen = await env.chooseFile(kind);
    if (!chosen) return null;
    const file = userPath(chosen, 'выбранный файл');
    return putFile(db, env.dataDir, file, { originalName: path.basename(file) });
  },
  'files.get': ({ db }, { hash }) => {
    const file = getStoredFile(db, hash);
    if (!file) throw notFound('Вложенный файл');
    return file;
  },
};
