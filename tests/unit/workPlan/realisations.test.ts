import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appApi, planFormId, segmentGroup } from '@tests/unit/meetings/helpers';
import type { PlanItemInput } from '@shared/contract/workPlan';

/**
 * «Реализует» as a row: a plan item realised by a meeting shows what the meeting is now, read on
 * every call, through createApp().dispatch as the window calls it. On the code before
 * plan_item_links, holding wrote «Заседание проведено 12.09.2017, протокол №1» into her note and
 * nothing undid it after a change of date, a reopening or a deletion.
 */

let api: ReturnType<typeof appApi>;
let s: Awaited<ReturnType<typeof segmentGroup>>;
beforeEach(async () => {
  api = appApi();
  s = await segmentGroup(api);
  await api.call('workPlan.create', { year: 2017 });
});
afterEach(() => api.cleanup());

const item = async (data: Partial<PlanItemInput> = {}) =>
  api.call('workPlan.createItem', {
    year: 2017,
    direction: 'organizational',
    title: 'Заседание рабочей группы сегмента №6',
    formId: await planFormId(api, 'Заседание'),
    term: { kind: 'month', month: 9 },
    ...data,
  });
const meeting = (dateStart: string, planItemId: number | null = null) =>
  api.call('meetings.create', { groupId: s.group.id, kind: 'session', dateStart, planItemId });
const shown = async (id: number) => {
  const found = (await api.call('workPlan.items', { year: 2017 })).find((i) => i.id === id)!;
  return {
    status: found.status,
    ownStatus: found.ownStatus,
    note: found.resultNote,
    records: found.realisations.map((r) => [r.label, r.final]),
  };
};

describe('a plan item realised by a meeting', () => {
  it('follows the meeting held, re-dated, renumbered, reopened and deleted, and her note stays hers', async () => {
    const planned = await item();
    await api.call('workPlan.setStatus', { id: planned.id, status: 'planned', resultNote: 'Перенесено с августа' });
    const m = await meeting('2017-09-12', planned.id);
    expect(await shown(planned.id)).toEqual({
      status: 'planned',
      ownStatus: 'planned',
      note: 'Перенесено с августа',
      records: [['заседание №1 от 12.09.2017', false]],
    });

    await api.call('meetings.hold', { id: m.id });
    expect(await shown(planned.id)).toEqual({
      status: 'done',
      ownStatus: 'planned',
      note: 'Перенесено с августа',
      records: [['заседание №1 от 12.09.2017', true]],
    });

    const form = { groupId: s.group.id, kind: 'session' as const, dateStart: '2017-09-13', planItemId: planned.id };
    await api.call('meetings.update', { id: m.id, data: { ...form, number: 5 } });
    expect((await shown(planned.id)).records).toEqual([['заседание №5 от 13.09.2017', true]]);

    await api.call('meetings.reopen', { id: m.id });
    expect(await shown(planned.id)).toMatchObject({ status: 'planned', records: [['заседание №5 от 13.09.2017', false]] });

    await api.call('meetings.delete', { id: m.id });
    expect(await shown(planned.id)).toEqual({ status: 'planned', ownStatus: 'planned', note: 'Перенесено с августа', records: [] });
    expect((await api.call('meetings.planCandidates', { year: 2017 }))[0]!.used).toBe(false);
  });

  it('is done whatever status she set by hand, and shows hers again when the meeting goes', async () => {
    const planned = await item();
    await api.call('workPlan.setStatus', { id: planned.id, status: 'cancelled', resultNote: 'Отменено приказом' });
    const m = await meeting('2017-09-12', planned.id);
    await api.call('meetings.hold', { id: m.id });
    expect(await shown(planned.id)).toMatchObject({ status: 'done', ownStatus: 'cancelled', note: 'Отменено приказом' });
    // The plan's filter and counts go by the status shown.
    expect((await api.call('workPlan.items', { year: 2017, status: 'done' })).map((i) => i.id)).toEqual([planned.id]);
    expect((await api.call('workPlan.summary', { year: 2017 })).total).toMatchObject({ done: 1, cancelled: 0 });
    expect((await api.call('workPlan.years', {}))[0]).toMatchObject({ itemCount: 1, doneCount: 1 });
    await api.call('meetings.reopen', { id: m.id });
    expect(await shown(planned.id)).toMatchObject({ status: 'cancelled' });
  });

  it('through a question of its agenda: the link follows the question to the next meeting and goes with it', async () => {
    const topic = await item({ title: 'О работе семейных клубов' });
    const first = await meeting('2017-09-12');
    const next = await meeting('2017-09-20');
    const withTopic = await api.call('agenda.addFromPlan', { meetingId: first.id, planItemId: topic.id });
    const question = withTopic.items.at(-1)!;
    expect(question.planItemId).toBe(topic.id);
    expect((await api.refusal('agenda.addFromPlan', { meetingId: first.id, planItemId: topic.id })).message).toContain('уже есть');

    await api.call('agenda.carryToNext', { id: question.id });
    await api.call('meetings.hold', { id: next.id });
    expect((await shown(topic.id)).records).toEqual([['заседание №2 от 20.09.2017', true]]);
    expect((await shown(topic.id)).status).toBe('done');

    await api.call('meetings.reopen', { id: next.id });
    await api.call('agenda.delete', { id: question.id });
    expect(await shown(topic.id)).toMatchObject({ status: 'planned', records: [] });
  });

  it('due «в течение года» or marked recurring, is not closed by one meeting: the meetings are listed, she closes it', async () => {
    const yearly = await item({ title: 'Консультации для специалистов', term: { kind: 'year' } });
    const monthly = await item({ title: 'Мониторинг случаев', recurring: true });
    for (const date of ['2017-09-12', '2017-10-10']) {
      const m = await meeting(date);
      await api.call('agenda.addFromPlan', { meetingId: m.id, planItemId: yearly.id });
      await api.call('agenda.addFromPlan', { meetingId: m.id, planItemId: monthly.id });
      await api.call('meetings.hold', { id: m.id });
    }
    for (const id of [yearly.id, monthly.id]) {
      expect(await shown(id)).toMatchObject({
        status: 'planned',
        records: [
          ['заседание №1 от 12.09.2017', true],
          ['заседание №2 от 10.10.2017', true],
        ],
      });
    }
    await api.call('workPlan.setStatus', { id: monthly.id, status: 'done', resultNote: 'Проведено 12 консультаций' });
    expect(await shown(monthly.id)).toMatchObject({ status: 'done', note: 'Проведено 12 консультаций' });
    const listed = (await api.call('workPlan.items', { year: 2017 })).find((i) => i.id === yearly.id)!;
    expect(listed).toMatchObject({ recurring: false, closedByRecord: false });
  });
});

describe('the printed plan', () => {
  it('names the meeting in «Отметка о выполнении» beside her note', async () => {
    const planned = await item();
    await api.call('workPlan.setStatus', { id: planned.id, status: 'planned', resultNote: 'Решения приняты' });
    const m = await meeting('2017-09-12', planned.id);
    await api.call('meetings.hold', { id: m.id });
    // The execution report's plan table, the execution column last.
    const report = await api.call('workPlan.documentView', { year: 2017, doc: 'report' });
    const plan = report.blocks.filter((b) => b.kind === 'table').at(-1)!;
    const row = plan.kind === 'table' ? plan.rows.find((r) => 'cells' in r) : undefined;
    expect(row && 'cells' in row ? row.cells.at(-1) : null).toBe('Выполнено: заседание №1 от 12.09.2017. Решения приняты');
  });
});
