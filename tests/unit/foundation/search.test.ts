import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '@main/api/app';
import { createPeople } from '@main/services/registry';
import type { CallInput, CallName } from '@shared/contract';
import { SEARCH_TOTAL_CAP, type Page } from '@shared/contract/common';
import type { PlanItem } from '@shared/contract/workPlan';
import { searchWords } from '@shared/russian';
import { generateReferenceData, mulberry32, REFERENCE_SCALE } from '@tests/bench/generate';
import { PUBLICATIONS_SCALE, seedPublications } from '@tests/bench/publications';
import { scaledEvents, seedEvents } from '@tests/bench/events';

/**
 * The FTS5 index answers exactly what today's LIKE scan answers, on the benchmark's database
 * (the reference scale, its seed): the same rows in the same order, and the same total up to
 * SEARCH_TOTAL_CAP («более 1 000» above it). The LIKE path here is plain SQL on the stored
 * search_text, written apart from the services, as the lists ran it before the index.
 */

let dataDir: string;
let app: App;
let sqlite: Database.Database;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-search-'));
  app = createApp({ dataDir });
  sqlite = app.sqlite;
  generateReferenceData(sqlite);
  seedPublications(sqlite, 20170912, { ...PUBLICATIONS_SCALE, movements: 4_000, biggest: 500 });
  seedEvents(sqlite, 20170912, scaledEvents(0.1));
}, 120_000);

