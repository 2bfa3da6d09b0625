import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listItems } from '@main/services/workPlan/items';
import { planOpening } from '@main/services/workPlan/opening';
import { getPlan, listPlanYears } from '@main/services/workPlan/plans';
import { addItem, addPerson, createPlan, freshDb } from './helpers';

let t: ReturnType<typeof freshDb>;
beforeEach(() => {
  t = freshDb();
});
afterEach(() => t.cleanup());

const unfiltered = (year: number) => ({ year, direction: null, status: null, quarter: null, responsibleId: null, search: '' });

describe('the plan screen in one call (workPlan.opening)', () => {
  it('answers nothing to show before any plan exists', () => {
    expect(planOpening(t.db, { preferred: [2017] })).toEqual({ years: [], year: null, plan: null, items: [] });
  });

  it('shows the first preferred year that has a plan, else the latest, with what the three separate calls answer', () => {
    createPlan(t.db, { year: 2016 });
    createPlan(t.db, { year: 2017 });
    addItem(t.db, 2016, { title: 'Семинар для педагогов' });
    addItem(t.db, 2016, { title: 'Вебинар', status: 'done' });
    addItem(t.db, 2017, { title: 'Конференция' });

    // The address asks for a year with no plan (2030), the session's last one is 2016.
    const opening = planOpening(t.db, { preferred: [2030, 2016, 2026] });
    expect(opening.year).toBe(2016);
    expect(opening.years).toEqual(listPlanYears(t.db));
    expect(opening.plan).toEqual(getPlan(t.db, { year: 2016 }));
    expect(opening.items).toEqual(listItems(t.db, unfiltered(2016)));
    expect(opening.items.map((i) => i.title)).toEqual(['Семинар для педагогов', 'Вебинар']);

    // None preferred has a plan: the latest.
    expect(planOpening(t.db, { preferred: [2030] }).year).toBe(2017);
    expect(planOpening(t.db, { preferred: [] }).items.map((i) => i.title)).toEqual(['Конференция']);
  });

  it('answers the first items alone when asked, in plan order with their links, as the whole list begins', () => {
    createPlan(t.db, { year: 2017 });
    const ivanova = addPerson(t.db, 'Иванова', 'Мария', 'Петровна');
    const petrov = addPerson(t.db, 'Петров', 'Олег');
    // Added out of the plan's order: a later direction first, then the first direction's items.
    addItem(t.db, 2017, { title: 'Курсы', direction: 'educational', responsibleIds: [petrov] });
    addItem(t.db, 2017, { title: 'Совещание', direction: 'organizational', responsibleIds: [petrov, ivanova] });
    addItem(t.db, 2017, { title: 'Педсовет', direction: 'organizational', status: 'done' });
    addItem(t.db, 2017, { title: 'Семинар', direction: 'educational' });
    const whole = listItems(t.db, unfiltered(2017));
    expect(whole.map((i) => i.title)).toEqual(['Совещание', 'Педсовет', 'Курсы', 'Семинар']);

    const opening = planOpening(t.db, { preferred: [2017], first: 3 });
    expect(opening.items).toEqual(whole.slice(0, 3));
    expect(opening.items[0]!.responsibles.map((r) => r.label)).toEqual(['Иванова М.П.', 'Петров О.']);
    expect(opening.items[2]!.isLast).toBe(false);
    expect(listItems(t.db, { ...unfiltered(2017), first: 10 })).toEqual(whole);
    // With a filter: the first of the matching items.
    expect(listItems(t.db, { ...unfiltered(2017), status: 'planned', first: 2 }).map((i) => i.title)).toEqual(['Совещание', 'Курсы']);
  });
});
