import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appApi, planFormId } from '@tests/unit/meetings/helpers';
import { sortedByKey, sortKey } from '@shared/russian';

/**
 * One Russian order: the lists SQLite sorts (ORDER BY sort_key) and the lists sorted in code (by
 * the same key) agree on awkward names — numbers (№2 before №10), quotes, ё, hyphens, Latin,
 * names differing only in punctuation. Before, SQL gave «№1, №10, №2» and Intl.Collator in code
 * gave «№1, №2, №10», and the two disagreed on Latin letters and on «quotes» too.
 */
const EXPECTED = [
  '1-я городская больница',
  '2-я городская больница',
  '10-я городская больница',
  'АНО "Детство"',
  'АНО «Доверие»',
  'АНО Забота',
  'Детский сад №5',
  'Детский сад №12',
  'Детский сад «Елочка» №5',
  'Елисеевская библиотека',
  'Ёлкинская СОШ',
  '«Ёлочка», детский сад',
  'Иванов Пётр',
  'Иванова Анна',
  'Иванова-Петрова Анна',
  'Ивановская СОШ',
  'КДН и ЗП г. Уварово',
  'КДН и ЗП Уваровского района',
  'Ким Ли',
  'Кима Ольга',
  'МБОУ СОШ №1',
  'МБОУ СОШ №2',
  'МБОУ «СОШ №3»',
  'МБОУ СОШ №10',
  'МБОУ СОШ № 21',
  'МБОУ СОШ №100',
  'ОМВД России по Ржаксинскому району',
  'ООО «Партнёр 2»',
  'ООО Партнер 3',
  'ООО «Партнёр 11»',
  // The same name for a user: created in this order, kept in it.
  'Отдел опеки (г. Уварово)',
  'отдел опеки г. Уварово',
  'ТОГБУ «Центр «Доверие»',
  'ТОГБУ ЦППУ «Доверие»',
  'Центр «Доверие»',
  'Щедрый край',
  'Эдельвейс',
  'Юность',
  'яблоко — центр',
  'Яблонька, клуб',
  'Save the Children',
  'UNICEF Россия',
];

/** A fixed shuffle (the tie pair keeps its order), so neither side gets the list already sorted. */
const CREATED = EXPECTED.map((name, i) => ({ name, rank: (i * 17) % EXPECTED.length }))
  .sort((a, b) => a.rank - b.rank)
  .map((x) => x.name)
  .filter((n) => !n.toLowerCase().startsWith('отдел опеки'))
  .concat(['Отдел опеки (г. Уварово)', 'отдел опеки г. Уварово']);

let api: ReturnType<typeof appApi>;
beforeEach(() => (api = appApi()));
afterEach(() => api.cleanup());

describe('the Russian order', () => {
  it('is the same in SQL and in code for 42 awkward names', async () => {
    expect(new Set(CREATED).size).toBe(EXPECTED.length);
    const ids: number[] = [];
    for (const fullName of CREATED) ids.push((await api.call('organizations.create', { fullName, type: 'other' })).id);

    // SQL: the registry's list and pickers, and the column itself.
    const listed = (await api.call('organizations.list', { limit: 100 })).rows.map((o) => o.fullName);
    expect(listed).toEqual(EXPECTED);
    expect((await api.call('organizations.options', { search: '', limit: 100 })).map((o) => o.label)).toEqual(EXPECTED);
    // Descending reverses the keys; the two equal names keep their creation order (then by id).
    const descending = [...EXPECTED].reverse();
    const tie = descending.indexOf('отдел опеки г. Уварово');
    [descending[tie], descending[tie + 1]] = [descending[tie + 1]!, descending[tie]!];
    expect((await api.call('organizations.list', { limit: 100, dir: 'desc' })).rows.map((o) => o.fullName)).toEqual(descending);
    const raw = api.app.sqlite.prepare('SELECT full_name FROM organizations ORDER BY sort_key, id').pluck().all();
    expect(raw).toEqual(EXPECTED);

    // Code: the same key.
    expect(sortedByKey(CREATED, (n) => n)).toEqual(EXPECTED);
    expect([...CREATED].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0))).toEqual(
      sortedByKey(CREATED, (n) => n),
    );

    // And a list the work plan sorts in code: an item's partners.
    await api.call('workPlan.create', { year: 2017 });
    const item = await api.call('workPlan.createItem', {
      year: 2017,
      direction: 'organizational',
      title: 'Форум',
      formId: await planFormId(api, 'Форум'),
      term: { kind: 'year' },
      partnerIds: ids,
    });
    expect(item.partners.map((p) => p.label)).toEqual(EXPECTED);
  });

  it('orders people by surname, then name, and by position the same way', async () => {
    const names = ['Ёлкина', 'Елисеева', 'Иванова-Петрова', 'Иванов', 'Иванова', 'ежова', 'Яковлева', 'Smith'];
    for (const lastName of names)
      await api.call('people.create', { lastName, firstName: 'Анна', position: lastName === 'ежова' ? 'педагог' : 'Методист' });
    const rows = (await api.call('people.list', {})).rows.map((p) => p.lastName);
    expect(rows).toEqual(['ежова', 'Елисеева', 'Ёлкина', 'Иванов', 'Иванова', 'Иванова-Петрова', 'Яковлева', 'Smith']);
    expect(rows).toEqual(sortedByKey(names, (n) => `${n} Анна`));
    const byPosition = (await api.call('people.list', { sort: 'position' })).rows.map((p) => p.position);
    expect(byPosition.indexOf('Методист')).toBeLessThan(byPosition.indexOf('педагог'));
  });
});
