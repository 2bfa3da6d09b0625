import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planItems, workPlans } from '@db/schema';
import { copyToNextYear } from '@main/services/workPlan/copy';
import { deleteItem, getItem, listItems, moveItem, setItemStatus, updateItem } from '@main/services/workPlan/items';
import { getPlan, listPlanYears } from '@main/services/workPlan/plans';
import { setPlanApproval } from '@main/services/workPlan/approval';
import { planSummary } from '@main/services/workPlan/summary';
import { formatTerm, shiftTermToNextYear, storeTerm } from '@main/services/workPlan/terms';
import { seedDemoWorkPlan } from '@main/services/workPlan/demo';
import { DIRECTIONS } from '@shared/enums';
import { addItem, addOrganization, addPerson, createPlan, freshDb } from './helpers';

let t: ReturnType<typeof freshDb>;
beforeEach(() => {
  t = freshDb();
});
afterEach(() => t.cleanup());

describe('terms', () => {
  it('derives the days a term covers within the plan year', () => {
    expect(storeTerm({ kind: 'date', date: '2017-09-12' }, 2017)).toMatchObject({ termStart: '2017-09-12', termEnd: '2017-09-12' });
    expect(storeTerm({ kind: 'month', month: 2 }, 2016)).toMatchObject({ termValue: '2', termStart: '2016-02-01', termEnd: '2016-02-29' });
    expect(storeTerm({ kind: 'quarter', quarter: 3 }, 2017)).toMatchObject({ termStart: '2017-07-01', termEnd: '2017-09-30' });
    expect(storeTerm({ kind: 'year' }, 2017)).toMatchObject({ termValue: '', termStart: '2017-01-01', termEnd: '2017-12-31' });
  });

  it('names terms as the printed plan does', () => {
    expect(formatTerm({ kind: 'date', date: '2017-09-12' })).toBe('12.09.2017');
    expect(formatTerm({ kind: 'month', month: 9 })).toBe('сентябрь');
    expect(formatTerm({ kind: 'quarter', quarter: 3 })).toBe('III квартал');
    expect(formatTerm({ kind: 'year' })).toBe('в течение года');
  });

  it('shifts a date a year later, 29 February to 28 February', () => {
    expect(shiftTermToNextYear({ kind: 'date', date: '2016-02-29' })).toEqual({ kind: 'date', date: '2017-02-28' });
    expect(shiftTermToNextYear({ kind: 'month', month: 5 })).toEqual({ kind: 'month', month: 5 });
  });
});

