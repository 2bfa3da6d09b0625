import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, DEFAULT_MIGRATIONS, openDatabase, readJournal } from '@db/open';
import { isNetworkPath, type LocationProbe } from '@db/location';
import { DERIVED_COLUMNS } from '@db/derived';
import { DATA_STEPS, DATA_STEPS_KEY } from '@db/dataSteps';
import { declaredColumn } from './schemaColumns';
import { isSearchIndexTable } from '@db/search';
import { searchIndexAnswers } from './tables';

/**
 * Columns a later migration took away, their facts kept elsewhere (checked by that migration's
 * own test, here or in upgrade.test.ts): 0003 turned meetings.plan_item_id and
 * agenda_items.plan_item_id into plan_item_links rows; 0006 turned plan_items.form into a value of
 * the list of forms (plan_items.form_id); 0007 moved the center's names and address into its organisation.
 */
const MOVED_COLUMNS: Record<string, string[]> = {
  meetings: ['plan_item_id'],
  agenda_items: ['plan_item_id'],
  plan_items: ['form'],
  center_profile: ['full_name', 'short_name', 'address'],
};

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-db-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const journal = JSON.parse(readFileSync(path.join(DEFAULT_MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
  entries: { idx: number; when: number; tag: string }[];
};

/** A migrations folder holding only the first `count` migrations: the app as an older version shipped it. */
function olderMigrations(count: number, extra: { tag: string; sql: string }[] = []): string {
  const dir = path.join(tempDir(), 'migrations');
  mkdirSync(path.join(dir, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, count);
  for (const e of entries) copyFileSync(path.join(DEFAULT_MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  let when = journal.entries.at(-1)!.when;
  const added = extra.map((x, i) => {
    writeFileSync(path.join(dir, `${x.tag}.sql`), x.sql);
    when += 1000;
    return { idx: entries.length + i, version: '6', when, tag: x.tag, breakpoints: true };
  });
  writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: [...entries, ...added] }));
  return dir;
}

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

const userTables = (sqlite: Database.Database) =>
  (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
      )
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);

/** Table → its columns, and every index: what must be identical after upgrading or creating afresh. */
function schemaOf(sqlite: Database.Database) {
  const tables = Object.fromEntries(userTables(sqlite).map((t) => [t, sqlite.prepare(`PRAGMA table_info("${t}")`).all()]));
  const indexes = sqlite
    .prepare("SELECT name, tbl_name, type FROM sqlite_master WHERE type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  return { tables, indexes };
}

/**
 * Values a generic row cannot guess: a CHECK over several columns (a plan item link is either
 * a meeting's or an agenda item's, its kind saying which).
 */
const ROW_OVERRIDES: Record<string, Record<string, unknown>> = {
  plan_item_links: { kind: 'meeting', agenda_item_id: null, event_id: null, publication_id: null, news_item_id: null },
  // An opening balance: no recipient, no printer, reversing nothing.
  publication_movements: {
    kind: 'opening',
    organization_id: null,
    person_id: null,
    event_id: null,
    reverses_id: null,
    printer: '',
    printed_in_house: 0,
  },
  // The center is the organisation named as the profile (0007 links them and makes it a resource center).
  center_profile: { full_name: 'проверка organizations.full_name' },
  organizations: { type: 'other' },
  // A stored file is named by the SHA-256 of its content (64 hex digits, 0008's CHECK).
  stored_files: { hash: 'ab'.repeat(32) },
  // An event's days are dates, and a specialists' event has no population totals (0011's CHECKs).
  events: { population_registered: null, population_completed: null, first_day: '2018-10-16', last_day: '2018-10-16', hours: null },
  event_sessions: { day: '2018-10-16', time_start: '', time_end: '' },
  // A figure's year is within 1990–2100 (0012's CHECK).
  indicator_values: { year: 2017 },
  // A typed indicator has no source (0017's CHECK: a source exactly when the rule is `computed`).
  indicator_definitions: { rule: 'sum', source: null },
  // A certificate is issued in its year, not annulled (0018's CHECKs; first filled here, under 0019).
  certificates: { year: 2018, number: 1, issued_on: '2018-10-16', annulled_on: null, annul_reason: '', replaces_id: null },
  certificate_layout: { id: 1, logo_hash: null },
  // A registry import has no event (0019's CHECK: an event exactly for a participant list).
  import_reports: { target: 'people', event_id: null },
  // A draft act of write-off: no number, no year, not signed (0020's CHECK); positions from 1.
  write_off_acts: { act_date: '2018-10-16', status: 'draft', year: null, number: null, signed_at: null, signed_copy: null },
  write_off_act_members: { position: 1, chair: 1 },
  write_off_act_lines: { position: 1, movement_id: null, quantity: 1 },
  // A draft report of a year: no approval, no frozen copy (0021's CHECK).
  reports: { year: 2017, quarter: 0, status: 'draft', approved_on: null, approved_copy: null },
  // A draft news item of a meeting (0022's CHECKs: one source; no publication yet); first filled under 0023.
  news_items: { event_id: null, status: 'draft', published_on: null, published_text: null },
};

/** Values a migration sets by its rule, by the migration: 0007 makes the organisation named as the profile the center. */
/** Rows a data step adds to a table on upgrade (a new list's first values): not the user's, left out of the comparison. */
const ADDED_BY_STEPS: Record<string, string> = {
  indicator_definitions: "indicator_id IN (SELECT id FROM list_values WHERE list <> 'indicators')",
};

const SET_BY_MIGRATION: { tag: string; table: string; values: Record<string, unknown> }[] = [
  { tag: '0007_center_organization', table: 'organizations', values: { type: 'resourceCenter' } },
];

/**
 * Puts one plausible row in every table of an older database, parents before children
 * so every foreign key points at a real row: the data a user of that version would have. A pair
 * of two records (0023's distinct pairs: CHECK low_id < high_id) gets a second parent record,
 * a copy of the first under id 2: `seconds` holds those rows by table.
 */
function fillEveryTable(sqlite: Database.Database): {
  inserted: Map<string, Record<string, unknown>>;
  seconds: Map<string, Record<string, unknown>>;
} {
  // The search index is filled by its triggers and data step, never by a user's data.
  const tables = userTables(sqlite).filter((t) => !isSearchIndexTable(t));
  const parents = new Map(
    tables.map((t) => [t, sqlite.prepare(`PRAGMA foreign_key_list("${t}")`).all() as { table: string; from: string; to: string }[]]),
  );
  const inserted = new Map<string, Record<string, unknown>>();
  const seconds = new Map<string, Record<string, unknown>>();
  const insert = (table: string, row: Record<string, unknown>) => {
    const names = Object.keys(row);
    sqlite
      .prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
      .run(...names.map((n) => row[n]));
  };
  const pending = [...tables];
  while (pending.length > 0) {
    const ready = pending.findIndex((t) =>
      parents.get(t)!.every((fk) => fk.table === t || inserted.has(fk.table) || !tables.includes(fk.table)),
    );
    expect(ready, `foreign keys form a cycle among ${pending.join(', ')}`).toBeGreaterThanOrEqual(0);
    const table = pending.splice(ready, 1)[0]!;
    const createSql = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE type='table' AND name = ?").get(table) as { sql: string }).sql;
    const row: Record<string, unknown> = {};
    for (const col of sqlite.prepare(`PRAGMA table_info("${table}")`).all() as Column[]) {
      const fk = parents.get(table)!.find((f) => f.from === col.name);
      // A column limited by CHECK (… IN ('a', 'b')) gets its first allowed value; a column a later
      // version limits (an enum, JSON) a value that version allows, as the old code wrote them.
      const allowed = new RegExp(`"${col.name}"\\s+IN\\s*\\(\\s*'([^']*)'`, 'i').exec(createSql)?.[1];
      const later = declaredColumn(table, col.name);
      if (allowed !== undefined) row[col.name] = allowed;
      else if (later?.enumValues?.length) row[col.name] = later.enumValues[0];
      else if (later?.json) row[col.name] = later.json === 'array' ? '[]' : '{}';
      else if (fk && inserted.has(fk.table)) row[col.name] = inserted.get(fk.table)![fk.to ?? 'id'];
      else if (col.pk && /INT/i.test(col.type)) row[col.name] = 1;
      else if (/INT/i.test(col.type)) row[col.name] = 1;
      else if (/REAL|NUM/i.test(col.type)) row[col.name] = 1;
      else if (/date|_on$|_at$|start|end/i.test(col.name)) row[col.name] = '2017-09-12';
      else row[col.name] = `проверка ${table}.${col.name}`;
    }
    // Only the columns this version has: an override for a column of other versions is left out.
    for (const [name, value] of Object.entries(ROW_OVERRIDES[table] ?? {})) if (name in row) row[name] = value;
    const pair = parents.get(table)!.find((fk) => fk.from === 'high_id');
    if (pair && 'low_id' in row) {
      if (!seconds.has(pair.table)) {
        const second = { ...inserted.get(pair.table)!, id: 2 };
        insert(pair.table, second);
        seconds.set(pair.table, second);
      }
      row.high_id = 2;
    }
    insert(table, row);
    inserted.set(table, row);
  }
  return { inserted, seconds };
}

function sha(file: string) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('opening the database', () => {
  it('turns on WAL, synchronous=FULL and foreign keys', () => {
    const { sqlite } = openDatabase({ file: path.join(tempDir(), 'a.sqlite') });
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    sqlite.close();
  });

  it('creates every table on an empty file and makes no backup of it', () => {
    const dir = tempDir();
    const opened = openDatabase({ file: path.join(dir, 'a.sqlite') });
    const tables = userTables(opened.sqlite);
    for (const t of [
      'app_settings',
      'center_profile',
      'municipalities',
      'organizations',
      'people',
      'work_plans',
      'plan_items',
      'undo_journal',
    ])
      expect(tables).toContain(t);
    expect(opened.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: journal.entries.length });
    expect(opened.backupFile).toBeUndefined();
    expect(existsSync(path.join(dir, 'backups'))).toBe(false);
    opened.sqlite.close();
    // Opening again applies nothing and backs up nothing.
    const again = openDatabase({ file: path.join(dir, 'a.sqlite') });
    expect(again.backupFile).toBeUndefined();
    again.sqlite.close();
  });

  it('has a journal that matches the migration files', () => {
    const files = readdirSync(DEFAULT_MIGRATIONS).filter((f) => f.endsWith('.sql'));
    expect(files.sort()).toEqual(
      readJournal(DEFAULT_MIGRATIONS)
        .map((e) => `${e.tag}.sql`)
        .sort(),
    );
    const whens = journal.entries.map((e) => e.when);
    expect([...whens].sort((a, b) => a - b)).toEqual(whens);
  });
});

describe.each(journal.entries.map((e, i) => [e.tag, i] as const).slice(1))(
  'migration %s on the database of the version before it',
  (tag, idx) => {
    it('keeps the data and ends with the same schema as a fresh database', () => {
      const dir = tempDir();
      const file = path.join(dir, 'center.sqlite');
      // The older version ran its own code of its data steps (recorded as run, not run again by
      // today's code on its schema); today's newer steps run after the upgrade.
      const older = openDatabase({ file, migrationsFolder: olderMigrations(idx), dataSteps: [] });
      const ranBefore = JSON.stringify(DATA_STEPS.filter((s) => s.afterMigrations <= idx).map((s) => s.id));
      older.sqlite.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?)').run(DATA_STEPS_KEY, ranBefore);
      const { inserted: rows, seconds } = fillEveryTable(older.sqlite);
      // Those its migrations had were done before her data was there (a list seeded with its first
      // values, say): recorded as done, they do not run again over the rows filled in here.
      const done = JSON.stringify(DATA_STEPS.filter((s) => s.afterMigrations <= idx).map((s) => s.id));
      older.sqlite.prepare('INSERT OR REPLACE INTO app_settings (key, value) VALUES (?, ?)').run(DATA_STEPS_KEY, done);
      older.sqlite.close();

      const upgraded = openDatabase({ file, now: () => new Date('2026-03-01T10:00:00Z') });
      expect(upgraded.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: journal.entries.length });
      for (const [table, row] of rows) {
        // Derived columns are recomputed by the Russian text rules after migrating (db/dataSteps.ts).
        const skipped = new Set([...(DERIVED_COLUMNS[table] ?? []), ...(MOVED_COLUMNS[table] ?? [])]);
        const names = Object.keys(row).filter((n) => !skipped.has(n));
        // The data steps record themselves in app_settings beside the row filled in here.
        // A later data step seeds the first values of a newer list (0011: event types) beside hers.
        const own =
          table === 'app_settings'
            ? ` WHERE key <> '${DATA_STEPS_KEY}'`
            : table === 'list_values'
              ? ` WHERE list = '${String(row.list)}'`
              : ADDED_BY_STEPS[table]
                ? ` WHERE ${ADDED_BY_STEPS[table]}`
                : '';
        const stored = upgraded.sqlite.prepare(`SELECT ${names.map((n) => `"${n}"`).join(', ')} FROM "${table}"${own}`).all();
        const set = SET_BY_MIGRATION.filter((m) => m.table === table && journal.entries.findIndex((e) => e.tag === m.tag) >= idx);
        const expected = Object.assign({}, row, ...set.map((m) => m.values)) as Record<string, unknown>;
        const second = seconds.get(table);
        const expectedRows = [
          expected,
          ...(second ? [Object.assign({}, second, ...set.map((m) => m.values)) as Record<string, unknown>] : []),
        ];
        expect(stored, `${table} after ${tag}`).toEqual(expectedRows.map((r) => Object.fromEntries(names.map((n) => [n, r[n]]))));
      }
      expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
      // Every record is in the search index, whatever version it was written by.
      const ids = (table: string) => (seconds.has(table) ? [1, 2] : [1]);
      expect(searchIndexAnswers(upgraded.sqlite)).toEqual({
        people: ids('people'),
        'people indexed': ids('people').length,
        organizations: ids('organizations'),
        'organizations indexed': ids('organizations').length,
        plan_items: [1],
        // Filled in only by a version that had the table (0011 on).
        publications: upgraded.sqlite.prepare('SELECT id FROM publications').pluck().all(),
        events: upgraded.sqlite.prepare('SELECT id FROM events').pluck().all(),
      });

      const fresh = openDatabase({ file: path.join(dir, 'fresh.sqlite') });
      expect(schemaOf(upgraded.sqlite)).toEqual(schemaOf(fresh.sqlite));
      fresh.sqlite.close();

      // The file of the older version was kept as it was before the upgrade.
      expect(upgraded.backupFile).toBe(path.join(dir, 'backups', 'before-migration-20260301-100000.sqlite'));
      const backup = new Database(upgraded.backupFile!, { readonly: true });
      expect(backup.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: idx });
      backup.close();
      upgraded.sqlite.close();
    });
  },
);

