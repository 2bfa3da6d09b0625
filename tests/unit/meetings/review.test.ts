import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApi, planFormId, segmentGroup, signMeeting, textOf, type Api } from './helpers';

/** Defects a secretary would hit that the first round of tests did not reach. */

let api: Api;
let s: Awaited<ReturnType<typeof segmentGroup>>;
beforeEach(async () => {
  api = freshApi();
  s = await segmentGroup(api);
});
afterEach(() => api.cleanup());

const meeting = (dateStart: string, extra: Record<string, unknown> = {}) =>
  api.call('meetings.create', { groupId: s.group.id, kind: 'session', dateStart, town: 'г. Уварово', ...extra });

describe('numbering when the form is edited', () => {
  it('moving a meeting to another year in the editor (which sends back its number) puts it at the end of that year’s series', async () => {
    await meeting('2018-01-20');
    await meeting('2018-02-15');
    await meeting('2017-11-10');
    const m = await meeting('2017-12-20');
    expect(m.number).toBe(2);
    // The editor sends the whole form, the unchanged number included.
    const moved = await api.call('meetings.update', {
      id: m.id,
      data: { groupId: s.group.id, kind: 'session', number: m.number, dateStart: '2018-03-01' },
    });
    expect([moved.year, moved.number]).toEqual([2018, 3]);
    expect(await api.call('meetings.nextNumber', { groupId: s.group.id, year: 2018 })).toBe(4);
  });

  it('a number typed for the new year is kept', async () => {
    const m = await meeting('2017-12-20');
    const moved = await api.call('meetings.update', {
      id: m.id,
      data: { groupId: s.group.id, kind: 'session', number: 7, dateStart: '2018-03-01' },
    });
    expect([moved.year, moved.number]).toEqual([2018, 7]);
  });
});

describe('decision numbers in messages', () => {
  it('names a decision by the number the minutes give it («2.1»), not by its place in the form', async () => {
    const m = await meeting('2017-09-12');
    await api.call('agenda.create', { meetingId: m.id, data: { title: 'О первом' } });
    const error = await api.refusal('agenda.create', {
      meetingId: m.id,
      data: {
        title: 'О сроках',
        decisions: [{ text: 'Подготовить отчёт', assignment: { personIds: [s.member1], dueDate: '2017-09-01' } }],
      },
    });
    expect(error.message).toBe('Срок исполнения решения 2.1 (01.09.2017) раньше даты заседания (12.09.2017).');
    const second = (await api.call('meetings.get', { id: m.id })).items[0]!;
    const update = await api.refusal('agenda.update', {
      id: second.id,
      data: {
        title: 'О первом',
        decisions: [{ text: 'Принять к сведению' }, { text: 'Подготовить', assignment: { personIds: [s.member1], dueDate: '2017-09-01' } }],
      },
    });
    expect(update.message).toBe('Срок исполнения решения 1.2 (01.09.2017) раньше даты заседания (12.09.2017).');
  });
});

describe('the work plan follows the meeting back to draft', () => {
  it('a meeting returned to draft after «Провести» by mistake no longer marks its plan item done', async () => {
    await api.call('workPlan.create', { year: 2017 });
    const plan = await api.call('workPlan.createItem', {
      year: 2017,
      direction: 'organizational',
      title: 'Заседание рабочей группы',
      formId: await planFormId(api, 'Заседание'),
      term: { kind: 'month', month: 9 },
    });
    await api.call('workPlan.setStatus', { id: plan.id, status: 'planned', resultNote: 'Перенесено с августа' });
    const m = await meeting('2017-09-12', { planItemId: plan.id });
    await api.call('meetings.hold', { id: m.id });
    expect((await api.call('workPlan.items', { year: 2017 }))[0]).toMatchObject({ status: 'done', resultNote: 'Перенесено с августа' });
    await api.call('meetings.reopen', { id: m.id });
    expect((await api.call('workPlan.items', { year: 2017 }))[0]).toMatchObject({
      status: 'planned',
      resultNote: 'Перенесено с августа',
      realisations: [{ label: 'заседание №1 от 12.09.2017', final: false }],
    });
    await api.call('meetings.hold', { id: m.id });
    expect((await api.call('workPlan.items', { year: 2017 }))[0]).toMatchObject({ status: 'done', resultNote: 'Перенесено с августа' });
  });
});

