import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '@db/open';
import { exportCommand } from '@main/cli/exportCommand';
import { runExport } from '@main/services/exchange/export';
import { PACKAGE_DB_NAME } from '@main/services/exchange/dataPackage';
import { demoDataDir, exportEnv, tempDirs, walk } from '@tests/unit/exchange/helpers';
import { isSearchIndexTable } from '@db/search';
import { TABLE_POLICIES } from '@db/tables';
import { freshSchema, schemaOf } from './helpers';

/**
 * Finding 2 and 7: what the export writes and deletes stays inside the share and is its own, and
 * the data package is the filtered row copy, not the database file.
 */

const tempDir = tempDirs();

let dataDir: string;
let opened: OpenedDatabase;
beforeEach(() => {
  ({ dataDir, opened } = demoDataDir());
});
afterEach(() => {
  opened.sqlite.close();
});

/** An interrupted export's log row, as a restored (or forged) log would carry it. */
function interruptedRow(folder: string, leftovers: string[]): void {
  opened.sqlite
    .prepare(
      `INSERT INTO export_log (started_at, finished_at, kinds, target_folder, center_code, year, status, origin, leftovers)
       VALUES ('2026-01-01T10:00:00Z', '2026-01-01T10:01:00Z', '["plan"]', ?, 'RC-06', 2017, 'failed', 'ui', ?)`,
    )
    .run(folder, JSON.stringify(leftovers));
}

describe('the cleanup of an interrupted export', () => {
  it('never follows a path from the log outside the share, in the window or on the command line', async () => {
    const area = tempDir('rc-area-');
    const share = path.join(area, 'share');
    const victim = path.join(area, 'outside', 'victim');
    mkdirSync(share);
    mkdirSync(victim, { recursive: true });
    writeFileSync(path.join(victim, 'важное.docx'), 'не удалять');
    // Its own leftover is removed; a name without its temporary mark is not its own, even inside the share.
    mkdirSync(path.join(share, 'RC-06', '2017', 'plan'), { recursive: true });
    writeFileSync(path.join(share, 'RC-06', '2017', 'plan', '.План.docx.rc-tmp-a1b2c3'), 'половина');
    writeFileSync(path.join(share, 'чужой отчёт.docx'), 'чужое');
    interruptedRow(share, ['../outside/victim', victim, 'RC-06/2017/plan/.План.docx.rc-tmp-a1b2c3', 'чужой отчёт.docx']);

    const outcome = await runExport(
      { year: 2017, kinds: ['plan'], folder: share, centerCode: 'RC-06', origin: 'ui' },
      exportEnv(opened, dataDir),
    );
    expect(outcome.status).toBe('ok');
    expect(readdirSync(victim)).toEqual(['важное.docx']);
    expect(existsSync(path.join(share, 'чужой отчёт.docx'))).toBe(true);
    expect(existsSync(path.join(share, 'RC-06', '2017', 'plan', '.План.docx.rc-tmp-a1b2c3'))).toBe(false);

    // The scheduled command line takes the same path.
    interruptedRow(share, ['../outside/victim']);
    opened.sqlite.close();
    const result = await exportCommand([
      'export',
      '--data-dir',
      dataDir,
      '--to',
      share,
      '--kinds',
      'plan',
      '--year',
      '2017',
      '--center',
      'RC-06',
    ]);
    expect(result.code).toBe(0);
    expect(readdirSync(victim)).toEqual(['важное.docx']);
    opened = openDatabase({ file: path.join(dataDir, 'resource-center.sqlite') });
  });
});

