import Database from 'better-sqlite3';
import dayjs from 'dayjs';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS, openDatabase } from '@db/open';
import { createApp } from '@main/api/app';
import type { BackupEntry, BackupList, RestoreResult } from '@shared/contract/backup';
import type { ExchangeSettings } from '@shared/contract/exchange';
import { dailyBackup, listBackups } from '@main/services/backup/backups';
import { getSetting } from '@main/services/common/settings';
import { handCopiedWithWal } from './helpers';

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const value = <T>(result: unknown): T => {
  const r = result as { ok: boolean; value?: T; error?: { message: string } };
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as T;
};

describe('automatic backups', () => {
  it('at most one a day, rotated to 7 daily and 4 weekly over simulated days', () => {
    const dataDir = tempDir('rc-backup-');
    const opened = openDatabase({ file: path.join(dataDir, 'resource-center.sqlite') });
    try {
      const start = dayjs('2026-01-05T09:00:00'); // a Monday
      for (let day = 0; day < 60; day++) {
        const now = start.add(day, 'day');
        dailyBackup(opened.sqlite, dataDir, now.toDate());
        // A second start the same day makes no second copy.
        expect(dailyBackup(opened.sqlite, dataDir, now.add(3, 'hour').toDate())).toBeUndefined();
      }
      const daily = listBackups(dataDir).filter((b) => b.reason === 'daily');
      const days = daily.map((b) => dayjs(b.createdAt).format('YYYY-MM-DD'));
      const last = start.add(59, 'day');
      // The last seven days, one copy each…
      expect(days.slice(0, 7)).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => last.subtract(n, 'day').format('YYYY-MM-DD')));
      // …then one copy for each of the four weeks before them, each in a different week.
      const weekly = days.slice(7);
      expect(weekly).toHaveLength(4);
      const weekOf = (d: string) =>
        dayjs(d)
          .subtract((dayjs(d).day() + 6) % 7, 'day')
          .format('YYYY-MM-DD');
      expect(new Set(weekly.map(weekOf)).size).toBe(4);
      expect(weekly.map(weekOf).some((w) => days.slice(0, 7).map(weekOf).includes(w))).toBe(false);
      expect(daily).toHaveLength(11);
    } finally {
      opened.sqlite.close();
    }
  });

  it('the application makes the daily copy when it starts', () => {
    const dataDir = tempDir('rc-backup-');
    const first = createApp({ dataDir });
    first.close();
    const second = createApp({ dataDir });
    second.close();
    expect(listBackups(dataDir).filter((b) => b.reason === 'daily')).toHaveLength(1);
  });

  it('copies the database before a migration', () => {
    const dataDir = tempDir('rc-backup-');
    // A database made by an older build that knew only the first migration.
    const olderMigrations = tempDir('rc-migrations-');
    cpSync(DEFAULT_MIGRATIONS, olderMigrations, { recursive: true });
    const journalFile = path.join(olderMigrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    journal.entries = journal.entries.slice(0, 1);
    writeFileSync(journalFile, JSON.stringify(journal));
    const file = path.join(dataDir, 'resource-center.sqlite');
    const old = openDatabase({ file, migrationsFolder: olderMigrations });
    old.sqlite.prepare("INSERT INTO app_settings (key, value) VALUES ('marker', '\"до обновления\"')").run();
    old.sqlite.close();

    const current = openDatabase({ file });
    try {
      expect(current.backupFile).toBeDefined();
      const copy = new Database(current.backupFile!, { readonly: true });
      expect(copy.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(1);
      expect(copy.prepare("SELECT value FROM app_settings WHERE key='marker'").pluck().get()).toBe('"до обновления"');
      copy.close();
      expect(listBackups(dataDir).map((b) => b.reason)).toContain('before-migration');
    } finally {
      current.sqlite.close();
    }
  });
});

