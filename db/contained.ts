import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { nameProblem, pathProblem } from '@shared/paths';
import { UserFileError } from './fileErrors';

/**
 * The one place where the export, the backups, the restore and the file store write, rename
 * and delete files. Every path is a folder the operation owns (the export's share folder, the
 * backups folder, the data folder) plus names below it, and:
 * - the folder is resolved once (realpath): a share reached through a link is still that share;
 * - no name below it may be «..», a separator or a symbolic link, so nothing planted in the
 *   share (a link `RC-01 → /home/user`) can carry a write outside it;
 * - a delete removes only what its caller made, recognised by name (the export's temporary
 *   prefix, a backup's name pattern), never a path read from the database as is: a restored
 *   export log listing `../outside/victim` makes the next export refuse that entry, not follow it.
 * Node has no openat/O_NOFOLLOW for folders, so a link swapped in between the check and the
 * write (a race an attacker would have to win on the share) is not excluded; each operation
 * checks right before it acts.
 *
 * `electron/services/exchange` and `electron/services/backup` may not call fs.rm/rename/unlink
 * themselves (eslint.config.js): they come here.
 */

/** The prefix-and-mark of every temporary name the application makes: `.<final>.rc-tmp-<hex>`. */
export const TEMP_MARK = '.rc-tmp-';

export const isTempName = (name: string) => name.startsWith('.') && name.includes(TEMP_MARK);

const outside = (folder: string, rel: string) =>
  new UserFileError(`Путь «${rel}» ведёт за пределы папки «${folder}»: действие с ним не выполнено`);

/** The names of a relative path (`/` or `\` separated), each one refused unless it is a plain name. */
export function relativeNames(folder: string, rel: string): string[] {
  if (rel === '') return [];
  if (path.isAbsolute(rel) || /^[A-Za-z]:/.test(rel) || rel.includes('\0')) throw outside(folder, rel);
  const names = rel.split(/[\\/]+/).filter((n) => n !== '');
  for (const name of names) if (name === '..' || name === '.') throw outside(folder, rel);
  return names;
}

