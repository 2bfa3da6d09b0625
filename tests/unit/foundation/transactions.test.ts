import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '@main/api/app';
import { contract, type CallInput, type CallName, type CallOutput } from '@shared/contract';
import { hashTables } from './tables';
import { Readable } from 'node:stream';
import { putFile } from '@main/services/files';

/**
 * Every `db` call of the contract holds as one transaction: made to fail right after its
 * first write, it leaves every table exactly as it was.
 *
 * How the failure is injected: better-sqlite3 runs every statement through the methods of its
 * one Statement prototype (drizzle's queries, the services' own SQL and the transaction's
 * BEGIN/SAVEPOINT alike). The test wraps those methods: once armed, the first statement that
 * writes (an INSERT, UPDATE or DELETE that SQLite itself reports as not read-only) runs and
 * then throws, as a bug in the handler right after that write would. No trigger, no change to
 * the schema or the code under test. The same call is then made without the failure and must
 * succeed, so every fixture below is a real, accepted change and not a refusal.
 */

type DbCall = { [K in CallName]: (typeof contract)[K]['kind'] extends 'db' ? K : never }[CallName];

let app: App;
let dataDir: string;

async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await app.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

const one = <T>(sql: string, ...params: unknown[]) => app.sqlite.prepare(sql).get(...params) as T;
const many = <T>(sql: string, ...params: unknown[]) => app.sqlite.prepare(sql).all(...params) as T[];

/** A draft meeting of group 1 dated in the past, with an item (decision and assignment) and attendance. */
async function draftMeeting(dateStart: string) {
  const person = one<{ id: number }>('SELECT id FROM people ORDER BY id LIMIT 1').id;
  const org = one<{ id: number }>('SELECT id FROM organizations ORDER BY id LIMIT 1').id;
  const meeting = await call('meetings.create', { groupId: 1, kind: 'session', dateStart, chairId: person, secretaryId: person });
  await call('agenda.create', {
    meetingId: meeting.id,
    data: {
      title: 'О работе с семьями',
      speakers: [{ personId: person }],
      decisions: [{ text: 'Принять к сведению', assignment: { organizationIds: [org], dueDate: '2018-06-01' } }],
    },
  });
  await call('meetings.setAttendance', { meetingId: meeting.id, attendees: [{ personId: person, present: true }] });
  return meeting.id;
}

async function heldMeeting(dateStart: string) {
  const id = await draftMeeting(dateStart);
  await call('meetings.hold', { id });
  return id;
}

const formId = (value: string) => one<{ id: number }>('SELECT id FROM list_values WHERE value = ?', value).id;

async function planItem(year: number) {
  const items = await call('workPlan.items', { year });
  return items[1] ?? items[0]!;
}

const itemData = (item: Awaited<ReturnType<typeof planItem>>) => ({
  direction: item.direction,
  title: `${item.title} (уточнено)`,
  formId: item.formId,
  term: item.term,
  responsibleIds: item.responsibles.map((r) => r.id),
  partnerIds: item.partners.map((p) => p.id),
  targetAudience: item.targetAudience,
  status: item.status,
  resultNote: item.resultNote,
});

const meetingData = (id: number) => {
  const m = one<{ group_id: number; kind: 'session'; number: number; date_start: string; chair_id: number; secretary_id: number }>(
    'SELECT * FROM meetings WHERE id = ?',
    id,
  );
  return {
    groupId: m.group_id,
    kind: m.kind,
    number: m.number,
    dateStart: m.date_start,
    chairId: m.chair_id,
    secretaryId: m.secretary_id,
    town: 'г. Тамбов',
  };
};

/** An open assignment of signed minutes with a responsible organisation: the register's assignments. */
const SIGNED_OPEN_ASSIGNMENT = `SELECT a.id FROM assignments a
  JOIN decisions d ON d.id = a.decision_id JOIN agenda_items i ON i.id = d.agenda_item_id JOIN meetings m ON m.id = i.meeting_id
  WHERE a.status = 'inProgress' AND m.status = 'signed' AND EXISTS (SELECT 1 FROM assignment_organizations o WHERE o.assignment_id = a.id)
  ORDER BY a.id LIMIT 1`;

