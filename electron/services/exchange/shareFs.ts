import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  checkedName,
  isTempName,
  mkdirWithinAsync,
  realFolderAsync,
  regularFileAsync,
  removeOwnAsync,
  renameWithinAsync,
  tempName,
  withinAsync,
} from '@db/contained';
import { UserFileError } from '@db/fileErrors';
import { MAX_PATH_CHARS } from '@shared/paths';

export { isTempName, TEMP_MARK } from '@db/contained';

/**
 * File operations on the shared folder. The share is usually SMB: a call may hang while the
 * server is frozen, fail with EIO when it is gone, and antivirus or indexers on Windows hold
 * fresh files for a moment. So every call here is bounded by a timeout, errors become
 * Russian messages, and files appear only whole (temporary name → fsync → rename).
 */

export type ShareFailure = 'unreachable' | 'readonly' | 'nospace' | 'cancelled';

/** A share problem in Russian; a UserFileError, so the dispatcher shows it as it is. */
export class ShareError extends UserFileError {
  constructor(
    readonly kind: ShareFailure,
    message: string,
    code?: string,
  ) {
    super(message, code);
    this.name = 'ShareError';
  }
}

export interface ShareOptions {
  /** The configured export folder, named in messages. */
  folder: string;
  /** Longest wait for one filesystem call before the share counts as unreachable. */
  opTimeoutMs?: number;
  /** How long a rename refused by a lock (antivirus, indexer) is retried. */
  renameRetryMs?: number;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_OP_TIMEOUT_MS = 20_000;
export const DEFAULT_RENAME_RETRY_MS = 60_000;
const CHUNK = 1024 * 1024;

const READONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);
const NOSPACE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const LOCKED_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

const REASONS: Record<string, string> = {
  ENOENT: 'папка не найдена',
  ENOTDIR: 'путь указывает не на папку',
  EIO: 'ошибка ввода-вывода: сервер недоступен или связь прервана',
  ETIMEDOUT: 'сервер не отвечает',
  EHOSTDOWN: 'сервер выключен',
  EHOSTUNREACH: 'нет связи с сервером',
  ENETUNREACH: 'нет связи с сетью',
  ENOTCONN: 'нет соединения с сервером',
  ECONNRESET: 'соединение с сервером прервано',
  ECONNREFUSED: 'сервер отказал в подключении',
  ESTALE: 'сетевая папка была отключена',
  ENXIO: 'устройство недоступно',
  ENODEV: 'устройство недоступно',
  EINVAL: 'недопустимое имя или путь',
  ENAMETOOLONG: 'слишком длинный путь',
};

export const unreachable = (folder: string, reason: string, code?: string) =>
  new ShareError('unreachable', `Папка недоступна: ${folder} (${reason})`, code);
export const readonlyError = (folder: string, code?: string) =>
  new ShareError('readonly', `Папка доступна только для чтения: ${folder}`, code);
export const nospaceError = (folder: string, code?: string) =>
  new ShareError('nospace', `Недостаточно места в папке выгрузки: ${folder}`, code);
export const cancelledError = () => new ShareError('cancelled', 'Выгрузка отменена пользователем');

