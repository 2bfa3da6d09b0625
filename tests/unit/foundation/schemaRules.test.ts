import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '@main/api/app';
import { DISTINCT_PAIR_TABLES, ORDERED_LISTS, type OrderedList } from '@db/schema';
import { closeGap, makeRoom, parkAll, swapPositions } from '@db/positions';
import { SCHEMA_TABLES, declaredColumn } from './schemaColumns';
import { populatedApp } from './populated';

/**
 * The rules the schema holds (db/README.md), read back from what SQLite was told: every enum and
 * JSON column has its CHECK in sqlite_master and SQLite refuses a value outside it, every
 * position is unique within its parent, every foreign key follows the one policy.
 */

let app: App;
let cleanup: () => void;
// The demo and a run of the generators: about 10 s on a loaded two-core machine, past the default hook timeout.
beforeAll(async () => ({ app, cleanup } = await populatedApp()), 60_000);
afterAll(() => cleanup());

const createSql = (sqlite: Database.Database, table: string) =>
  sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;

const enumColumns = SCHEMA_TABLES.flatMap(({ name, config }) =>
  config.columns.filter((c) => c.enumValues?.length).map((c) => ({ table: name, column: c.name, values: c.enumValues! })),
);
const jsonColumns = SCHEMA_TABLES.flatMap(({ name, config }) =>
  config.columns.flatMap((c) => {
    const json = declaredColumn(name, c.name)?.json;
    return json ? [{ table: name, column: c.name, shape: json }] : [];
  }),
);

/** Tables whose rows are never edited (a trigger refuses it), tried with an insert instead. */
const WRITTEN_ONCE = new Set(['publication_movements']);

/** The first row of a table, to try a value on (every table the checks are tried on has rows in the populated data). */
const firstRowid = (sqlite: Database.Database, table: string) =>
  sqlite.prepare(`SELECT min(rowid) FROM "${table}"`).pluck().get() as number | null;

