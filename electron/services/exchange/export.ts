import { desc, eq, inArray, sql } from 'drizzle-orm';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { exportLog } from '@db/schema';
import type { ExportedFile, ExportLogRow, ExportStatus } from '@shared/contract/exchange';
import type { Page } from '@shared/contract/common';
import { conflict, DomainError, invalid, notFound } from '@main/api/errors';
import type { DocumentKind } from '@main/services/common/documentKind';
import { documentCatalog } from './catalog';
import { fileStamp, formatStampDate, formatStampTime } from '@shared/russian';
import { DATA_KIND, DATA_KIND_LABEL, MANIFEST_FORMAT, MANIFEST_NAME, type Manifest } from './dataPackage';
import { prepareExport, type Prepared, type PrepareInput } from './prepare';
import { JobCancelled } from '@main/api/jobs';
import { whenWritesFree, writesHeldBy } from '@main/api/writeGate';
import { checkCenterCode, checkFolderPath } from './settings';
import { errorCode, Share, sha256, ShareError, nospaceError, type ShareOptions } from './shareFs';
import { isTempName, realFolder, removeOwn } from '@db/contained';
import { fileErrorMessage, UserFileError } from '@db/fileErrors';
import { privateWorkFolder } from '@main/services/files';

/**
 * One export to the shared folder. Everything is prepared locally first (documents, the
 * database snapshot), then uploaded under hidden temporary names, then renamed into place,
 * and the data package's manifest is written last. A failure at any point leaves on the share
 * only hidden temporary files or a package folder without its manifest; the log remembers
 * them and the next export removes them.
 */

export { DATA_KIND, DATA_KIND_LABEL } from './dataPackage';

export interface ExportRequest {
  year: number;
  kinds: string[];
  folder: string;
  centerCode: string;
  origin: 'ui' | 'cli';
  retryOf?: number;
}

export interface ExportProgress {
  step: string;
  doneBytes: number;
  totalBytes: number;
  files: ExportedFile[];
}

export interface ExportEnv {
  db: AppDb;
  dataDir: string;
  appVersion: string;
  now?: () => Date;
  /** Timeouts and the pause function for the share; the folder comes from the request. */
  share?: Omit<ShareOptions, 'folder' | 'signal'>;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  nativeBinding?: string;
  catalog?: Record<string, DocumentKind>;
  /**
   * Builds the documents and the snapshot. A job passes one that runs in a worker thread;
   * by default it runs here (the command line, tests).
   */
  prepare?: (input: PrepareInput, onStep: (step: string) => void) => Promise<Prepared>;
}

export interface ExportOutcome {
  logId: number;
  status: Exclude<ExportStatus, 'running'>;
  errorMessage: string | null;
  files: ExportedFile[];
}

/** Log ids of exports running in this process; a `running` row not among them was cut short. */
const active = new Set<number>();

export function exportKinds(catalog: Record<string, DocumentKind> = documentCatalog) {
  return [...Object.entries(catalog).map(([id, kind]) => ({ id, label: kind.label })), { id: DATA_KIND, label: DATA_KIND_LABEL }];
}