export function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/** Turns a Node filesystem error into the message the user sees. */
export function toShareError(error: unknown, folder: string): ShareError {
  if (error instanceof ShareError) return error;
  // A refusal of db/contained.ts (a link, a path outside the share) is already worded.
  if (error instanceof UserFileError) return new ShareError('unreachable', error.message, error.code);
  const code = errorCode(error);
  if (code && READONLY_CODES.has(code)) return readonlyError(folder, code);
  if (code && NOSPACE_CODES.has(code)) return nospaceError(folder, code);
  return unreachable(folder, (code && REASONS[code]) ?? (code ? `ошибка ${code}` : String((error as Error)?.message ?? error)), code);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A handle on the share for one export or check. `run` bounds every call: a frozen SMB server
 * blocks the worker thread until the FUSE/SMB client gives up, and we stop waiting earlier.
 */
export class Share {
  readonly folder: string;
  private readonly opTimeoutMs: number;
  private readonly renameRetryMs: number;
  private readonly signal?: AbortSignal;
  private readonly sleep: (ms: number) => Promise<void>;

  private root?: string;

  constructor(options: ShareOptions) {
    this.folder = options.folder;
    this.opTimeoutMs = options.opTimeoutMs ?? DEFAULT_OP_TIMEOUT_MS;
    this.renameRetryMs = options.renameRetryMs ?? DEFAULT_RENAME_RETRY_MS;
    this.signal = options.signal;
    this.sleep = options.sleep ?? realSleep;
  }

  checkCancelled(): void {
    if (this.signal?.aborted) throw cancelledError();
  }

  /** Runs one filesystem call with the timeout; the raw error (with its code) is kept for the caller to map. */
  async raw<T>(work: () => Promise<T>): Promise<T> {
    this.checkCancelled();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), this.opTimeoutMs);
    });
    try {
      return await Promise.race([work(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Like `raw`, with the error mapped to a Russian ShareError. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.raw(work);
    } catch (error) {
      throw toShareError(error, this.folder);
    }
  }

  /**
   * The share folder resolved once (a share reached through a link is still that share) and a
   * path below it checked by db/contained.ts: every name a plain one, none of them a link.
   * Paths are given as the configured folder joined with names, as the export builds them.
   */
  private async inside(p: string): Promise<{ root: string; rel: string; full: string }> {
    this.root ??= await this.raw(() => realFolderAsync(this.folder));
    const rel = path.relative(this.folder, p);
    const full = await this.raw(() => withinAsync(this.root!, rel));
    return { root: this.root, rel, full };
  }

  async mkdirp(dir: string): Promise<void> {
    try {
      const { root, rel } = await this.inside(dir);
      await this.raw(() => mkdirWithinAsync(root, rel));
    } catch (error) {
      throw toShareError(error, this.folder);
    }
  }

  async exists(file: string): Promise<boolean> {
    try {
      const { full } = await this.inside(file);
      await this.raw(() => fs.lstat(full));
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw toShareError(error, this.folder);
    }
  }

  /** Names in a folder, lower-cased: Windows shares compare names without case. */
  async namesIn(dir: string): Promise<Set<string>> {
    try {
      const { full } = await this.inside(dir);
      const names = await this.raw(() => fs.readdir(full));
      return new Set(names.map((n) => n.toLowerCase()));
    } catch (error) {
      throw toShareError(error, this.folder);
    }
  }

  /** `name`, or «name (2).ext», «name (3).ext»… — the first that is free in `dir`. */
  async freeName(dir: string, name: string): Promise<string> {
    const taken = await this.namesIn(dir);
    return pickFreeName(name, (candidate) => taken.has(candidate.toLowerCase()));
  }

  /** A hidden name beside the final one; readers of the share skip dot-files. */
  tempPath(dir: string, finalName: string): string {
    return path.join(dir, tempName(finalName, randomBytes(6).toString('hex')));
  }

  /**
   * Copies bytes (a buffer or a local file) to a new temporary file (see `tempPath`), flushed
   * to the server. Streams, never fs.copyFile: SMB mounts refuse its truncate-on-write-only.
   */
  async upload(temp: string, source: Buffer | string, onBytes?: (n: number) => void): Promise<string> {
    let target: string;
    try {
      target = (await this.inside(temp)).full;
    } catch (error) {
      throw toShareError(error, this.folder);
    }
    // 'wx': never onto an existing name, and never through a link planted under that name.
    const handle = await this.run(() => fs.open(target, 'wx'));
    let closed = false;
    try {
      const chunks = typeof source === 'string' ? createReadStream(source, { highWaterMark: CHUNK }) : bufferChunks(source);
      for await (const chunk of chunks) {
        const bytes = chunk as Buffer;
        let offset = 0;
        while (offset < bytes.length) {
          const { bytesWritten } = await this.run(() => handle.write(bytes, offset, bytes.length - offset));
          offset += bytesWritten;
        }
        onBytes?.(bytes.length);
      }
      await this.run(() => handle.sync());
      closed = true;
      await this.run(() => handle.close());
      // fsync on SMB mounts reports success regardless; the size the server reports is the check.
      const expected = typeof source === 'string' ? (await fs.stat(source)).size : source.length;
      const { size } = await this.run(() => fs.lstat(target));
      if (size !== expected) throw unreachable(this.folder, `файл записан не полностью: ${size} из ${expected} байт`);
      return temp;
    } catch (error) {
      if (!closed) void handle.close().catch(() => undefined);
      await this.removeQuietly(temp);
      throw error;
    }
  }

  /**
   * Moves a finished temporary file to a free name in its folder (never onto an existing
   * file: rename on SMB replaces silently). A rename refused because something holds the file
   * is retried with a growing pause.
   */
  async place(temp: string, dir: string, name: string): Promise<string> {
    let waited = 0;
    let pause = 100;
    for (;;) {
      const finalName = checkedName(await this.freeName(dir, name));
      const finalPath = path.join(dir, finalName);
      if (finalPath.length > MAX_PATH_CHARS) {
        throw new ShareError(
          'unreachable',
          `Путь к файлу «${finalPath}» длиннее ${MAX_PATH_CHARS} символов: Windows-программы не откроют его. Выберите папку выгрузки ближе к корню диска`,
        );
      }
      try {
        const { root, rel: fromRel } = await this.inside(temp);
        const { rel: toRel } = await this.inside(finalPath);
        await this.raw(() => renameWithinAsync(root, fromRel, toRel));
        return finalName;
      } catch (error) {
        const code = errorCode(error);
        if (code === 'EEXIST' && waited + pause <= this.renameRetryMs) {
          waited += pause;
          continue;
        }
        if (!code || !LOCKED_CODES.has(code) || waited + pause > this.renameRetryMs) throw toShareError(error, this.folder);
        this.checkCancelled();
        await this.sleep(pause);
        waited += pause;
        pause = Math.min(pause * 2, 2000);
      }
    }
  }

  /**
   * Removes what this application made on the share (a temporary name, recognised by its mark),
   * never anything else and never through a link: a path from the export log is data.
   */
  async removeOwn(file: string): Promise<void> {
    const { root, rel } = await this.inside(file);
    await this.raw(() => removeOwnAsync(root, rel, isTempName));
  }

  /** Best-effort removal with a short bound: used on the way out of a failure. */
  async removeQuietly(file: string): Promise<void> {
    try {
      await this.removeOwn(file);
    } catch {
      // The share may be gone; the next export removes what is left.
    }
  }

  /** Bytes free for this user in the folder, when the share reports it. */
  async freeBytes(dir: string): Promise<number | undefined> {
    try {
      const stats = await this.raw(() => fs.statfs(dir));
      // Some network filesystems answer zeros when they do not know; that is not a full disk.
      return stats.blocks > 0 ? stats.bavail * stats.bsize : undefined;
    } catch {
      return undefined;
    }
  }

  /** Reads a file of the share into a local file through streams, bounded per chunk. */
  async download(source: string, target: string): Promise<void> {
    // lstat first: a FIFO or a device named in a manifest would block the reading thread for good.
    await this.run(() => regularFileAsync(source, 'Файл пакета'));
    const input = await this.run(() => fs.open(source, 'r'));
    const output = await fs.open(target, 'wx');
    try {
      const buffer = Buffer.alloc(CHUNK);
      for (;;) {
        const { bytesRead } = await this.run(() => input.read(buffer, 0, CHUNK, null));
        if (bytesRead === 0) break;
        await output.write(buffer, 0, bytesRead);
      }
      await output.sync();
    } finally {
      await output.close();
      void input.close().catch(() => undefined);
    }
  }

  /** A small text file of the share (a manifest), refused unless it is a regular file of at most `maxBytes`. */
  async readText(file: string, maxBytes = 4 * 1024 * 1024): Promise<string> {
    const stats = await this.run(() => regularFileAsync(file));
    if (stats.size > maxBytes) throw new ShareError('unreachable', `Файл «${file}» слишком большой для описания пакета`);
    return this.run(() => fs.readFile(file, 'utf8'));
  }
}

function* bufferChunks(buffer: Buffer): Generator<Buffer> {
  for (let offset = 0; offset < buffer.length; offset += CHUNK) yield buffer.subarray(offset, offset + CHUNK);
  if (buffer.length === 0) yield buffer;
}

export function pickFreeName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  const ext = path.extname(name);
  const base = ext ? name.slice(0, -ext.length) : name;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})${ext}`;
    if (!taken(candidate)) return candidate;
  }
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