function lstatOrNull(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

async function lstatOrNullAsync(p: string): Promise<Stats | null> {
  try {
    return await fs.lstat(p);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

const linkRefused = (p: string) =>
  new UserFileError(`«${p}» — символьная ссылка или точка подключения: через ссылки приложение не пишет и не удаляет`);
const notFolder = (p: string) => new UserFileError(`«${p}» — не папка`);

/** A folder the application owns, resolved: it must exist and be a folder. */
export function realFolder(folder: string): string {
  const real = realpathSync.native(folder);
  if (!statSync(real).isDirectory()) throw notFolder(folder);
  return real;
}

export async function realFolderAsync(folder: string): Promise<string> {
  const real = await fs.realpath(folder);
  if (!(await fs.stat(real)).isDirectory()) throw notFolder(folder);
  return real;
}

/**
 * `folder/rel` once every existing name on the way is a real folder (not a link) and the last
 * one, if it exists, is not a link either. `folder` must already be resolved (`realFolder`).
 */
export function within(folder: string, rel: string): string {
  let current = folder;
  const names = relativeNames(folder, rel);
  for (const [i, name] of names.entries()) {
    current = path.join(current, name);
    const stats = lstatOrNull(current);
    if (!stats) break;
    if (stats.isSymbolicLink()) throw linkRefused(current);
    if (i < names.length - 1 && !stats.isDirectory()) throw notFolder(current);
  }
  return names.length === 0 ? folder : path.join(folder, ...names);
}

export async function withinAsync(folder: string, rel: string): Promise<string> {
  let current = folder;
  const names = relativeNames(folder, rel);
  for (const [i, name] of names.entries()) {
    current = path.join(current, name);
    const stats = await lstatOrNullAsync(current);
    if (!stats) break;
    if (stats.isSymbolicLink()) throw linkRefused(current);
    if (i < names.length - 1 && !stats.isDirectory()) throw notFolder(current);
  }
  return names.length === 0 ? folder : path.join(folder, ...names);
}

/** Makes `folder/rel` one name at a time, never through a link. */
export function mkdirWithin(folder: string, rel: string): string {
  let current = folder;
  for (const name of relativeNames(folder, rel)) {
    current = path.join(current, name);
    const stats = lstatOrNull(current);
    if (stats?.isSymbolicLink()) throw linkRefused(current);
    if (stats && !stats.isDirectory()) throw notFolder(current);
    if (!stats) {
      try {
        mkdirSync(current);
      } catch (error) {
        if ((error as { code?: string }).code !== 'EEXIST') throw error;
      }
      if (lstatSync(current).isSymbolicLink()) throw linkRefused(current);
    }
  }
  return current;
}

export async function mkdirWithinAsync(folder: string, rel: string): Promise<string> {
  let current = folder;
  for (const name of relativeNames(folder, rel)) {
    current = path.join(current, name);
    const stats = await lstatOrNullAsync(current);
    if (stats?.isSymbolicLink()) throw linkRefused(current);
    if (stats && !stats.isDirectory()) throw notFolder(current);
    if (!stats) {
      try {
        await fs.mkdir(current);
      } catch (error) {
        if ((error as { code?: string }).code !== 'EEXIST') throw error;
      }
      if ((await fs.lstat(current)).isSymbolicLink()) throw linkRefused(current);
    }
  }
  return current;
}

/** Renames inside one folder (both paths checked); never onto an existing name unless `replace`. */
export function renameWithin(folder: string, fromRel: string, toRel: string, options: { replace?: boolean } = {}): string {
  const from = within(folder, fromRel);
  const to = within(folder, toRel);
  if (!options.replace && lstatOrNull(to)) throw new UserFileError(`Файл «${to}» уже существует: он не заменяется`);
  renameSync(from, to);
  return to;
}

export async function renameWithinAsync(folder: string, fromRel: string, toRel: string): Promise<string> {
  const from = await withinAsync(folder, fromRel);
  const to = await withinAsync(folder, toRel);
  // Rename on SMB replaces silently: the caller picks a free name, this only re-checks it.
  if (await lstatOrNullAsync(to)) throw Object.assign(new Error('exists'), { code: 'EEXIST', path: to });
  await fs.rename(from, to);
  return to;
}

/** Which names a caller may delete: what it made itself, recognised by name. */
export type Ours = (name: string) => boolean;

/**
 * Deletes `folder/rel` (a file, or a folder with what is in it) only if its last name is one
 * the caller made (`ours`) and nothing on the way is a link. Answers whether anything was removed.
 */
export function removeOwn(folder: string, rel: string, ours: Ours): boolean {
  const target = within(folder, rel);
  if (target === folder || !ours(path.basename(target))) throw outside(folder, rel);
  if (!lstatOrNull(target)) return false;
  // rm does not follow links inside a folder it removes; the last name was checked above.
  rmSync(target, { recursive: true, force: true });
  return true;
}

export async function removeOwnAsync(folder: string, rel: string, ours: Ours): Promise<boolean> {
  const target = await withinAsync(folder, rel);
  if (target === folder || !ours(path.basename(target))) throw outside(folder, rel);
  if (!(await lstatOrNullAsync(target))) return false;
  await fs.rm(target, { recursive: true, force: true });
  return true;
}

/** A hidden temporary name beside `finalName`, under the application's own mark. */
export const tempName = (finalName: string, unique: string) => `.${finalName}${TEMP_MARK}${unique}`;

/** Flushes a file to disk (a copy someone will rely on must be on the disk before it is renamed into place). */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file whole under its final name: `write` fills a temporary name beside it, which is
 * flushed and renamed (never over an existing file); on failure the temporary name goes.
 */
export function writeWhole(folder: string, name: string, write: (temp: string) => void, unique = `${process.pid}-${Date.now()}`): string {
  const temp = tempName(name, unique);
  const tempPath = within(folder, temp);
  try {
    write(tempPath);
    fsyncFile(tempPath);
    return renameWithin(folder, temp, name);
  } catch (error) {
    removeOwn(folder, temp, isTempName);
    throw error;
  }
}

/**
 * A path the user typed or chose, checked before anything opens it: absolute on this computer,
 * acceptable to Windows (shared/paths.ts). Answers it resolved.
 */
export function userPath(text: string, what: string): string {
  const problem = pathProblem(text);
  if (problem) throw new UserFileError(`Путь (${what}) не подходит: ${problem}`);
  if (!path.isAbsolute(text)) throw new UserFileError(`Путь (${what}) не является полным путём на этом компьютере: «${text}»`);
  return path.resolve(text);
}

/**
 * A file the user chose to read, checked without opening it: a FIFO or a device would block
 * the reading thread forever, a folder is not a file. A link to a regular file is followed
 * (stat does not open either). Answers the stats of the file.
 */
export function regularFile(file: string, what = 'Файл'): Stats {
  const link = lstatSync(file);
  const stats = link.isSymbolicLink() ? statSync(file) : link;
  if (stats.isDirectory()) throw new UserFileError(`«${file}» — папка, а нужен файл`);
  if (!stats.isFile())
    throw new UserFileError(`${what} «${file}» — не обычный файл (канал или устройство): открывать его приложение не будет`);
  return stats;
}

export async function regularFileAsync(file: string, what = 'Файл'): Promise<Stats> {
  const link = await fs.lstat(file);
  const stats = link.isSymbolicLink() ? await fs.stat(file) : link;
  if (stats.isDirectory()) throw new UserFileError(`«${file}» — папка, а нужен файл`);
  if (!stats.isFile())
    throw new UserFileError(`${what} «${file}» — не обычный файл (канал или устройство): открывать его приложение не будет`);
  return stats;
}

/** A name that goes to the share or a chosen folder, checked like a name the user typed. */
export function checkedName(name: string): string {
  const problem = nameProblem(name);
  if (problem) throw new UserFileError(`Имя файла не подходит: ${problem}`);
  return name;
}