describe('assignment terms and the meeting date', () => {
  it('refuses to move a meeting past the due date of its own assignments, and changes nothing', async () => {
    const m = await meeting('2017-09-12');
    await api.call('agenda.create', {
      meetingId: m.id,
      data: {
        title: 'О сроках',
        decisions: [{ text: 'Подготовить отчёт', assignment: { personIds: [s.member1], dueDate: '2017-10-01' } }],
      },
    });

    const error = await api.refusal('meetings.update', {
      id: m.id,
      data: { groupId: s.group.id, kind: 'session', dateStart: '2017-10-15' },
    });
    expect(error.message).toBe(
      'Срок исполнения решения 1.1 (01.10.2017) раньше новой даты заседания (15.10.2017). Сначала измените срок поручения.',
    );
    expect(error.fields?.dateStart).toBeTruthy();
    expect((await api.call('meetings.get', { id: m.id })).dateStart).toBe('2017-09-12');
    // A permanent assignment and a later date are fine.
    expect(
      (await api.call('meetings.update', { id: m.id, data: { groupId: s.group.id, kind: 'session', dateStart: '2017-10-01' } })).dateStart,
    ).toBe('2017-10-01');
  });
});

describe('control of execution', () => {
  it('dates a withdrawal like a completion: not in the future, not before the meeting', async () => {
    const m = await meeting('2017-09-12');
    const d = await api.call('agenda.create', {
      meetingId: m.id,
      data: {
        title: 'О сроках',
        decisions: [{ text: 'Подготовить отчёт', assignment: { personIds: [s.member1], dueDate: '2017-10-01' } }],
      },
    });
    // Execution is marked on signed minutes: an unsigned decision is refused, saying why.
    const unsigned = await api.refusal('assignments.setStatus', {
      id: d.items[0]!.decisions[0]!.assignment!.id,
      status: 'withdrawn',
      completionNote: 'Утратило актуальность',
      completedOn: '2017-09-20',
    });
    expect(unsigned.message).toBe('Поручение записано в неподписанном протоколе: отмечать исполнение можно после подписания протокола.');
    await signMeeting(api, m.id, [s.chair]);
    const id = d.items[0]!.decisions[0]!.assignment!.id;
    const future = await api.refusal('assignments.setStatus', {
      id,
      status: 'withdrawn',
      completionNote: 'Утратило актуальность',
      completedOn: '2099-01-01',
    });
    expect(future.message).toBe('Дата снятия с контроля не может быть в будущем');
    expect(future.fields?.completedOn).toBeTruthy();
    const early = await api.refusal('assignments.setStatus', {
      id,
      status: 'withdrawn',
      completionNote: 'Утратило актуальность',
      completedOn: '2017-09-01',
    });
    expect(early.message).toBe('Дата снятия с контроля раньше даты заседания (12.09.2017)');
    expect((await api.call('meetings.get', { id: m.id })).items[0]!.decisions[0]!.assignment).toMatchObject({
      status: 'inProgress',
      completedOn: null,
    });
    const withdrawn = await api.call('assignments.setStatus', {
      id,
      status: 'withdrawn',
      completionNote: 'Утратило актуальность',
      completedOn: '2017-09-20',
    });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', completedOn: '2017-09-20' });
  });
});

describe('the control item written into the minutes', () => {
  it('calls an assignment overdue as of the meeting, not as of the day the minutes are typed', async () => {
    const first = await meeting('2017-09-12');
    await api.call('agenda.create', {
      meetingId: first.id,
      data: {
        title: 'О сроках',
        decisions: [
          { text: 'Подготовить отчёт', assignment: { personIds: [s.member1], dueDate: '2017-12-01' } },
          { text: 'Провести семинар', assignment: { personIds: [s.member1], dueDate: '2017-12-20' } },
        ],
      },
    });
    await signMeeting(api, first.id, [s.chair]);
    const next = await meeting('2017-12-05');
    const heard = (await api.call('agenda.addControlReview', { meetingId: next.id })).items[0]!.heardText;
    // «Ёлкина А.П.» ends the list of responsibles with its own dot: no second one.
    expect(heard).toContain('Подготовить отчёт. Ответственные: Ёлкина А.П. Срок: до 01.12.2017 (просрочено).');
    expect(heard).toContain('Провести семинар. Ответственные: Ёлкина А.П. Срок: до 20.12.2017.');
  });
});

