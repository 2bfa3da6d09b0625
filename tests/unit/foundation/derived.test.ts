import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '@main/api/app';
import { DERIVATIONS, derivedOfRows, rebuildDerived, type DerivedTable } from '@db/derived';
import { populatedApp } from './populated';

/**
 * The derived columns (search texts, sort keys, folded values) are computed in one place
 * (db/derived.ts) and every write path stores what it computes: the services (the demo data
 * went through them), the benchmark's generators (raw inserts) and the calls below. Recomputing
 * every row of a populated database gives what is stored.
 */

let app: App;
let cleanup: () => void;
// The demo and a run of the generators: about 10 s on a loaded two-core machine, past the default hook timeout.
beforeAll(async () => ({ app, cleanup } = await populatedApp()), 60_000);
afterAll(() => cleanup());

const tables = Object.keys(DERIVATIONS) as DerivedTable[];

/** Rows whose stored keys differ from what the rules compute now. */
const stale = (name: DerivedTable) =>
  derivedOfRows(app.db, name)
    .filter((r) => Object.keys(r.expected).some((k) => r.stored[k] !== r.expected[k]))
    .map((r) => ({ id: r.id, stored: r.stored, expected: r.expected }));

async function call(name: Parameters<App['dispatch']>[0], input: unknown) {
  const result = await app.dispatch(name, input as never);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as { id: number };
}

describe('derived columns', () => {
  it.each(tables)('%s: every row of the demo and the generated data holds what the rules compute', (name) => {
    expect(derivedOfRows(app.db, name).length, `${name} has rows`).toBeGreaterThan(0);
    expect(stale(name)).toEqual([]);
  });

  it('stay right after the changes that touch them, a list value renamed under the plan items that use it included', async () => {
    const person = await call('people.create', { lastName: 'Ёлкина', firstName: 'Алёна', position: 'Методист «Доверия»' });
    await call('people.update', { id: person.id, data: { lastName: 'Ёлкина-Петрова', firstName: 'Алёна', position: 'Педагог-психолог' } });
    const org = await call('organizations.create', { fullName: 'МБОУ «СОШ №7»', type: 'education' });
    await call('organizations.update', {
      id: org.id,
      data: { fullName: 'МБОУ «Средняя школа №7»', shortName: 'СОШ №7', type: 'education' },
    });
    const seminar = app.sqlite.prepare("SELECT id FROM list_values WHERE value = 'Семинар'").pluck().get() as number;
    const used = app.sqlite.prepare('SELECT count(*) FROM plan_items WHERE form_id = ?').pluck().get(seminar) as number;
    expect(used).toBeGreaterThan(0);
    await call('lists.rename', { id: seminar, value: 'Обучающий семинар' });
    const item = app.sqlite.prepare('SELECT id FROM plan_items ORDER BY id LIMIT 1').pluck().get() as number;
    await call('workPlan.setStatus', { id: item, status: 'done', resultNote: 'Проведено для 40 участников' });
    for (const name of tables) expect(stale(name), name).toEqual([]);

    // The plan finds its items by the new name of their form.
    const found = (await app.dispatch('workPlan.items', { year: 2017, search: 'обучающий' })) as { ok: true; value: { form: string }[] };
    expect(found.value.length).toBeGreaterThan(0);
    expect(found.value.every((i) => i.form === 'Обучающий семинар')).toBe(true);
  });

  it('the check sees a stale key (a write path that stored its own), and rebuildDerived repairs it', () => {
    app.sqlite.prepare('UPDATE people SET search_text = lower(last_name) WHERE id = (SELECT min(id) FROM people)').run();
    expect(stale('people')).toHaveLength(1);
    app.sqlite.transaction(() => rebuildDerived(app.db))();
    for (const name of tables) expect(stale(name), name).toEqual([]);
  });
});
