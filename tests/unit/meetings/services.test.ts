import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignmentState } from '@main/services/meetings/shared';
import { listAssignments } from '@main/services/meetings/assignments';
import { daysFromToday, freshApi, person, planFormId, segmentGroup, type Api } from './helpers';

let api: Api;
let s: Awaited<ReturnType<typeof segmentGroup>>;
beforeEach(async () => {
  api = freshApi();
  s = await segmentGroup(api);
});
afterEach(() => api.cleanup());

const meeting = (dateStart: string, extra: Record<string, unknown> = {}) =>
  api.call('meetings.create', { groupId: s.group.id, kind: 'session', dateStart, town: 'г. Уварово', ...extra });

/** A held meeting with everyone present and one item with an assignment due on `due`. */
async function heldWithAssignment(dateStart: string, due: string | null) {
  const m = await meeting(dateStart);
  await api.call('meetings.setAttendance', {
    meetingId: m.id,
    attendees: [s.chair, s.secretary, s.member1].map((personId) => ({ personId, present: true })),
    guestIds: [],
  });
  await api.call('agenda.create', {
    meetingId: m.id,
    data: {
      title: 'О заключении договоров о сотрудничестве с представителями бизнес-сообщества',
      speakers: [{ personId: s.secretary }],
      heardText: 'Заключено 4 договора',
      decisions: [
        { text: 'Информацию принять к сведению' },
        {
          text: 'Продолжить работу по заключению договоров',
          assignment: { organizationIds: [s.org], dueDate: due, permanent: due === null },
        },
      ],
    },
  });
  return api.call('meetings.hold', { id: m.id });
}

describe('numbering', () => {
  it('numbers meetings per group and calendar year, starting again each year and per group', async () => {
    const a = await meeting('2017-03-15');
    const b = await meeting('2017-06-20');
    const c = await meeting('2018-02-01');
    const other = await api.call('workingGroups.create', { name: 'Координационный совет', nameGenitive: 'координационного совета' });
    const d = await api.call('meetings.create', { groupId: other.id, kind: 'conference', dateStart: '2017-04-01' });
    expect([a.number, b.number, c.number, d.number]).toEqual([1, 2, 1, 1]);
    expect(await api.call('meetings.nextNumber', { groupId: s.group.id, year: 2017 })).toBe(3);
    expect(b.title).toBe('Протокол №2 от 20.06.2017');
    // The group's officers become the meeting's unless the form says otherwise.
    expect(a.chair?.signature).toBe('И.В. Дорожкина');
    expect(a.secretary?.short).toBe('Попова Л.А.');
  });

  it('refuses a duplicate number in the same year with a Russian message and saves nothing', async () => {
    await meeting('2017-03-15');
    const error = await api.refusal('meetings.create', { groupId: s.group.id, kind: 'session', dateStart: '2017-09-12', number: 1 });
    expect(error.message).toContain('Заседание №1 за 2017 год у этой рабочей группы уже есть');
    expect(error.fields?.number).toBeTruthy();
    expect((await api.call('meetings.list', { groupId: s.group.id })).total).toBe(1);
    // The same number in another year is free.
    expect((await meeting('2018-03-15', { number: 1 })).number).toBe(1);
  });

  it('moving a meeting to another year puts it at the end of that year’s series', async () => {
    await meeting('2018-01-20');
    const m = await meeting('2017-12-20');
    const moved = await api.call('meetings.update', { id: m.id, data: { groupId: s.group.id, kind: 'session', dateStart: '2018-03-01' } });
    expect([moved.year, moved.number]).toEqual([2018, 2]);
  });
});

describe('attendance', () => {
  it('lists members and those present in Russian alphabetical order, ё with е', async () => {
    const m = await meeting('2017-03-15');
    const guest = await person(api, 'Абрамова', 'Ольга', 'Ивановна', { position: 'директор' });
    const detail = await api.call('meetings.setAttendance', {
      meetingId: m.id,
      attendees: [
        { personId: s.secretary, present: true },
        { personId: s.member2, present: true, late: true },
        { personId: s.member1, present: true },
        { personId: s.chair, present: false, absenceReason: 'отпуск' },
      ],
      guestIds: [guest],
    });
    expect(detail.attendees.map((a) => a.person.short)).toEqual(['Дорожкина И.В.', 'Ёлкина А.П.', 'Иванов П.С.', 'Попова Л.А.']);
    expect(detail.attendees.find((a) => a.person.id === s.chair)).toMatchObject({ present: false, absenceReason: 'отпуск' });
    expect(detail.guests.map((g) => g.short)).toEqual(['Абрамова О.И.']);
  });

  it('refuses the same person as a present member and a guest', async () => {
    const m = await meeting('2017-03-15');
    const error = await api.refusal('meetings.setAttendance', {
      meetingId: m.id,
      attendees: [{ personId: s.member1, present: true }],
      guestIds: [s.member1],
    });
    expect(error.message).toContain('и присутствующим членом группы, и приглашённым');
  });
});

