import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from '@db/open';
import { DATA_STEPS } from '@db/dataSteps';
import { DERIVATIONS, DERIVED_COLUMNS, derivedOfRows, type DerivedTable } from '@db/derived';
import { PLAN_FORMS } from '@shared/enums';
import { documentMeeting } from '@main/services/meetings/detail';
import { approvalCopy, approvalData } from '@main/services/workPlan/approval';

/**
 * The databases main wrote before the schema held its rules (tests/fixtures/db/: the demo plus a
 * small run of the benchmark's generators, at commit 273fa78 — migrations 0000–0004 — and at
 * d369cd6 — 0000–0005, with the plans' frozen copies for approval), opened by today's code: every row
 * is kept with every value, the plan's free-text forms become values of the list, and the data
 * steps run after the SQL in order. What happens where old data meets a new unique rule is stated
 * and checked below.
 */

interface Fixture {
  commit: string;
  /** The migrations main had applied. */
  migrations: number;
}
const FIXTURES: Fixture[] = [
  { commit: '273fa78', migrations: 5 },
  { commit: 'd369cd6', migrations: 6 },
];
const LATEST = FIXTURES[FIXTURES.length - 1]!;
const fixtureFile = (f: Fixture) => path.join(import.meta.dirname, '..', '..', 'fixtures', 'db', `main-${f.commit}.sqlite.gz`);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of main's file in a fresh folder, optionally changed as main's code could have left it. */
function mainDatabase(fixture: Fixture, change?: (sqlite: Database.Database) => void): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-upgrade-'));
  dirs.push(dir);
  const file = path.join(dir, 'resource-center.sqlite');
  writeFileSync(file, gunzipSync(readFileSync(fixtureFile(fixture))));
  if (change) {
    const sqlite = new Database(file);
    change(sqlite);
    sqlite.close();
  }
  return file;
}

type Row = Record<string, unknown>;
const tables = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name",
    )
    .pluck()
    .all() as string[];
const rowsOf = (sqlite: Database.Database, table: string) =>
  sqlite.prepare(`SELECT rowid AS __rowid, * FROM "${table}" ORDER BY rowid`).all() as Row[];

/** Columns 0006 and 0007 turned into something else, checked on their own below. */
const MOVED: Record<string, string[]> = { plan_items: ['form'], center_profile: ['full_name', 'short_name', 'address'] };

