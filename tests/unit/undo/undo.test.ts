import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '@main/api/app';
import { journalTables } from '@db/journal';
import { snapshotDatabase } from '@main/services/exchange/dataPackage';
import { UNDO_TABLES } from '@main/services/undo';
import type { CallInput, CallName, CallOutput } from '@shared/contract';
import type { Result, UndoRef } from '@shared/contract/define';
import { hashTables, recordsAfterUndo } from '@tests/unit/foundation/tables';

/**
 * The undo journal through the calls, over the demo data: a deletion taken back leaves every
 * table as it was before it, also after a restart; an undo that later changes stand in the
 * way of is refused with a Russian message and changes nothing.
 */

let dataDir: string;
let app: App;

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-undo-'));
  app = createApp({ dataDir });
  await call('app.initialize', { mode: 'demo' });
});
afterEach(() => {
  app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await app.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

/** Deletes and answers the undo entry the answer names. */
async function remove<K extends CallName>(name: K, input: CallInput<K>): Promise<UndoRef> {
  const result = (await app.dispatch(name, input)) as Result<unknown>;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  expect(result.undo, `${name} names its undo entry`).toBeDefined();
  return result.undo!;
}

const data = () => recordsAfterUndo(app.sqlite);
const count = (sql: string, ...params: unknown[]) =>
  app.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as number;

async function undoneExactly<K extends CallName>(name: K, input: CallInput<K>, registers: string[]) {
  const before = data();
  const undo = await remove(name, input);
  expect(data()).not.toEqual(before);
  const undone = await app.dispatch('undo.apply', { id: undo.id });
  expect(undone).toMatchObject({ ok: true, value: { label: undo.label } });
  expect((undone as { changed: string[] }).changed.sort()).toEqual(['undo', ...registers].sort());
  expect(data()).toEqual(before);
  return undo;
}

async function draftMeetingWithItems(dateStart: string) {
  const person = count('SELECT id FROM people ORDER BY id LIMIT 1');
  const org = count('SELECT id FROM organizations ORDER BY id LIMIT 1');
  const meeting = await call('meetings.create', { groupId: 1, kind: 'session', dateStart, chairId: person, secretaryId: person });
  for (const title of ['Первый вопрос', 'Второй вопрос', 'Третий вопрос']) {
    await call('agenda.create', {
      meetingId: meeting.id,
      data: {
        title,
        speakers: [{ personId: person }, { name: 'Гость из области' }],
        discussion: [{ personId: person, text: 'Предложила обсудить' }],
        decisions: [{ text: `Решение: ${title}`, assignment: { organizationIds: [org], personIds: [person], dueDate: '2018-06-01' } }],
      },
    });
  }
  await call('meetings.setAttendance', { meetingId: meeting.id, attendees: [{ personId: person, present: true }], guestIds: [] });
  return (await call('meetings.get', { id: meeting.id })) as CallOutput<'meetings.get'>;
}

describe('undo of a deletion', () => {
  it('brings back a specialist, an organisation and a municipality as they were', async () => {
    const municipality = await call('municipalities.create', { type: 'district', properName: 'Знаменский' });
    const org = await call('organizations.create', { fullName: 'Школа №1', type: 'education', municipalityId: municipality.id });
    const person = await call('people.create', {
      lastName: 'Ёлкина',
      firstName: 'Анна',
      organizationId: org.id,
      pdConsent: true,
      pdConsentDate: '2018-01-01',
    });
    const undo = await undoneExactly('people.delete', { id: person.id }, ['people']);
    expect(undo.label).toBe('Удалён специалист Ёлкина Анна');
    expect(await call('people.get', { id: person.id })).toEqual(person);
    // Without its person, the organisation and then its municipality can go; both come back.
    await call('people.delete', { id: person.id });
    await undoneExactly('organizations.delete', { id: org.id }, ['organizations']);
    await call('organizations.delete', { id: org.id });
    await undoneExactly('municipalities.delete', { id: municipality.id }, ['municipalities']);
  });

  it('brings back a plan item in its place, with its responsibles, partners and the agenda item that realised it', async () => {
    const items = await call('workPlan.items', { year: 2018 });
    const middle = items.filter((i) => i.direction === items[0]!.direction)[1]!;
    expect(middle.responsibles.length).toBeGreaterThan(0);
    const meeting = await draftMeetingWithItems('2018-02-01');
    await call('agenda.addFromPlan', { meetingId: meeting.id, planItemId: middle.id });
    await call('meetings.update', {
      id: meeting.id,
      data: { groupId: 1, kind: 'session', number: meeting.number, dateStart: meeting.dateStart, planItemId: middle.id },
    });
    const undo = await undoneExactly('workPlan.deleteItem', { id: middle.id }, ['workPlan', 'meetings', 'events', 'news']);
    expect(undo.label).toBe(`Удалено мероприятие плана на 2018 год «${middle.title}»`);
    expect((await call('workPlan.items', { year: 2018 })).map((i) => [i.id, i.number])).toEqual(items.map((i) => [i.id, i.number]));
  });

  it('brings back an agenda item with its speakers, decisions and assignments, in its place', async () => {
    const meeting = await draftMeetingWithItems('2018-02-02');
    await undoneExactly('agenda.delete', { id: meeting.items[0]!.id }, ['meetings']);
    const again = await call('meetings.get', { id: meeting.id });
    expect(again.items.map((i) => [i.id, i.title])).toEqual(meeting.items.map((i) => [i.id, i.title]));
  });

  it('brings back a draft meeting whole, and the link of an item carried from it', async () => {
    const meeting = await draftMeetingWithItems('2018-02-03');
    const next = await call('meetings.create', { groupId: 1, kind: 'session', dateStart: '2018-03-03' });
    const carried = await call('agenda.create', { meetingId: meeting.id, data: { title: 'Не успели' } });
    await call('agenda.carryToNext', { id: carried.items.at(-1)!.id });
    expect(count('SELECT count(*) FROM agenda_items WHERE meeting_id = ? AND carried_from_meeting_id = ?', next.id, meeting.id)).toBe(1);
    await undoneExactly('meetings.delete', { id: meeting.id }, ['meetings']);
  });

  it('brings back a value of an editable list in its place', async () => {
    const added = await call('lists.create', { list: 'planForms', value: 'Вебинар' });
    await call('lists.create', { list: 'planForms', value: 'Онлайн-встреча' });
    // Moved up from the end, so deleting it leaves a gap the undo must open again.
    await call('lists.move', { id: added.id, to: 'up' });
    const before = (await call('lists.get', { list: 'planForms' })).values.map((v) => [v.id, v.position]);
    const undo = await undoneExactly('lists.delete', { id: added.id }, ['lists']);
    expect(undo.label).toBe('Удалено «Вебинар» из списка «Формы работы»');
    expect((await call('lists.get', { list: 'planForms' })).values.map((v) => [v.id, v.position])).toEqual(before);
  });

  it('brings back an indicator of the catalogue with its unit, group and yearly rule', async () => {
    const indicator = (await call('indicators.catalogue', {})).find((i) => i.name === 'Сигналы от учреждений образования')!;
    await undoneExactly('lists.delete', { id: indicator.id }, ['lists', 'indicators']);
    expect((await call('indicators.catalogue', {})).find((i) => i.id === indicator.id)).toEqual(indicator);
  });

  it('brings back a publication with the plan item it realises; one with a ledger is archived, not deleted', async () => {
    const items = await call('workPlan.items', { year: 2018 });
    const kindId = count("SELECT id FROM list_values WHERE list = 'publicationKinds' AND value = 'Буклет'");
    const created = await call('publications.create', { title: 'Буклет «Приёмная семья»', kindId, year: 2018, planItemId: items[0]!.id });
    const undo = await undoneExactly('publications.delete', { id: created.id }, ['publications', 'workPlan', 'meetings', 'events', 'news']);
    expect(undo.label).toBe('Удалено издание «Буклет «Приёмная семья»»');
    expect(await call('publications.get', { id: created.id })).toEqual(created);
    const stocked = count("SELECT publication_id FROM publication_movements WHERE kind = 'receipt' ORDER BY id LIMIT 1");
    const refused = await app.dispatch('publications.delete', { id: stocked });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('Отметьте его «В архиве»') } });
  });

  it('brings back a draft write-off act with its commission and lines; a signed one is not deleted', async () => {
    const staff = await call('writeOffActs.staff', {});
    const stocked = count("SELECT publication_id FROM publication_movements WHERE kind = 'receipt' ORDER BY id LIMIT 1");
    const draft = await call('writeOffActs.create', {
      actDate: '2018-12-20',
      reason: 'Устаревшие сведения о контактах',
      chairId: staff[0]!.id,
      memberIds: [staff[1]!.id, staff[2]!.id],
      lines: [{ publicationId: stocked, quantity: 3 }],
    });
    const undo = await undoneExactly('writeOffActs.delete', { id: draft.id }, ['publications']);
    expect(undo.label).toBe('Удалён проект акта списания от 20.12.2018');
    expect(await call('writeOffActs.get', { id: draft.id })).toEqual(draft);
    await call('writeOffActs.sign', { id: draft.id });
    const refused = await app.dispatch('writeOffActs.delete', { id: draft.id });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('Акт подписан') } });
  });

  it('brings back a working group with its members', async () => {
    const members = [2, 3, 4];
    const group = await call('workingGroups.create', {
      name: 'Группа по опеке',
      nameGenitive: 'группы по опеке',
      chairId: 2,
      memberIds: members,
    });
    await undoneExactly('workingGroups.delete', { id: group.id }, ['meetings']);
    expect((await call('workingGroups.get', { id: group.id })).members.map((m) => m.id).sort()).toEqual(members);
  });

  it('still works after the application was closed and started again', async () => {
    const person = await call('people.create', { lastName: 'Петрова', firstName: 'Ольга' });
    const undo = await remove('people.delete', { id: person.id });
    app.close();
    app = createApp({ dataDir });
    expect(await call('undo.last', {})).toMatchObject({ id: undo.id, label: 'Удалён специалист Петрова Ольга' });
    await call('undo.apply', { id: undo.id });
    expect(await call('people.get', { id: person.id })).toEqual(person);
    expect(await call('undo.last', {})).toBeNull();
  });
});