describe('Russian in messages and documents', () => {
  it('says grammatically that an agenda item is gone (another window deleted it)', async () => {
    const m = await meeting('2017-09-12');
    const d = await api.call('agenda.create', { meetingId: m.id, data: { title: 'О плане' } });
    const itemId = d.items[0]!.id;
    await api.call('agenda.delete', { id: itemId });
    for (const error of [
      await api.refusal('agenda.update', { id: itemId, data: { title: 'О плане' } }),
      await api.refusal('meetings.extractDocx', { itemId }),
    ]) {
      expect(error.message).toBe('Запись о вопросе повестки не найдена или уже удалена');
    }
  });

  it('agrees «человек» with the count in the minutes and the extract', async () => {
    const m = await meeting('2017-09-12');
    await api.call('meetings.setAttendance', {
      meetingId: m.id,
      attendees: [s.chair, s.secretary, s.member1, s.member2].map((personId) => ({ personId, present: true })),
      guestIds: [],
    });
    const detail = await api.call('agenda.create', {
      meetingId: m.id,
      data: { title: 'О плане', decisions: [{ text: 'Утвердить план' }] },
    });
    await api.call('meetings.saveSettings', { attendeeThreshold: 3 });
    expect(await textOf(await api.call('meetings.minutesDocx', { id: m.id, form: 'full' }))).toContain(
      'Присутствовали: 4 человека (список прилагается).',
    );
    await signMeeting(api, m.id, []);
    expect(await textOf(await api.call('meetings.extractDocx', { itemId: detail.items[0]!.id }))).toContain('Присутствовали: 4 человека.');
  });
});

describe('the lock covers every way of changing the agenda', () => {
  it('refuses moving, adding from the plan, the control item and carrying over on signed minutes, but lets an assignment be marked done', async () => {
    await api.call('workPlan.create', { year: 2017 });
    const planItem = await api.call('workPlan.createItem', {
      year: 2017,
      direction: 'organizational',
      title: 'О плане',
      formId: await planFormId(api, 'Заседание'),
      term: { kind: 'month', month: 9 },
    });
    const m = await meeting('2017-09-12');
    await api.call('meetings.setAttendance', { meetingId: m.id, attendees: [{ personId: s.chair, present: true }], guestIds: [] });
    await api.call('agenda.create', { meetingId: m.id, data: { title: 'О первом' } });
    const d = await api.call('agenda.create', {
      meetingId: m.id,
      data: { title: 'О втором', decisions: [{ text: 'Сделать', assignment: { organizationIds: [s.org], dueDate: '2017-12-01' } }] },
    });
    await meeting('2017-12-05');
    await api.call('meetings.hold', { id: m.id });
    await api.call('meetings.sign', { id: m.id });
    const refusals = [
      await api.refusal('agenda.move', { id: d.items[1]!.id, to: 'up' }),
      await api.refusal('agenda.addFromPlan', { meetingId: m.id, planItemId: planItem.id }),
      await api.refusal('agenda.addControlReview', { meetingId: m.id }),
      await api.refusal('agenda.carryToNext', { id: d.items[0]!.id }),
      await api.refusal('meetings.hold', { id: m.id }),
      await api.refusal('meetings.reopen', { id: m.id }),
    ];
    for (const r of refusals) expect(r.message).toContain('Протокол №1 от 12.09.2017 подписан, изменения запрещены');
    const after = await api.call('meetings.get', { id: m.id });
    expect(after.items.map((i) => i.title)).toEqual(['О первом', 'О втором']);
    const done = await api.call('assignments.setStatus', {
      id: d.items[1]!.decisions[0]!.assignment!.id,
      status: 'done',
      completionNote: 'Сделано',
      completedOn: '2017-11-01',
    });
    expect(done.state).toBe('done');
  });
});
