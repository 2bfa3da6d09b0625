import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, linkSync, mkdtempSync, readFileSync, writeFileSync, type ReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { storedFiles } from '@db/schema';
import {
  isTempName,
  TEMP_MARK,
  mkdirWithin,
  mkdirWithinAsync,
  realFolder,
  realFolderAsync,
  regularFile,
  removeOwn,
  removeOwnAsync,
  renameWithin,
  renameWithinAsync,
  within,
} from '@db/contained';
import { UserFileError } from '@db/fileErrors';
import { MAX_UPLOAD_BYTES, type StoredFile } from '@shared/contract/files';
import { safeName } from '@shared/paths';
import { sniffFile } from './sniff';

/**
 * The file store: every attachment once, content-addressed by SHA-256 inside the data folder
 * (`<dataDir>/files/ab/abcdef…`), indexed by `stored_files`. Two records (or two versions of one)
 * with the same file share it. A name is read back only if it is a hash: nothing from a row or
 * a request becomes a path. Backups do not copy the store each day: they share one store of
 * their own (`<dataDir>/backups/files`, hard links where the disk allows), which the restore
 * reads from, checking every file against its hash.
 */

export const HASH = /^[0-9a-f]{64}$/;

export const storeDir = (dataDir: string) => path.join(dataDir, 'files');
export const backupStoreDir = (dataDir: string) => path.join(dataDir, 'backups', 'files');

/** `ab/abcdef…` for a hash; refuses anything that is not one. */
export function storedName(hash: string): string {
  if (!HASH.test(hash)) throw new UserFileError('Неверное имя файла хранилища');
  return `${hash.slice(0, 2)}/${hash}`;
}

const toFile = (row: typeof storedFiles.$inferSelect): StoredFile => ({
  hash: row.hash,
  size: row.size,
  mime: row.mime,
  originalName: row.originalName,
  createdAt: row.createdAt,
});

export function getStoredFile(db: AppDb, hash: string): StoredFile | undefined {
  if (!HASH.test(hash)) return undefined;
  const row = db.select().from(storedFiles).where(eq(storedFiles.hash, hash)).get();
  return row ? toFile(row) : undefined;
}

export function listStoredFiles(db: AppDb): StoredFile[] {
  return db.select().from(storedFiles).orderBy(storedFiles.createdAt).all().map(toFile);
}

/** Where the content of a stored file lies in a store folder; undefined when it is not there. */
function contentIn(folder: string, hash: string): string | undefined {
  if (!existsSync(folder)) return undefined;
  const file = within(realFolder(folder), storedName(hash));
  if (!existsSync(file)) return undefined;
  regularFile(file, 'Файл хранилища');
  return file;
}

export interface PutOptions {
  originalName: string;
  /** The bytes allowed, at most MAX_UPLOAD_BYTES. */
  maxBytes?: number;
}

const tooLarge = (max: number) => new UserFileError(`Файл больше ${Math.floor(max / (1024 * 1024))} МБ: такие файлы приложение не хранит`);

/**
 * Puts a file into the store from a stream (an upload) or a local file (one chosen in the main
 * process), hashing it while it is written to a temporary name, and records it. The same content
 * put twice is stored once; its first name stays.
 */
export async function putFile(db: AppDb, dataDir: string, source: Readable | string, options: PutOptions): Promise<StoredFile> {
  const max = Math.min(options.maxBytes ?? MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES);
  if (typeof source === 'string' && regularFile(source).size > max) throw tooLarge(max);
  const root = await realFolderAsync(dataDir);
  const store = await mkdirWithinAsync(root, 'files');
  const tempRel = `.upload.rc-tmp-${randomBytes(8).toString('hex')}`;
  const temp = path.join(store, tempRel);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const handle = await fs.open(temp, 'wx');
  try {
    const stream = typeof source === 'string' ? createReadStream(source) : source;
    for await (const chunk of stream) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      size += bytes.length;
      if (size > max) throw tooLarge(max);
      if (head.length < 4096) head = Buffer.concat([head, bytes.subarray(0, 4096 - head.length)]);
      hash.update(bytes);
      await handle.write(bytes);
    }
    if (size === 0) throw new UserFileError('Файл пустой: в нём нет ни одного байта');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await removeOwnAsync(store, tempRel, isTempName);
    throw error;
  }
  await handle.close();
  let mime: string;
  try {
    mime = await sniffFile(temp, head);
  } catch (error) {
    await removeOwnAsync(store, tempRel, isTempName);
    throw error;
  }
  const digest = hash.digest('hex');
  const name = storedName(digest);
  await mkdirWithinAsync(store, digest.slice(0, 2));
  try {
    await renameWithinAsync(store, tempRel, name);
  } catch (error) {
    await removeOwnAsync(store, tempRel, isTempName);
    // The same content is already there: it is shared, not stored again.
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  }
  const originalName = safeName(path.basename(options.originalName.replace(/\\/g, '/')).slice(0, 200), 'файл');
  db.insert(storedFiles).values({ hash: digest, size, mime, originalName }).onConflictDoNothing().run();
  return getStoredFile(db, digest)!;
}

