import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FolderCheck, FolderCheckStep } from '@shared/contract/exchange';
import { isTempName, realFolderAsync, removeOwnAsync, renameWithinAsync, tempName, withinAsync } from '@db/contained';
import { Share, ShareError, toShareError, type ShareOptions } from './shareFs';

/**
 * «Проверить папку»: does on the share exactly what an export does (create, write, flush,
 * rename, delete) with a small probe file, and tells per step what works. access(W_OK) is not
 * used: SMB mounts report a read-only share as writable.
 */

const PROBE_BYTES = 64 * 1024;
const LOW_SPACE = 100 * 1024 * 1024;

function formatBytes(bytes: number): string {
  const units = ['байт', 'КБ', 'МБ', 'ГБ', 'ТБ'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

export async function checkFolder(options: ShareOptions): Promise<FolderCheck> {
  const share = new Share(options);
  const folder = options.folder;
  const steps: FolderCheckStep[] = [];
  const probeName = tempName('rc-probe', randomBytes(6).toString('hex'));
  const probe = path.join(folder, probeName);
  const renamed = `${probe}.renamed`;
  let root = folder;
  let failure: ShareError | undefined;

  const step = async (name: string, okMessage: string, work: () => Promise<unknown>) => {
    if (failure) {
      steps.push({ step: name, ok: null, message: 'Не проверялось' });
      return;
    }
    try {
      await share.raw(work);
      steps.push({ step: name, ok: true, message: okMessage });
    } catch (error) {
      failure = toShareError(error, folder);
      steps.push({ step: name, ok: false, message: failure.message });
    }
  };

  let handle: fs.FileHandle | undefined;
  await step('Папка открывается', 'Папка доступна', async () => {
    // stat, not open: a FIFO given as the folder must not block the thread that looks at it.
    const stats = await fs.stat(folder);
    if (!stats.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    root = await realFolderAsync(folder);
    await fs.readdir(root);
  });
  await step('Запись файла', 'Пробный файл записан', async () => {
    handle = await fs.open(await withinAsync(root, probeName), 'wx');
    await handle.write(randomBytes(PROBE_BYTES));
  });
  await step('Сброс на диск', 'Данные записаны на сервер', async () => {
    await handle!.sync();
    await handle!.close();
    handle = undefined;
  });
  await step('Переименование', 'Файл переименован', () => renameWithinAsync(root, probeName, `${probeName}.renamed`));
  await step('Удаление', 'Пробный файл удалён', () => removeOwnAsync(root, `${probeName}.renamed`, isTempName));
  if (handle) void handle.close().catch(() => undefined);
  if (failure) {
    await share.removeQuietly(probe);
    await share.removeQuietly(renamed);
  }

  let freeNote = '';
  if (!failure || failure.kind === 'nospace') {
    const free = await share.freeBytes(folder);
    if (free === undefined) {
      steps.push({ step: 'Свободное место', ok: true, message: 'Сервер не сообщает объём свободного места' });
    } else {
      const low = free < LOW_SPACE;
      steps.push({ step: 'Свободное место', ok: !low, message: `${low ? 'Мало места' : 'Свободно'}: ${formatBytes(free)}` });
      if (low) freeNote = ` Свободно только ${formatBytes(free)}.`;
    }
  }

  const summary = failure
    ? failure.kind === 'readonly'
      ? `Папка открывается, но доступна только для чтения: выгрузка в неё невозможна.`
      : failure.kind === 'nospace'
        ? 'Недостаточно места в папке выгрузки.'
        : failure.message
    : `Папка доступна: запись, переименование и удаление работают.${freeNote}`;
  return { ok: !failure && !freeNote, folder, steps, summary };
}
