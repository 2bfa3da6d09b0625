import type { Handlers } from '@main/api/dispatch';
import { notFound } from '@main/api/errors';
import type { filesCalls } from '@shared/contract/files';
import { getStoredFile } from './store';

export const filesHandlers: Handlers<typeof filesCalls> = {
  'files.get': ({ db }, { hash }) => {
    const file = getStoredFile(db, hash);
    if (!file) throw notFound('Вложенный файл');
    return file;
  },
};