describe('status and the lock', () => {
  it('refuses to hold a meeting dated in the future', async () => {
    const m = await meeting(daysFromToday(3));
    const error = await api.refusal('meetings.hold', { id: m.id });
    expect(error.message).toMatch(/не может быть проведено в будущем: дата \d\d\.\d\d\.\d{4} ещё не наступила/);
    expect((await api.call('meetings.get', { id: m.id })).status).toBe('draft');
  });

  it('refuses to move a held meeting to a future date', async () => {
    const m = await meeting('2017-09-12');
    await api.call('meetings.hold', { id: m.id });
    const error = await api.refusal('meetings.update', {
      id: m.id,
      data: { groupId: s.group.id, kind: 'session', dateStart: daysFromToday(10) },
    });
    expect(error.message).toContain('не может быть проведено в будущем');
    expect(error.fields?.dateStart).toBeTruthy();
    expect((await api.call('meetings.get', { id: m.id })).dateStart).toBe('2017-09-12');
  });

  it('locks a signed meeting against every change until the signature is removed with a reason', async () => {
    const held = await heldWithAssignment('2017-09-12', '2017-12-01');
    const signed = await api.call('meetings.sign', { id: held.id });
    expect(signed.status).toBe('signed');
    const item = signed.items[0]!;
    const refusals = [
      await api.refusal('meetings.update', { id: held.id, data: { groupId: s.group.id, kind: 'session', dateStart: '2017-09-13' } }),
      await api.refusal('agenda.update', { id: item.id, data: { title: 'О другом' } }),
      await api.refusal('agenda.create', { meetingId: held.id, data: { title: 'О новом вопросе' } }),
      await api.refusal('agenda.delete', { id: item.id }),
      await api.refusal('meetings.setAttendance', { meetingId: held.id, attendees: [], guestIds: [] }),
      await api.refusal('meetings.delete', { id: held.id }),
    ];
    for (const r of refusals) expect(r.message).toContain('Протокол №1 от 12.09.2017 подписан, изменения запрещены');
    expect((await api.call('meetings.get', { id: held.id })).items[0]!.title).toBe(item.title);

    expect((await api.refusal('meetings.unlock', { id: held.id, reason: '  ' })).message).toBe('Заполните поле «Причина»');
    const unlocked = await api.call('meetings.unlock', { id: held.id, reason: 'Опечатка в фамилии докладчика' });
    expect(unlocked.status).toBe('held');
    expect(unlocked.unlocks.map((u) => u.reason)).toEqual(['Опечатка в фамилии докладчика']);
    await api.call('agenda.update', { id: item.id, data: { title: 'Об исправленном вопросе' } });
  });

  it('refuses to sign a meeting with nobody marked present', async () => {
    const m = await meeting('2017-09-12');
    await api.call('agenda.create', { meetingId: m.id, data: { title: 'О плане' } });
    await api.call('meetings.hold', { id: m.id });
    expect((await api.refusal('meetings.sign', { id: m.id })).message).toBe(
      'Чтобы подписать протокол, отметьте присутствовавших на заседании.',
    );
  });

  it('holding a meeting that realises a plan item shows the item done, naming the meeting, and leaves her note alone', async () => {
    await api.call('workPlan.create', { year: 2017 });
    const planItem = await api.call('workPlan.createItem', {
      year: 2017,
      direction: 'organizational',
      title: 'Заседание рабочей группы сегмента №6',
      formId: await planFormId(api, 'Заседание'),
      term: { kind: 'month', month: 9 },
    });
    const candidates = await api.call('meetings.planCandidates', { year: 2017 });
    expect(candidates.map((c) => [c.title, c.used])).toEqual([['Заседание рабочей группы сегмента №6', false]]);
    const m = await meeting('2017-09-12', { planItemId: planItem.id });
    await api.call('meetings.hold', { id: m.id });
    const [item] = await api.call('workPlan.items', { year: 2017 });
    expect(item).toMatchObject({
      status: 'done',
      ownStatus: 'planned',
      resultNote: '',
      realisations: [{ kind: 'meeting', id: m.id, label: 'заседание №1 от 12.09.2017', final: true }],
    });
    expect((await api.call('meetings.planCandidates', { year: 2017 }))[0]!.used).toBe(true);
  });
});