/** The demo's held three-day seminar (its participants and sessions) and a planned event of 2018. */
const seminarId = () => one<{ id: number }>(`SELECT id FROM events WHERE title LIKE 'Семинар для специалистов%'`).id;
const eventTypeId = () => one<{ id: number }>(`SELECT id FROM list_values WHERE list = 'eventTypes' ORDER BY position LIMIT 1`).id;
async function plannedEvent(audience: 'specialists' | 'population' = 'specialists') {
  const e = await call('events.create', {
    typeId: eventTypeId(),
    centerRole: 'organizer',
    title: audience === 'population' ? 'Клуб «Ответственный родитель»' : 'Круглый стол',
    level: 'municipal',
    audience,
    firstDay: '2018-05-14',
    lastDay: '2018-05-15',
  });
  return e;
}
const seminarSession = () => one<{ id: number }>('SELECT id FROM event_sessions WHERE event_id = ? ORDER BY day LIMIT 1', seminarId()).id;
const seminarParticipant = () =>
  one<{ id: number }>('SELECT id FROM event_participants WHERE event_id = ? ORDER BY registration_number DESC LIMIT 1', seminarId()).id;

// The latest held meeting: the demo's own news item is the first meeting's.
const heldMeetingId = () =>
  one<{ id: number }>(`SELECT id FROM meetings WHERE status IN ('held', 'signed') ORDER BY date_start DESC LIMIT 1`).id;
const newsOf = (meetingId: number) => one<{ id: number }>('SELECT id FROM news_items WHERE meeting_id = ?', meetingId).id;

const collectionId = () => one<{ id: number }>("SELECT id FROM publications WHERE title LIKE 'Сборник%'").id;
/** A write-off of one copy of the collection by three of the center's staff. */
function actData() {
  const staff = many<{ id: number }>(
    'SELECT p.id FROM people p JOIN center_profile c ON c.organization_id = p.organization_id ORDER BY p.id LIMIT 3',
  );
  return {
    actDate: '2018-06-01',
    reason: 'Повреждены при хранении',
    chairId: staff[0]!.id,
    memberIds: staff.slice(1).map((s) => s.id),
    lines: [{ publicationId: collectionId(), quantity: 1 }],
  };
}

/** Two records of the registry as they are when the fixture runs (earlier fixtures merge and delete some). */
const twoOf = (table: 'people' | 'organizations') => {
  const [left, right] = many<{ id: number }>(`SELECT id FROM ${table} ORDER BY id DESC LIMIT 2`);
  return { leftId: left!.id, rightId: right!.id };
};
const twoPeople = () => twoOf('people');
const twoOrganizations = () => twoOf('organizations');

