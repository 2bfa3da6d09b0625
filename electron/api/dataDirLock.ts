import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { DatabaseOpenError } from '@db/open';

export const LOCK_FILE_NAME = 'resource-center.lock';

/** Folders this process holds: a second app in the same process is as dangerous as another process. */
const heldHere = new Set<string>();

/**
 * One running application per data folder. Electron's single-instance lock covers only its own
 * windows; the browser host opens the same folder by default, and a restore or a migration in
 * one would replace the database under the other's open connection. The lock file holds the
 * owner's pid; a lock whose process is gone (a crash, a killed terminal) is taken over.
 * The command-line export does not take it: reading a snapshot beside a running app is safe
 * with WAL.
 */
export function acquireDataDirLock(dataDir: string, pid = process.pid): { release(): void } {
  mkdirSync(dataDir, { recursive: true });
  const file = path.resolve(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid, startedAt: new Date().toISOString() }));
      closeSync(fd);
      heldHere.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        heldHere.delete(file);
        if (ownerOf(file) === pid) rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = ownerOf(file);
      const held = owner === pid ? heldHere.has(file) : owner !== undefined && isAlive(owner);
      if (held) {
        throw new DatabaseOpenError(
          'locked',
          `С этой папкой данных уже работает другое окно приложения (процесс ${owner}). Закройте его или переключитесь на него: два окна одновременно могли бы перезаписать данные друг друга.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DatabaseOpenError('locked', `Не удалось занять папку данных ${dataDir}: попробуйте запустить приложение ещё раз.`);
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = (JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown }).pid;
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