describe('plans and items', () => {
  it('lists years with their counts and keeps the approval date', () => {
    createPlan(t.db, { year: 2018 });
    createPlan(t.db, { year: 2017 });
    addItem(t.db, 2017, { title: 'Семинар', status: 'done' });
    addItem(t.db, 2017, { title: 'Круглый стол' });
    expect(() => createPlan(t.db, { year: 2017 })).toThrow('План работы на 2017 год уже есть');
    setPlanApproval(t.db, { year: 2017, approvedOn: '2017-01-16' });
    expect(listPlanYears(t.db)).toEqual([
      { year: 2017, approvedOn: '2017-01-16', itemCount: 2, doneCount: 1 },
      { year: 2018, approvedOn: null, itemCount: 0, doneCount: 0 },
    ]);
    expect(() => getPlan(t.db, { year: 2019 })).toThrow('План работы на 2019 год не найден');
  });

  it('numbers items per direction, moves them, and closes gaps on delete and on a change of direction', () => {
    createPlan(t.db, { year: 2017 });
    const a = addItem(t.db, 2017, { title: 'А', direction: 'educational' });
    const b = addItem(t.db, 2017, { title: 'Б', direction: 'educational' });
    const c = addItem(t.db, 2017, { title: 'В', direction: 'educational' });
    const d = addItem(t.db, 2017, { title: 'Г', direction: 'organizational' });
    const numbers = () => listItems(t.db, { year: 2017 }).map((i) => `${i.number} ${i.title}`);
    expect(numbers()).toEqual(['1.1 Г', '2.1 А', '2.2 Б', '2.3 В']);

    moveItem(t.db, { id: c.id, to: 'up' });
    expect(numbers()).toEqual(['1.1 Г', '2.1 А', '2.2 В', '2.3 Б']);
    moveItem(t.db, { id: a.id, to: 'up' }); // already first: nothing changes
    expect(numbers()).toEqual(['1.1 Г', '2.1 А', '2.2 В', '2.3 Б']);
    expect(getItem(t.db, { id: a.id })).toMatchObject({ isFirst: true, isLast: false });
    expect(getItem(t.db, { id: b.id })).toMatchObject({ isFirst: false, isLast: true });

    deleteItem(t.db, { id: a.id });
    expect(numbers()).toEqual(['1.1 Г', '2.1 В', '2.2 Б']);

    const item = getItem(t.db, { id: c.id });
    updateItem(t.db, {
      id: c.id,
      data: { ...item, direction: 'organizational', responsibleIds: [], partnerIds: [] },
    });
    expect(numbers()).toEqual(['1.1 Г', '1.2 В', '2.1 Б']);
    void d;
  });

  it('stores responsible people and partners and shows them as labels', () => {
    createPlan(t.db, { year: 2017 });
    const p1 = addPerson(t.db, 'Попова', 'Людмила', 'Александровна');
    const p2 = addPerson(t.db, 'Гоберкорн', 'Анна', 'Яковлевна');
    const org = addOrganization(t.db, 'Тамбовское областное государственное бюджетное учреждение', 'ТОГБУ «Доверие»');
    const item = addItem(t.db, 2017, { title: 'Семинар', responsibleIds: [p1, p2], partnerIds: [org] });
    expect(item.responsibles.map((r) => r.label)).toEqual(['Гоберкорн А.Я.', 'Попова Л.А.']);
    expect(item.partners.map((r) => r.label)).toEqual(['ТОГБУ «Доверие»']);
    expect(() => addItem(t.db, 2017, { title: 'X', responsibleIds: [9999] })).toThrow('Ответственный специалист не найден');
  });

  it('filters by quarter (overlap), status, direction, responsible and folded search', () => {
    createPlan(t.db, { year: 2017 });
    const person = addPerson(t.db, 'Попова', 'Людмила');
    addItem(t.db, 2017, { title: 'Весь год', term: { kind: 'year' } });
    addItem(t.db, 2017, { title: 'Март', term: { kind: 'month', month: 3 } });
    addItem(t.db, 2017, { title: 'Апрель', term: { kind: 'month', month: 4 }, status: 'done', responsibleIds: [person] });
    addItem(t.db, 2017, { title: 'Третий квартал', term: { kind: 'quarter', quarter: 3 }, direction: 'informational' });
    addItem(t.db, 2017, { title: 'Сентябрь', term: { kind: 'date', date: '2017-09-30' }, targetAudience: 'Замещающие семьи' });
    addItem(t.db, 2017, { title: 'Первое октября', term: { kind: 'date', date: '2017-10-01' } });
    const titles = (filter: Parameters<typeof listItems>[1]) => listItems(t.db, filter).map((i) => i.title);

    expect(titles({ year: 2017, quarter: 1 })).toEqual(['Весь год', 'Март']);
    expect(titles({ year: 2017, quarter: 2 })).toEqual(['Весь год', 'Апрель']);
    expect(titles({ year: 2017, quarter: 3 })).toEqual(['Весь год', 'Сентябрь', 'Третий квартал']);
    expect(titles({ year: 2017, quarter: 4 })).toEqual(['Весь год', 'Первое октября']);
    expect(titles({ year: 2017, status: 'done' })).toEqual(['Апрель']);
    expect(titles({ year: 2017, direction: 'informational' })).toEqual(['Третий квартал']);
    expect(titles({ year: 2017, responsibleId: person })).toEqual(['Апрель']);
    expect(titles({ year: 2017, search: 'ЗАМЕЩАЮЩИЕ' })).toEqual(['Сентябрь']);
    expect(titles({ year: 2017, search: 'перв' })).toEqual(['Первое октября']);
  });

  it('changes the status with a result note that search then finds (ё as е)', () => {
    createPlan(t.db, { year: 2017 });
    const item = addItem(t.db, 2017, { title: 'Сборник' });
    const done = setItemStatus(t.db, { id: item.id, status: 'done', resultNote: 'Выпущен тираж, всё роздано' });
    expect(done).toMatchObject({ status: 'done', resultNote: 'Выпущен тираж, всё роздано' });
    expect(listItems(t.db, { year: 2017, search: 'все роздано' }).map((i) => i.id)).toEqual([item.id]);
    expect(() => setItemStatus(t.db, { id: 999, status: 'done', resultNote: '' })).toThrow('Мероприятие плана не найдено');
  });
});

