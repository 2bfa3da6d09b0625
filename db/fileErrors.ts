/**
 * Every file error the user can meet, in Russian. Node's own messages («EACCES: permission
 * denied, open '…'») are English and name a system call; the dispatcher turns any error that
 * carries such a code into one of these, so a file problem is never «Внутренняя ошибка».
 */

/** A refusal about a file or folder, already in Russian: the dispatcher shows it as is. */
export class UserFileError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'UserFileError';
  }
}

const named = (p: string | undefined) => (p ? ` «${p}»` : '');

const FILE_MESSAGES: Record<string, (p: string | undefined) => string> = {
  EACCES: (p) => `Нет доступа к${named(p)}: у этого пользователя Windows нет прав на него`,
  EPERM: (p) => `Действие с${named(p)} запрещено: нет прав или файл защищён`,
  ENOENT: (p) => `Файл или папка${named(p)} не найдены`,
  ENOSPC: (p) => `Недостаточно места на диске${p ? ` для${named(p)}` : ''}`,
  EDQUOT: (p) => `Превышена квота на диске${p ? ` для${named(p)}` : ''}`,
  EFBIG: (p) => `Файл${named(p)} слишком большой для этого диска`,
  EROFS: (p) => `Диск${named(p)} доступен только для чтения`,
  EISDIR: (p) => `${p ? `«${p}»` : 'Указанный путь'} — папка, а нужен файл`,
  ENOTDIR: (p) => `Часть пути${named(p)} — не папка`,
  ELOOP: (p) => `Путь${named(p)} ведёт по кругу через символьные ссылки`,
  ENAMETOOLONG: (p) => `Слишком длинный путь${named(p)}`,
  EBUSY: (p) => `Файл${named(p)} занят другой программой: закройте её и повторите`,
  ETXTBSY: (p) => `Файл${named(p)} занят другой программой: закройте её и повторите`,
  EEXIST: (p) => `Файл или папка${named(p)} уже существует`,
  ENOTEMPTY: (p) => `Папка${named(p)} не пуста`,
  EMFILE: () => 'Открыто слишком много файлов: повторите через минуту',
  ENFILE: () => 'Открыто слишком много файлов: повторите через минуту',
  EIO: (p) => `Ошибка чтения или записи${named(p)}: диск или сеть недоступны`,
  ENXIO: (p) => `Устройство${named(p)} недоступно`,
  ENODEV: (p) => `Устройство${named(p)} недоступно`,
  EINVAL: (p) => `Недопустимое имя или путь${named(p)}`,
  EXDEV: (p) => `Нельзя переместить${named(p)} на другой диск`,
  ETIMEDOUT: (p) => `Нет ответа от диска или сервера${p ? ` (${p})` : ''}`,
  ESTALE: (p) => `Сетевая папка${named(p)} была отключена`,
  ECONNRESET: (p) => `Связь с сервером прервана${p ? ` (${p})` : ''}`,
  EAGAIN: () => 'Файл временно недоступен: повторите через минуту',
};

const SQLITE_MESSAGES: Record<string, string> = {
  SQLITE_FULL: 'Недостаточно места на диске для базы данных',
  SQLITE_READONLY: 'Файл базы данных доступен только для чтения',
  SQLITE_CANTOPEN: 'Не удалось открыть файл базы данных: нет доступа к нему или к его папке',
  SQLITE_NOTADB: 'Файл не является базой данных приложения или повреждён',
  SQLITE_CORRUPT: 'Файл базы данных повреждён',
  SQLITE_BUSY: 'База данных занята другой программой: повторите через минуту',
  SQLITE_LOCKED: 'База данных занята другой программой: повторите через минуту',
  SQLITE_PERM: 'Нет доступа к файлу базы данных',
  SQLITE_IOERR: 'Ошибка чтения или записи файла базы данных: диск недоступен',
  SQLITE_TOOBIG: 'Запись слишком велика для базы данных',
  SQLITE_NOLFS: 'Файл базы данных слишком большой для этого диска',
};

/** The Russian message of a file or SQLite file error; null when the error is neither (a bug). */
export function fileErrorMessage(error: unknown): string | null {
  if (error instanceof UserFileError) return error.message;
  const e = error as { code?: unknown; path?: unknown; dest?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (!code) return null;
  const p = typeof e?.path === 'string' ? e.path : undefined;
  const byCode = FILE_MESSAGES[code];
  if (byCode) return byCode(p);
  if (code.startsWith('SQLITE_')) {
    const base = /^SQLITE_[A-Z]+/.exec(code)![0];
    return SQLITE_MESSAGES[code] ?? SQLITE_MESSAGES[base] ?? null;
  }
  return null;
}

/** Whether an error is one of the file errors above. */
export const isFileError = (error: unknown) => fileErrorMessage(error) !== null;