/** The content of a stored file, as a stream; refused in Russian when the file is unknown or missing on this PC. */
export function openStoredFile(db: AppDb, dataDir: string, hash: string): { file: StoredFile; stream: ReadStream } {
  const file = getStoredFile(db, hash);
  if (!file) throw new UserFileError('Файл не найден в хранилище приложения');
  const content = contentIn(storeDir(dataDir), hash);
  if (!content) {
    throw new UserFileError(
      `Файл «${file.originalName}» отсутствует на этом компьютере: он был в данных копии, но сам файл с ней не пришёл`,
    );
  }
  return { file, stream: createReadStream(content) };
}

export function readStoredFile(db: AppDb, dataDir: string, hash: string): Buffer {
  const file = getStoredFile(db, hash);
  const content = file ? contentIn(storeDir(dataDir), hash) : undefined;
  if (!file || !content) throw new UserFileError('Файл не найден в хранилище приложения');
  return readFileSync(content);
}

/**
 * A copy of a stored file under a name of the user's (for a program outside the app: the
 * printer, Word) in a private work folder of the data folder; answers its path.
 */
export function copyStoredFile(db: AppDb, dataDir: string, hash: string, purpose: string, name: string): string {
  const file = getStoredFile(db, hash);
  const content = file ? contentIn(storeDir(dataDir), hash) : undefined;
  if (!file || !content) throw new UserFileError('Файл не найден в хранилище приложения');
  const folder = privateWorkFolder(dataDir, purpose);
  const target = within(folder, safeName(name, 'файл'));
  copyFileSync(content, target);
  return target;
}

export interface FileReferenceCount {
  table: string;
  column: string;
  count: number;
}

/**
 * Which rows refer to a stored file: every foreign key to `stored_files` the schema has, found
 * from SQLite's own list, so a register's new column is counted without being listed here.
 */
export function referencesTo(db: AppDb, hash: string): FileReferenceCount[] {
  const sqlite = db.$client;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const found: FileReferenceCount[] = [];
  for (const table of tables) {
    const keys = sqlite.pragma(`foreign_key_list("${table.replace(/"/g, '""')}")`) as { table: string; from: string }[];
    for (const key of keys.filter((k) => k.table === 'stored_files')) {
      const count = sqlite.prepare(`SELECT count(*) FROM "${table}" WHERE "${key.from}" = ?`).pluck().get(hash) as number;
      found.push({ table, column: key.from, count });
    }
  }
  return found;
}

/**
 * Removes a stored file nothing needs: an upload brought for one use (a list to import) and
 * refused or abandoned. Kept when any row refers to it — the same content may be a
 * publication's file — or when a pending undo would bring such a row back. Answers whether it
 * was removed; the content goes after its row, so a failure leaves at worst a file no row names.
 */
export function discardUnusedFile(db: AppDb, dataDir: string, hash: string): boolean {
  if (!getStoredFile(db, hash)) return false;
  if (referencesTo(db, hash).some((r) => r.count > 0)) return false;
  const undoable = db.$client.prepare('SELECT 1 FROM undo_journal WHERE undone_at IS NULL AND instr(payload, ?) > 0 LIMIT 1').get(hash);
  if (undoable) return false;
  db.delete(storedFiles).where(eq(storedFiles.hash, hash)).run();
  removeOwn(realFolder(storeDir(dataDir)), storedName(hash), (name) => name === hash);
  return true;
}