function parseList<T>(json: string): T[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

function toRow(row: typeof exportLog.$inferSelect): ExportLogRow {
  return {
    id: row.id,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    kinds: parseList<string>(row.kinds),
    targetFolder: row.targetFolder,
    centerCode: row.centerCode,
    year: row.year,
    status: row.status,
    origin: row.origin,
    files: parseList<ExportedFile>(row.files),
    errorMessage: row.errorMessage,
    retryOf: row.retryOf,
  };
}

export function listExportLog(db: AppDb, input: { offset: number; limit: number }): Page<ExportLogRow> {
  const rows = db.select().from(exportLog).orderBy(desc(exportLog.id)).limit(input.limit).offset(input.offset).all();
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(exportLog)
      .get()?.n ?? 0;
  return { rows: rows.map(toRow), total };
}

export function getExportLogRow(db: AppDb, id: number): ExportLogRow {
  const row = db.select().from(exportLog).where(eq(exportLog.id, id)).get();
  if (!row) throw notFound('Запись журнала выгрузок');
  return toRow(row);
}

/** How often a running export renews its heartbeat, and how old one may get before its row counts as abandoned. */
const HEARTBEAT_MS = 30_000;
const HEARTBEAT_STALE_MS = 10 * 60_000;

/** Whether a process with this id exists; EPERM means it does, but belongs to another user. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

type RunningRow = Pick<
  typeof exportLog.$inferSelect,
  'id' | 'startedAt' | 'targetFolder' | 'centerCode' | 'year' | 'ownerPid' | 'heartbeatAt'
>;

/**
 * A `running` row is an export in progress only while its process lives: this process's own
 * rows are known from `active`; another process (the scheduled command line) counts while its
 * id exists and it keeps renewing the heartbeat. Wall-clock time on purpose: `now` may be simulated.
 */
function runsElsewhere(row: RunningRow): boolean {
  if (row.ownerPid === null || row.ownerPid === process.pid) return false;
  const beat = row.heartbeatAt === null ? NaN : Date.parse(row.heartbeatAt);
  if (!(Date.now() - beat < HEARTBEAT_STALE_MS)) return false;
  return processAlive(row.ownerPid);
}

/** The same folder typed differently (a trailing slash; letter case, which Windows ignores) is still the same target. */
function folderKey(folder: string): string {
  if (process.platform !== 'win32') return path.posix.normalize(folder).replace(/\/+$/, '');
  return path.win32.normalize(folder).replace(/\\+$/, '').toLocaleLowerCase('ru');
}

/**
 * Rows left `running` by a process that ended (closed, crashed) are failures, not exports in
 * progress; their leftovers become removable. Exports running in other processes stay as they are.
 */
function closeInterrupted(db: AppDb, now: Date): RunningRow[] {
  const running = db
    .select({
      id: exportLog.id,
      startedAt: exportLog.startedAt,
      targetFolder: exportLog.targetFolder,
      centerCode: exportLog.centerCode,
      year: exportLog.year,
      ownerPid: exportLog.ownerPid,
      heartbeatAt: exportLog.heartbeatAt,
    })
    .from(exportLog)
    .where(eq(exportLog.status, 'running'))
    .all()
    .filter((r) => !active.has(r.id));
  const elsewhere = running.filter(runsElsewhere);
  const stale = running.filter((r) => !elsewhere.includes(r)).map((r) => r.id);
  if (stale.length > 0) {
    db.update(exportLog)
      .set({
        status: 'failed',
        finishedAt: now.toISOString(),
        errorMessage: 'Выгрузка прервана: программа, выполнявшая её, была закрыта до её окончания',
      })
      .where(inArray(exportLog.id, stale))
      .run();
  }
  return elsewhere;
}

/**
 * Validates the request and opens its log entry (synchronously, so a UI job has its log id at
 * once). Refuses a second export while one runs in this process, and one of the same center
 * and year into the same folder while another process (the scheduled export) runs it: both
 * would write the same package and clean up each other's files.
 */
export function beginExport(
  db: AppDb,
  request: ExportRequest,
  options: { now?: () => Date; catalog?: Record<string, DocumentKind> } = {},
): number {
  const now = options.now?.() ?? new Date();
  const folder = checkFolderPath(request.folder);
  const code = checkCenterCode(request.centerCode);
  const known = new Set(exportKinds(options.catalog).map((k) => k.id));
  const unknown = request.kinds.filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw invalid(`Неизвестный вид выгрузки: ${unknown.map((k) => `«${k.slice(0, 40)}»`).join(', ')}`, {
      kinds: 'Неизвестный вид выгрузки',
    });
  if (active.size > 0) throw conflict('Выгрузка уже выполняется: дождитесь её окончания или отмените её');
  const kinds = [...new Set(request.kinds)];
  // One immediate transaction from the check to the insert: two processes starting together
  // cannot both see the target free.
  const id = inTransaction(db, () => {
    const rival = closeInterrupted(db, now).find(
      (r) => folderKey(r.targetFolder) === folderKey(folder) && r.centerCode === code && r.year === request.year,
    );
    if (rival) {
      throw conflict(
        `Выгрузка за ${request.year} год уже выполняется другим процессом (возможно, по расписанию), начата ${formatStampDate(rival.startedAt)} в ${formatStampTime(rival.startedAt)}. Дождитесь её окончания и повторите выгрузку`,
      );
    }
    return db
      .insert(exportLog)
      .values({
        startedAt: now.toISOString(),
        kinds: JSON.stringify(kinds),
        targetFolder: folder,
        centerCode: code,
        year: request.year,
        origin: request.origin,
        retryOf: request.retryOf ?? null,
        ownerPid: process.pid,
        heartbeatAt: new Date().toISOString(),
      })
      .returning({ id: exportLog.id })
      .get().id;
  });
  active.add(id);
  return id;
}

interface PendingFile {
  kind: string;
  /** Relative to the export folder, `/`-separated. */
  dir: string;
  name: string;
  source: Buffer | string;
  size: number;
  sha256: string;
  temp?: string;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/**
 * Removes what earlier unfinished exports left on the share; unreachable ones wait for the next
 * time. A recorded path is data (a restored log may carry anything): only a temporary name of
 * this application, inside the share and reached through no link, is removed (Share.removeOwn);
 * any other entry is dropped from the log without being touched.
 */
async function removeLeftovers(db: AppDb, share: Share, exceptId: number): Promise<void> {
  const rows = db
    .select({ id: exportLog.id, folder: exportLog.targetFolder, leftovers: exportLog.leftovers })
    .from(exportLog)
    .where(sql`${exportLog.leftovers} <> '[]' AND ${exportLog.status} <> 'running' AND ${exportLog.id} <> ${exceptId}`)
    .all();
  for (const row of rows) {
    if (row.folder !== share.folder) continue;
    const remaining: string[] = [];
    for (const rel of parseList<unknown>(row.leftovers)) {
      if (typeof rel !== 'string') continue;
      try {
        await share.removeOwn(path.join(row.folder, rel));
      } catch (error) {
        if (error instanceof UserFileError && !(error instanceof ShareError)) {
          console.error(`Export log ${row.id}: leftover «${rel}» is not this application's own and is left alone`);
          continue;
        }
        remaining.push(rel);
      }
    }
    await whenWritesFree();
    db.update(exportLog)
      .set({ leftovers: JSON.stringify(remaining) })
      .where(eq(exportLog.id, row.id))
      .run();
  }
}

/**
 * The log and the screen show this text. Share and domain errors carry Russian messages; any
 * other error comes from this PC's disk or from a bug, and its own text is English.
 */
function failureMessage(error: unknown): string {
  if (error instanceof ShareError || error instanceof DomainError) return error.message;
  const file = fileErrorMessage(error);
  if (file && !errorCode(error)?.startsWith('SQLITE_') && !['ENOSPC', 'EDQUOT'].includes(errorCode(error) ?? '')) {
    return `Выгрузка не выполнена: ${file[0]!.toLowerCase()}${file.slice(1)}`;
  }
  const code = errorCode(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return 'Выгрузка не выполнена: недостаточно места на диске этого компьютера для подготовки файлов';
  }
  console.error('Export failed', error);
  return 'Выгрузка не выполнена: внутренняя ошибка приложения. Повторите выгрузку из журнала; если ошибка повторится, сообщите специалисту';
}

/** Runs the export opened by `beginExport`; never throws: the outcome and the log tell what happened. */
export async function performExport(logId: number, env: ExportEnv): Promise<ExportOutcome> {
  const { db } = env;
  const now = env.now ?? (() => new Date());
  const entry = getExportLogRow(db, logId);
  const share = new Share({ ...env.share, folder: entry.targetFolder, ...(env.signal ? { signal: env.signal } : {}) });
  const catalog: Record<string, DocumentKind> = env.catalog ?? documentCatalog;
  const root = entry.targetFolder;
  const yearDir = `${entry.centerCode}/${entry.year}`;
  const files: ExportedFile[] = [];
  const leftovers: string[] = [];
  // Short writes of the log as the export goes; while a job writes all at once on its own
  // connection (an import), they wait for it without blocking the window.
  const saveState = async () => {
    await whenWritesFree();
    db.update(exportLog)
      .set({ files: JSON.stringify(files), leftovers: JSON.stringify(leftovers) })
      .where(eq(exportLog.id, logId))
      .run();
  };
  let doneBytes = 0;
  let totalBytes = 0;
  const report = (step: string) => env.onProgress?.({ step, doneBytes, totalBytes, files: [...files] });

  const pending: PendingFile[] = [];
  let manifestDir: string | undefined;
  let packageName: string | undefined;
  let work: string | undefined;
  // Tells other processes this export is still alive; unref: a heartbeat never keeps the CLI running.
  const heartbeat = setInterval(() => {
    // Skipped while a job holds the write lock: waiting here would freeze the window.
    if (writesHeldBy() !== null) return;
    try {
      db.update(exportLog).set({ heartbeatAt: new Date().toISOString() }).where(eq(exportLog.id, logId)).run();
    } catch {
      // A database busy with the other process's write: the next beat comes well before the row looks abandoned.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    // Inside the try: a local folder that cannot be made is a logged failure like any other,
    // and `finally` must release this export, or every later one is refused as «already running».
    work = privateWorkFolder(env.dataDir, `export-${logId}`);
    const input: PrepareInput = {
      year: entry.year,
      kinds: entry.kinds,
      workDir: work,
      ...(env.nativeBinding ? { nativeBinding: env.nativeBinding } : {}),
    };
    const prepared = env.prepare
      ? await env.prepare(input, report)
      : await prepareExport(db, input, { checkCancelled: () => share.checkCancelled(), progress: report }, { catalog });
    share.checkCancelled();
    const snapshot = prepared.snapshot;
    for (const f of prepared.files) {
      const dir = f.kind === DATA_KIND ? '' : `${yearDir}/${f.kind}`;
      pending.push({ kind: f.kind, dir, name: f.name, source: f.file, size: f.size, sha256: f.sha256 });
    }
    totalBytes = pending.reduce((sum, f) => sum + f.size, 0);

    report('Проверка папки выгрузки');
    await share.run(() => fs.stat(root));
    await removeLeftovers(db, share, logId);
    await share.mkdirp(path.join(root, yearDir));
    const free = await share.freeBytes(path.join(root, yearDir));
    if (free !== undefined && free < totalBytes + 64 * 1024) throw nospaceError(root);

    if (snapshot) {
      const stamp = fileStamp(now());
      await share.mkdirp(path.join(root, yearDir, DATA_KIND));
      packageName = await share.freeName(path.join(root, yearDir, DATA_KIND), `${entry.centerCode}-${entry.year}-${stamp}`);
      // The package is filled under a temporary name and renamed into place whole, after its manifest.
      manifestDir = toPosix(path.relative(root, share.tempPath(path.join(root, yearDir, DATA_KIND), packageName)));
      // Recorded before it exists: a crash right after mkdir still leaves a trace to clean.
      leftovers.push(manifestDir);
      await saveState();
      await share.mkdirp(path.join(root, manifestDir));
      for (const f of pending) if (f.kind === DATA_KIND) f.dir = manifestDir;
    }
    for (const dir of new Set(pending.map((f) => f.dir))) await share.mkdirp(path.join(root, dir));

    for (const f of pending) {
      report(`Копирование: ${f.name}`);
      // Listed before it is created: if the share drops mid-file, the next export knows to remove it.
      f.temp = share.tempPath(path.join(root, f.dir), f.name);
      leftovers.push(toPosix(path.relative(root, f.temp)));
      await saveState();
      await share.upload(f.temp, f.source, (n) => {
        doneBytes += n;
        report(`Копирование: ${f.name}`);
      });
    }

    report('Размещение файлов');
    for (const f of pending) {
      const placed = await share.place(f.temp!, path.join(root, f.dir), f.name);
      leftovers.splice(leftovers.indexOf(toPosix(path.relative(root, f.temp!))), 1);
      files.push({ kind: f.kind, path: `${f.dir}/${placed}`, size: f.size, sha256: f.sha256 });
      await saveState();
    }

    if (snapshot && manifestDir) {
      report('Запись manifest.json');
      const manifest: Manifest = {
        format: MANIFEST_FORMAT,
        formatVersion: 1,
        center: { code: entry.centerCode, name: snapshot.centerName },
        year: entry.year,
        createdAt: now().toISOString(),
        appVersion: env.appVersion,
        schemaVersion: snapshot.schemaVersion,
        kinds: entry.kinds,
        records: snapshot.records,
        files: files.map((f) => ({ path: path.posix.relative(manifestDir!, f.path), size: f.size, sha256: f.sha256 })),
      };
      const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
      const temp = share.tempPath(path.join(root, manifestDir), MANIFEST_NAME);
      leftovers.push(toPosix(path.relative(root, temp)));
      await saveState();
      await share.upload(temp, bytes);
      const placed = await share.place(temp, path.join(root, manifestDir), MANIFEST_NAME);
      files.push({ kind: DATA_KIND, path: `${manifestDir}/${placed}`, size: bytes.length, sha256: sha256(bytes) });
      leftovers.splice(leftovers.indexOf(toPosix(path.relative(root, temp))), 1);
      await saveState();
      report('Размещение пакета данных');
      const finalName = await share.place(path.join(root, manifestDir), path.join(root, yearDir, DATA_KIND), packageName!);
      const finalDir = `${yearDir}/${DATA_KIND}/${finalName}`;
      for (const f of files) if (f.path.startsWith(`${manifestDir}/`)) f.path = `${finalDir}/${f.path.slice(manifestDir.length + 1)}`;
      leftovers.length = 0;
    }
    leftovers.length = 0;
    await whenWritesFree();
    db.update(exportLog)
      .set({ status: 'ok', finishedAt: now().toISOString(), files: JSON.stringify(files), leftovers: '[]', errorMessage: null })
      .where(eq(exportLog.id, logId))
      .run();
    report('Выгрузка завершена');
    return { logId, status: 'ok', errorMessage: null, files };
  } catch (error) {
    const cancelled = (error instanceof ShareError && error.kind === 'cancelled') || error instanceof JobCancelled;
    const status = cancelled ? 'cancelled' : 'failed';
    const message = failureMessage(error);
    // Tidy up now if the share still answers; whatever stays is listed for the next export.
    const cleanup = new Share({ ...env.share, folder: root, opTimeoutMs: Math.min(env.share?.opTimeoutMs ?? 5000, 5000) });
    let shareGone = false;
    const tidy = async (rel: string): Promise<boolean> => {
      if (shareGone) return false;
      const full = path.join(root, rel);
      try {
        await cleanup.removeOwn(full);
        return !(await cleanup.exists(full));
      } catch {
        // A share that did not answer for this file will not for the next one either: each
        // try would keep the user waiting a full timeout, so the rest waits for the next export.
        shareGone = true;
        return false;
      }
    };
    for (const f of pending) {
      const rel = f.temp === undefined ? undefined : toPosix(path.relative(root, f.temp));
      if (rel !== undefined && leftovers.includes(rel) && (await tidy(rel))) leftovers.splice(leftovers.indexOf(rel), 1);
    }
    if (manifestDir && leftovers.includes(manifestDir) && (await tidy(manifestDir))) {
      leftovers.splice(leftovers.indexOf(manifestDir), 1);
      // The package folder is gone with its files: they are no longer part of this export.
      for (let i = files.length - 1; i >= 0; i--) if (files[i]!.path.startsWith(`${manifestDir}/`)) files.splice(i, 1);
    }
    const errorMessage = status === 'cancelled' ? 'Выгрузка отменена пользователем' : message;
    await whenWritesFree();
    db.update(exportLog)
      .set({ status, finishedAt: now().toISOString(), files: JSON.stringify(files), leftovers: JSON.stringify(leftovers), errorMessage })
      .where(eq(exportLog.id, logId))
      .run();
    report(status === 'cancelled' ? 'Выгрузка отменена' : 'Выгрузка не выполнена');
    return { logId, status, errorMessage, files };
  } finally {
    clearInterval(heartbeat);
    active.delete(logId);
    if (work) removeOwn(realFolder(path.dirname(work)), path.basename(work), isTempName);
  }
}

/** The whole export in one call: the command line and tests use it, the UI runs it as a job. */
export async function runExport(request: ExportRequest, env: ExportEnv): Promise<ExportOutcome> {
  const logId = beginExport(env.db, request, { ...(env.now ? { now: env.now } : {}), ...(env.catalog ? { catalog: env.catalog } : {}) });
  return performExport(logId, env);
}

/** A failed or cancelled export again, to the same folder, with the same kinds and year. */
export function retryRequest(db: AppDb, logId: number, origin: 'ui' | 'cli'): ExportRequest {
  const row = getExportLogRow(db, logId);
  if (row.status === 'ok' || row.status === 'running') throw conflict('Повторить можно только неудавшуюся или отменённую выгрузку');
  return { year: row.year, kinds: row.kinds, folder: row.targetFolder, centerCode: row.centerCode, origin, retryOf: row.id };
}