describe('0003 on a database the previous version wrote', () => {
  /** The data of a center on the version before 0003, written as that version's code wrote it. */
  function previousVersionDatabase(file: string) {
    const older = openDatabase({ file, migrationsFolder: olderMigrations(3), dataSteps: [] });
    const run = (sql: string, ...params: unknown[]) => older.sqlite.prepare(sql).run(...params);
    // The keys the old code stored: lower case, ё→е, nothing else.
    for (const name of ['г. Котовск', 'г Котовск', 'Моршанский район', 'Сегмент (прочие)']) {
      run('INSERT INTO municipalities (name, sort_key) VALUES (?, ?)', name, name.toLowerCase());
    }
    for (const name of ['МБОУ СОШ №10', 'МБОУ СОШ №2', 'МБОУ «СОШ №1»']) {
      run(
        'INSERT INTO organizations (full_name, type, search_text, sort_key) VALUES (?, ?, ?, ?)',
        name,
        'education',
        name.toLowerCase(),
        name.toLowerCase(),
      );
    }
    run(
      "INSERT INTO people (last_name, first_name, middle_name, search_text, sort_key) VALUES ('Попова', 'Людмила', 'Александровна', 'попова', 'попова')",
    );
    run("INSERT INTO people (last_name, first_name, middle_name, search_text, sort_key) VALUES ('Белых', 'Саша', '', 'белых', 'белых')");
    run("INSERT INTO working_groups (name, name_genitive, sort_key) VALUES ('Рабочая группа №1', 'рабочей группы', 'рабочая группа №1')");
    run("INSERT INTO working_groups (name, name_genitive, sort_key) VALUES ('Рабочая группа № 1', 'рабочей группы', 'рабочая группа № 1')");
    run('INSERT INTO work_plans (year) VALUES (2017)');
    const item = (title: string, status: string, note: string) =>
      run(
        `INSERT INTO plan_items (plan_id, direction, position, title, form, term_kind, term_value, term_start, term_end, status, result_note, search_text)
         VALUES (1, 'organizational', ?, ?, 'Заседание', 'month', '9', '2017-09-01', '2017-09-30', ?, ?, '')`,
        title.length,
        title,
        status,
        note,
      ).lastInsertRowid;
    // Closed by the old code when the meeting was held: the sentence and the status were its.
    const realised = item('Заседание рабочей группы', 'done', 'Перенесено с августа; Заседание проведено 12.09.2017, протокол №1');
    // Its meeting was deleted afterwards: the old note pointed at nothing.
    const orphan = item('О семейных клубах', 'done', 'Заседание проведено 20.09.2017, протокол №2');
    const own = item('Семинар', 'done', 'Проведён, 40 участников');
    run(
      "INSERT INTO meetings (group_id, kind, year, number, date_start, status, plan_item_id) VALUES (1, 'session', 2017, 1, '2017-09-12', 'held', ?)",
      realised,
    );
    run(
      "INSERT INTO agenda_items (meeting_id, position, title, plan_item_id) VALUES (1, 1, 'О ходе исполнения решений предыдущих заседаний', NULL), (1, 2, 'Семинар', ?)",
      own,
    );
    older.sqlite.close();
    return { realised: Number(realised), orphan: Number(orphan), own: Number(own) };
  }

  it('turns the plan columns into links, gives her notes back, splits names and recomputes every key', () => {
    const file = path.join(tempDir(), 'center.sqlite');
    const ids = previousVersionDatabase(file);
    const { sqlite } = openDatabase({ file });
    const all = (sql: string) => sqlite.prepare(sql).all();

    expect(
      all('SELECT plan_item_id AS item, kind, meeting_id AS meeting, agenda_item_id AS agenda FROM plan_item_links ORDER BY id'),
    ).toEqual([
      { item: ids.realised, kind: 'meeting', meeting: 1, agenda: null },
      { item: ids.own, kind: 'agendaItem', meeting: null, agenda: 2 },
    ]);
    expect(all('SELECT id, status, result_note AS note FROM plan_items ORDER BY id')).toEqual([
      { id: ids.realised, status: 'planned', note: 'Перенесено с августа' },
      { id: ids.orphan, status: 'planned', note: '' },
      { id: ids.own, status: 'done', note: 'Проведён, 40 участников' },
    ]);
    expect(all('SELECT title, control_review AS control FROM agenda_items ORDER BY position')).toEqual([
      { title: 'О ходе исполнения решений предыдущих заседаний', control: 1 },
      { title: 'Семинар', control: 0 },
    ]);
    expect(all('SELECT last_name AS name, gender FROM people ORDER BY id')).toEqual([
      { name: 'Попова', gender: 'female' },
      { name: 'Белых', gender: null },
    ]);
    expect(all('SELECT full_name AS name FROM organizations ORDER BY sort_key')).toEqual(
      ['МБОУ «СОШ №1»', 'МБОУ СОШ №2', 'МБОУ СОШ №10'].map((name) => ({ name })),
    );

    // «г. Котовск» and «г Котовск» were two names and are one now: both rows stay, the later one's key is marked.
    const towns = all('SELECT id, name, type, forms_confirmed AS confirmed, sort_key AS key FROM municipalities ORDER BY sort_key') as {
      id: number;
      name: string;
      type: string;
      confirmed: number;
      key: string;
    }[];
    expect(towns.map((t) => [t.name, t.type])).toEqual([
      ['город Котовск', 'city'],
      ['город Котовск', 'city'],
      ['Моршанский район', 'district'],
      ['Сегмент (прочие)', 'none'],
    ]);
    expect(towns[1]!.key).toBe(`${towns[0]!.key}\u0001${towns[1]!.id}`);
    expect(towns.every((t) => t.confirmed === 0)).toBe(true);
    expect(
      JSON.parse(sqlite.prepare("SELECT forms FROM municipalities WHERE proper_name = 'Моршанский'").pluck().get() as string),
    ).toMatchObject({
      genitive: 'Моршанского',
      dative: 'Моршанскому',
    });
    // The same for working groups (working_groups_sort_key_unique).
    const groups = all('SELECT id, sort_key AS key FROM working_groups ORDER BY id') as { id: number; key: string }[];
    expect(groups[1]!.key).toBe(`${groups[0]!.key}\u0001${groups[1]!.id}`);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();

    // Every step ran once, in order — issue 8's before 0006's —: opening again changes nothing.
    const again = openDatabase({ file });
    expect(again.sqlite.prepare("SELECT value FROM app_settings WHERE key = 'db.dataSteps'").pluck().get()).toBe(
      JSON.stringify(DATA_STEPS.map((s) => s.id)),
    );
    expect(DATA_STEPS.map((s) => s.id).slice(0, 4)).toEqual([
      '0003-municipality-name-parts',
      '0003-gender-from-patronymic',
      '0003-plan-notes-to-links',
      '0003-russian-keys',
    ]);
    again.sqlite.close();
  });
});

