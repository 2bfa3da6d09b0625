import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '@shared/contract';
import type { EventDetail } from '@shared/contract/events';
import { parseRegistrationNumbers } from '@shared/contract/registrationNumbers';
import { appApi } from '@tests/unit/meetings/helpers';
import { hashTables, recordsAfterUndo } from '@tests/unit/foundation/tables';

/**
 * The events register through the real dispatcher on the demo data: the completion rule, the
 * statuses and the plan item they realise, registration numbers and marks, population counts,
 * and the statistics that read them. Every refusal leaves every table as it was.
 */

let api: ReturnType<typeof appApi>;
const one = <T>(sql: string, ...params: unknown[]) => api.app.sqlite.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => api.app.sqlite.prepare(sql).all(...params) as T[];

beforeAll(async () => {
  api = appApi();
  await api.call('app.initialize', { mode: 'demo' });
});
afterAll(() => api.cleanup());

const typeId = (value = 'Семинар') => one<{ id: number }>(`SELECT id FROM list_values WHERE list = 'eventTypes' AND value = ?`, value).id;
const personIds = (n: number, offset = 10) =>
  all<{ id: number }>('SELECT id FROM people ORDER BY id LIMIT ? OFFSET ?', n, offset).map((r) => r.id);

async function newEvent(extra: Partial<CallInput<'events.create'>> = {}): Promise<EventDetail> {
  return api.call('events.create', {
    typeId: typeId(),
    centerRole: 'organizer',
    title: 'Семинар для социальных педагогов школ',
    level: 'municipal',
    firstDay: '2019-10-16',
    lastDay: '2019-10-18',
    timeStart: '10:00',
    timeEnd: '15:00',
    ...extra,
  });
}

/** Marks a whole attendance table: `present[i]` = the sessions participant i came to. */
async function mark(e: EventDetail, present: number[][]) {
  let detail = e;
  for (const [s, session] of e.sessions.entries()) {
    detail = await api.call('marks.set', {
      sessionId: session.id,
      marks: e.participants.map((p, i) => ({ participantId: p.id, mark: present[i]!.includes(s) ? 'present' : 'absent' })),
    });
  }
  return detail;
}

async function refusedUnchanged<K extends Parameters<typeof api.refusal>[0]>(name: K, input: CallInput<K>) {
  const before = hashTables(api.app.sqlite);
  const error = await api.refusal(name, input);
  expect(hashTables(api.app.sqlite)).toEqual(before);
  return error;
}

describe('an event and its sessions', () => {
  it('makes a session per day with the times, and numbers participants in the order they registered', async () => {
    const e = await newEvent();
    expect(e.sessions.map((s) => [s.day, s.timeStart, s.timeEnd])).toEqual([
      ['2019-10-16', '10:00', '15:00'],
      ['2019-10-17', '10:00', '15:00'],
      ['2019-10-18', '10:00', '15:00'],
    ]);
    const ids = personIds(4);
    expect(await api.call('participants.add', { eventId: e.id, personIds: ids.slice(0, 3) })).toEqual({ added: 3, skipped: 0 });
    expect(await api.call('participants.add', { eventId: e.id, personIds: ids.slice(2) })).toEqual({ added: 1, skipped: 1 });
    const detail = await api.call('events.get', { id: e.id });
    expect(detail.participants.map((p) => [p.personId, p.registrationNumber])).toEqual(ids.map((id, i) => [id, i + 1]));
    // A number once given stays: removing №2 leaves a gap, the next one is №5.
    await api.call('participants.remove', { id: detail.participants[1]!.id });
    await api.call('participants.add', { eventId: e.id, personIds: personIds(1, 20) });
    expect((await api.call('events.get', { id: e.id })).participants.map((p) => p.registrationNumber)).toEqual([1, 3, 4, 5]);
  });

  it('refuses an end before the start, a span over 14 days, and the last session', async () => {
    const wrong = await refusedUnchanged('events.create', {
      typeId: typeId(),
      centerRole: 'organizer',
      title: 'Ошибка',
      level: 'municipal',
      firstDay: '2019-10-18',
      lastDay: '2019-10-16',
    });
    expect(wrong.fields?.lastDay).toBe('Последний день не может быть раньше первого');
    const long = await refusedUnchanged('events.create', {
      typeId: typeId(),
      centerRole: 'organizer',
      title: 'Клуб',
      level: 'municipal',
      firstDay: '2019-09-01',
      lastDay: '2019-12-01',
    });
    expect(long.message).toMatch(/^Не больше 14 дней подряд/);
    const e = await newEvent({ firstDay: '2019-03-01', lastDay: '2019-03-01' });
    expect((await refusedUnchanged('sessions.delete', { id: e.sessions[0]!.id })).message).toBe(
      'У мероприятия должно остаться хотя бы одно занятие.',
    );
  });

  it('keeps its days as its sessions’ days', async () => {
    const e = await newEvent({ firstDay: '2019-11-05', lastDay: '2019-11-05' });
    const added = await api.call('sessions.create', { eventId: e.id, data: { day: '2019-11-12', topic: 'Второе занятие клуба' } });
    expect([added.firstDay, added.lastDay]).toEqual(['2019-11-05', '2019-11-12']);
    const removed = await api.call('sessions.delete', { id: added.sessions[0]!.id });
    expect([removed.firstDay, removed.lastDay]).toEqual(['2019-11-12', '2019-11-12']);
  });
});