describe('copy to the next year', () => {
  it('carries planned and moved items with the status reset and dates shifted; done and cancelled stay', () => {
    createPlan(t.db, { year: 2017 });
    const person = addPerson(t.db, 'Попова', 'Людмила');
    const org = addOrganization(t.db, 'Школа №1');
    addItem(t.db, 2017, { title: 'Выполнено', status: 'done', resultNote: 'ok' });
    addItem(t.db, 2017, { title: 'Отменено', status: 'cancelled' });
    addItem(t.db, 2017, {
      title: 'Перенесено',
      status: 'moved',
      resultNote: 'причина',
      term: { kind: 'date', date: '2017-09-12' },
      responsibleIds: [person],
      partnerIds: [org],
      direction: 'educational',
    });
    addItem(t.db, 2017, { title: 'Запланировано', term: { kind: 'quarter', quarter: 2 } });

    expect(copyToNextYear(t.db, { year: 2017 })).toEqual({ targetYear: 2018, carried: 2, leftDone: 1, leftCancelled: 1 });
    const carried = listItems(t.db, { year: 2018 });
    expect(carried.map((i) => [i.number, i.title, i.status, i.resultNote, i.termLabel])).toEqual([
      ['1.1', 'Запланировано', 'planned', '', 'II квартал'],
      ['2.1', 'Перенесено', 'planned', '', '12.09.2018'],
    ]);
    expect(carried[1]!.responsibles.map((r) => r.id)).toEqual([person]);
    expect(carried[1]!.partners.map((r) => r.id)).toEqual([org]);
    expect(carried[0]!.termStart).toBe('2018-04-01');
    // The source year is untouched.
    expect(listItems(t.db, { year: 2017 })).toHaveLength(4);
  });

  it('refuses when the next year already has items and writes nothing', () => {
    createPlan(t.db, { year: 2017 });
    createPlan(t.db, { year: 2018 });
    addItem(t.db, 2017, { title: 'Запланировано' });
    addItem(t.db, 2018, { title: 'Уже есть' });
    expect(() => copyToNextYear(t.db, { year: 2017 })).toThrow('В плане на 2018 год уже 1 мероприятие');
    expect(listItems(t.db, { year: 2018 }).map((i) => i.title)).toEqual(['Уже есть']);
  });

  it('fills an existing empty plan of the next year', () => {
    createPlan(t.db, { year: 2017 });
    createPlan(t.db, { year: 2018 });
    addItem(t.db, 2017, { title: 'Запланировано' });
    expect(copyToNextYear(t.db, { year: 2017 }).carried).toBe(1);
  });
});