/** A valid, accepted input of every db call over the demo data, made ready by earlier calls where needed. */
const fixtures: { [K in Exclude<DbCall, 'app.initialize'>]: () => Promise<CallInput<K>> | CallInput<K> } = {
  'center.saveProfile': () => ({ fullName: 'ТОГБУ «Ресурсный центр»', shortName: 'Ресурсный центр' }),
  'municipalities.create': () => ({ type: 'district', properName: 'Новый' }),
  'municipalities.update': () => ({
    id: one<{ id: number }>('SELECT id FROM municipalities LIMIT 1').id,
    data: { type: 'district', properName: 'Иной' },
  }),
  'municipalities.delete': async () => ({ id: (await call('municipalities.create', { type: 'district', properName: 'Лишний' })).id }),
  'organizations.create': () => ({ fullName: 'Новая школа', type: 'education' }),
  'organizations.update': () => ({
    id: one<{ id: number }>('SELECT id FROM organizations LIMIT 1').id,
    data: { fullName: 'Переименованная организация', type: 'education' },
  }),
  'organizations.delete': async () => ({ id: (await call('organizations.create', { fullName: 'Лишняя школа', type: 'education' })).id }),
  'people.create': () => ({ lastName: 'Новикова', firstName: 'Анна' }),
  'people.update': () => ({ id: one<{ id: number }>('SELECT id FROM people LIMIT 1').id, data: { lastName: 'Иная', firstName: 'Анна' } }),
  'people.delete': async () => ({ id: (await call('people.create', { lastName: 'Лишняя', firstName: 'Анна' })).id }),
  // A new record takes over a demo person's references (meetings, events, plan items) and an organisation's.
  'registry.mergePeople': async () => ({
    keepId: (await call('people.create', { lastName: 'Попова', firstName: 'Людмила', middleName: 'Александровна' })).id,
    mergeId: one<{ id: number }>('SELECT person_id AS id FROM meeting_attendees GROUP BY person_id ORDER BY count(*) DESC LIMIT 1').id,
  }),
  'registry.mergeOrganizations': async () => ({
    keepId: (await call('organizations.create', { fullName: 'Дубликат организации', type: 'education' })).id,
    // Not the center's own organisation: later fixtures read the center's names from the profile.
    mergeId: one<{ id: number }>(
      'SELECT organization_id AS id FROM people WHERE organization_id IS NOT NULL AND organization_id NOT IN (SELECT organization_id FROM center_profile WHERE organization_id IS NOT NULL) GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
    ).id,
  }),
  // Two demo people declared distinct; the revoke takes back a pair declared for it.
  'registry.declareDistinct': () => ({ target: 'person', ...twoPeople() }),
  'registry.revokeDistinct': async () => {
    const input = { target: 'organization' as const, ...twoOrganizations() };
    await call('registry.declareDistinct', input);
    return input;
  },
  'lists.create': () => ({ list: 'planForms', value: 'Вебинар' }),
  // Renaming a form used by plan items rewrites their search texts too.
  // Each on a value of its own: the run without the injection keeps its change.
  'lists.rename': () => ({ id: formId('Семинар'), value: 'Обучающий семинар' }),
  'lists.setArchived': () => ({ id: formId('Мониторинг'), archived: true }),
  'lists.move': () => ({ id: formId('Публикация'), to: 'up' }),
  'lists.delete': async () => ({ id: (await call('lists.create', { list: 'planForms', value: 'Лишняя форма' })).id }),
  'workPlan.create': () => ({ year: 2020 }),
  'workPlan.setApproval': () => ({ year: 2017, approvedOn: '2017-01-10' }),
  'workPlan.createItem': () => ({
    year: 2017,
    direction: 'educational',
    title: 'Семинар',
    formId: formId('Тренинг'),
    term: { kind: 'year' },
  }),
  'workPlan.updateItem': async () => {
    const item = await planItem(2017);
    return { id: item.id, data: itemData(item) };
  },
  'workPlan.deleteItem': async () => {
    // An item an agenda item took up: the delete also clears that link (SET NULL) and closes the gap.
    const meeting = await draftMeeting('2018-01-20');
    const item = await planItem(2018);
    await call('agenda.addFromPlan', { meetingId: meeting, planItemId: item.id });
    return { id: item.id };
  },
  'workPlan.moveItem': async () => ({ id: (await planItem(2017)).id, to: 'up' }),
  'workPlan.setStatus': async () => ({ id: (await planItem(2017)).id, status: 'done', resultNote: 'Проведено' }),
  'workPlan.copyToNextYear': () => ({ year: 2018 }),
  'workingGroups.create': () => ({ name: 'Новая группа', nameGenitive: 'новой группы' }),
  'workingGroups.update': () => ({ id: 1, data: { name: 'Переименованная группа', nameGenitive: 'переименованной группы' } }),
  'workingGroups.delete': async () => ({
    id: (await call('workingGroups.create', { name: 'Лишняя группа', nameGenitive: 'лишней группы' })).id,
  }),
  'meetings.create': () => ({ groupId: 1, kind: 'session', dateStart: '2018-05-01' }),
  'meetings.update': async () => {
    const id = await heldMeeting('2018-02-02');
    return { id, data: { ...meetingData(id), planItemId: (await planItem(2018)).id } };
  },
  'meetings.delete': async () => ({ id: await draftMeeting('2018-02-03') }),
  'meetings.hold': async () => {
    const id = await draftMeeting('2018-02-04');
    await call('meetings.update', { id, data: { ...meetingData(id), planItemId: (await planItem(2018)).id } });
    return { id };
  },
  'meetings.reopen': async () => ({ id: await heldMeeting('2018-02-05') }),
  'meetings.sign': async () => ({ id: await heldMeeting('2018-02-06') }),
  'meetings.unlock': async () => {
    const id = await heldMeeting('2018-02-07');
    await call('meetings.sign', { id });
    return { id, reason: 'Опечатка в фамилии' };
  },
  'meetings.setAttendance': () => ({
    meetingId: 3,
    attendees: [
      { personId: 2, present: true },
      { personId: 6, present: false },
    ],
  }),
  'agenda.create': () => ({ meetingId: 3, data: { title: 'Разное' } }),
  'agenda.createMany': () => ({ meetingId: 3, titles: ['Об итогах полугодия', 'Разное'] }),
  'agenda.update': () => ({
    id: one<{ id: number }>('SELECT id FROM agenda_items WHERE meeting_id = 3 LIMIT 1').id,
    data: { title: 'Уточнённый вопрос' },
  }),
  'agenda.delete': () => ({ id: one<{ id: number }>('SELECT id FROM agenda_items WHERE meeting_id = 3 ORDER BY position LIMIT 1').id }),
  'agenda.move': () => ({
    id: one<{ id: number }>('SELECT id FROM agenda_items WHERE meeting_id = 3 ORDER BY position DESC LIMIT 1').id,
    to: 'up',
  }),
  'agenda.addFromPlan': async () => ({ meetingId: 3, planItemId: (await planItem(2017)).id }),
  'agenda.addControlReview': () => ({ meetingId: 3 }),
  'agenda.carryToNext': async () => {
    const source = await call('meetings.create', { groupId: 1, kind: 'session', dateStart: '2018-03-01' });
    const withItem = await call('agenda.create', { meetingId: source.id, data: { title: 'Не рассмотрено' } });
    await call('meetings.create', { groupId: 1, kind: 'session', dateStart: '2018-04-01' });
    return { id: withItem.items.at(-1)!.id };
  },
  'assignments.setStatus': () => ({
    id: one<{ id: number }>(SIGNED_OPEN_ASSIGNMENT).id,
    status: 'done',
    completionNote: 'Исполнено',
    completedOn: '2018-01-10',
  }),
  'assignments.issueList': () => ({
    organizationId: one<{ id: number }>(
      `SELECT ao.organization_id AS id FROM assignment_organizations ao WHERE ao.assignment_id = (${SIGNED_OPEN_ASSIGNMENT})`,
    ).id,
    onlyOpen: true,
  }),
  'meetings.saveSettings': () => ({ attendeeThreshold: 7 }),
  // events (issue 16)
  'events.create': () => ({
    typeId: eventTypeId(),
    centerRole: 'organizer',
    title: 'Семинар для педагогов',
    level: 'municipal',
    firstDay: '2018-09-10',
    lastDay: '2018-09-12',
    planItemId: null,
  }),
  'events.update': async () => {
    const e = await plannedEvent();
    return {
      id: e.id,
      data: {
        typeId: e.typeId,
        centerRole: e.centerRole,
        title: 'Круглый стол (уточнено)',
        level: e.level,
        notes: 'Перенесён в актовый зал',
      },
    };
  },
  'events.setStatus': () => ({ id: seminarId(), status: 'cancelled' }),
  'events.copy': () => ({ id: seminarId(), firstDay: '2019-10-15', withParticipants: true }),
  'events.delete': async () => ({ id: (await plannedEvent()).id }),
  'sessions.create': () => ({ eventId: seminarId(), data: { day: '2018-10-19', topic: 'Подведение итогов' } }),
  'sessions.update': () => ({ id: seminarSession(), data: { day: '2018-10-16', timeStart: '09:30', topic: 'Открытие' } }),
  'sessions.delete': () => ({ id: seminarSession() }),
  'participants.add': async () => ({
    eventId: (await plannedEvent()).id,
    personIds: [one<{ id: number }>('SELECT id FROM people ORDER BY id DESC LIMIT 1').id],
  }),
  'participants.addWalkIn': () => ({
    eventId: seminarId(),
    person: { lastName: 'Пришедшая', firstName: 'Анна', position: 'Педагог' },
    presentAt: seminarSession(),
  }),
  'participants.update': () => ({ id: seminarParticipant(), role: 'speaker', status: 'attended', note: 'Выступила с опытом' }),
  'participants.remove': () => ({ id: seminarParticipant() }),
  // The master class: everyone present, none holds a certificate yet.
  'certificates.issue': () => ({
    eventId: one<{ id: number }>(`SELECT id FROM events WHERE title LIKE 'Мастер-класс для педагогов%'`).id,
    participantIds: many<{ id: number }>(
      `SELECT p.id FROM event_participants p JOIN events e ON e.id = p.event_id WHERE e.title LIKE 'Мастер-класс для педагогов%' AND p.role = 'participant'`,
    ).map((r) => r.id),
    genders: {},
  }),
  'certificates.reissue': () => ({
    // Of a held event: the seminar's status fixture above cancels it.
    id: one<{ id: number }>(
      `SELECT c.id FROM certificates c JOIN events e ON e.id = c.event_id WHERE e.status = 'held' AND c.annulled_on IS NULL ORDER BY c.id LIMIT 1`,
    ).id,
    reason: 'Ошибка в фамилии',
  }),
  'certificates.setLayout': async () => ({
    settings: { ...(await call('certificates.layout', {})).settings, signerName: 'И.В. Сидорова', sealPlace: false },
    logoHash: null,
  }),
  // The annual report: the demo year's, created by the first fixture, saved, approved and unlocked by the others.
  'reports.create': () => ({ year: 2017, quarter: null }),
  'reports.saveParagraph': async () => {
    await call('reports.create', { year: 2018, quarter: 1 });
    return { year: 2018, quarter: 1, key: 'closing', text: 'Проведено {{Заседания}}.' };
  },
  'reports.approve': async () => {
    await call('reports.create', { year: 2018, quarter: 2 });
    return { year: 2018, quarter: 2, approvedOn: '2018-07-02' };
  },
  'reports.unlock': async () => {
    await call('reports.create', { year: 2018, quarter: 3 });
    await call('reports.approve', { year: 2018, quarter: 3, approvedOn: '2018-10-01' });
    return { year: 2018, quarter: 3, reason: 'Уточнены показатели мониторинга' };
  },
  // Issue 24: the news item of the demo's latest held meeting, drafted, edited, drafted again, published; the seminar's deleted.
  'news.draft': () => ({ kind: 'meeting', recordId: heldMeetingId() }),
  'news.regenerate': () => ({ id: newsOf(heldMeetingId()) }),
  'news.saveParagraph': () => ({ id: newsOf(heldMeetingId()), key: 'opening', text: 'В Уварово прошло заседание рабочей группы.' }),
  'news.publish': () => ({ id: newsOf(heldMeetingId()), publishedOn: '2024-01-15' }),
  'news.unpublish': () => ({ id: newsOf(heldMeetingId()) }),
  // The demo's draft news item of its held seminar.
  'news.delete': () => ({ id: one<{ id: number }>('SELECT id FROM news_items WHERE event_id IS NOT NULL').id }),
  'marks.set': () => ({ sessionId: seminarSession(), marks: [{ participantId: seminarParticipant(), mark: 'excused' }] }),
  'marks.byNumbers': () => ({ sessionId: seminarSession(), numbers: '1, 2–3', othersAbsent: true }),
  'counts.set': async () => {
    const e = await plannedEvent('population');
    return {
      sessionId: e.sessions[0]!.id,
      counts: [{ categoryId: one<{ id: number }>(`SELECT id FROM list_values WHERE list = 'audienceCategories' LIMIT 1`).id, present: 12 }],
    };
  },
  'events.setPopulationTotals': async () => ({ id: (await plannedEvent('population')).id, registered: 14, completed: 11 }),
  'exchange.saveSettings': () => ({ folder: os.tmpdir(), centerCode: 'RC-06' }),
  'indicators.describe': () => ({
    id: formId('Посещения на дому'),
    unit: 'визитов',
    group: 'Работа с семьями',
    rule: 'sum',
    whole: true,
    role: null,
    atLeastId: null,
  }),
  // Several cells at once, one of them replacing a demo figure: all written or none.
  'indicators.saveSheet': () => {
    const m = one<{ id: number }>('SELECT id FROM municipalities WHERE in_segment = 1 ORDER BY sort_key LIMIT 1').id;
    return {
      year: 2018,
      quarter: 1,
      scope: 'municipalities',
      cells: [
        { indicatorId: formId('Посещения на дому'), municipalityId: m, text: '1 234' },
        { indicatorId: formId('Консультации родителей'), municipalityId: m, text: '56' },
      ],
      confirmed: true,
    };
  },
  // Publications (issue 21): the demo's collection «Что написано пером...» and its ledger.
  'publications.create': () => ({ title: 'Памятка для родителей', kindId: formId('Памятка'), year: 2018, planItemId: null }),
  'publications.update': () => {
    const p = one<{ id: number; kind_id: number }>("SELECT id, kind_id FROM publications WHERE title LIKE 'Сборник%'");
    return { id: p.id, data: { title: 'Сборник «Что написано пером...» (второе издание)', kindId: p.kind_id, year: 2017 } };
  },
  'publications.delete': async () => ({
    id: (await call('publications.create', { title: 'Лишняя листовка', kindId: formId('Листовка'), year: 2018 })).id,
  }),
  // A backdated distribution, checked over the later history in the same transaction.
  'publications.recordMovement': () => ({
    publicationId: one<{ id: number }>("SELECT id FROM publications WHERE title LIKE 'Сборник%'").id,
    kind: 'distribution',
    date: '2017-11-21',
    quantity: 5,
    organizationId: one<{ id: number }>('SELECT id FROM organizations ORDER BY id LIMIT 1').id,
  }),
  // Issue 21: the demo's collection handed out at a new event (the demo's seminar is cancelled by an earlier fixture).
  'publications.handOutAtEvent': async () => ({
    eventId: (await plannedEvent()).id,
    date: '2018-05-14',
    lines: [{ publicationId: one<{ id: number }>("SELECT id FROM publications WHERE title LIKE 'Сборник%'").id, quantity: 5 }],
  }),
  'publications.reverseMovement': () => ({
    movementId: one<{ id: number }>("SELECT id FROM publication_movements WHERE kind = 'writeOff' ORDER BY id LIMIT 1").id,
    reason: 'Списание внесено по ошибке',
  }),
  // Issue 22: a PDF of the store made the collection's next version; an act of write-off of the center's staff.
  'publications.attachFile': async () => ({
    publicationId: collectionId(),
    hash: (await putFile(app.db, dataDir, Readable.from([Buffer.from('%PDF-1.4 памятка')]), { originalName: 'памятка.pdf' })).hash,
  }),
  // Issue 17: a list uploaded for an import and abandoned: its row goes with its content, or neither.
  'imports.discard': async () => ({
    fileHash: (
      await putFile(app.db, dataDir, Readable.from([Buffer.from('ФИО;Организация\nБелова Анна Юрьевна;Школа\n')]), {
        originalName: 'список.csv',
      })
    ).hash,
  }),
  'writeOffActs.create': () => actData(),
  'writeOffActs.update': async () => ({
    id: (await call('writeOffActs.create', actData())).id,
    data: { ...actData(), reason: 'Залиты водой' },
  }),
  'writeOffActs.delete': async () => ({ id: (await call('writeOffActs.create', actData())).id }),
  // The director approves it (an earlier fixture saved a profile without one).
  'writeOffActs.sign': async () => {
    await call('center.saveProfile', { ...(await call('center.getProfile', {})), directorName: 'А.Я. Гоберкорн' });
    return { id: (await call('writeOffActs.create', actData())).id };
  },
  'undo.apply': async () => {
    const person = await call('people.create', { lastName: 'Возвращаемая', firstName: 'Анна' });
    const deleted = await app.dispatch('people.delete', { id: person.id });
    return { id: (deleted as { undo: { id: number } }).undo.id };
  },
};

