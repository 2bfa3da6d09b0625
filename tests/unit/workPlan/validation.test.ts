import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { listValues, planItems } from '@db/schema';
import { contract } from '@shared/contract';
import { createDispatcher, type AnyHandler } from '@main/api/dispatch';
import { workPlanCalls } from '@shared/contract/workPlan';
import { workPlanHandlers } from '@main/services/workPlan/handlers';
import { addItem, createPlan, freshDb, planFormId } from './helpers';

let t: ReturnType<typeof freshDb>;
let dispatch: ReturnType<typeof createDispatcher>;
beforeEach(() => {
  t = freshDb();
  // Only the work plan's calls: the dispatcher is the same one the app uses, with zod's Russian locale from the contract.
  void contract;
  dispatch = createDispatcher(workPlanCalls, workPlanHandlers as unknown as Record<string, AnyHandler>, {
    db: t.db,
    env: { version: 'test', dataDir: t.dir, dbFile: t.file },
  });
  createPlan(t.db, { year: 2017 });
  item = {
    year: 2017,
    direction: 'organizational',
    title: 'Семинар',
    formId: planFormId(t.db, 'Семинар'),
    term: { kind: 'date', date: '2017-03-20' },
  };
});
afterEach(() => t.cleanup());

let item: Record<string, unknown>;
const count = () => t.db.select().from(planItems).all().length;

describe('work plan calls refuse bad input in Russian and write nothing', () => {
  it('accepts a good item', async () => {
    const result = await dispatch('workPlan.createItem', item);
    expect(result).toMatchObject({ ok: true, value: { number: '1.1', termLabel: '20.03.2017', status: 'planned' } });
  });

  it.each([
    ['a date outside the plan year', { term: { kind: 'date', date: '2018-01-10' } }, 'term.date', 'Дата 10.01.2018 не входит в 2017 год'],
    ['an empty title', { title: '   ' }, 'title', 'Заполните поле «Мероприятие»'],
    ['an impossible date', { term: { kind: 'date', date: '2017-02-30' } }, 'term.date', 'Такой даты не существует'],
    ['a month out of range', { term: { kind: 'month', month: 13 } }, 'term.month', 'Выберите месяц'],
    ['an unknown term kind', { term: { kind: 'week' } }, 'term.kind', 'Выберите, как указан срок'],
    ['an unknown direction', { direction: 'sports' }, 'direction', 'Выберите направление'],
    ['an unknown field', { color: 'red' }, '_', ''],
    ['no form', { formId: undefined }, 'formId', 'Выберите форму'],
    ['a form that is not in the list', { formId: 999 }, 'formId', 'Значение не найдено в списке «Формы работы»'],
  ])('refuses %s', async (_what, patch, field, message) => {
    const result = await dispatch('workPlan.createItem', { ...item, ...patch });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/[а-яё]/i);
    expect(result.error.message).toContain(message);
    if (field !== '_') expect(result.error.fields?.[field]).toContain(message);
    expect(count()).toBe(0);
  });

  it('refuses an update moving a date out of the plan year, keeping the item as it was', async () => {
    const saved = addItem(t.db, 2017, { title: 'Круглый стол', term: { kind: 'month', month: 5 } });
    const { year: _year, ...data } = item;
    const result = await dispatch('workPlan.updateItem', { id: saved.id, data: { ...data, term: { kind: 'date', date: '2016-12-31' } } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'data.term.date': expect.stringContaining('не входит в 2017 год') } },
    });
    const after = await dispatch('workPlan.items', { year: 2017 });
    expect(after).toMatchObject({ ok: true, value: [{ title: 'Круглый стол', termLabel: 'май' }] });
  });

  it('offers an archived form to no new item, and keeps it on the item that has it', async () => {
    const club = planFormId(t.db, 'Клуб');
    const saved = addItem(t.db, 2017, { title: 'Клуб «Ответственный родитель»', form: 'Клуб' });
    t.db.update(listValues).set({ archived: true }).where(eq(listValues.id, club)).run();

    const refused = await dispatch('workPlan.createItem', { ...item, formId: club });
    expect(refused).toMatchObject({
      ok: false,
      error: { fields: { formId: expect.stringContaining('«Клуб» в архиве списка «Формы работы»') } },
    });
    expect(count()).toBe(1);

    const { year: _year, ...data } = item;
    const kept = await dispatch('workPlan.updateItem', { id: saved.id, data: { ...data, title: 'Клуб для родителей', formId: club } });
    expect(kept).toMatchObject({ ok: true, value: { title: 'Клуб для родителей', form: 'Клуб' } });
  });

  it('answers in Russian for a year without a plan and for a second plan of the same year', async () => {
    expect(await dispatch('workPlan.items', { year: 2030 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'План работы на 2030 год не найден: сначала создайте его' },
    });
    expect(await dispatch('workPlan.create', { year: 2017 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'План работы на 2017 год уже есть' },
    });
    expect(await dispatch('workPlan.create', { year: 1990 })).toMatchObject({
      ok: false,
      error: { message: 'Год должен быть не раньше 2000' },
    });
  });

  it('returns the documents as files with names a person recognises', async () => {
    addItem(t.db, 2017, { title: 'Семинар' });
    const approval = await dispatch('workPlan.exportDocx', { year: 2017, doc: 'approval' });
    const report = await dispatch('workPlan.exportDocx', { year: 2017, doc: 'report' });
    const xlsx = await dispatch('workPlan.exportXlsx', { year: 2017 });
    expect(approval).toMatchObject({ ok: true, value: { fileName: 'План работы на 2017 год (для утверждения).docx' } });
    expect(report).toMatchObject({ ok: true, value: { fileName: 'Отчёт о выполнении плана работы за 2017 год.docx' } });
    expect(xlsx).toMatchObject({ ok: true, value: { fileName: 'План работы на 2017 год (рабочая копия).xlsx' } });
    expect(await dispatch('workPlan.exportDocx', { year: 2017, doc: 'other' })).toMatchObject({
      ok: false,
      error: { message: 'Неизвестный документ плана' },
    });
  });
});