describe('completion («завершили обучение»)', () => {
  it('counts participants present at no less than N % of the sessions, never before the event is held', async () => {
    const e = await newEvent({ completionPercent: 60 });
    await api.call('participants.add', { eventId: e.id, personIds: personIds(5) });
    await api.call('participants.add', { eventId: e.id, personIds: personIds(1, 16), role: 'speaker' });
    const full = await api.call('events.get', { id: e.id });
    // 3 of 3, 2 of 3 (≥ 60 %), 1 of 3, none; the speaker came to all three but is not a learner.
    let detail = await mark(full, [[0, 1, 2], [0, 2], [0], [], [0, 1, 2], [0, 1, 2]]);
    // An excused absence is not attendance: participant 5 was excused on day 2 and 3.
    for (const s of [1, 2]) {
      detail = await api.call('marks.set', {
        sessionId: detail.sessions[s]!.id,
        marks: [{ participantId: detail.participants[4]!.id, mark: 'excused' }],
      });
    }
    expect(detail.totals.completed).toBeNull();
    expect(detail.participants.map((p) => p.status)).toEqual(['attended', 'attended', 'attended', 'registered', 'attended', 'attended']);
    const held = await api.call('events.setStatus', { id: e.id, status: 'held' });
    expect(held.participants.map((p) => [p.present, p.completed])).toEqual([
      [3, true],
      [2, true],
      [1, false],
      [0, false],
      [1, false],
      [3, false],
    ]);
    expect(held.totals).toEqual({ registered: 6, attended: 4, completed: 2 });
    const rows = await api.call('events.list', { search: 'социальных педагогов', year: 2019 });
    expect(rows.rows.find((r) => r.id === e.id)).toMatchObject({ completed: 2, attended: 4, participantCount: 6 });
  });

  it('with required sessions: all of them; with none marked required: every session', async () => {
    const e = await newEvent({ completionRule: 'requiredSessions' });
    await api.call('participants.add', { eventId: e.id, personIds: personIds(2, 3) });
    const detail = await mark(await api.call('events.get', { id: e.id }), [
      [0, 1],
      [0, 1, 2],
    ]);
    await api.call('events.setStatus', { id: e.id, status: 'held' });
    expect((await api.call('events.get', { id: e.id })).participants.map((p) => p.completed)).toEqual([false, true]);
    await api.call('sessions.update', { id: detail.sessions[2]!.id, data: { day: detail.sessions[2]!.day, required: false } });
    await api.call('sessions.update', { id: detail.sessions[0]!.id, data: { day: detail.sessions[0]!.day, required: true } });
    expect((await api.call('events.get', { id: e.id })).participants.map((p) => p.completed)).toEqual([true, true]);
  });

  it('matches a count in code over random marks', async () => {
    const e = await newEvent({ completionPercent: 50, firstDay: '2019-12-02', lastDay: '2019-12-05' });
    await api.call('participants.add', { eventId: e.id, personIds: personIds(12, 0) });
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const full = await api.call('events.get', { id: e.id });
    const present = full.participants.map(() => [0, 1, 2, 3].filter(() => random() < 0.55));
    await mark(full, present);
    const held = await api.call('events.setStatus', { id: e.id, status: 'held' });
    expect(held.participants.map((p) => p.completed)).toEqual(present.map((days) => days.length * 100 >= 50 * 4));
  });
});