const injection = { armed: false, fired: 0 };

/** Wraps the Statement prototype's methods: see the comment at the top. */
function injectFailures(sqlite: Database.Database) {
  const proto = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = proto[method]!;
    vi.spyOn(proto, method).mockImplementation(function (this: Database.Statement, ...args: unknown[]) {
      const result = original.apply(this, args);
      if (injection.armed && !this.readonly && /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(this.source)) {
        injection.armed = false;
        injection.fired++;
        throw new Error('injected failure right after the first write');
      }
      return result;
    });
  }
}

async function failAfterFirstWrite(name: CallName, input: unknown) {
  const before = hashTables(app.sqlite);
  const fired = injection.fired;
  injection.armed = true;
  const failed = await app.dispatch(name, input);
  injection.armed = false;
  expect(injection.fired, `${name} wrote nothing: its fixture does not reach a write`).toBe(fired + 1);
  expect(failed).toMatchObject({ ok: false, error: { code: 'internal', message: /данные не изменены/ } });
  expect(hashTables(app.sqlite)).toEqual(before);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-transactions-'));
  app = createApp({ dataDir });
  await call('app.initialize', { mode: 'demo' });
  injectFailures(app.sqlite);
  // The injected failures are logged as the bugs they stand for; the log is not the point here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterAll(() => {
  vi.restoreAllMocks();
  app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('every db call holds as one transaction', () => {
  const dbCalls = (Object.keys(contract) as CallName[]).filter((name) => contract[name].kind === 'db');

  it('has a fixture for every db call of the contract', () => {
    expect(dbCalls.filter((name) => name !== 'app.initialize' && !Object.hasOwn(fixtures, name))).toEqual([]);
    expect(dbCalls.length).toBeGreaterThan(40);
  });

  it.each(dbCalls.filter((name) => name !== 'app.initialize'))('%s: a failure after its first write changes no table', async (name) => {
    const input = await fixtures[name as Exclude<DbCall, 'app.initialize'>]();
    await failAfterFirstWrite(name, input);
    // The same input is accepted without the failure: the fixture is a real change.
    expect(await app.dispatch(name, input)).toMatchObject({ ok: true });
  });

  it('app.initialize: the demo data come in whole or not at all', async () => {
    const other = createApp({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'rc-transactions-init-')) });
    const main = app;
    app = other;
    try {
      await failAfterFirstWrite('app.initialize', { mode: 'demo' });
      expect(await app.dispatch('app.initialize', { mode: 'demo' })).toMatchObject({ ok: true, value: { firstRun: false, demo: true } });
    } finally {
      app = main;
      other.close();
      rmSync(other.env.dataDir, { recursive: true, force: true });
    }
  });
});
