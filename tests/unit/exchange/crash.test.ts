import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createApp, DB_FILE_NAME } from '@main/api/app';

/**
 * Crash safety of the live database: WAL with synchronous=FULL must keep every call that
 * answered, whatever moment the process dies at, and leave a file whose records agree with each
 * other (no foreign key dangling, no record twice, the list's count that of the rows). 20 kills in `npm test`,
 * 100 in `npm run test:slow`.
 */

const KILLS = process.env.RC_SLOW === '1' ? 100 : 20;

function writeUntilKilled(dataDir: string, afterLines: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'crashWriter.ts'), dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const answered: number[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      answered.push(Number(line));
      if (answered.length === afterLines) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(answered);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it(
    `every answered write survives ${KILLS} kills with SIGKILL and the records stay consistent`,
    async () => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-crash-'));
      try {
        const first = createApp({ dataDir });
        await first.dispatch('app.initialize', { mode: 'demo' });
        first.close();
        const answered: number[] = [];
        for (let i = 0; i < KILLS; i++) {
          // Kill at different depths of the write loop, from the first record on.
          answered.push(...(await writeUntilKilled(dataDir, 1 + ((i * 37) % 60))));
        }
        expect(answered.length).toBeGreaterThan(KILLS);

        // Read the file as it was left (with its -wal), before the application touches it again.
        const file = path.join(dataDir, DB_FILE_NAME);
        const raw = new Database(file);
        let saved = 0;
        try {
          expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(raw.pragma('foreign_key_check')).toEqual([]);
          const names = raw.prepare("SELECT last_name FROM people WHERE last_name LIKE 'Сбоев%'").pluck().all() as string[];
          const present = new Set(names.map((name) => Number(name.slice('Сбоев'.length))));
          // Nothing answered is lost; at most one unanswered write per kill committed; none twice.
          expect(answered.filter((n) => !present.has(n))).toEqual([]);
          expect(names.length).toBe(present.size);
          expect(present.size - new Set(answered).size).toBeLessThanOrEqual(KILLS);
          saved = present.size;
        } finally {
          raw.close();
        }
        // And the application starts on it and answers as the screens expect.
        const after = createApp({ dataDir });
        try {
          const list = (await after.dispatch('people.list', { search: 'Сбоев' })) as { ok: boolean; value: { total: number } };
          expect(list.ok).toBe(true);
          expect(list.value.total).toBe(saved);
        } finally {
          after.close();
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    KILLS * 15_000,
  );
});
