import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp, type App } from '@main/api/app';
import type { CallInput, CallName, CallOutput } from '@shared/contract';

/**
 * The demo a newcomer opens: the segment's working group with its three meetings of 2017
 * (seed 003), seen through the same calls the screens make.
 */

let dir: string;
let app: App;

async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await app.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'meetings-demo-'));
  app = createApp({ dataDir: dir });
  await call('app.initialize', { mode: 'demo' });
});

afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

it('gives the segment working group three meetings of 2017 with the thirteen topics of the report', async () => {
  const [group] = await call('workingGroups.list', {});
  expect(group).toMatchObject({
    name: expect.stringContaining('сегмента №6'),
    nameGenitive: expect.stringMatching(/^межрайонной рабочей группы/),
    chair: { short: 'Орлова И.В.', position: expect.stringContaining('Заместитель главы администрации') },
    secretary: { short: 'Семёнова О.П.' },
    meetingCount: 3,
  });
  expect(group!.members.length).toBeGreaterThanOrEqual(10);

  const list = await call('meetings.list', { groupId: group!.id, year: 2017 });
  const meetings = [...list.rows].sort((a, b) => a.number - b.number);
  expect(meetings.map((m) => [m.number, m.dateStart.slice(0, 4), m.status])).toEqual([
    [1, '2017', 'signed'],
    [2, '2017', 'signed'],
    [3, '2017', 'held'],
  ]);
  expect(meetings.map((m) => m.itemCount)).toEqual([4, 5, 4]);
  expect(meetings.flatMap((m) => m.topics).every((t) => /^Об? /.test(t))).toBe(true);

  const first = await call('meetings.get', { id: meetings[0]!.id });
  expect(first.title).toBe('Протокол №1 от 16.03.2017');
  expect(first.attendees.filter((a) => !a.present)).toEqual([expect.objectContaining({ absenceReason: 'отпуск' })]);
  expect(first.guests.length).toBeGreaterThan(0);
  // Editing signed minutes is refused until the signature is removed with a reason.
  const refusal = await app.dispatch('meetings.update', {
    id: first.id,
    data: { groupId: group!.id, kind: 'session', dateStart: first.dateStart, town: 'Тамбов' },
  });
  expect(refusal.ok).toBe(false);

  // Finding a meeting by its topic works as in the register's search.
  const found = await call('meetings.list', { search: 'ответственный родитель' });
  expect(found.rows.map((m) => m.number)).toEqual([2]);
});

it('links the topics to the 2017 plan without changing what the plan says was done', async () => {
  const candidates = await call('meetings.planCandidates', { year: 2017 });
  const meetingsItems = candidates.filter((c) => c.form === 'Заседание рабочей группы');
  expect(meetingsItems.filter((c) => c.used)).toHaveLength(12);
  expect(meetingsItems.filter((c) => c.used).every((c) => c.status === 'done')).toBe(true);
  // The NGO topic was moved to 2018 in the plan and stays so.
  expect(meetingsItems.find((c) => c.title.includes('НКО'))).toMatchObject({ used: false, status: 'moved' });
});

it('builds the minutes of the first meeting with its topics, speeches and decisions', async () => {
  const list = await call('meetings.list', { year: 2017, status: 'signed' });
  const first = list.rows.find((m) => m.number === 1)!;
  const file = await call('meetings.minutesDocx', { id: first.id, form: 'full' });
  expect(file.fileName).toMatch(/^Протокол № 1 от 16\.03\.2017/);
  const text = (await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') })).value.replace(/\u00A0/g, ' ');
  for (const topic of [
    'Об итогах работы сегмента № 6 социального кластера «Региональная инновационная система защиты детства Тамбовской области» за 2014–2016 годы',
    'О заключении договоров о сотрудничестве с представителями бизнес-сообщества',
    'Об итогах работы специалистов органов опеки и попечительства за 2016 год',
    'О наполнении сборника «Что написано пером...»',
  ]) {
    expect(text).toContain(topic);
  }
  expect(text).toContain('заседания межрайонной рабочей группы сегмента № 6');
  expect(text).toMatch(/СЛУШАЛИ:/);
  expect(text).toMatch(/ВЫСТУПИЛИ:/);
  expect(text).toContain('1.1. Информацию об итогах работы сегмента № 6 за 2014–2016 годы принять к сведению.');
  expect(text).toContain('Гусева Л.М. (отпуск)');
});

it('keeps open, overdue, done and withdrawn assignments in the control register', async () => {
  const all = await call('assignments.list', { limit: 100 });
  const states = all.rows.map((a) => a.state);
  expect(states).toContain('done');
  expect(states).toContain('withdrawn');
  // The register holds signed minutes only; a 2018 deadline without a report is overdue to anyone opening it later.
  expect(states).toContain('overdue');
  const open = await call('assignments.list', { state: 'open' });
  expect(open.total).toBeGreaterThanOrEqual(2);
  expect(open.rows.some((a) => a.permanent && a.state === 'inProgress')).toBe(true);
  const done = all.rows.filter((a) => a.state === 'done');
  expect(done.every((a) => a.completionNote !== '' && a.completedOn !== null && a.completedOn >= a.meetingDate)).toBe(true);
});
