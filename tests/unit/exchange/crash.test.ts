import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@db/open';
import { integrity } from './helpers';

/**
 * Crash safety of the live database: WAL with synchronous=FULL must keep every transaction
 * that reported its commit, whatever moment the process dies at.
 */

const KILLS = 20;

function writeUntilKilled(file: string, afterLines: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'crashWriter.ts'), file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: number[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      committed.push(Number(line));
      if (committed.length === afterLines) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(committed);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it(`every reported commit survives ${KILLS} kills with SIGKILL and the file stays whole`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-crash-'));
    const file = path.join(dir, 'resource-center.sqlite');
    try {
      openDatabase({ file }).sqlite.close();
      const reported: number[] = [];
      for (let i = 0; i < KILLS; i++) {
        // Kill at different depths of the write loop, from the first record on.
        reported.push(...(await writeUntilKilled(file, 1 + ((i * 37) % 150))));
      }
      expect(reported.length).toBeGreaterThan(KILLS);
      expect(integrity(file)).toBe('ok');
      const opened = openDatabase({ file });
      try {
        const present = new Set(
          (opened.sqlite.prepare("SELECT key FROM app_settings WHERE key LIKE 'crash.%'").pluck().all() as string[]).map((k) =>
            Number(k.slice(6)),
          ),
        );
        expect(reported.filter((n) => !present.has(n))).toEqual([]);
      } finally {
        opened.sqlite.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