afterAll(() => {
  app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<unknown> {
  const result = await app.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value;
}

const like = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface Answer {
  ids: number[];
  total: number;
  capped: boolean;
}

/** Today's path: every word LIKE '%word%' on search_text, the list's order, an exact count. */
function likePath(table: 'people' | 'organizations', search: string, opts: { offset: number; dir: 'asc' | 'desc' }): Answer {
  const words = searchWords(search);
  const where = words.length ? `WHERE ${words.map(() => "search_text LIKE ? ESCAPE '\\'").join(' AND ')}` : '';
  const params = words.map(like);
  const ids = sqlite
    .prepare(`SELECT id FROM ${table} ${where} ORDER BY sort_key ${opts.dir}, id ASC LIMIT 50 OFFSET ${opts.offset}`)
    .pluck()
    .all(...params) as number[];
  const total = sqlite
    .prepare(`SELECT count(*) FROM ${table} ${where}`)
    .pluck()
    .get(...params) as number;
  return { ids, total: words.length ? Math.min(total, SEARCH_TOTAL_CAP + 1) : total, capped: words.length > 0 && total > SEARCH_TOTAL_CAP };
}

async function indexed(table: 'people' | 'organizations', search: string, opts: { offset: number; dir: 'asc' | 'desc' }): Promise<Answer> {
  const page = (await call(`${table}.list`, { search, offset: opts.offset, limit: 50, dir: opts.dir })) as Page<{ id: number }>;
  return { ids: page.rows.map((r) => r.id), total: page.total, capped: page.totalCapped === true };
}

/** Random 1–6-character pieces of the stored names as typed, a third of them around a character search must fold or skip. */
function substrings(texts: string[], n: number, seed: number): string[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const special = /[ёЁ0-9\-«»"№.@()]/u;
  const out: string[] = [];
  while (out.length < n) {
    const chars = Array.from(pick(texts));
    const length = 1 + Math.floor(random() * 6);
    let start = Math.floor(random() * Math.max(1, chars.length - length + 1));
    if (out.length % 3 === 0) {
      const at = chars.findIndex((c, i) => i >= start && special.test(c));
      if (at >= 0) start = Math.max(0, at - Math.floor(random() * length));
    }
    const piece = chars.slice(start, start + length).join('');
    if (piece.trim()) out.push(piece);
  }
  return out;
}

const column = (sql: string) => sqlite.prepare(sql).pluck().all() as string[];

// The benchmark's searches (tests/bench/run.ts), words of every length, and text that is FTS5 syntax.
const NAMED = [
  'школа',
  'опеки кировского',
  'берёзов',
  'иванова мария',
  'Ёлкин',
  'педагог-психолог',
  'иван',
  'ова',
  'а',
  'ли',
  'ё',
  'ли иван',
  'ов ма',
  '№1',
  '12',
  '«СОШ',
  'example.ru',
  '"',
  '""',
  '"иван"',
  'иван*',
  '-иван',
  '(',
  ')',
  '*',
  'a:b',
  'NOT',
  'AND иван',
  'OR',
  'NEAR(иван мария)',
  '^иван',
  'search_text:иван',
  "o'",
  '%',
  '_',
  '\\',
  'a_b',
  'ъ',
  'zzz',
  'ИВАНОВА   МАРИЯ',
];

describe('search through the index answers what the LIKE scan answered', () => {
  it('for people: the benchmark searches, 500 random substrings of stored names and two-word searches, at several pages and both orders', async () => {
    const texts = [
      ...column('SELECT last_name FROM people'),
      ...column("SELECT first_name || ' ' || middle_name FROM people LIMIT 3000"),
      ...column("SELECT email FROM people WHERE email <> '' LIMIT 2000"),
      ...column('SELECT position FROM people LIMIT 2000'),
    ];
    const random = substrings(texts, 500, 20170912);
    const twoWords = substrings(texts, 100, 1).map((a, i) => `${a} ${random[i]!}`);
    const queries = [...NAMED, ...random, ...twoWords];
    let compared = 0;
    for (const [i, search] of queries.entries()) {
      const cases: { offset: number; dir: 'asc' | 'desc' }[] = [{ offset: 0, dir: 'asc' }];
      if (i % 7 === 0) cases.push({ offset: 50, dir: 'asc' }, { offset: 500, dir: 'asc' }, { offset: 0, dir: 'desc' as const });
      for (const opts of cases) {
        expect(await indexed('people', search, opts), `«${search}» ${JSON.stringify(opts)}`).toEqual(likePath('people', search, opts));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(700);
    // The comparison saw both sides of the cap and empty answers.
    const totals = await Promise.all(['а', 'лыткин', 'zzz'].map((q) => indexed('people', q, { offset: 0, dir: 'asc' })));
    expect(totals.map((t) => t.capped)).toEqual([true, false, false]);
    expect(totals[2]!.total).toBe(0);
  }, 300_000);

  it('for organisations: the same kinds of searches over full and short names', async () => {
    const texts = [
      ...column('SELECT full_name FROM organizations'),
      ...column("SELECT short_name FROM organizations WHERE short_name <> ''"),
    ];
    const queries = [
      ...NAMED,
      ...substrings(texts, 500, 7),
      ...substrings(texts, 50, 8).map((a, i) => `${a} ${texts[i * 13]!.slice(0, 4)}`),
    ];
    for (const [i, search] of queries.entries()) {
      const cases: { offset: number; dir: 'asc' | 'desc' }[] = [{ offset: 0, dir: 'asc' }];
      if (i % 7 === 0) cases.push({ offset: 50, dir: 'asc' }, { offset: 0, dir: 'desc' as const });
      for (const opts of cases) {
        expect(await indexed('organizations', search, opts), `«${search}» ${JSON.stringify(opts)}`).toEqual(
          likePath('organizations', search, opts),
        );
      }
    }
  }, 300_000);

  it('with a filter or another order beside the search, and in a picker', async () => {
    const organizationId = sqlite
      .prepare('SELECT organization_id FROM people WHERE organization_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
      .pluck()
      .get() as number;
    for (const search of ['а', 'ова', 'иван', 'ли иван', 'педагог']) {
      const filtered = (await call('people.list', { search, organizationId, limit: 50 })) as Page<{ id: number }>;
      const words = searchWords(search);
      const likeWhere = words.map(() => "search_text LIKE ? ESCAPE '\\'").join(' AND ');
      const expected = sqlite
        .prepare(`SELECT id FROM people WHERE organization_id = ? AND ${likeWhere} ORDER BY sort_key, id LIMIT 50`)
        .pluck()
        .all(organizationId, ...words.map(like));
      expect(
        filtered.rows.map((r) => r.id),
        search,
      ).toEqual(expected);
      const byPosition = (await call('people.list', { search, sort: 'position', limit: 50 })) as Page<{ id: number }>;
      expect(
        byPosition.rows.map((r) => r.id),
        search,
      ).toEqual(
        sqlite
          .prepare(`SELECT id FROM people WHERE ${likeWhere} ORDER BY position = '', position_sort_key, sort_key, id LIMIT 50`)
          .pluck()
          .all(...words.map(like)),
      );
      const options = (await call('people.options', { search, limit: 30 })) as { id: number }[];
      expect(
        options.map((o) => o.id),
        search,
      ).toEqual(
        sqlite
          .prepare(`SELECT id FROM people WHERE ${likeWhere} ORDER BY sort_key, id LIMIT 30`)
          .pluck()
          .all(...words.map(like)),
      );
    }
  }, 120_000);

  it('for plan items: a year of the plan searched by pieces of its titles', async () => {
    const year = REFERENCE_SCALE.firstYear + 5;
    const planId = sqlite.prepare('SELECT id FROM work_plans WHERE year = ?').pluck().get(year) as number;
    const titles = column(`SELECT title || ' ' || target_audience FROM plan_items WHERE plan_id = ${planId}`);
    for (const search of [...NAMED, ...substrings(titles, 150, 3)]) {
      const items = (await call('workPlan.items', { year, search })) as PlanItem[];
      const words = searchWords(search);
      const expected = sqlite
        .prepare(
          `SELECT id FROM plan_items WHERE plan_id = ? ${words.map(() => 'AND instr(search_text, ?) > 0').join(' ')}
           ORDER BY CASE direction WHEN 'organizational' THEN 1 WHEN 'educational' THEN 2 ELSE 3 END, position`,
        )
        .pluck()
        .all(planId, ...words);
      expect(
        items.map((i) => i.id),
        `«${search}»`,
      ).toEqual(expected);
    }
  }, 120_000);

  it('for publications: the catalogue searched by pieces of titles, kinds and topics', async () => {
    const texts = column(`SELECT p.title || ' ' || p.topic FROM publications p`);
    for (const search of [...NAMED, 'памятка', 'памятка №3', ...substrings(texts, 100, 21)]) {
      const page = (await call('publications.list', { search, archive: 'all', limit: 1000 })) as Page<{ id: number }>;
      const words = searchWords(search);
      const expected = sqlite
        .prepare(`SELECT id FROM publications WHERE 1 ${words.map(() => 'AND instr(search_text, ?) > 0').join(' ')} ORDER BY sort_key, id`)
        .pluck()
        .all(...words);
      expect(
        page.rows.map((r) => r.id),
        `«${search}»`,
      ).toEqual(expected);
    }
  }, 120_000);

  it('for events: by their own words or a participant’s, latest first, on every page', async () => {
    const texts = [
      ...column(`SELECT title FROM events`),
      ...column(
        `SELECT p.last_name || ' ' || p.first_name FROM people p WHERE p.id IN (SELECT person_id FROM event_participants) LIMIT 500`,
      ),
    ];
    for (const [n, search] of [...NAMED, 'семинар', 'круглый стол', ...substrings(texts, 120, 16)].entries()) {
      const offset = n % 5 === 0 ? 50 : 0;
      const page = (await call('events.list', { search, offset, limit: 50 })) as Page<{ id: number }>;
      const words = searchWords(search);
      const has = (alias: string) => words.map(() => `instr(${alias}.search_text, ?) > 0`).join(' AND ') || '1';
      const where = `WHERE (${has('e')}) OR EXISTS (SELECT 1 FROM event_participants ep JOIN people pe ON pe.id = ep.person_id WHERE ep.event_id = e.id AND ${has('pe')})`;
      const order = 'ORDER BY e.first_day DESC, e.sort_key, e.id';
      const ids = sqlite
        .prepare(`SELECT e.id FROM events e ${where} ${order} LIMIT 50 OFFSET ${offset}`)
        .pluck()
        .all(...words, ...words);
      const total = sqlite
        .prepare(`SELECT count(*) FROM events e ${where}`)
        .pluck()
        .get(...words, ...words);
      expect({ ids: page.rows.map((r) => r.id), total: page.total }, `«${search}»`).toEqual({ ids, total });
    }
  }, 120_000);

  it('stays exact after edits: renames across the order, new records, deletions and undo', async () => {
    const rename = sqlite
      // People on no event's list: two of them are deleted, which a registration would refuse.
      .prepare(
        'SELECT id, last_name, first_name, middle_name, position, email FROM people WHERE id NOT IN (SELECT person_id FROM event_participants) ORDER BY id LIMIT 40',
      )
      .all() as {
      id: number;
      last_name: string;
      first_name: string;
      middle_name: string;
      position: string;
      email: string;
    }[];
    for (const [i, p] of rename.entries()) {
      // Moves a person from «А…» to «Я…» and back across the buckets, or keeps the name and changes the position.
      const lastName = i % 2 ? `Яковлева-${p.last_name}` : p.last_name;
      const updated = await app.dispatch('people.update', {
        id: p.id,
        data: { lastName, firstName: p.first_name, middleName: p.middle_name, position: i % 3 ? 'методист' : p.position, email: p.email },
      });
      expect(updated, JSON.stringify(updated)).toMatchObject({ ok: true });
    }
    for (let i = 0; i < 30; i++) {
      const created = await app.dispatch('people.create', {
        lastName: `Аааев${i}`,
        firstName: 'Ёлка',
        middleName: '',
        position: 'педагог',
      });
      expect(created.ok).toBe(true);
    }
    const deleted = await app.dispatch('people.delete', { id: rename[3]!.id });
    expect(deleted.ok).toBe(true);
    const undone = await app.dispatch('undo.apply', { id: (deleted as { undo: { id: number } }).undo.id });
    expect(undone.ok).toBe(true);
    await call('people.delete', { id: rename[5]!.id });
    for (const search of ['яковлева', 'аааев', 'ёлка', 'методист', 'ва', 'я', 'а', 'аааев1', rename[3]!.last_name, rename[5]!.last_name]) {
      for (const opts of [
        { offset: 0, dir: 'asc' as const },
        { offset: 50, dir: 'asc' as const },
        { offset: 0, dir: 'desc' as const },
      ]) {
        expect(await indexed('people', search, opts), `«${search}» ${JSON.stringify(opts)}`).toEqual(likePath('people', search, opts));
      }
    }
    // FTS5's own check of its structures.
    for (const table of [
      'people_fts',
      'people_grams',
      'organizations_fts',
      'organizations_grams',
      'plan_items_fts',
      'plan_items_grams',
      'events_fts',
      'events_grams',
    ]) {
      expect(() => sqlite.prepare(`INSERT INTO ${table}(${table}) VALUES ('integrity-check')`).run(), table).not.toThrow();
    }
  }, 120_000);
  it('stays exact after a bulk write that indexes its new rows once at its end, and after one rolled back', async () => {
    const count = () => sqlite.prepare('SELECT count(*) FROM people_search_rows').pluck().get() as number;
    const before = count();
    // A list of 1,500 across the whole order (from «Аа…» to «Яя…»), as an import writes it.
    const letters = 'абвгдежзиклмнопрстуфхцчшщэюя';
    const list = Array.from({ length: 1500 }, (_, i) => ({
      lastName: `${letters[i % letters.length]!.toUpperCase()}${letters[(i * 7) % letters.length]}импортова${i}`,
      firstName: 'Анна',
      middleName: 'Петровна',
      position: 'учитель',
      organizationId: null,
      phone: '',
      email: `bulk${i}@example.ru`,
      pdConsent: false,
      pdConsentDate: null,
      gender: null,
    }));
    const ids = sqlite.transaction(() => {
      const created = createPeople(app.db, list);
      // Inside the same write: an edit and a delete of rows not indexed yet keep their own triggers.
      sqlite
        .prepare(
          "UPDATE people SET last_name = 'Яковлева-импортова', search_text = 'яковлева-импортова анна петровна', sort_key = 'яковлева-импортова анна петровна' WHERE id = ?",
        )
        .run(created[0]);
      sqlite.prepare('DELETE FROM people WHERE id = ?').run(created[1]);
      return created;
    })();
    expect(ids).toHaveLength(1500);
    expect(count()).toBe(before + 1499);
    expect(sqlite.prepare('SELECT count(*) FROM search_suspended').pluck().get()).toBe(0);
    for (const search of ['импортова', 'импортова1', 'яковлева-импортова', 'аа', 'я', 'bulk14', 'анна петровна']) {
      for (const opts of [
        { offset: 0, dir: 'asc' as const },
        { offset: 50, dir: 'desc' as const },
      ]) {
        expect(await indexed('people', search, opts), `«${search}» ${JSON.stringify(opts)}`).toEqual(likePath('people', search, opts));
      }
    }
    // A bulk write that fails half-way leaves neither its rows nor a suspended trigger behind.
    expect(() =>
      sqlite.transaction(() => {
        createPeople(app.db, list.slice(0, 100));
        throw new Error('прервано');
      })(),
    ).toThrow('прервано');
    expect(count()).toBe(before + 1499);
    expect(sqlite.prepare('SELECT count(*) FROM search_suspended').pluck().get()).toBe(0);
    const one = await app.dispatch('people.create', { lastName: 'Послеимпортова', firstName: 'Анна' });
    expect(one.ok).toBe(true);
    expect(await indexed('people', 'послеимпортова', { offset: 0, dir: 'asc' })).toEqual(
      likePath('people', 'послеимпортова', { offset: 0, dir: 'asc' }),
    );
    expect((await indexed('people', 'послеимпортова', { offset: 0, dir: 'asc' })).ids).toHaveLength(1);
    for (const table of ['people_fts', 'people_grams'])
      expect(() => sqlite.prepare(`INSERT INTO ${table}(${table}) VALUES ('integrity-check')`).run(), table).not.toThrow();
  }, 120_000);
});
