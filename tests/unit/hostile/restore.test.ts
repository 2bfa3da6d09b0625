import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@db/open';
import type { BackupList, RestorePreview, RestoreResult } from '@shared/contract/backup';
import { listBackups, RETENTION, rotateBackups } from '@main/services/backup/backups';
import { handCopiedWithWal, tempDirs } from '@tests/unit/exchange/helpers';
import { craft, demoBackup, folderState, freshSchema, refusal, schemaOf, startApp, tableCount, value } from './helpers';

/**
 * Finding 1 and 3 of the issue, with the crafted files themselves: a restore reads a chosen file
 * as data, rebuilds it by this version's migrations, and nothing of the file's own schema
 * survives; a good copy on read-only media restores without being touched.
 */

const tempDir = tempDirs();

function setUp() {
  const dataDir = tempDir('rc-hostile-');
  const files = tempDir('rc-mailed-');
  const backup = path.join(files, 'копия от коллеги.sqlite');
  demoBackup(backup);
  return { dataDir, files, backup, app: startApp(dataDir) };
}

describe('a crafted backup is rebuilt, never trusted', () => {
  it('a planted trigger is gone: creating a municipality afterwards renames no one and empties no table', async () => {
    const { app, backup } = setUp();
    try {
      craft(
        backup,
        `CREATE TRIGGER evil AFTER INSERT ON municipalities BEGIN
           UPDATE people SET last_name = 'Взломан';
           DELETE FROM plan_item_responsibles; DELETE FROM working_group_members; DELETE FROM meeting_attendees;
         END;`,
      );
      value(await app.dispatch('backup.restore', { file: backup }));
      expect(schemaOf(app.sqlite)).toEqual(freshSchema());
      const people = tableCount(app, 'people');
      const responsibles = tableCount(app, 'plan_item_responsibles');
      expect(people).toBeGreaterThan(10);
      expect(responsibles).toBeGreaterThan(0);
      value(await app.dispatch('municipalities.create', { type: 'district', properName: 'Новый' }));
      expect(tableCount(app, 'people', "last_name = 'Взломан'")).toBe(0);
      expect(tableCount(app, 'plan_item_responsibles')).toBe(responsibles);
    } finally {
      app.close();
    }
  });

  it('the search index is rebuilt from the restored records, never taken from the file', async () => {
    const { app, backup } = setUp();
    try {
      const probe = new Database(backup, { readonly: true });
      const person = probe.prepare('SELECT id, last_name AS lastName FROM people ORDER BY id LIMIT 1').get() as {
        id: number;
        lastName: string;
      };
      const people = probe.prepare('SELECT count(*) FROM people').pluck().get() as number;
      probe.close();
      // A forged index: no row of anyone, a bucket reaching past every key, a stranger's text under a real rowid.
      craft(
        backup,
        `DELETE FROM people_search_rows;
         INSERT INTO search_buckets (entity, lower_key, bucket) VALUES ('people', 'я', 999);
         INSERT INTO people_search_rows (search_rowid, id) VALUES (1, 999999);`,
      );
      value(await app.dispatch('backup.restore', { file: backup }));
      const found = value<{ rows: { id: number }[] }>(await app.dispatch('people.list', { search: person.lastName, limit: 50 }));
      expect(found.rows.map((r) => r.id)).toContain(person.id);
      expect(tableCount(app, 'people_search_rows')).toBe(people);
      expect(tableCount(app, 'people_search_rows', 'id NOT IN (SELECT id FROM people)')).toBe(0);
      expect(tableCount(app, 'search_buckets', "lower_key = 'я'")).toBe(0);
    } finally {
      app.close();
    }
  });

  it('an extra table, a view, an index and a changed column leave no trace in the restored schema', async () => {
    const { app, backup } = setUp();
    try {
      craft(
        backup,
        `CREATE TABLE stolen (secret TEXT); INSERT INTO stolen VALUES ('x');
         CREATE VIEW everyone AS SELECT * FROM people;
         CREATE INDEX people_phone_probe ON people (phone);
         ALTER TABLE people ADD COLUMN note TEXT DEFAULT 'лишнее';
         ALTER TABLE organizations RENAME COLUMN address TO address_old; ALTER TABLE organizations ADD COLUMN address TEXT NOT NULL DEFAULT '';`,
      );
      value(await app.dispatch('backup.restore', { file: backup }));
      expect(schemaOf(app.sqlite)).toEqual(freshSchema());
      // The rows are there, read as this version defines them.
      expect(tableCount(app, 'people')).toBeGreaterThan(10);
    } finally {
      app.close();
    }
  });

  it('a file lacking an application table or column is refused, naming what is missing, and changes nothing', async () => {
    const { app, backup, files } = setUp();
    try {
      const noMeetings = path.join(files, 'без заседаний.sqlite');
      copyFileSync(backup, noMeetings);
      craft(noMeetings, 'DROP TABLE meeting_guests; ALTER TABLE people DROP COLUMN pd_consent_date;');
      const before = schemaOf(app.sqlite);
      const settings = tableCount(app, 'app_settings');
      const error = refusal(await app.dispatch('backup.restore', { file: noMeetings }));
      expect(error.code).not.toBe('internal');
      expect(error.message).toContain('«meeting_guests»');
      expect(error.message).toContain('«people.pd_consent_date»');
      expect(schemaOf(app.sqlite)).toEqual(before);
      expect(tableCount(app, 'app_settings')).toBe(settings);
      expect(listBackups(app.env.dataDir).some((b) => b.reason === 'before-restore')).toBe(false);
    } finally {
      app.close();
    }
  });

  it('rows that break a CHECK, a foreign key or a column type are refused (a read-only integrity check let them pass)', async () => {
    const { app, backup, files } = setUp();
    try {
      const cases: [string, string, RegExp][] = [
        ['check', "PRAGMA ignore_check_constraints = ON; UPDATE people SET gender = 'robot' WHERE id = 1;", /people_gender/],
        ['fk', 'UPDATE people SET organization_id = 999999 WHERE id = 1;', /нарушены связи.*«people»/],
        ['type', "UPDATE work_plans SET year = 'две тысячи' WHERE id = 1;", /«work_plans\.year».*не того типа/],
        [
          'notnull',
          "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, '`last_name` text NOT NULL', '`last_name` text') WHERE name = 'people';" +
            '|UPDATE people SET last_name = NULL WHERE id = 1;',
          /обязательный столбец «people\.last_name»/,
        ],
      ];
      for (const [name, sqlText, message] of cases) {
        const file = path.join(files, `${name}.sqlite`);
        copyFileSync(backup, file);
        for (const part of sqlText.split('|')) craft(file, part);
        const error = refusal(await app.dispatch('backup.restore', { file }));
        expect(error.message, name).toMatch(message);
        expect(error.code, name).not.toBe('internal');
      }
    } finally {
      app.close();
    }
  });

  it('a file without the migrations journal, one from another program and one not SQLite at all get Russian refusals', async () => {
    const { app, backup, files } = setUp();
    try {
      const noJournal = path.join(files, 'без журнала.sqlite');
      copyFileSync(backup, noJournal);
      craft(noJournal, 'DROP TABLE __drizzle_migrations;');
      expect(refusal(await app.dispatch('backup.restore', { file: noJournal })).message).toMatch(/другой программы/);
      const foreign = path.join(files, 'чужая.sqlite');
      new Database(foreign).exec('CREATE TABLE notes (text TEXT)');
      expect(refusal(await app.dispatch('backup.restore', { file: foreign })).message).toMatch(/другой программы/);
      const edited = path.join(files, 'правленая.sqlite');
      copyFileSync(backup, edited);
      craft(edited, "UPDATE __drizzle_migrations SET hash = 'правка' WHERE rowid = 2;");
      expect(refusal(await app.dispatch('backup.restore', { file: edited })).message).toMatch(/№2 не такое/);
      const text = path.join(files, 'текст.sqlite');
      writeFileSync(text, 'просто текст');
      expect(refusal(await app.dispatch('backup.restore', { file: text })).message).toMatch(/не файл SQLite/);
    } finally {
      app.close();
    }
  });

  it('an older backup is rebuilt at its own level and migrated: data steps included, the schema that of this version', async () => {
    const { app, files } = setUp();
    try {
      // A database of the first three migrations only, as an older installed version left it.
      const older = path.join(files, 'старая.sqlite');
      const olderMigrations = path.join(files, 'migrations');
      cpSync(path.join('db', 'migrations'), olderMigrations, { recursive: true });
      const journal = path.join(olderMigrations, 'meta', '_journal.json');
      const entries = JSON.parse(readText(journal)) as { entries: unknown[] };
      entries.entries = entries.entries.slice(0, 3);
      writeFileSync(journal, JSON.stringify(entries));
      const opened = openDatabase({ file: older, migrationsFolder: olderMigrations });
      opened.sqlite.prepare("INSERT INTO municipalities (name, sort_key) VALUES ('Моршанский район', 'моршанский район')").run();
      opened.sqlite.pragma('journal_mode = DELETE');
      opened.sqlite.close();
      const preview = value<RestorePreview>(await app.dispatch('backup.preview', { file: older }));
      expect(preview.level).toBe(3);
      expect(preview.known).toBeGreaterThan(3);
      value(await app.dispatch('backup.restore', { file: older }));
      expect(schemaOf(app.sqlite)).toEqual(freshSchema());
      // The data step of 0003 split the name into its parts.
      expect(app.sqlite.prepare("SELECT type || ':' || proper_name FROM municipalities").pluck().get()).toBe('district:Моршанский');
    } finally {
      app.close();
    }
  });
});

