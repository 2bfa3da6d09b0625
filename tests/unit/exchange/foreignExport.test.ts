import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '@db/open';
import { getExportLogRow, runExport } from '@main/services/exchange/export';
import { demoDataDir, exportEnv, tempDirs, walk } from './helpers';

/**
 * The scheduled command-line export (Task Scheduler) and the app share one database but run in
 * different processes. An export that starts while the other one runs must neither take it for
 * an interrupted one nor race it for the same package.
 */

const tempDir = tempDirs();

/** A process that stays alive until killed: stands in for the scheduled export. */
function liveProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const TEMP_FILE = 'RC-06/2017/plan/.rc-tmp-foreign-План работы.docx';
// A package is filled under a temporary name (see performExport) and only renamed into place whole.
const PACKAGE_DIR = 'RC-06/2017/data/.RC-06-2017-20261122-093000.rc-tmp-0a1b2c';

describe('an export running in another process', () => {
  let dataDir: string;
  let opened: OpenedDatabase;
  let target: string;
  let child: ChildProcess;

  beforeEach(() => {
    ({ dataDir, opened } = demoDataDir());
    target = tempDir('rc-target-');
    child = liveProcess();
  });
  afterEach(async () => {
    await kill(child);
    opened.sqlite.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** What the scheduled export has written so far, and its log row as it keeps it while running. */
  function foreignExport(pid: number, heartbeatAt = new Date()): number {
    mkdirSync(path.join(target, path.dirname(TEMP_FILE)), { recursive: true });
    writeFileSync(path.join(target, TEMP_FILE), 'половина документа');
    mkdirSync(path.join(target, PACKAGE_DIR), { recursive: true });
    writeFileSync(path.join(target, PACKAGE_DIR, '.rc-tmp-data.sqlite'), 'половина базы');
    return opened.sqlite
      .prepare(
        `INSERT INTO export_log (started_at, kinds, target_folder, center_code, year, status, origin, leftovers, owner_pid, heartbeat_at)
         VALUES (?, '["plan","data"]', ?, 'RC-06', 2017, 'running', 'cli', ?, ?, ?)`,
      )
      .run(heartbeatAt.toISOString(), target, JSON.stringify([PACKAGE_DIR, TEMP_FILE]), pid, heartbeatAt.toISOString())
      .lastInsertRowid as number;
  }

  const request = (centerCode = 'RC-06') => ({ year: 2017, kinds: ['plan', 'data'], folder: target, centerCode, origin: 'ui' as const });

  it('refuses an export of the same center and year, in Russian, and touches nothing of the running one', async () => {
    const foreign = foreignExport(child.pid!);
    const before = walk(target);
    await expect(runExport(request(), exportEnv(opened, dataDir))).rejects.toThrow(
      /^Выгрузка за 2017 год уже выполняется другим процессом \(возможно, по расписанию\)/,
    );
    // The same folder typed with a trailing separator is the same target.
    await expect(runExport({ ...request(), folder: `${target}${path.sep}` }, exportEnv(opened, dataDir))).rejects.toThrow(
      /уже выполняется другим процессом/,
    );
    expect(getExportLogRow(opened.db, foreign)).toMatchObject({ status: 'running', errorMessage: null });
    expect(walk(target)).toEqual(before);
  });

  it('lets an export of another center into the same folder run beside it, leaving its files alone', async () => {
    const foreign = foreignExport(child.pid!);
    const outcome = await runExport(request('RC-07'), exportEnv(opened, dataDir));
    expect(outcome.status).toBe('ok');
    expect(getExportLogRow(opened.db, foreign).status).toBe('running');
    expect(existsSync(path.join(target, TEMP_FILE))).toBe(true);
    expect(existsSync(path.join(target, PACKAGE_DIR, '.rc-tmp-data.sqlite'))).toBe(true);
  });

  it('once its process is gone, the export is logged as interrupted and its leftovers are removed', async () => {
    const foreign = foreignExport(child.pid!);
    await kill(child);
    const outcome = await runExport(request(), exportEnv(opened, dataDir));
    expect(outcome.status).toBe('ok');
    expect(getExportLogRow(opened.db, foreign)).toMatchObject({
      status: 'failed',
      errorMessage: expect.stringMatching(/^Выгрузка прервана/),
    });
    expect(existsSync(path.join(target, TEMP_FILE))).toBe(false);
    expect(existsSync(path.join(target, PACKAGE_DIR))).toBe(false);
    expect(opened.sqlite.prepare('SELECT leftovers FROM export_log WHERE id = ?').pluck().get(foreign)).toBe('[]');
  });

  it('a row whose owner has not reported for a long time is interrupted even if its process id is taken again', async () => {
    // Windows hands out process ids again: a crashed export's id may belong to an unrelated program.
    const foreign = foreignExport(child.pid!, new Date(Date.now() - 60 * 60 * 1000));
    const outcome = await runExport(request(), exportEnv(opened, dataDir));
    expect(outcome.status).toBe('ok');
    expect(getExportLogRow(opened.db, foreign).status).toBe('failed');
    expect(existsSync(path.join(target, TEMP_FILE))).toBe(false);
  });

  it('a row of this very process that no export here is running was cut short', async () => {
    const foreign = foreignExport(process.pid);
    const outcome = await runExport(request(), exportEnv(opened, dataDir));
    expect(outcome.status).toBe('ok');
    expect(getExportLogRow(opened.db, foreign).status).toBe('failed');
    expect(existsSync(path.join(target, PACKAGE_DIR))).toBe(false);
  });
});