describe('execution summary', () => {
  it('counts statuses per direction and in total with the done percentage', () => {
    createPlan(t.db, { year: 2017 });
    const add = (direction: (typeof DIRECTIONS)[number], status: 'planned' | 'done' | 'moved' | 'cancelled') =>
      addItem(t.db, 2017, { title: `${direction} ${status}`, direction, status });
    add('organizational', 'done');
    add('organizational', 'done');
    add('organizational', 'moved');
    add('educational', 'done');
    add('educational', 'cancelled');
    add('educational', 'planned');
    const summary = planSummary(t.db, { year: 2017 });
    expect(summary.rows.map((r) => [r.direction, r.total, r.done, r.moved, r.cancelled, r.planned, r.donePercent])).toEqual([
      ['organizational', 3, 2, 1, 0, 0, 67],
      ['educational', 3, 1, 0, 1, 1, 33],
      ['informational', 0, 0, 0, 0, 0, 0],
    ]);
    expect(summary.total).toEqual({ total: 6, planned: 1, done: 3, moved: 1, cancelled: 1, donePercent: 50 });
  });
});

describe('demo plans', () => {
  it('fills 2017 and 2018 across all three directions, linking registry records when present', () => {
    const person = addPerson(t.db, 'Попова', 'Людмила');
    seedDemoWorkPlan(t.db);
    for (const year of [2017, 2018]) {
      const items = listItems(t.db, { year });
      expect(items.length).toBeGreaterThanOrEqual(12);
      expect(items.length).toBeLessThanOrEqual(22);
      expect(new Set(items.map((i) => i.direction))).toEqual(new Set(DIRECTIONS));
      expect(items.some((i) => i.responsibles.some((r) => r.id === person))).toBe(true);
    }
    const s2017 = planSummary(t.db, { year: 2017 }).total;
    expect(s2017.done).toBeGreaterThan(s2017.total / 2);
    expect(s2017.moved + s2017.cancelled).toBeGreaterThan(0);
    expect(listItems(t.db, { year: 2017, search: 'что написано пером' }).length).toBeGreaterThan(0);
    // Running it again adds nothing.
    seedDemoWorkPlan(t.db);
    expect(t.db.select().from(planItems).all().length).toBe(
      listItems(t.db, { year: 2017 }).length + listItems(t.db, { year: 2018 }).length,
    );
  });
});

describe('plan search', () => {
  it('finds an item by words that are not next to each other, like the registry lists do', () => {
    createPlan(t.db, { year: 2017 });
    addItem(t.db, 2017, { title: 'Семинар для педагогов школ', targetAudience: 'Педагоги' });
    addItem(t.db, 2017, { title: 'Семинар для родителей' });
    const titles = (search: string) => listItems(t.db, { year: 2017, search }).map((i) => i.title);
    expect(titles('семинар педагогов')).toEqual(['Семинар для педагогов школ']);
    expect(titles('РОДИТЕЛЕЙ семинар')).toEqual(['Семинар для родителей']);
    // One word after two: a query of another word count must not reuse the two-word query.
    expect(titles('семинар')).toEqual(['Семинар для педагогов школ', 'Семинар для родителей']);
    expect(titles('семинар педагогов родителей')).toEqual([]);
  });

  it('keeps the links of the items a word search finds', () => {
    createPlan(t.db, { year: 2017 });
    const person = addPerson(t.db, 'Попова', 'Людмила', 'Ивановна');
    addItem(t.db, 2017, { title: 'Круглый стол для специалистов опеки', responsibleIds: [person] });
    const [found] = listItems(t.db, { year: 2017, search: 'стол опеки' });
    expect(found?.responsibles.map((r) => r.label)).toEqual(['Попова Л.И.']);
  });
});

describe('copy to the next year at the last year a plan can have', () => {
  it('refuses in Russian instead of creating a plan that can never be opened', () => {
    createPlan(t.db, { year: 2100 });
    addItem(t.db, 2100, { title: 'Запланировано' });
    expect(() => copyToNextYear(t.db, { year: 2100 })).toThrow('План можно составить не позже чем на 2100 год');
    expect(
      t.db
        .select()
        .from(workPlans)
        .all()
        .map((p) => p.year),
    ).toEqual([2100]);
  });
});