describe('statuses and the plan item', () => {
  it('refuses «проведено» before the last day', async () => {
    const e = await newEvent({ firstDay: '2099-10-16', lastDay: '2099-10-18' });
    expect((await refusedUnchanged('events.setStatus', { id: e.id, status: 'held' })).message).toBe(
      'Мероприятие заканчивается 18.10.2099: отметить его проведённым можно с этого дня.',
    );
  });

  it('makes the linked plan item done when held, undone when cancelled, and drops the link when deleted (undo brings it back)', async () => {
    const items = await api.call('workPlan.items', { year: 2018 });
    const item = items.find((i) => i.title.startsWith('Тренинг для кандидатов'))!;
    expect(item.status).toBe('planned');
    const used = async (call: 'events.planCandidates' | 'meetings.planCandidates') =>
      (await api.call(call, { year: 2018 })).find((c) => c.id === item.id)!.used;
    expect([await used('events.planCandidates'), await used('meetings.planCandidates')]).toEqual([false, false]);
    const other = await refusedUnchanged('events.create', {
      typeId: typeId('Тренинг'),
      centerRole: 'organizer',
      title: item.title,
      level: 'municipal',
      firstDay: '2019-08-14',
      lastDay: '2019-08-14',
      planItemId: item.id,
    });
    expect(other.fields?.planItemId).toBe('Мероприятие 2019 года не может выполнять пункт плана на 2018 год.');
    const e = await newEvent({
      title: item.title,
      typeId: typeId('Тренинг'),
      firstDay: '2018-08-14',
      lastDay: '2018-08-14',
      planItemId: item.id,
    });
    expect(e.planItem).toEqual({ id: item.id, title: item.title, year: 2018 });
    // Both pickers now show the item as taken (the work plan's one planCandidates; a meeting's counts every kind of link).
    expect([await used('events.planCandidates'), await used('meetings.planCandidates')]).toEqual([true, true]);
    const planItem = async () => (await api.call('workPlan.items', { year: 2018 })).find((i) => i.id === item.id)!;
    const status = async () => (await planItem()).status;
    expect(await status()).toBe('planned');
    await api.call('events.setStatus', { id: e.id, status: 'held' });
    expect(await planItem()).toMatchObject({
      status: 'done',
      realisations: [{ kind: 'event', id: e.id, label: 'тренинг, 14.08.2018', final: true }],
    });
    await api.call('events.setStatus', { id: e.id, status: 'cancelled' });
    expect(await status()).toBe('planned');
    await api.call('events.setStatus', { id: e.id, status: 'held' });
    const before = recordsAfterUndo(api.app.sqlite);
    const deleted = await api.app.dispatch('events.delete', { id: e.id });
    expect(deleted).toMatchObject({ ok: true, undo: { label: `Удалено мероприятие «${item.title}» 14.08.2018` } });
    expect(await status()).toBe('planned');
    await api.call('undo.apply', { id: (deleted as { undo: { id: number } }).undo.id });
    const after = recordsAfterUndo(api.app.sqlite);
    expect(after).toEqual(before);
    expect(await status()).toBe('done');
  });

  it('copies a yearly seminar to new days, planned, with its sessions shifted and no marks or plan link', async () => {
    const seminar = all<{ id: number }>(`SELECT id FROM events WHERE title LIKE 'Семинар для специалистов органов%'`)[0]!.id;
    const { id } = await api.call('events.copy', { id: seminar, firstDay: '2019-10-15', withParticipants: true });
    const copy = await api.call('events.get', { id });
    const source = await api.call('events.get', { id: seminar });
    expect(copy).toMatchObject({
      status: 'planned',
      firstDay: '2019-10-15',
      lastDay: '2019-10-17',
      planItem: null,
      copiedFrom: { id: seminar },
    });
    expect(copy.sessions.map((s) => s.topic)).toEqual(source.sessions.map((s) => s.topic));
    expect(copy.participants.map((p) => [p.registrationNumber, p.status, Object.keys(p.marks).length])).toEqual(
      source.participants.map((p) => [p.registrationNumber, 'registered', 0]),
    );
  });
});