/** Checks a file's content against its hash (a copy-once store or a file from outside is data until checked). */
export function hashOfFile(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Copies a verified content into a store folder under its hash (a hard link when the disk
 * allows, so the backups' store costs no space), unless it is there already.
 */
function shelve(storeFolder: string, hash: string, content: string | Buffer): void {
  const root = mkdirWithin(realFolder(path.dirname(storeFolder)), path.basename(storeFolder));
  const name = storedName(hash);
  if (existsSync(within(root, name))) return;
  mkdirWithin(root, hash.slice(0, 2));
  const tempRel = `.shelve.rc-tmp-${randomBytes(8).toString('hex')}`;
  const temp = within(root, tempRel);
  try {
    if (Buffer.isBuffer(content)) writeFileSync(temp, content, { flag: 'wx' });
    else {
      try {
        linkSync(content, temp);
      } catch {
        copyFileSync(content, temp);
      }
    }
    renameWithin(root, tempRel, name);
  } catch (error) {
    removeOwn(root, tempRel, isTempName);
    if ((error as { code?: string }).code === 'EEXIST' || existsSync(within(root, name))) return;
    throw error;
  }
}

/** Every stored file the database names, put into the backups' own store once (made with each backup). */
export function shelveForBackups(live: Database.Database, dataDir: string): void {
  const hashes = live.prepare("SELECT hash FROM stored_files WHERE hash GLOB '[0-9a-f]*'").pluck().all() as string[];
  for (const hash of hashes) {
    const content = contentIn(storeDir(dataDir), hash);
    if (content) shelve(backupStoreDir(dataDir), hash, content);
  }
}

/** The table a backup to a chosen file carries its attachments in, so the file alone restores everything. */
export const EMBEDDED_FILES_TABLE = 'rc_attached_files';

/** Writes every stored file into a backup made outside the data folder (a stick, a mail attachment). */
export function embedFiles(backupFile: string, dataDir: string, nativeBinding?: string): void {
  const copy = new Database(backupFile, nativeBinding ? { nativeBinding } : {});
  try {
    const hashes = copy.prepare("SELECT hash FROM stored_files WHERE hash GLOB '[0-9a-f]*'").pluck().all() as string[];
    if (hashes.length === 0) return;
    copy.exec(`CREATE TABLE ${EMBEDDED_FILES_TABLE} (hash TEXT PRIMARY KEY, content BLOB NOT NULL)`);
    const insert = copy.prepare(`INSERT INTO ${EMBEDDED_FILES_TABLE} (hash, content) VALUES (?, ?)`);
    copy.transaction(() => {
      for (const hash of hashes) {
        const content = contentIn(storeDir(dataDir), hash);
        if (content) insert.run(hash, readFileSync(content));
      }
    })();
  } finally {
    copy.close();
  }
}

/**
 * After a restore is rebuilt: every stored file its data names is found — in the file itself
 * (a backup to a chosen file carries them), in the backups' store, or already here — checked
 * against its hash and put into this PC's store. Answers how many could not be found.
 */
export function adoptFiles(rebuiltFile: string, sourceCopy: string, dataDir: string, nativeBinding?: string): number {
  const rebuilt = new Database(rebuiltFile, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  let hashes: string[];
  try {
    hashes = rebuilt.prepare('SELECT hash FROM stored_files').pluck().all() as string[];
  } finally {
    rebuilt.close();
  }
  if (hashes.length === 0) return 0;
  let missing = 0;
  const source = new Database(sourceCopy, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const embedded = source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(EMBEDDED_FILES_TABLE)
      ? source.prepare(`SELECT content FROM ${EMBEDDED_FILES_TABLE} WHERE hash = ? AND typeof(content) = 'blob'`).pluck()
      : undefined;
    for (const hash of hashes) {
      if (contentIn(storeDir(dataDir), hash)) continue;
      const bytes = embedded?.get(hash) as Buffer | undefined;
      if (bytes && createHash('sha256').update(bytes).digest('hex') === hash) {
        shelve(storeDir(dataDir), hash, bytes);
        continue;
      }
      const shelved = contentIn(backupStoreDir(dataDir), hash);
      if (shelved && hashOfFile(shelved) === hash) {
        shelve(storeDir(dataDir), hash, shelved);
        continue;
      }
      missing++;
    }
  } finally {
    source.close();
  }
  return missing;
}

/** How many stored files the database names that this PC does not have. */
export function missingFiles(db: AppDb, dataDir: string): number {
  const hashes = db
    .select({ hash: storedFiles.hash })
    .from(storedFiles)
    .all()
    .map((r) => r.hash);
  return hashes.filter((h) => !contentIn(storeDir(dataDir), h)).length;
}

/** A private folder for one operation's temporary files, inside the data folder. */
export function privateWorkFolder(dataDir: string, purpose: string): string {
  const tmp = mkdirWithin(realFolder(dataDir), 'tmp');
  return mkdtempSync(path.join(tmp, `.${purpose}${TEMP_MARK}`));
}