describe('0007 on a database the previous version wrote', () => {
  /** A version before 0007: the profile kept the center's names itself. */
  function previousVersion(profile: { fullName: string; shortName: string; address: string } | null, organization?: string) {
    const file = path.join(tempDir(), 'center.sqlite');
    const older = openDatabase({ file, migrationsFolder: olderMigrations(7) });
    if (organization) {
      older.sqlite
        .prepare("INSERT INTO organizations (full_name, short_name, type, search_text, sort_key) VALUES (?, '', 'other', 'x', 'x')")
        .run(organization);
    }
    if (profile) {
      older.sqlite
        .prepare("INSERT INTO center_profile (id, full_name, short_name, address, director_name) VALUES (1, ?, ?, ?, 'А.Я. Гоберкорн')")
        .run(profile.fullName, profile.shortName, profile.address);
    }
    older.sqlite.close();
    return openDatabase({ file }).sqlite;
  }
  const doverie = { fullName: 'ТОГБУ «Центр «Доверие»', shortName: 'Центр «Доверие»', address: 'г. Уварово' };
  const rows = (sqlite: Database.Database) =>
    sqlite.prepare('SELECT id, full_name AS fullName, short_name AS shortName, type, address, sort_key AS key FROM organizations').all();

  it('points the profile to the organisation already named as the center and makes it a resource center', () => {
    const sqlite = previousVersion(doverie, 'Центр «Доверие»');
    expect(rows(sqlite)).toEqual([
      { id: 1, fullName: 'Центр «Доверие»', shortName: '', type: 'resourceCenter', address: 'г. Уварово', key: 'x' },
    ]);
    expect(sqlite.prepare('SELECT organization_id AS id, director_name AS director FROM center_profile').get()).toEqual({
      id: 1,
      director: 'А.Я. Гоберкорн',
    });
    sqlite.close();
  });

  it('makes the center an organisation of the registry from the profile, with its Russian key, when none is named so', () => {
    const sqlite = previousVersion(doverie, 'Отдел опеки');
    const made = rows(sqlite).at(-1) as { id: number; key: string };
    expect(made).toMatchObject({
      id: 2,
      fullName: doverie.fullName,
      shortName: doverie.shortName,
      type: 'resourceCenter',
      address: 'г. Уварово',
    });
    expect(made.key).not.toBe('');
    expect(sqlite.prepare('SELECT organization_id FROM center_profile').pluck().get()).toBe(2);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });

  it('leaves a profile never filled in without an organisation', () => {
    const sqlite = previousVersion({ fullName: '', shortName: '', address: '' });
    expect(rows(sqlite)).toEqual([]);
    expect(sqlite.prepare('SELECT organization_id FROM center_profile').pluck().get()).toBeNull();
    sqlite.close();
  });
});