function refused(sqlite: Database.Database, table: string, column: string, value: string): string {
  const rowid = firstRowid(sqlite, table);
  expect(rowid, `${table} has a row to try ${column} on`).not.toBeNull();
  try {
    // A table written once (the publications' ledger: a trigger refuses any edit) is tried with a new row, a copy of its first.
    if (WRITTEN_ONCE.has(table)) {
      const columns = (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[]).filter((c) => !c.pk);
      const list = columns.map((c) => `"${c.name}"`).join(', ');
      const picked = columns.map((c) => (c.name === column ? '?' : `"${c.name}"`)).join(', ');
      sqlite.prepare(`INSERT INTO "${table}" (${list}) SELECT ${picked} FROM "${table}" WHERE rowid = ?`).run(value, rowid);
    } else sqlite.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE rowid = ?`).run(value, rowid);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'accepted';
}

describe('enum columns', () => {
  it('are found in the schema (the walk sees them)', () => {
    expect(enumColumns.map((c) => `${c.table}.${c.column}`)).toEqual(
      expect.arrayContaining([
        'organizations.type',
        'plan_items.status',
        'meetings.kind',
        'assignments.status',
        'list_values.list',
        'export_log.origin',
      ]),
    );
  });

  it.each(enumColumns)('$column of $table has a CHECK listing exactly the values of its TypeScript type', ({ table, column, values }) => {
    const sql = createSql(app.sqlite, table);
    const lists = [...sql.matchAll(new RegExp(`CHECK\\s*\\(\\s*"${column}" IN \\(([^)]*)\\)\\s*\\)`, 'g'))].map((m) =>
      m[1]!.split(',').map((v) => v.trim().replace(/^'|'$/g, '')),
    );
    expect(lists, `${table}.${column}: ${sql}`).toEqual([[...values]]);
  });

  // The export log and the issued lists are empty in the populated data: their CHECKs are read from sqlite_master above.
  it.each(enumColumns.filter((c) => !['export_log', 'document_issues'].includes(c.table)))(
    '$column of $table: SQLite refuses a value outside the list',
    ({ table, column }) => {
      expect(refused(app.sqlite, table, column, 'неизвестное значение')).toBe('SQLITE_CONSTRAINT_CHECK');
    },
  );
});

describe('JSON columns', () => {
  it('are found in the schema', () => {
    expect(jsonColumns.map((c) => `${c.table}.${c.column}`).sort()).toEqual(
      [
        'app_settings.value',
        'certificate_layout.settings',
        'certificates.snapshot',
        'document_issues.document',
        'import_reports.lines',
        'import_reports.skipped',
        'import_reports.stripped',
        'work_plans.approved_snapshot',
        'export_log.files',
        'export_log.kinds',
        'export_log.leftovers',
        'meetings.signed_snapshot',
        'municipalities.forms',
        'restore_log.records',
        'undo_journal.payload',
        'reports.narrative',
        'reports.approved_copy',
        'reports.unlocks',
        'news_items.paragraphs',
        'news_items.published_text',
        'write_off_acts.signed_copy',
      ].sort(),
    );
  });

  it.each(jsonColumns)('$column of $table has json_valid (and its shape) in sqlite_master', ({ table, column, shape }) => {
    const sql = createSql(app.sqlite, table);
    expect(sql).toContain(`json_valid("${column}")`);
    if (shape !== 'any') expect(sql).toContain(`json_type("${column}") = '${shape}'`);
  });

  // The export log, the undo journal and the issued lists are empty in the populated data (read from sqlite_master above).
  it.each(jsonColumns.filter((c) => !['export_log', 'undo_journal', 'document_issues'].includes(c.table)))(
    '$column of $table: SQLite refuses text that is not JSON, and JSON of another shape',
    ({ table, column, shape }) => {
      expect(refused(app.sqlite, table, column, '{"не закрыто": ')).toBe('SQLITE_CONSTRAINT_CHECK');
      if (shape !== 'any') expect(refused(app.sqlite, table, column, shape === 'object' ? '[]' : '{}')).toBe('SQLITE_CONSTRAINT_CHECK');
    },
  );
});

describe('positions within a parent', () => {
  const indexColumns = (sqlite: Database.Database, table: string) =>
    (sqlite.pragma(`index_list("${table}")`) as { name: string; unique: number }[])
      .filter((i) => i.unique)
      .map((i) => (sqlite.pragma(`index_info("${i.name}")`) as { name: string }[]).map((c) => c.name));

  it('every table with a position declares its ordered list, and SQLite holds it unique and positive', () => {
    // An integer `position` is a place in a list (people's `position` is a job title).
    const withPosition = SCHEMA_TABLES.filter((t) => t.config.columns.some((c) => c.name === 'position' && c.dataType === 'number')).map(
      (t) => t.name,
    );
    expect(ORDERED_LISTS.map((l) => l.table).sort()).toEqual(withPosition.sort());
    for (const list of ORDERED_LISTS) {
      expect(indexColumns(app.sqlite, list.table), list.table).toContainEqual([...list.scope, list.column]);
      expect(createSql(app.sqlite, list.table)).toContain(`CHECK("${list.column}" > 0)`);
    }
  });

  it('every list in the populated data is numbered 1..n within its parent', () => {
    for (const list of ORDERED_LISTS) {
      const scope = list.scope.map((c) => `"${c}"`).join(', ');
      const broken = app.sqlite
        .prepare(
          `SELECT ${scope}, count(*) AS n, max("position") AS last FROM "${list.table}" GROUP BY ${scope} HAVING n <> last OR min("position") <> 1`,
        )
        .all();
      expect(broken, list.table).toEqual([]);
    }
  });

  /** The agenda of a meeting with at least four items, as (id, position) in order. */
  function agenda(): { list: OrderedList; meetingId: number; order: () => number[] } {
    const meetingId = app.sqlite
      .prepare('SELECT meeting_id FROM agenda_items GROUP BY meeting_id HAVING count(*) >= 4 ORDER BY meeting_id LIMIT 1')
      .pluck()
      .get() as number;
    const list = ORDERED_LISTS.find((l) => l.table === 'agenda_items')!;
    const order = () =>
      app.sqlite.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position').pluck().all(meetingId) as number[];
    return { list, meetingId, order };
  }

  it('the old `position = position + 1` fails under the unique index: the reason for two phases', () => {
    const { meetingId } = agenda();
    expect(() => app.sqlite.prepare('UPDATE agenda_items SET position = position + 1 WHERE meeting_id = ?').run(meetingId)).toThrow(
      /UNIQUE/,
    );
  });

  it('makes room, closes a gap, swaps and parks in two phases, keeping the order', () => {
    const { list, meetingId, order } = agenda();
    const scope = { meeting_id: meetingId };
    const start = order();
    const positions = () =>
      app.sqlite.prepare('SELECT position FROM agenda_items WHERE meeting_id = ? ORDER BY position').pluck().all(meetingId) as number[];
    const run = app.sqlite.transaction((work: () => void) => work());

    run(() => makeRoom(app.sqlite, list, scope, 2));
    expect(positions()).toEqual([1, ...start.slice(1).map((_, i) => i + 3)]);
    expect(order()).toEqual(start);
    // Position 2 is empty now, as after a deletion.
    run(() => closeGap(app.sqlite, list, scope, 2));
    expect(positions()).toEqual(start.map((_, i) => i + 1));
    expect(order()).toEqual(start);

    run(() => swapPositions(app.sqlite, list, scope, start[0]!, start[1]!));
    expect(order()).toEqual([start[1], start[0], ...start.slice(2)]);
    run(() => swapPositions(app.sqlite, list, scope, start[0]!, start[1]!));

    // Saved whole in reverse: every row parked, then each put at its new place.
    run(() => {
      parkAll(app.sqlite, list, scope, start.length);
      [...start].reverse().forEach((id, i) => app.sqlite.prepare('UPDATE agenda_items SET position = ? WHERE id = ?').run(i + 1, id));
    });
    expect(order()).toEqual([...start].reverse());
  });
});

describe('foreign keys', () => {
  const foreignKeys = () =>
    SCHEMA_TABLES.flatMap(({ name }) =>
      (app.sqlite.pragma(`foreign_key_list("${name}")`) as { table: string; from: string; on_delete: string }[]).map((fk) => ({
        child: name,
        ...fk,
      })),
    );

  it('every reference states one of the three policies, SET NULL only where the column may be empty', () => {
    const all = foreignKeys();
    expect(all.length).toBeGreaterThan(30);
    for (const fk of all) {
      expect(['CASCADE', 'RESTRICT', 'SET NULL'], `${fk.child}.${fk.from} → ${fk.table}`).toContain(fk.on_delete);
      if (fk.on_delete === 'SET NULL') {
        const column = (app.sqlite.pragma(`table_info("${fk.child}")`) as { name: string; notnull: number }[]).find(
          (c) => c.name === fk.from,
        )!;
        expect(column.notnull, `${fk.child}.${fk.from} is SET NULL and NOT NULL`).toBe(0);
      }
    }
  });

  it('every reference to a record that lives on its own (the registry, a list value, a working group from a meeting) is RESTRICT', () => {
    const all = foreignKeys();
    // A list value's own part — an indicator's description (indicator_definitions) — goes with it.
    const ownPart = (fk: (typeof all)[number]) => fk.child === 'indicator_definitions' && fk.from === 'indicator_id';
    expect(all.find(ownPart)?.on_delete).toBe('CASCADE');
    // A pair declared «разные люди» is about its two records themselves: it goes with either (issue 18).
    const aboutBoth = (fk: (typeof all)[number]) => (DISTINCT_PAIR_TABLES as readonly string[]).includes(fk.child);
    for (const fk of all.filter(aboutBoth)) expect(fk.on_delete, `${fk.child}.${fk.from}`).toBe('CASCADE');
    const shared = all.filter(
      (fk) => ['people', 'organizations', 'municipalities', 'list_values'].includes(fk.table) && !ownPart(fk) && !aboutBoth(fk),
    );
    expect(shared.length).toBeGreaterThan(15);
    for (const fk of shared) expect(fk.on_delete, `${fk.child}.${fk.from} → ${fk.table}`).toBe('RESTRICT');
    expect(all.find((fk) => fk.child === 'meetings' && fk.table === 'working_groups')?.on_delete).toBe('RESTRICT');
  });
});
