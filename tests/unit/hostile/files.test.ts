import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupEntry } from '@shared/contract/backup';
import { tempDirs } from '@tests/unit/exchange/helpers';
import { refusal, startApp, value } from './helpers';

/**
 * Findings 4 and 5: opening a package and «Создать копию сейчас» with hostile paths — every file
 * problem a Russian message naming it, never «Внутренняя ошибка», and no stray file.
 */

const tempDir = tempDirs();

describe('«Создать копию сейчас» to a chosen file', () => {
  it('refuses a relative path, a NUL, a lone surrogate and a device name, and leaves no file anywhere', async () => {
    const dataDir = tempDir('rc-hostile-');
    const folder = tempDir('rc-target-');
    const app = startApp(dataDir);
    const cwdBefore = readdirSync(process.cwd());
    try {
      for (const targetFile of [
        'копия.sqlite',
        `${folder}/ко\0пия.sqlite`,
        `${folder}/копия\ud800.sqlite`,
        `${folder}/NUL.sqlite`,
        `${folder}/копия.sqlite.`,
        `${folder}/../копия.sqlite`,
        `${folder}/${'я'.repeat(300)}.sqlite`,
      ]) {
        const error = refusal(await app.dispatch('backup.now', { targetFile }));
        expect(error.code, JSON.stringify(targetFile)).toBe('validation');
        expect(error.message).toMatch(/^Путь \(файл копии\) не подходит: /);
      }
      expect(readdirSync(folder)).toEqual([]);
      expect(readdirSync(process.cwd())).toEqual(cwdBefore);
    } finally {
      app.close();
    }
  });

  it('a folder that is missing, a file, or not writable is named in Russian', async () => {
    const dataDir = tempDir('rc-hostile-');
    const folder = tempDir('rc-target-');
    writeFileSync(path.join(folder, 'файл'), 'не папка');
    const app = startApp(dataDir);
    try {
      const missing = refusal(await app.dispatch('backup.now', { targetFile: path.join(folder, 'нет', 'копия.sqlite') }));
      expect(missing.message).toBe(`Папка «${path.join(folder, 'нет')}» не найдена`);
      const notFolder = refusal(await app.dispatch('backup.now', { targetFile: path.join(folder, 'файл', 'копия.sqlite') }));
      expect(notFolder.message).toBe(`«${path.join(folder, 'файл')}» — не папка`);
      // sysfs refuses new files even to root: the write itself fails, after every check passed.
      const unwritable = refusal(await app.dispatch('backup.now', { targetFile: '/sys/копия.sqlite' }));
      expect(unwritable.code).not.toBe('internal');
      expect(unwritable.message).toMatch(/«\/sys[^»]*»/);
      expect(existsSync('/sys/копия.sqlite')).toBe(false);
      // A good target still works after all that.
      expect(value<BackupEntry>(await app.dispatch('backup.now', { targetFile: path.join(folder, 'копия.sqlite') })).size).toBeGreaterThan(
        0,
      );
    } finally {
      app.close();
    }
  });
});

describe('opening a package', () => {
  it('says in Russian what is wrong with each file, and a FIFO blocks nothing', async () => {
    const dataDir = tempDir('rc-hostile-');
    const share = tempDir('rc-share-');
    const app = startApp(dataDir);
    try {
      const open = (manifestPath: string) => app.dispatch('exchange.openPackage', { manifestPath });
      const missing = refusal(await open(path.join(share, 'нет', 'manifest.json')));
      expect(missing.code).not.toBe('internal');
      expect(missing.message).toMatch(/не найден/);
      const fifo = path.join(share, 'manifest.json');
      execFileSync('mkfifo', [fifo]);
      const started = Date.now();
      expect(refusal(await open(fifo)).message).toMatch(/не обычный файл/);
      // A manifest naming a FIFO as the package's database.
      const pkg = path.join(share, 'RC-06', '2017', 'data', 'RC-06-2017-x');
      mkdirSync(pkg, { recursive: true });
      execFileSync('mkfifo', [path.join(pkg, 'data.sqlite')]);
      writeFileSync(
        path.join(pkg, 'manifest.json'),
        JSON.stringify({
          format: 'resource-center-export',
          center: { code: 'RC-06', name: 'Центр' },
          year: 2017,
          files: [{ path: 'data.sqlite', size: 1, sha256: 'x' }],
        }),
      );
      expect(refusal(await open(path.join(pkg, 'manifest.json'))).message).toMatch(/не обычный файл/);
      // The static files still answer: no thread is stuck on a FIFO.
      expect(value(await app.dispatch('backup.list', {}))).toBeTruthy();
      expect(Date.now() - started).toBeLessThan(10_000);
      for (const broken of [
        'null',
        '[]',
        '{"format":"resource-center-export","files":[null],"center":{"code":"A","name":"Б"},"year":2017}',
      ]) {
        writeFileSync(path.join(pkg, 'manifest.json'), broken);
        expect(refusal(await open(path.join(pkg, 'manifest.json'))).code, broken).toBe('validation');
      }
    } finally {
      app.close();
    }
  });
});
