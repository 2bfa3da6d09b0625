import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '@db/open';

/** A fresh database file in its own temp folder, removed by the returned cleanup. */
export function freshDb(): OpenedDatabase & { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-registry-'));
  const opened = openDatabase({ file: path.join(dir, 'test.sqlite') });
  return {
    ...opened,
    dir,
    cleanup: () => {
      opened.sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