describe('a symbolic link planted in the share', () => {
  it('does not carry the export outside: refused in Russian, nothing written there', async () => {
    const area = tempDir('rc-area-');
    const share = path.join(area, 'share');
    const outside = path.join(area, 'outside');
    mkdirSync(share);
    mkdirSync(outside);
    symlinkSync(outside, path.join(share, 'RC-06'));
    const outcome = await runExport(
      { year: 2017, kinds: ['plan', 'data'], folder: share, centerCode: 'RC-06', origin: 'ui' },
      exportEnv(opened, dataDir),
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.errorMessage).toMatch(/символьная ссылка/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a share folder that is itself reached through a link is fine: it is resolved once', async () => {
    const area = tempDir('rc-area-');
    mkdirSync(path.join(area, 'real'));
    symlinkSync(path.join(area, 'real'), path.join(area, 'mapped'));
    const outcome = await runExport(
      { year: 2017, kinds: ['plan'], folder: path.join(area, 'mapped'), centerCode: 'RC-06', origin: 'ui' },
      exportEnv(opened, dataDir),
    );
    expect(outcome.status).toBe('ok');
    expect(walk(path.join(area, 'real')).some((f) => f.startsWith('RC-06/2017/plan/'))).toBe(true);
  });
});

describe('the data package', () => {
  async function exportPackage(): Promise<Database.Database> {
    const share = tempDir('rc-share-');
    const outcome = await runExport(
      { year: 2017, kinds: ['data'], folder: share, centerCode: 'RC-06', origin: 'ui' },
      exportEnv(opened, dataDir),
    );
    expect(outcome.status).toBe('ok');
    const dbFile = walk(share).find((f) => f.endsWith(`/${PACKAGE_DB_NAME}`))!;
    // Filled under a temporary name, then renamed into place whole.
    expect(dbFile).toMatch(/^RC-06\/2017\/data\/RC-06-2017-[^/.]+\/data\.sqlite$/);
    return new Database(path.join(share, dbFile), { readonly: true });
  }

  it('carries contacts only of people with a recorded consent, and nothing the center keeps for itself', async () => {
    const with_ = opened.sqlite
      .prepare(
        "INSERT INTO people (last_name, first_name, phone, email, pd_consent, pd_consent_date, search_text, sort_key) VALUES ('Согласная', 'Анна', '+7 900 111-11-11', 'soglasna@example.ru', 1, '2017-01-10', '', '')",
      )
      .run().lastInsertRowid;
    const without = opened.sqlite
      .prepare(
        "INSERT INTO people (last_name, first_name, phone, email, search_text, sort_key) VALUES ('Несогласная', 'Мария', '+7 900 222-22-22', 'tajna@example.ru', '', '')",
      )
      .run().lastInsertRowid;
    opened.sqlite.prepare("INSERT INTO app_settings (key, value) VALUES ('exchange.folder', '\"\\\\\\\\server\\\\share\"')").run();
    opened.sqlite
      .prepare('INSERT INTO undo_journal (label, payload) VALUES (\'Удалён специалист\', \'{"phone":"+7 900 333-33-33"}\')')
      .run();
    const pkg = await exportPackage();
    try {
      const person = (id: number | bigint) =>
        pkg.prepare('SELECT phone, email, search_text AS searchText FROM people WHERE id = ?').get(id) as Record<string, string>;
      expect(person(with_)).toMatchObject({ phone: '+7 900 111-11-11', email: 'soglasna@example.ru' });
      expect(person(without)).toMatchObject({ phone: '', email: '' });
      // The search text is recomputed without the e-mail it used to contain.
      expect(person(without).searchText).not.toContain('tajna');
      expect(pkg.prepare("SELECT count(*) FROM people WHERE pd_consent = 0 AND (phone <> '' OR email <> '')").pluck().get()).toBe(0);
      for (const table of ['export_log', 'undo_journal', 'restore_log'])
        expect(pkg.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
      expect(pkg.prepare('SELECT key FROM app_settings').pluck().all()).toEqual(['db.dataSteps']);
      expect(JSON.stringify(pkg.prepare('SELECT * FROM people').all())).not.toContain('900 222-22-22');
    } finally {
      pkg.close();
    }
  });

  it('carries no schema object planted in the live database (VACUUM INTO did)', async () => {
    opened.sqlite.exec(`CREATE TRIGGER planted AFTER INSERT ON municipalities BEGIN DELETE FROM people; END;
      CREATE VIEW peek AS SELECT phone FROM people; CREATE TABLE smuggled (x); INSERT INTO smuggled VALUES ('секрет');`);
    const pkg = await exportPackage();
    try {
      expect(schemaOf(pkg)).toEqual(freshSchema());
    } finally {
      pkg.close();
    }
  });
});

describe('what each table does in the package and on restore', () => {
  it('is declared by its register for every table the migrations make: a new table decides what leaves the PC', () => {
    const tables = opened.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'")
      .pluck()
      .all() as string[];
    // Except the search index: derived from the records, rebuilt after every copy rather than copied (db/rebuild.ts).
    const records = tables.filter((t) => !isSearchIndexTable(t));
    expect(records.length).toBeGreaterThan(20);
    expect(records.filter((t) => !Object.hasOwn(TABLE_POLICIES, t))).toEqual([]);
    expect(Object.keys(TABLE_POLICIES).filter((t) => !records.includes(t))).toEqual([]);
    expect(tables.length).toBeGreaterThan(records.length);
  });
});

describe('names that go to the share', () => {
  it('a Windows device name is refused as a center code, on every platform', async () => {
    for (const code of ['NUL', 'con', 'COM1', 'LPT9', 'AUX']) {
      await expect(
        runExport(
          { year: 2017, kinds: ['plan'], folder: tempDir('rc-share-'), centerCode: code, origin: 'ui' },
          exportEnv(opened, dataDir),
        ),
      ).rejects.toThrow(/именем устройства Windows/);
    }
  });

  it('a FIFO given as the export folder is refused without blocking', async () => {
    const area = tempDir('rc-area-');
    const fifo = path.join(area, 'канал');
    execFileSync('mkfifo', [fifo]);
    const outcome = await runExport(
      { year: 2017, kinds: ['plan'], folder: fifo, centerCode: 'RC-06', origin: 'ui' },
      exportEnv(opened, dataDir),
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.errorMessage).not.toMatch(/внутренняя ошибка/i);
  });
});