describe('backup now and restore', () => {
  it('restores a good backup, keeping a copy of what was replaced, and the app works on it', async () => {
    const dataDir = tempDir('rc-restore-');
    const app = createApp({ dataDir });
    try {
      value(await app.dispatch('exchange.saveSettings', { folder: '/srv/share/Было', centerCode: 'RC-01' }));
      const made = value<BackupEntry>(await app.dispatch('backup.now', {}));
      expect(made.reason).toBe('manual');
      value(await app.dispatch('exchange.saveSettings', { folder: '/srv/share/Стало', centerCode: 'RC-02' }));

      const result = value<RestoreResult>(await app.dispatch('backup.restore', { file: made.file }));
      expect(value<ExchangeSettings>(await app.dispatch('exchange.settings', {}))).toEqual({
        folder: '/srv/share/Было',
        centerCode: 'RC-01',
      });
      // The state just before the restore is kept, so the restore itself can be undone.
      const safety = new Database(result.safetyBackup.file, { readonly: true });
      expect(safety.prepare("SELECT value FROM app_settings WHERE key='exchange.centerCode'").pluck().get()).toBe('"RC-02"');
      safety.close();
      const list = value<BackupList>(await app.dispatch('backup.list', {}));
      expect(list.backups.map((b) => b.reason)).toEqual(expect.arrayContaining(['manual', 'before-restore', 'daily']));
      // Writes go to the restored file, and survive a restart.
      value(await app.dispatch('exchange.saveSettings', { folder: '/srv/share/После', centerCode: 'RC-03' }));
    } finally {
      app.close();
    }
    const reopened = openDatabase({ file: path.join(dataDir, 'resource-center.sqlite') });
    expect(getSetting(reopened.db, 'exchange.centerCode')).toBe('RC-03');
    reopened.sqlite.close();
  });

  it('manual backup to a chosen file never replaces an existing one', async () => {
    const dataDir = tempDir('rc-restore-');
    const target = path.join(tempDir('rc-chosen-'), 'копия.sqlite');
    const app = createApp({ dataDir });
    try {
      expect(value<BackupEntry>(await app.dispatch('backup.now', { targetFile: target })).file).toBe(target);
      expect(await app.dispatch('backup.now', { targetFile: target })).toMatchObject({
        ok: false,
        error: { message: `Файл ${target} уже существует: выберите другое имя, существующий файл не заменяется` },
      });
    } finally {
      app.close();
    }
  });

  it('refuses a file that is not a database, a damaged one, and one from a newer version', async () => {
    const dataDir = tempDir('rc-restore-');
    const files = tempDir('rc-files-');
    const app = createApp({ dataDir });
    try {
      value(await app.dispatch('exchange.saveSettings', { folder: '/srv/share/Было', centerCode: 'RC-01' }));
      const restore = (file: string) => app.dispatch('backup.restore', { file });

      const text = path.join(files, 'заметки.sqlite');
      writeFileSync(text, 'Это не база данных, а просто текстовый файл');
      expect(await restore(text)).toMatchObject({
        ok: false,
        error: { message: 'Выбранный файл не является резервной копией базы данных (это не файл SQLite)' },
      });

      const good = value<BackupEntry>(await app.dispatch('backup.now', { targetFile: path.join(files, 'хорошая.sqlite') }));
      const damaged = path.join(files, 'повреждённая.sqlite');
      const bytes = readFileSync(good.file);
      // Keep the header, scribble over the pages.
      for (let i = 4096; i < bytes.length; i += 7) bytes[i] = (bytes[i]! + 91) & 0xff;
      writeFileSync(damaged, bytes);
      const damagedResult = await restore(damaged);
      expect(damagedResult.ok).toBe(false);
      expect((damagedResult as { error: { message: string } }).error.message).toMatch(/повреждён|не прошла проверку/);

      const newer = path.join(files, 'новее.sqlite');
      writeFileSync(newer, readFileSync(good.file));
      const db = new Database(newer);
      db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 10 * 365 * 86_400_000);
      db.close();
      expect(await restore(newer)).toMatchObject({
        ok: false,
        error: { message: 'Копия сделана более новой версией приложения: обновите приложение, прежде чем открывать её' },
      });

      // Nothing changed by the refusals.
      expect(value<ExchangeSettings>(await app.dispatch('exchange.settings', {}))).toEqual({
        folder: '/srv/share/Было',
        centerCode: 'RC-01',
      });
      expect(listBackups(dataDir).some((b) => b.reason === 'before-restore')).toBe(false);
    } finally {
      app.close();
    }
  });
});

describe('restore from a database copied with its journal', () => {
  it('restores what the copy holds, including changes still in its -wal file', async () => {
    // The IT person copies the data folder of a running application from another PC: the
    // latest changes are in resource-center.sqlite-wal beside the main file.
    const copied = handCopiedWithWal(tempDir, { folder: '/srv/share/Другой', centerCode: 'RC-09' });

    const dataDir = tempDir('rc-restore-');
    const app = createApp({ dataDir });
    try {
      value(await app.dispatch('exchange.saveSettings', { folder: '/srv/share/Свой', centerCode: 'RC-01' }));
      value(await app.dispatch('backup.restore', { file: copied }));
      expect(value<ExchangeSettings>(await app.dispatch('exchange.settings', {}))).toEqual({
        folder: '/srv/share/Другой',
        centerCode: 'RC-09',
      });
    } finally {
      app.close();
    }
  });
});
