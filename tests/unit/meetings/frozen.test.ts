import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { yearMinutesDocx } from '@main/services/meetings/documents';
import { freshApi, segmentGroup, textOf, type Api } from './helpers';

/** «Signed minutes never change silently»: what the documents show is fixed at «Подписать». */

let api: Api;
let s: Awaited<ReturnType<typeof segmentGroup>>;
beforeEach(async () => {
  api = freshApi();
  s = await segmentGroup(api);
});
afterEach(() => api.cleanup());

async function signedMeeting() {
  const m = await api.call('meetings.create', { groupId: s.group.id, kind: 'session', dateStart: '2017-09-12', town: 'г. Уварово' });
  await api.call('meetings.setAttendance', {
    meetingId: m.id,
    attendees: [s.chair, s.secretary, s.member1, s.member2].map((personId) => ({ personId, present: true })),
    guestIds: [],
  });
  await api.call('agenda.create', {
    meetingId: m.id,
    data: {
      title: 'О заключении договоров о сотрудничестве',
      speakers: [{ personId: s.chair }],
      heardText: 'Заключено 4 договора',
      decisions: [{ text: 'Продолжить работу', assignment: { organizationIds: [s.org], personIds: [s.member1], dueDate: '2017-12-01' } }],
    },
  });
  await api.call('meetings.hold', { id: m.id });
  return api.call('meetings.sign', { id: m.id });
}

/** Every document of the meeting, as text, with the file names. */
async function documents(meetingId: number) {
  const detail = await api.call('meetings.get', { id: meetingId });
  const itemId = detail.items[0]!.id;
  const files = [
    await api.call('meetings.minutesDocx', { id: meetingId, form: 'full' }),
    await api.call('meetings.minutesDocx', { id: meetingId, form: 'short' }),
    await api.call('meetings.agendaDocx', { id: meetingId }),
    await api.call('meetings.registrationSheetDocx', { id: meetingId }),
    await api.call('meetings.extractDocx', { itemId, organizationId: null }),
    ...(await yearMinutesDocx(api.db, 2017)),
  ];
  return Promise.all(files.map(async (f) => ({ name: f.fileName, text: await textOf(f) })));
}

/** Renames everything the minutes are rendered from. */
async function renameEverything() {
  await api.call('people.update', {
    id: s.chair,
    data: { lastName: 'Кузнецова', firstName: 'Ирина', middleName: 'Васильевна', position: 'глава администрации', organizationId: s.org },
  });
  await api.call('people.update', {
    id: s.member1,
    data: { lastName: 'Смирнова', firstName: 'Анна', middleName: 'Петровна', position: 'специалист', organizationId: s.org },
  });
  await api.call('organizations.update', {
    id: s.org,
    data: { fullName: 'Управление опеки г. Уварово', shortName: 'Управление опеки', type: 'guardianship' },
  });
  await api.call('workingGroups.update', {
    id: s.group.id,
    data: {
      name: 'Рабочая группа Уваровского округа',
      nameGenitive: 'рабочей группы Уваровского округа',
      chairId: s.chair,
      secretaryId: s.secretary,
      memberIds: [s.member1, s.member2],
    },
  });
  await api.call('center.saveProfile', { fullName: 'ТОГБУ «Новый центр»', shortName: 'Новый центр' });
  await api.call('meetings.saveSettings', { attendeeThreshold: 3 });
}

