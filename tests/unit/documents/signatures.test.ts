import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileOutput } from '@shared/contract/define';
import { freshApi, organization, person, type Api } from '@tests/unit/meetings/helpers';
import { convertBatch, fileBytes, lineBoxes, type Converted } from './office';

/**
 * A signature never stands alone on a page. Minutes whose attendee list is attached, and the
 * registration sheet, are built for a run of group sizes, so that the list (and the body of the
 * minutes, one decision longer each time) ends at every height of a page, the bottom included;
 * on the page of every signature at least two lines of text stand above it.
 */

const VARIANTS = 24;
const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-signatures-'));
const files: { members: number; file: FileOutput }[] = [];
let converted: Map<string, Converted>;

async function variant(api: Api, org: number, people: number[], i: number): Promise<void> {
  const members = people.slice(0, 20 + i);
  const group = await api.call('workingGroups.create', {
    name: `Рабочая группа ${i + 1}`,
    nameGenitive: `рабочей группы ${i + 1}`,
    chairId: members[0]!,
    secretaryId: members[1]!,
    memberIds: members,
  });
  const m = await api.call('meetings.create', { groupId: group.id, kind: 'session', dateStart: '2017-09-12', town: 'г. Уварово' });
  await api.call('meetings.setAttendance', {
    meetingId: m.id,
    attendees: members.map((personId) => ({ personId, present: true })),
    guestIds: [],
  });
  await api.call('agenda.create', {
    meetingId: m.id,
    data: {
      title: 'О межведомственном взаимодействии',
      speakers: [{ personId: members[0]! }],
      heardText: 'Доложено о работе за полугодие. '.repeat(6),
      decisions: Array.from({ length: 1 + i }, (_, j) => ({
        text: `Решение ${j + 1}: продолжить межведомственное взаимодействие органов системы профилактики`,
        assignment: j === 0 ? { organizationIds: [org], dueDate: '2017-12-01' } : null,
      })),
    },
  });
  files.push({ members: members.length, file: await api.call('meetings.minutesDocx', { id: m.id, form: 'full' }) });
  files.push({ members: members.length, file: await api.call('meetings.registrationSheetDocx', { id: m.id }) });
}

beforeAll(async () => {
  const api = freshApi();
  await api.call('center.saveProfile', { fullName: 'ТОГБУ «Центр «Доверие»', shortName: 'ТОГБУ «Центр «Доверие»' });
  await api.call('meetings.saveSettings', { attendeeThreshold: 5 });
  const org = await organization(api, 'Отдел опеки и попечительства администрации г. Уварово', 'Опека г. Уварово');
  const people: number[] = [];
  for (let n = 0; n < 20 + VARIANTS; n++) {
    people.push(
      await person(api, `Участникова${'абвгдежзиклмнопрстуфхцчшщэюя'[n % 28]}`, 'Мария', 'Петровна', {
        position: 'специалист',
        organizationId: org,
      }),
    );
  }
  for (let i = 0; i < VARIANTS; i++) await variant(api, org, people, i);
  api.cleanup();
  converted = convertBatch(
    dir,
    files.map((f, i) => ({ ...fileBytes(f.file), name: `${i}-${f.file.fileName}` })),
  );
}, 240_000);
afterAll(() => (process.env.KEEP_DOCS ? console.log(dir) : rmSync(dir, { recursive: true, force: true })));

/** Lines of text above each signature on its page, not counting the header with the page number. */
function linesAboveSignatures(pdf: string): number[] {
  const boxes = lineBoxes(pdf);
  return boxes
    .filter(
      (b) =>
        /^(Председатель|Секретарь)$/.test(b.text.trim()) &&
        boxes.some((n) => n.page === b.page && Math.abs(n.yMin - b.yMin) < 2 && /[А-ЯЁ]\.[А-ЯЁ]\.\s/.test(n.text)),
    )
    .map((sig) => boxes.filter((b) => b.page === sig.page && b.yMax >= 56 && b.yMax <= sig.yMin).length);
}

describe('signatures kept with their text', () => {
  it('stand under at least two lines of text on their page, wherever the list above them ends', () => {
    const above = files.flatMap((f, i) =>
      linesAboveSignatures(converted.get(`${i}-${f.file.fileName}`)!.pdf).map((n) => ({ name: f.file.fileName, n })),
    );
    expect(above.length).toBeGreaterThanOrEqual(VARIANTS * 3);
    expect(above.filter((a) => a.n < 2)).toEqual([]);
    // The run did reach the bottom of a page: some signatures were carried over with only a few lines.
    expect(Math.min(...above.map((a) => a.n))).toBeLessThan(6);
  });
});
