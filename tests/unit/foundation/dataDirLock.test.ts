import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '@db/open';
import { createApp } from '@main/api/app';
import { LOCK_FILE_NAME } from '@main/api/dataDirLock';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('one running application per data folder', () => {
  it('refuses a second application on the same folder with a Russian message, and frees it on close', async () => {
    const dataDir = freshDir();
    const first = createApp({ dataDir });
    let refusal: unknown;
    try {
      createApp({ dataDir }).close();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DatabaseOpenError);
    expect((refusal as DatabaseOpenError).reason).toBe('locked');
    expect((refusal as Error).message).toMatch(/уже работает другое окно приложения/);
    // The first one is untouched by the refused start.
    expect((await first.dispatch('app.status', {})).ok).toBe(true);

    first.close();
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
    const again = createApp({ dataDir });
    expect((await again.dispatch('app.status', {})).ok).toBe(true);
    again.close();
  });

  it('takes over the lock of a process that is gone', () => {
    const dataDir = freshDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(path.join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: Number(gone.stdout), startedAt: '2017-09-12T10:00:00Z' }));
    const app = createApp({ dataDir });
    app.close();
  });

  it('does not keep the folder locked when the database cannot be opened', () => {
    const dataDir = freshDir();
    writeFileSync(path.join(dataDir, 'resource-center.sqlite'), 'это не база данных, а текстовый файл '.repeat(100));
    expect(() => createApp({ dataDir })).toThrow(DatabaseOpenError);
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });
});