describe('agenda', () => {
  it('numbers decisions 1.1, 1.2 from the item position and keeps them gap-free when items move or go', async () => {
    const m = await meeting('2017-09-12');
    await api.call('agenda.create', { meetingId: m.id, data: { title: 'О первом', decisions: [{ text: 'Принять к сведению' }] } });
    const d = await api.call('agenda.create', {
      meetingId: m.id,
      data: { title: 'О втором', decisions: [{ text: 'Одобрить' }, { text: 'Рекомендовать' }] },
    });
    expect(d.items[1]!.decisions.map((x) => x.number)).toEqual(['2.1', '2.2']);
    const moved = await api.call('agenda.move', { id: d.items[1]!.id, to: 'up' });
    expect(moved.items.map((i) => [i.title, i.decisions.map((x) => x.number)])).toEqual([
      ['О втором', ['1.1', '1.2']],
      ['О первом', ['2.1']],
    ]);
    const afterDelete = await api.call('agenda.delete', { id: moved.items[0]!.id });
    expect(afterDelete.items.map((i) => [i.position, i.decisions.map((x) => x.number)])).toEqual([[1, ['1.1']]]);
  });

  it('refuses an assignment due before the meeting and saves nothing of the item', async () => {
    const m = await meeting('2017-09-12');
    const error = await api.refusal('agenda.create', {
      meetingId: m.id,
      data: {
        title: 'О сроках',
        decisions: [{ text: 'Подготовить отчёт', assignment: { personIds: [s.member1], dueDate: '2017-09-01' } }],
      },
    });
    expect(error.message).toBe('Срок исполнения решения 1.1 (01.09.2017) раньше даты заседания (12.09.2017).');
    expect(error.fields).toHaveProperty(['decisions.0.assignment.dueDate']);
    expect((await api.call('meetings.get', { id: m.id })).items).toEqual([]);
  });

  it('refuses an assignment without responsibles or a term', async () => {
    const m = await meeting('2017-09-12');
    const noTerm = await api.refusal('agenda.create', {
      meetingId: m.id,
      data: { title: 'О сроках', decisions: [{ text: 'Подготовить', assignment: { personIds: [s.member1] } }] },
    });
    expect(noTerm.message).toBe('Укажите срок исполнения поручения или отметьте «постоянно»');
    const nobody = await api.refusal('agenda.create', {
      meetingId: m.id,
      data: { title: 'О сроках', decisions: [{ text: 'Подготовить', assignment: { permanent: true } }] },
    });
    expect(nobody.message).toBe('Укажите ответственных за поручение: организации или специалистов');
    const untitled = await api.refusal('agenda.create', { meetingId: m.id, data: { title: ' ' } });
    expect(untitled.message).toBe('Заполните поле «Вопрос повестки»');
  });

  it('carries an unreached item to the group’s next meeting, noting where it came from', async () => {
    const first = await meeting('2017-09-12');
    const withItem = await api.call('agenda.create', { meetingId: first.id, data: { title: 'О нерассмотренном вопросе' } });
    expect((await api.refusal('agenda.carryToNext', { id: withItem.items[0]!.id })).message).toContain(
      'Следующее заседание этой рабочей группы ещё не запланировано',
    );
    const next = await meeting('2017-12-05');
    const target = await api.call('agenda.carryToNext', { id: withItem.items[0]!.id });
    expect(target.id).toBe(next.id);
    expect(target.items.map((i) => [i.title, i.carriedFrom?.label])).toEqual([
      ['О нерассмотренном вопросе', 'перенесён с заседания: протокол №1 от 12.09.2017'],
    ]);
    expect((await api.call('meetings.get', { id: first.id })).items).toEqual([]);
  });

  it('adds the control item listing the group’s open assignments from signed minutes, and the next meeting shows them', async () => {
    const held = await heldWithAssignment('2017-09-12', '2017-12-01');
    const next = await meeting('2017-12-05');
    // Held but not signed: nothing binds yet.
    expect(await api.call('meetings.openAssignments', { id: next.id })).toEqual([]);
    await api.call('meetings.sign', { id: held.id });
    const open = await api.call('meetings.openAssignments', { id: next.id });
    expect(open.map((a) => [a.decisionNumber, a.meetingLabel, a.text])).toEqual([
      ['1.2', 'Протокол №1 от 12.09.2017', 'Продолжить работу по заключению договоров'],
    ]);
    const detail = await api.call('agenda.addControlReview', { meetingId: next.id });
    expect(detail.items[0]!.title).toBe('О ходе исполнения решений предыдущих заседаний');
    expect(detail.items[0]!.heardText).toContain(
      '1.2 (протокол №1 от 12.09.2017): Продолжить работу по заключению договоров. Ответственные: Отдел опеки г. Уварово. Срок: до 01.12.2017 (просрочено).',
    );
  });
});