describe('signed minutes are frozen at the signature', () => {
  it('renaming the chair, a member, the organisation, the group, the center and changing the threshold leaves every document of a signed meeting as it was', async () => {
    const m = await signedMeeting();
    const before = await documents(m.id);
    const full = before[0]!.text;
    expect(full).toContain('Председатель – И.В. Дорожкина');
    expect(full).toContain('Присутствовали: Дорожкина И.В., Ёлкина А.П., Иванов П.С., Попова Л.А.');
    expect(full).toContain('заседания межрайонной рабочей группы сегмента № 6');
    expect(full).toContain('Кворум имеется');
    expect(full).toContain('Центр по оказанию психолого-педагогических услуг');
    expect(full).toContain('Ответственные: Отдел опеки г. Уварово, Ёлкина А.П.');

    await renameEverything();

    expect(await documents(m.id)).toEqual(before);
    // The editor shows the signed record too, so it does not contradict the documents.
    const shown = await api.call('meetings.get', { id: m.id });
    expect(shown.chair?.short).toBe('Дорожкина И.В.');
    expect(shown.group.name).toBe('Межрайонная рабочая группа сегмента №6');
    // The print view is the same blocks, built with the settings of the signature.
    const view = await api.call('meetings.documentView', { id: m.id, doc: 'full', itemId: null, organizationId: null });
    expect(view.blocks[0]).toMatchObject({
      text: 'Тамбовское областное государственное бюджетное учреждение «Центр по оказанию психолого-педагогических услуг «Доверие»',
    });
    expect(view.draft).toBe(false);
  });

  it('after «Снять подпись» with a reason and signing again, the documents show the new names', async () => {
    const m = await signedMeeting();
    await renameEverything();
    const unlocked = await api.call('meetings.unlock', { id: m.id, reason: 'Председатель сменила фамилию' });
    expect(unlocked.chair?.short).toBe('Кузнецова И.В.');
    await api.call('meetings.sign', { id: m.id });

    const full = (await documents(m.id))[0]!;
    expect(full.name).toBe('Протокол № 1 от 12.09.2017 – Рабочая группа Уваровского округа.docx');
    expect(full.text).toContain('ТОГБУ «Новый центр»');
    expect(full.text).toContain('Председатель – И.В. Кузнецова');
    expect(full.text).toContain('заседания рабочей группы Уваровского округа');
    // Threshold 3 with four present: the list goes to an attachment.
    expect(full.text).toContain('Присутствовали: 4 человека (список прилагается).');
    expect(full.text).toContain('Ответственные: Управление опеки, Смирнова А.П.');
    expect(full.text).not.toContain('Дорожкина');
    const view = await api.call('meetings.documentView', { id: m.id, doc: 'full', itemId: null, organizationId: null });
    expect(view.blocks[0]).toMatchObject({ text: 'ТОГБУ «Новый центр»' });
  });

  it('execution of an assignment after signing shows in the editor without touching the minutes', async () => {
    const m = await signedMeeting();
    const before = await textOf(await api.call('meetings.minutesDocx', { id: m.id, form: 'full' }));
    const assignment = m.items[0]!.decisions[0]!.assignment!;
    await api.call('assignments.setStatus', {
      id: assignment.id,
      status: 'done',
      completionNote: 'Договоры заключены',
      completedOn: '2017-11-20',
    });
    const shown = await api.call('meetings.get', { id: m.id });
    expect(shown.items[0]!.decisions[0]!.assignment).toMatchObject({
      status: 'done',
      state: 'done',
      completionNote: 'Договоры заключены',
      completedOn: '2017-11-20',
    });
    expect(await textOf(await api.call('meetings.minutesDocx', { id: m.id, form: 'full' }))).toBe(before);
  });

  it('a person on a signed protocol cannot be deleted from the registry, with a Russian message, and the minutes keep the name', async () => {
    const m = await signedMeeting();
    const error = await api.refusal('people.delete', { id: s.chair });
    expect(error.message).toBe(
      'Нельзя удалить специалиста «Дорожкина Ирина Васильевна»: запись используется в 1 рабочей группе (председатель, член группы) и в 1 заседании (председатель, участник, докладчик). Сначала замените её там другим специалистом или уберите.',
    );
    expect(await textOf(await api.call('meetings.minutesDocx', { id: m.id, form: 'full' }))).toContain('Председатель – И.В. Дорожкина');
  });

  it('minutes signed before the quorum rule was kept state the count of members present, and no verdict they never had', async () => {
    const m = await signedMeeting();
    expect(await textOf(await api.call('meetings.minutesDocx', { id: m.id, form: 'full' }))).toContain(
      'Присутствуют 4 из 4 членов (кворум – не менее половины членов). Кворум имеется.',
    );
    // A copy as main wrote it before the quorum rule (version 0: the screen's type, no `quorum` key).
    const row = api.sqlite.prepare('SELECT signed_snapshot AS s FROM meetings WHERE id = ?').get(m.id) as { s: string };
    const { data } = JSON.parse(row.s) as { data: { minutes: object; settings: { centerFullName: string; threshold: number } } };
    const old = {
      version: 1,
      meeting: { ...data.minutes, status: 'signed' },
      centerFullName: data.settings.centerFullName,
      threshold: data.settings.threshold,
    };
    api.sqlite.prepare('UPDATE meetings SET signed_snapshot = ? WHERE id = ?').run(JSON.stringify(old), m.id);
    const text = await textOf(await api.call('meetings.minutesDocx', { id: m.id, form: 'full' }));
    expect(text).toContain('Присутствуют 4 из 4 членов.');
    expect(text).not.toContain('Кворум');
  });
});