describe.each(FIXTURES)("main's database at $commit opened by this version", (fixture) => {
  it('keeps every row with every value, and the forms of the plan as values of the list', () => {
    const file = mainDatabase(fixture);
    const before = new Database(file, { readonly: true });
    const old = new Map(tables(before).map((t) => [t, rowsOf(before, t)]));
    const oldSteps = JSON.parse(
      before.prepare("SELECT value FROM app_settings WHERE key = 'db.dataSteps'").pluck().get() as string,
    ) as string[];
    before.close();
    expect(old.get('plan_items')!.length).toBeGreaterThan(80);
    expect(old.get('decisions')!.length).toBeGreaterThan(100);

    const opened = openDatabase({ file, now: () => new Date('2026-03-01T10:00:00Z') });
    const { sqlite, db } = opened;
    // 0007: the center is the organisation named as the profile, now of the type «ресурсный центр».
    const profile = old.get('center_profile')![0]!;
    const center = sqlite.prepare('SELECT o.* FROM center_profile p JOIN organizations o ON o.id = p.organization_id').get() as Row;
    const named = [center.full_name, center.short_name];
    expect(named.includes(profile.full_name) || named.includes(profile.short_name), 'named as the profile').toBe(true);
    expect(center.type).toBe('resourceCenter');
    const wasThere = old.get('organizations')!.find((o) => o.id === center.id);
    expect(wasThere, 'the center was an organisation of the registry already').toBeDefined();
    // Its address is the profile's where it had none.
    expect(center.address).toBe(wasThere!.address === '' ? String(profile.address).trim() : wasThere!.address);
    for (const [table, rows] of old) {
      const now = new Map(rowsOf(sqlite, table).map((r) => [r.__rowid, r]));
      // app_settings gains the record of the steps that ran.
      const kept = table === 'app_settings' ? rows.filter((r) => r.key !== 'db.dataSteps') : rows;
      if (table !== 'app_settings') expect(now.size, `${table}: rows`).toBe(rows.length);
      const skip = new Set([...(DERIVED_COLUMNS[table] ?? []), ...(MOVED[table] ?? [])]);
      for (const row of kept) {
        const after = now.get(row.__rowid);
        expect(after, `${table} row ${String(row.__rowid)}`).toBeDefined();
        // The center's type and address are checked above.
        const own = table === 'organizations' && row.id === center.id ? new Set([...skip, 'type', 'address']) : skip;
        for (const [column, value] of Object.entries(row))
          if (!own.has(column)) expect(after![column], `${table}.${column}`).toEqual(value);
      }
    }

    // Each item keeps its form, now a value of «Формы работы»: the list's first values in their order, then the others.
    const forms = new Map(
      (sqlite.prepare('SELECT id, value FROM list_values').all() as { id: number; value: string }[]).map((v) => [v.id, v.value]),
    );
    for (const item of old.get('plan_items')!) {
      const formId = sqlite.prepare('SELECT form_id FROM plan_items WHERE id = ?').pluck().get(item.id) as number;
      expect(forms.get(formId)).toBe(item.form);
    }
    const list = sqlite.prepare("SELECT value FROM list_values WHERE list = 'planForms' ORDER BY position").pluck().all() as string[];
    expect(list.slice(0, PLAN_FORMS.length)).toEqual([...PLAN_FORMS]);
    expect(list.slice(PLAN_FORMS.length).sort()).toEqual(['Заседание рабочей группы', 'Клуб', 'Методические рекомендации']);

    // The steps main had run stay done; this version's run after the SQL, in their order.
    const steps = JSON.parse(
      sqlite.prepare("SELECT value FROM app_settings WHERE key = 'db.dataSteps'").pluck().get() as string,
    ) as string[];
    expect(steps).toEqual([...oldSteps, ...DATA_STEPS.map((s) => s.id).filter((id) => !oldSteps.includes(id))]);
    expect(steps.filter((id) => id.startsWith('0006'))).toEqual([
      '0006-plan-forms-list',
      '0006-journal-plan-forms',
      '0006-plan-search-texts',
    ]);

    for (const name of Object.keys(DERIVATIONS) as DerivedTable[]) {
      const stale = derivedOfRows(db, name).filter((r) => Object.keys(r.expected).some((k) => r.stored[k] !== r.expected[k]));
      expect(stale, name).toEqual([]);
    }
    // The signed minutes main froze (version 0 copies) are read, upgraded and printed as signed.
    const signed = old.get('meetings')!.filter((m) => m.status === 'signed' && m.signed_snapshot !== null);
    expect(signed.length).toBeGreaterThan(0);
    for (const m of signed) {
      const v0 = JSON.parse(m.signed_snapshot as string) as { meeting: { title: string; chair: { signature: string } } };
      const shown = documentMeeting(db, m.id as number);
      expect(shown.title).toBe(v0.meeting.title);
      expect(shown.chair?.signature).toBe(v0.meeting.chair.signature);
    }

    // The plans main approved with a frozen copy (0005 on) still give that copy, as main froze it.
    const approved = old.get('work_plans')!.filter((p) => typeof p.approved_snapshot === 'string');
    if (fixture.migrations >= 6) expect(approved.length).toBeGreaterThan(0);
    for (const plan of approved) {
      const label = `План ${String(plan.year)}`;
      expect(approvalData(db, plan.year as number)).toEqual(approvalCopy.read(plan.approved_snapshot as string, label));
    }

    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();

    // Main's file itself was kept as it was.
    const backup = new Database(opened.backupFile!, { readonly: true });
    expect(backup.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(fixture.migrations);
    expect(backup.prepare('SELECT count(*) FROM plan_items').pluck().get()).toBe(old.get('plan_items')!.length);
    backup.close();
  });
});

describe(`main's database at ${LATEST.commit} with what an older version could have left in it`, () => {
  it('where old data meets a new unique rule: forms one fold apart become one value, repeated positions are numbered again, every row stays', () => {
    let meetingId = 0;
    const file = mainDatabase(LATEST, (sqlite) => {
      // Free text as typed: «семинар» and «Семинар.» are the same form as «Семинар».
      sqlite.prepare("UPDATE plan_items SET form = 'семинар' WHERE id = (SELECT min(id) FROM plan_items WHERE form = 'Семинар')").run();
      sqlite.prepare("UPDATE plan_items SET form = 'Семинар.' WHERE id = (SELECT max(id) FROM plan_items WHERE form = 'Семинар')").run();
      // Two agenda items sharing a number and a gap after them: what an interrupted renumbering could leave.
      meetingId = sqlite
        .prepare('SELECT meeting_id FROM agenda_items GROUP BY meeting_id HAVING count(*) >= 4 LIMIT 1')
        .pluck()
        .get() as number;
      const ids = sqlite.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position').pluck().all(meetingId) as number[];
      sqlite.prepare('UPDATE agenda_items SET position = 2 WHERE id = ?').run(ids[2]);
      sqlite.prepare('UPDATE agenda_items SET position = position + 10 WHERE id = ?').run(ids[3]);
    });
    const before = new Database(file, { readonly: true });
    const items = before.prepare('SELECT count(*) FROM plan_items').pluck().get() as number;
    const seminars = before
      .prepare("SELECT id FROM plan_items WHERE form IN ('Семинар', 'семинар', 'Семинар.') ORDER BY id")
      .pluck()
      .all() as number[];
    // The agenda in its stored order (position, then id): the order the renumbering keeps.
    const agenda = before
      .prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id')
      .pluck()
      .all(meetingId) as number[];
    before.close();

    const { sqlite } = openDatabase({ file });
    expect(sqlite.prepare('SELECT count(*) FROM plan_items').pluck().get()).toBe(items);
    const seminar = sqlite.prepare("SELECT id FROM list_values WHERE list = 'planForms' AND value = 'Семинар'").pluck().get() as number;
    expect(sqlite.prepare('SELECT id FROM plan_items WHERE form_id = ? ORDER BY id').pluck().all(seminar)).toEqual(seminars);
    expect(sqlite.prepare("SELECT count(*) FROM list_values WHERE value IN ('семинар', 'Семинар.')").pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT id, position FROM agenda_items WHERE meeting_id = ? ORDER BY position').all(meetingId)).toEqual(
      agenda.map((id, i) => ({ id, position: i + 1 })),
    );
    sqlite.close();
  });

  it('refuses, in Russian and changing nothing, a file with a row the new rules do not allow', () => {
    const file = mainDatabase(LATEST, (sqlite) => {
      sqlite.prepare("UPDATE organizations SET type = 'school' WHERE id = 1").run();
    });
    let error: unknown;
    try {
      openDatabase({ file, now: () => new Date('2026-03-01T10:00:00Z') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).message).toMatch(
      /не соответствует правилам этой версии программы.*organizations_type_values.*данные не изменены.*before-migration-20260301-100000/s,
    );
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(LATEST.migrations);
    expect(after.prepare('SELECT type FROM organizations WHERE id = 1').pluck().get()).toBe('school');
    after.close();
  });
});