describe('assignments', () => {
  it('derives «просрочено» from the due date and today, never from a stored flag', () => {
    const open = { status: 'inProgress' as const, dueDate: '2017-12-01', permanent: false };
    expect(assignmentState(open, '2017-12-01')).toBe('inProgress');
    expect(assignmentState(open, '2017-12-02')).toBe('overdue');
    expect(assignmentState({ ...open, status: 'done' }, '2018-01-01')).toBe('done');
    expect(assignmentState({ ...open, status: 'withdrawn' }, '2018-01-01')).toBe('withdrawn');
    expect(assignmentState({ status: 'inProgress', dueDate: null, permanent: true }, '2030-01-01')).toBe('inProgress');
  });

  it('holds signed minutes only, and counts the assignments waiting for a signature apart', async () => {
    const held = await heldWithAssignment('2017-09-12', '2017-12-01');
    expect((await api.call('assignments.list', {})).total).toBe(0);
    expect(await api.call('assignments.pending', {})).toEqual({ assignments: 1, meetings: 1 });
    expect((await api.call('workingGroups.get', { id: s.group.id })).openAssignmentCount).toBe(0);
    await api.call('meetings.sign', { id: held.id });
    expect((await api.call('assignments.list', {})).total).toBe(1);
    expect(await api.call('assignments.pending', {})).toEqual({ assignments: 0, meetings: 0 });
    expect((await api.call('workingGroups.get', { id: s.group.id })).openAssignmentCount).toBe(1);
  });

  it('filters the register by state and organisation and marks an assignment done with a note', async () => {
    await api.call('meetings.sign', { id: (await heldWithAssignment('2017-09-12', '2017-12-01')).id });
    await api.call('meetings.sign', { id: (await heldWithAssignment('2017-10-10', null)).id });
    const overdue = listAssignments(
      api.db,
      { state: 'overdue', organizationId: null, personId: null, groupId: null, search: '', offset: 0, limit: 50 },
      '2018-01-10',
    );
    expect(overdue.rows.map((r) => [r.meetingLabel, r.state])).toEqual([['Протокол №1 от 12.09.2017', 'overdue']]);
    const byOrg = await api.call('assignments.list', { organizationId: s.org });
    expect(byOrg.total).toBe(2);
    expect((await api.call('assignments.list', { search: 'бизнес' })).total).toBe(0);
    expect((await api.call('assignments.list', { search: 'ДОГОВОРОВ' })).total).toBe(2);

    const target = overdue.rows[0]!;
    expect((await api.refusal('assignments.setStatus', { id: target.id, status: 'done' })).message).toBe(
      'Опишите, как исполнено поручение',
    );
    const done = await api.call('assignments.setStatus', {
      id: target.id,
      status: 'done',
      completionNote: 'Заключено 2 договора',
      completedOn: '2017-11-20',
    });
    expect(done).toMatchObject({ state: 'done', completionNote: 'Заключено 2 договора', completedOn: '2017-11-20' });
    expect((await api.call('assignments.list', { state: 'overdue' })).total).toBe(0);
    expect((await api.call('assignments.list', { state: 'done' })).rows.map((r) => r.decisionNumber)).toEqual(['1.2']);
  });

  it('keeps an assignment’s progress when its item is edited after «Снять подпись»', async () => {
    const held = await heldWithAssignment('2017-09-12', '2017-12-01');
    await api.call('meetings.sign', { id: held.id });
    const item = held.items[0]!;
    const a = item.decisions[1]!.assignment!;
    await api.call('assignments.setStatus', { id: a.id, status: 'done', completionNote: 'Исполнено', completedOn: '2017-11-01' });
    await api.call('meetings.unlock', { id: held.id, reason: 'Уточнение формулировки решения' });
    const edited = await api.call('agenda.update', {
      id: item.id,
      data: {
        title: item.title,
        decisions: item.decisions.map((d) => ({
          id: d.id,
          text: `${d.text}!`,
          assignment: d.assignment ? { organizationIds: d.assignment.organizations.map((o) => o.id), dueDate: d.assignment.dueDate } : null,
        })),
      },
    });
    expect(edited.items[0]!.decisions[1]!.assignment).toMatchObject({ id: a.id, status: 'done', completionNote: 'Исполнено' });
  });
});

describe('the registry', () => {
  it('refuses to delete a person who is on a signed protocol, in Russian', async () => {
    const held = await heldWithAssignment('2017-09-12', '2017-12-01');
    await api.call('meetings.sign', { id: held.id });
    const error = await api.refusal('people.delete', { id: s.member1 });
    expect(error.message).toContain('Нельзя удалить специалиста');
    expect((await api.call('meetings.get', { id: held.id })).attendees.some((a) => a.person.id === s.member1)).toBe(true);
  });
});