const readText = (file: string) => execFileSync('cat', [file], { encoding: 'utf8' });

describe('a copy on read-only media, in WAL mode', () => {
  it('restores from a write-protected folder with its -wal, and leaves the folder exactly as it was', async () => {
    const { app } = setUp();
    try {
      // A hand-copied data folder of a running application on a write-protected stick.
      const copied = handCopiedWithWal(tempDir, { folder: '/srv/share/С флешки', centerCode: 'RC-07' });
      const stick = path.dirname(copied);
      for (const name of readdirSync(stick)) chmodSync(path.join(stick, name), 0o444);
      chmodSync(stick, 0o555);
      const before = folderState(stick);
      try {
        value(await app.dispatch('backup.restore', { file: path.join(stick, 'resource-center.sqlite') }));
        expect(folderState(stick)).toEqual(before);
        expect(existsSync(path.join(stick, 'resource-center.sqlite-shm'))).toBe(false);
      } finally {
        chmodSync(stick, 0o755);
      }
      expect(value<{ folder: string }>(await app.dispatch('exchange.settings', {})).folder).toBe('/srv/share/С флешки');
    } finally {
      app.close();
    }
  });

  it('refuses a FIFO as the file or as its -wal at once, without opening it', async () => {
    const { app, files, backup } = setUp();
    try {
      const fifo = path.join(files, 'канал.sqlite');
      execFileSync('mkfifo', [fifo]);
      const started = Date.now();
      expect(refusal(await app.dispatch('backup.restore', { file: fifo })).message).toMatch(/не обычный файл/);
      execFileSync('mkfifo', [`${backup}-wal`]);
      expect(refusal(await app.dispatch('backup.preview', { file: backup })).message).toMatch(/не обычный файл/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      app.close();
    }
  });
});

describe('what the user sees and what is kept', () => {
  it('the preview tells the center, the date and the counts; the restore is logged and the log outlives later restores', async () => {
    const { app, backup } = setUp();
    try {
      const preview = value<RestorePreview>(await app.dispatch('backup.preview', { file: backup }));
      expect(preview.centerName).toMatch(/\S/);
      expect(preview.lastChange).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(preview.records.find((r) => r.label === 'Специалисты')?.count).toBeGreaterThan(10);
      // The preview replaced nothing.
      expect(tableCount(app, 'people')).toBe(0);
      const result = value<RestoreResult>(await app.dispatch('backup.restore', { file: backup }));
      expect(result.preview.records).toEqual(preview.records);
      value(await app.dispatch('backup.restore', { file: result.safetyBackup.file }));
      const list = value<BackupList>(await app.dispatch('backup.list', {}));
      expect(list.restores.map((r) => r.sourceFile)).toEqual([result.safetyBackup.file, backup]);
      expect(list.restores[1]!.records.find((r) => r.label === 'Специалисты')?.count).toBeGreaterThan(10);
    } finally {
      app.close();
    }
  });

  it(`keeps the last ${RETENTION.beforeRestore} safety copies apart from the daily rotation`, async () => {
    const { app, backup } = setUp();
    try {
      for (let i = 0; i < RETENTION.beforeRestore + 2; i++) value(await app.dispatch('backup.restore', { file: backup }));
      rotateBackups(app.env.dataDir);
      expect(listBackups(app.env.dataDir).filter((b) => b.reason === 'before-restore')).toHaveLength(RETENTION.beforeRestore);
    } finally {
      app.close();
    }
  });
});