describe('documents', () => {
  it('the attendance list carries phone and e-mail only of people who consented to their processing', async () => {
    const e = await newEvent({ firstDay: '2019-06-03', lastDay: '2019-06-03' });
    const [agreed, refused] = personIds(2, 25);
    for (const [id, consent] of [
      [agreed, 1],
      [refused, 0],
    ] as const) {
      api.app.sqlite
        .prepare(
          `UPDATE people SET phone = '+7 910 000-00-0' || ?, email = 'p' || ? || '@mail.ru', pd_consent = ?, pd_consent_date = iif(?, '2019-01-10', NULL) WHERE id = ?`,
        )
        .run(String(id), String(id), consent, consent, id);
    }
    await api.call('participants.add', { eventId: e.id, personIds: [agreed!, refused!] });
    const file = await api.call('events.attendanceXlsx', { id: e.id });
    expect(file.fileName).toBe('Список участников – Семинар для социальных педагогов школ – 03.06.2019.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = sheet.getRow(5).values as unknown[];
    const [phone, email] = [header.indexOf('Телефон'), header.indexOf('E-mail')];
    const row = (n: number) => sheet.getRow(5 + n).values as unknown[];
    expect([row(1)[1], row(1)[phone], row(1)[email]]).toEqual([1, `+7 910 000-00-0${agreed}`, `p${agreed}@mail.ru`]);
    expect([row(2)[1], row(2)[phone] ?? '', row(2)[email] ?? '']).toEqual([2, '', '']);
  });
});

describe('undo', () => {
  it('brings back a deleted seminar with its sessions, participants and marks exactly', async () => {
    const seminar = all<{ id: number }>(`SELECT id FROM events WHERE title LIKE 'Мастер-класс%'`)[0]!.id;
    const before = recordsAfterUndo(api.app.sqlite);
    const deleted = await api.app.dispatch('events.delete', { id: seminar });
    expect(deleted.ok).toBe(true);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM session_marks WHERE event_id = ?', seminar).n).toBe(0);
    await api.call('undo.apply', { id: (deleted as { undo: { id: number } }).undo.id });
    const after = recordsAfterUndo(api.app.sqlite);
    expect(after).toEqual(before);
  });
});

describe('participants and marks', () => {
  it('registers a walk-in in one step and marks presence; «не явился» is refused while a presence is marked', async () => {
    const e = await newEvent({ firstDay: '2019-04-01', lastDay: '2019-04-02' });
    const detail = await api.call('participants.addWalkIn', {
      eventId: e.id,
      person: { lastName: 'Новикова', firstName: 'Дарья', middleName: 'Олеговна', position: 'Социальный педагог' },
      presentAt: e.sessions[1]!.id,
    });
    const walkIn = detail.participants.at(-1)!;
    expect(walkIn).toMatchObject({ fullName: 'Новикова Дарья Олеговна', source: 'walkIn', status: 'attended', registrationNumber: 1 });
    expect(walkIn.marks).toEqual({ [e.sessions[1]!.id]: 'present' });
    const refused = await refusedUnchanged('participants.update', { id: walkIn.id, role: 'participant', status: 'noShow' });
    expect(refused.message).toMatch(/^Участник отмечен присутствовавшим \(02\.04\): статус «Не явился» не подходит/);
    const bad = await refusedUnchanged('participants.addWalkIn', { eventId: e.id, person: { lastName: '', firstName: 'Дарья' } });
    expect(bad.fields?.['person.lastName']).toBe('Заполните поле «Фамилия»');
  });

  it('cannot mark a participant on another event’s session (composite keys) nor a population event by name', async () => {
    const a = await newEvent({ firstDay: '2019-05-01', lastDay: '2019-05-01' });
    const b = await newEvent({ firstDay: '2019-05-02', lastDay: '2019-05-02' });
    await api.call('participants.add', { eventId: a.id, personIds: personIds(1) });
    const p = (await api.call('events.get', { id: a.id })).participants[0]!;
    const refused = await refusedUnchanged('marks.set', {
      sessionId: b.sessions[0]!.id,
      marks: [{ participantId: p.id, mark: 'present' }],
    });
    expect(refused.message).toBe('Некоторые участники не зарегистрированы на это мероприятие: обновите список и отметьте ещё раз.');
    expect(() =>
      api.app.sqlite
        .prepare(`INSERT INTO session_marks (event_id, session_id, participant_id, mark) VALUES (?, ?, ?, 'present')`)
        .run(b.id, b.sessions[0]!.id, p.id),
    ).toThrow(/FOREIGN KEY/);
    const population = await newEvent({
      audience: 'population',
      title: 'Школа приёмных родителей',
      firstDay: '2019-05-03',
      lastDay: '2019-05-03',
    });
    expect((await refusedUnchanged('participants.add', { eventId: population.id, personIds: personIds(1) })).message).toMatch(
      /^Это мероприятие для населения: участников по именам не записывают/,
    );
  });
});

describe('population events', () => {
  it('record counts by category and programme totals, refused on a specialists’ event and above the registered', async () => {
    const categories = all<{ id: number; value: string }>(
      `SELECT id, value FROM list_values WHERE list = 'audienceCategories' ORDER BY position`,
    );
    const e = await newEvent({
      audience: 'population',
      title: 'Клуб «Ответственный родитель»',
      firstDay: '2019-02-05',
      lastDay: '2019-02-06',
    });
    await api.call('counts.set', {
      sessionId: e.sessions[0]!.id,
      counts: [
        { categoryId: categories[0]!.id, present: 12 },
        { categoryId: categories[3]!.id, present: 5 },
      ],
    });
    await api.call('counts.set', { sessionId: e.sessions[1]!.id, counts: [{ categoryId: categories[0]!.id, present: 9 }] });
    const totals = await api.call('events.setPopulationTotals', { id: e.id, registered: 14, completed: 11 });
    expect(totals).toMatchObject({ populationRegistered: 14, populationCompleted: 11 });
    expect(totals.counts).toHaveLength(3);
    const over = await refusedUnchanged('events.setPopulationTotals', { id: e.id, registered: 10, completed: 11 });
    expect(over.fields?.completed).toBe('Завершивших обучение не может быть больше зарегистрированных');
    expect(() => api.app.sqlite.prepare('UPDATE events SET population_completed = 20 WHERE id = ?').run(e.id)).toThrow(/CHECK/);
    const specialists = await newEvent({ firstDay: '2019-02-07', lastDay: '2019-02-07' });
    expect((await refusedUnchanged('counts.set', { sessionId: specialists.sessions[0]!.id, counts: [] })).message).toMatch(
      /^Число пришедших по категориям записывают только для мероприятий для населения/,
    );
    await api.call('events.setStatus', { id: e.id, status: 'held' });
    const stats = await api.call('events.statistics', { from: '2019-02-01', to: '2019-02-28' });
    expect(stats.population).toEqual([
      { category: categories[0]!.value, visits: 21, sessions: 2 },
      { category: categories[3]!.value, visits: 5, sessions: 1 },
    ]);
    expect(stats.completion).toMatchObject({ populationCompleted: 11, populationRegistered: 14 });
  });
});

describe('statistics', () => {
  it('counts the demo’s events of 2017 and 2018 by type, role and level, the participants reached without the center’s staff', async () => {
    const y2017 = await api.call('events.statistics', { from: '2017-01-01', to: '2017-12-31' });
    expect(y2017.events).toEqual({ held: 8, planned: 0 });
    expect(y2017.byType.map((g) => [g.label, g.held])).toEqual([
      ['Семинар', 3],
      ['Акция', 1],
      ['Заседание', 1],
      ['Конкурс', 1],
      ['Съезд', 1],
      ['Форум', 1],
    ]);
    expect(y2017.byRole.map((g) => [g.key, g.held])).toEqual([['participant', 8]]);
    expect(y2017.attendedByStaff.map((e) => e.firstDay)).toEqual([
      '2017-03-20',
      '2017-03-28',
      '2017-05-18',
      '2017-05-30',
      '2017-06-08',
      '2017-10-16',
      '2017-10-16',
      '2017-11-28',
    ]);
    expect(y2017.uniqueSpecialists).toBe(0);

    const y2018 = await api.call('events.statistics', { from: '2018-01-01', to: '2018-12-31' });
    const seminar = await api.call('events.get', {
      id: all<{ id: number }>(`SELECT id FROM events WHERE title LIKE 'Семинар для специалистов органов%'`)[0]!.id,
    });
    const mc = all<{ person_id: number }>(
      `SELECT person_id FROM event_participants p JOIN events e ON e.id = p.event_id WHERE e.title LIKE 'Мастер-класс%' AND p.status = 'attended'`,
    );
    const centerOrg = one<{ id: number }>('SELECT organization_id AS id FROM center_profile').id;
    const reached = new Set(
      [
        ...seminar.participants.filter((p) => p.status === 'attended' && p.organizationId !== centerOrg).map((p) => p.personId),
        ...mc.map((r) => r.person_id),
      ].filter((id) => one<{ o: number | null }>('SELECT organization_id AS o FROM people WHERE id = ?', id).o !== centerOrg),
    );
    expect(y2018.uniqueSpecialists).toBe(reached.size);
    expect(y2018.completion.completed).toBe((seminar.totals.completed ?? 0) + 10);
    expect(y2018.byOrganizationType.reduce((s, g) => s + g.participations, 0)).toBe(
      seminar.participants.filter((p) => p.status === 'attended').length + mc.length,
    );
  });

  it('changes when an event is held, and leaves a cancelled one out', async () => {
    const before = await api.call('events.statistics', { from: '2020-01-01', to: '2020-12-31' });
    const e = await newEvent({ typeId: typeId('Круглый стол'), firstDay: '2020-03-03', lastDay: '2020-03-03' });
    await api.call('participants.add', { eventId: e.id, personIds: personIds(3) });
    await mark(await api.call('events.get', { id: e.id }), [[0], [0], []]);
    await api.call('events.setStatus', { id: e.id, status: 'held' });
    const after = await api.call('events.statistics', { from: '2020-01-01', to: '2020-12-31' });
    expect(after.events.held).toBe(before.events.held + 1);
    expect(after.completion).toMatchObject({ completed: before.completion.completed + 2, of: before.completion.of + 2 });
    await api.call('events.setStatus', { id: e.id, status: 'cancelled' });
    expect((await api.call('events.statistics', { from: '2020-01-01', to: '2020-12-31' })).events).toEqual(before.events);
  });

  it('gives a person’s history with the result of each event', async () => {
    const walkIn = one<{ id: number }>(`SELECT id FROM people WHERE last_name = 'Макарова'`).id;
    const history = await api.call('events.personHistory', { personId: walkIn });
    expect(history.fullName).toBe('Макарова Юлия Сергеевна');
    // The seminar of 2018, and its copy of 2019 she was registered for again.
    expect(history.rows.map((r) => [r.firstDay, r.registration])).toEqual([
      ['2019-10-15', 'registered'],
      ['2018-10-16', 'attended'],
    ]);
    expect(history.rows[1]).toEqual(
      expect.objectContaining({
        firstDay: '2018-10-16',
        lastDay: '2018-10-18',
        role: 'participant',
        registration: 'attended',
        present: 1,
        sessions: 3,
        completed: false,
      }),
    );
  });
});

describe('«Отметить по номерам»', () => {
  it('reads numbers and ranges with a hyphen, an en dash or a minus, and says what it does not understand', () => {
    const ok = (text: string) => {
      const r = parseRegistrationNumbers(text);
      return r.ok ? r.numbers : r.message;
    };
    expect(ok('1, 3, 5–9')).toEqual([1, 3, 5, 6, 7, 8, 9]);
    expect(ok('5-7;2 2 , 12 — 13')).toEqual([2, 5, 6, 7, 12, 13]);
    expect(ok('4 − 5')).toEqual([4, 5]);
    expect(ok('')).toMatch(/^Укажите номера участников/);
    expect(ok('1, 3а')).toMatch(/^Не понятно «3а»/);
    expect(ok('1,,2-')).toMatch(/^Не понятно «2–»/);
    expect(ok('9–5')).toBe('Диапазон «9–5» идёт в обратную сторону: напишите 5–9');
    expect(ok('0, 1')).toBe('Номера участников начинаются с 1');
    expect(ok('1–5000')).toMatch(/слишком длинный/);
  });

  it('marks those present at a session by number, the others absent if asked; an unknown number changes nothing', async () => {
    const e = await newEvent({ title: 'Семинар с отметкой по номерам', firstDay: '2019-03-04', lastDay: '2019-03-05' });
    await api.call('participants.add', { eventId: e.id, personIds: personIds(6, 0) });
    let detail = await api.call('events.get', { id: e.id });
    expect(detail.participants.map((p) => p.registrationNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    // №2 leaves: the numbers keep a gap, and 2 is no longer anyone's.
    await api.call('participants.remove', { id: detail.participants[1]!.id });
    const [day1, day2] = detail.sessions;

    const before = hashTables(api.app.sqlite);
    const refused = await api.refusal('marks.byNumbers', { sessionId: day1!.id, numbers: '1–4, 9', othersAbsent: false });
    expect(refused.message).toBe('Участников с номерами 2, 9 в списке этого мероприятия нет. Ничего не отмечено.');
    expect(refused.fields).toEqual({ numbers: refused.message });
    expect(hashTables(api.app.sqlite)).toEqual(before);
    expect((await api.refusal('marks.byNumbers', { sessionId: day1!.id, numbers: '7', othersAbsent: false })).message).toBe(
      'Участника с номером 7 в списке этого мероприятия нет. Ничего не отмечено.',
    );
    expect((await api.refusal('marks.byNumbers', { sessionId: day1!.id, numbers: '1, три', othersAbsent: false })).message).toMatch(
      /^Не понятно «три»/,
    );
    expect(hashTables(api.app.sqlite)).toEqual(before);

    const marked = await api.call('marks.byNumbers', { sessionId: day1!.id, numbers: '1, 3–4', othersAbsent: false });
    expect(marked.marked).toBe(3);
    const marksOf = (d: EventDetail, sessionId: number) =>
      Object.fromEntries(d.participants.map((p) => [p.registrationNumber, p.marks[sessionId] ?? null]));
    expect(marksOf(marked.detail, day1!.id)).toEqual({ 1: 'present', 3: 'present', 4: 'present', 5: null, 6: null });
    expect(marked.detail.participants.filter((p) => p.status === 'attended').map((p) => p.registrationNumber)).toEqual([1, 3, 4]);

    detail = (await api.call('marks.byNumbers', { sessionId: day2!.id, numbers: '3 – 5', othersAbsent: true })).detail;
    expect(marksOf(detail, day2!.id)).toEqual({ 1: 'absent', 3: 'present', 4: 'present', 5: 'present', 6: 'absent' });
    // The first day's marks are untouched.
    expect(marksOf(detail, day1!.id)).toEqual({ 1: 'present', 3: 'present', 4: 'present', 5: null, 6: null });
  });
});