describe('backup before a pending migration', () => {
  it('copies the previous file with its data into backups/ before migrating', () => {
    const dir = tempDir();
    const file = path.join(dir, 'center.sqlite');
    const current = openDatabase({ file });
    current.sqlite.prepare("INSERT INTO municipalities (name, sort_key) VALUES ('Кировский район', 'кировский район')").run();
    current.sqlite.close();

    // The next version of the app adds a migration.
    const next = olderMigrations(journal.entries.length, [
      { tag: '9999_next', sql: 'CREATE TABLE `next_version_table` (`id` integer PRIMARY KEY NOT NULL);' },
    ]);
    const upgraded = openDatabase({ file, migrationsFolder: next, now: () => new Date('2026-11-22T08:30:05Z') });
    expect(upgraded.backupFile).toBe(path.join(dir, 'backups', 'before-migration-20261122-083005.sqlite'));
    expect(userTables(upgraded.sqlite)).toContain('next_version_table');
    upgraded.sqlite.close();

    const backup = new Database(upgraded.backupFile!, { readonly: true });
    expect(backup.prepare('SELECT name FROM municipalities').all()).toEqual([{ name: 'Кировский район' }]);
    expect(userTables(backup)).not.toContain('next_version_table');
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    backup.close();
  });
});

describe('the copy made before a migration, when its name is taken', () => {
  it('never replaces the copy already there, and the database still opens', () => {
    const dir = tempDir();
    const file = path.join(dir, 'center.sqlite');
    const current = openDatabase({ file });
    current.sqlite.prepare("INSERT INTO municipalities (name, sort_key) VALUES ('Кировский район', 'кировский район')").run();
    current.sqlite.close();
    // A copy from an earlier start at the same second (the PC's clock was set back).
    const earlier = path.join(dir, 'backups', 'before-migration-20261122-083005.sqlite');
    mkdirSync(path.dirname(earlier), { recursive: true });
    writeFileSync(earlier, 'более ранняя копия');

    const next = olderMigrations(journal.entries.length, [
      { tag: '9999_next', sql: 'CREATE TABLE `next_version_table` (`id` integer PRIMARY KEY NOT NULL);' },
    ]);
    const upgraded = openDatabase({ file, migrationsFolder: next, now: () => new Date('2026-11-22T08:30:05Z') });
    upgraded.sqlite.close();
    expect(readFileSync(earlier, 'utf8')).toBe('более ранняя копия');
    expect(upgraded.backupFile).toBe(path.join(dir, 'backups', 'before-migration-20261122-083006.sqlite'));
    const backup = new Database(upgraded.backupFile!, { readonly: true });
    expect(backup.prepare('SELECT name FROM municipalities').pluck().all()).toEqual(['Кировский район']);
    backup.close();
    // Only whole copies are visible: nothing half-made is left beside them.
    expect(readdirSync(path.join(dir, 'backups')).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('a database written by a newer version', () => {
  it('is refused with a Russian message and left untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'center.sqlite');
    const current = openDatabase({ file });
    current.sqlite
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('from-the-future', journal.entries.at(-1)!.when + 86_400_000);
    current.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    current.sqlite.close();
    const before = sha(file);

    let error: unknown;
    try {
      openDatabase({ file });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('newer');
    expect((error as DatabaseOpenError).message).toMatch(/более новой версией приложения/);
    expect(sha(file)).toBe(before);
    expect(existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('refuses a file that is not a database and leaves it as it was', () => {
    const file = path.join(tempDir(), 'center.sqlite');
    writeFileSync(file, 'это не база данных, а текст '.repeat(200));
    const before = sha(file);
    expect(() => openDatabase({ file })).toThrow();
    expect(sha(file)).toBe(before);
  });
});

describe('database on a network share', () => {
  const linux = (mounts: string): LocationProbe => ({ platform: 'linux', mounts: () => mounts });
  const windows = (types: Record<string, string>): LocationProbe => ({ platform: 'win32', driveType: (d) => types[d] });
  const MOUNTS = [
    '/dev/sda1 / ext4 rw,relatime 0 0',
    '/dev/sdb1 /home ext4 rw,relatime 0 0',
    '//server/share /mnt/share cifs rw,vers=3.0 0 0',
    'smbnetfs /home/maria/smb fuse.smbnetfs rw,nosuid 0 0',
    'server:/export /mnt/nfs nfs4 rw 0 0',
    '/dev/sdc1 /mnt/share/local\\040disk ext4 rw 0 0',
  ].join('\n');

  it('refuses UNC paths on any system', () => {
    for (const probe of [linux(MOUNTS), windows({})]) {
      expect(isNetworkPath('\\\\server\\share\\db.sqlite', probe)).toBe(true);
      expect(isNetworkPath('//server/share/db.sqlite', probe)).toBe(true);
      expect(isNetworkPath('//server/share', probe)).toBe(true);
    }
  });

  it('refuses SMB, smbnetfs and NFS mounts on Linux and allows local disks', () => {
    const probe = linux(MOUNTS);
    expect(isNetworkPath('/mnt/share/center.sqlite', probe)).toBe(true);
    expect(isNetworkPath('/mnt/share', probe)).toBe(true);
    expect(isNetworkPath('/home/maria/smb/WORKGROUP/server/db.sqlite', probe)).toBe(true);
    expect(isNetworkPath('/mnt/nfs/db.sqlite', probe)).toBe(true);
    expect(isNetworkPath('/home/maria/.config/Ресурсный центр/resource-center.sqlite', probe)).toBe(false);
    expect(isNetworkPath('/tmp/db.sqlite', probe)).toBe(false);
    // A local disk mounted inside a share counts as local (the longest mount point wins).
    expect(isNetworkPath('/mnt/share/local disk/db.sqlite', probe)).toBe(false);
    // /mnt/shared is not inside /mnt/share.
    expect(isNetworkPath('/mnt/shared/db.sqlite', probe)).toBe(false);
  });

  it('refuses a Windows network drive and allows a fixed one', () => {
    const probe = windows({ 'Z:': 'Network', 'C:': 'Fixed' });
    expect(isNetworkPath('Z:\\Общие\\center.sqlite', probe)).toBe(true);
    expect(isNetworkPath('z:\\center.sqlite', probe)).toBe(true);
    expect(isNetworkPath('C:\\Users\\Мария\\AppData\\Roaming\\Ресурсный центр\\resource-center.sqlite', probe)).toBe(false);
    // When the drive type cannot be learnt the file is opened: refusing a local disk would block the user.
    expect(isNetworkPath('D:\\center.sqlite', probe)).toBe(false);
  });

  it('does not open (or create) a database on a share and says to use export', () => {
    const dir = tempDir();
    const file = path.join(dir, 'share', 'center.sqlite');
    const probe = linux(`/dev/sda1 / ext4 rw 0 0\n//server/share ${path.join(dir, 'share')} cifs rw 0 0`);
    let error: unknown;
    try {
      openDatabase({ file, locationProbe: probe });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('network');
    expect((error as DatabaseOpenError).message).toMatch(/сетевой папке.*выгрузку/s);
    expect(existsSync(file)).toBe(false);
  });
});