describe('an undo later changes stand in the way of', () => {
  async function refused(id: number, message: string | RegExp) {
    const before = hashTables(app.sqlite);
    const result = await app.dispatch('undo.apply', { id });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message } });
    expect(hashTables(app.sqlite)).toEqual(before);
  }

  it('is refused while the organisation the person belonged to is deleted, and goes through once it is back', async () => {
    const org = await call('organizations.create', { fullName: 'Отдел опеки', type: 'guardianship' });
    const person = await call('people.create', { lastName: 'Смирнова', firstName: 'Ирина', organizationId: org.id });
    const personUndo = await remove('people.delete', { id: person.id });
    const orgUndo = await remove('organizations.delete', { id: org.id });
    await refused(
      personUndo.id,
      'Отменить нельзя: с тех пор удалена организация, к которой относилась запись («Удалена организация «Отдел опеки»»). Сначала отмените то удаление.',
    );
    await call('undo.apply', { id: orgUndo.id });
    await call('undo.apply', { id: personUndo.id });
    expect(await call('people.get', { id: person.id })).toMatchObject({ organizationName: 'Отдел опеки' });
  });

  it('is refused when the name or the number is taken since', async () => {
    const municipality = await call('municipalities.create', { type: 'district', properName: 'Новый' });
    const undo = await remove('municipalities.delete', { id: municipality.id });
    await call('municipalities.create', { type: 'district', properName: 'Новый' });
    await refused(undo.id, 'Отменить нельзя: муниципальное образование с таким названием уже есть.');

    const meeting = await call('meetings.create', { groupId: 1, kind: 'session', dateStart: '2018-05-01' });
    const meetingUndo = await remove('meetings.delete', { id: meeting.id });
    const taker = await call('meetings.create', { groupId: 1, kind: 'session', dateStart: '2018-06-01' });
    expect(taker.number).toBe(meeting.number);
    await refused(meetingUndo.id, 'Отменить нельзя: номер заседания уже занят другим заседанием этой рабочей группы в том же году.');
  });

  it('is refused when the minutes the agenda item belonged to were signed since', async () => {
    const meeting = await draftMeetingWithItems('2018-02-04');
    const undo = await remove('agenda.delete', { id: meeting.items[1]!.id });
    await call('meetings.hold', { id: meeting.id });
    await call('meetings.sign', { id: meeting.id });
    await refused(undo.id, /^Отменить нельзя: Протокол №\d+ от 04\.02\.2018 с тех пор подписан/);
  });

  it('is refused a second time, and for an entry the journal no longer has', async () => {
    const person = await call('people.create', { lastName: 'Козлова', firstName: 'Вера' });
    const undo = await remove('people.delete', { id: person.id });
    await call('undo.apply', { id: undo.id });
    await refused(undo.id, 'Это действие уже отменено: Удалён специалист Козлова Вера.');
    expect(await app.dispatch('undo.apply', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('the journal', () => {
  it('describes every table of the schema, and how each table others point to is said to be gone', () => {
    const tables = journalTables(app.db);
    expect(Object.keys(UNDO_TABLES).sort()).toEqual([...tables].sort());
    const referenced = new Set(
      tables.flatMap((t) => (app.sqlite.pragma(`foreign_key_list("${t}")`) as { table: string }[]).map((fk) => fk.table)),
    );
    for (const table of referenced) expect(UNDO_TABLES[table]?.gone, table).toMatch(/^с тех пор удал[её]н[аоы]? /);
  });

  it('forgets entries older than 30 days: a deleted person’s data does not stay for good', async () => {
    const old = await call('people.create', { lastName: 'Давняя', firstName: 'Анна' });
    const oldUndo = await remove('people.delete', { id: old.id });
    app.sqlite
      .prepare("UPDATE undo_journal SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-31 days') WHERE id = ?")
      .run(oldUndo.id);
    const recent = await call('people.create', { lastName: 'Недавняя', firstName: 'Анна' });
    await remove('people.delete', { id: recent.id });
    expect(count('SELECT count(*) FROM undo_journal WHERE id = ?', oldUndo.id)).toBe(0);
    expect(await app.dispatch('undo.apply', { id: oldUndo.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: /30 дней/ },
    });
  });

  it('stays on this PC: the data package for the coordinator carries it empty', async () => {
    const person = await call('people.create', { lastName: 'Тайная', firstName: 'Анна', phone: '+7 900 000-00-00' });
    await remove('people.delete', { id: person.id });
    expect(count('SELECT count(*) FROM undo_journal')).toBe(1);
    const file = path.join(dataDir, 'package.sqlite');
    const facts = snapshotDatabase(app.sqlite, file);
    expect(facts.records.undo_journal).toBe(0);
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.prepare('SELECT count(*) FROM undo_journal').pluck().get()).toBe(0);
    } finally {
      copy.close();
    }
  });
});
