import type { Page } from '@playwright/test';
import { apiOf, expect, openApp, rowAction, test } from './fixtures';

/**
 * The registry's keeper tidies a duplicate: «Белова Анна» typed in again at a walk-in beside
 * «Белова Анна Юрьевна». She finds the pair on «Дубликаты», merges it choosing whose row of the
 * event both were registered for stays, sees the meeting and the events follow the kept record,
 * undoes the merge and finds both records back after a reload.
 */

const home = (app: { url: string }) => app.url.split('#')[0]!;

async function toDuplicates(page: Page) {
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Дубликаты' }).click();
  await expect(page.getByRole('heading', { name: 'Дубликаты' })).toBeVisible();
}

test('find a duplicate, merge it with the conflict resolved, see the meetings and events follow, undo, reload', async ({
  page,
  app,
  request,
}, testInfo) => {
  await openApp(page, app);
  const call = apiOf(request, app);
  const school = await call('organizations.create', { fullName: 'МБОУ «СОШ №2» г. Уварово', shortName: 'СОШ №2', type: 'education' });
  const kept = await call('people.create', {
    lastName: 'Белова',
    firstName: 'Анна',
    middleName: 'Юрьевна',
    position: 'социальный педагог',
    organizationId: school.id,
  });
  const twin = await call('people.create', {
    lastName: 'Белова',
    firstName: 'Анна',
    position: '',
    organizationId: school.id,
    phone: '8 475 123-45-67',
  });
  const chair = await call('people.create', { lastName: 'Дорожкина', firstName: 'Ирина', middleName: 'Васильевна' });
  const group = await call('workingGroups.create', {
    name: 'Межрайонная рабочая группа сегмента №6',
    nameGenitive: 'межрайонной рабочей группы сегмента №6',
    chairId: chair.id,
    secretaryId: chair.id,
    memberIds: [],
  });
  const meeting = await call('meetings.create', { groupId: group.id, kind: 'session', dateStart: '2017-09-12' });
  await call('meetings.setAttendance', { meetingId: meeting.id, attendees: [{ personId: twin.id, present: true }], guestIds: [] });
  const types = await call<{ values: { id: number }[] }>('lists.get', { list: 'eventTypes' });
  const event = (title: string, firstDay: string) =>
    call('events.create', { typeId: types.values[0]!.id, centerRole: 'organizer', title, level: 'municipal', firstDay, lastDay: firstDay });
  const both = await event('Семинар для социальных педагогов', '2017-10-16');
  const onlyTwin = await event('Круглый стол по профилактике', '2017-11-20');
  await call('participants.add', { eventId: both.id, personIds: [kept.id, twin.id] });
  await call('participants.add', { eventId: onlyTwin.id, personIds: [twin.id] });

  await page.reload();
  await toDuplicates(page);
  const pairs = page.getByRole('table', { name: 'Возможные дубликаты' });
  await expect(pairs).toContainText('Белова Анна Юрьевна');
  await expect(pairs).toContainText('вероятно, один человек');
  await expect(pairs).toContainText('Отчество: неизвестно');
  await expect(pairs).toContainText('Организация: совпадает');
  await page.screenshot({ path: testInfo.outputPath('pairs.png'), fullPage: true });

  await rowAction(page, 'Белова Анна Юрьевна и Белова Анна', 'Объединить…');
  const dialog = page.getByRole('dialog', { name: 'Объединение записей' });
  await expect(dialog.getByText('мероприятие «Семинар для социальных педагогов» (участник)')).toBeVisible();
  // The phone only the twin has is offered by default; the conflict must be chosen.
  await expect(dialog.getByRole('radio', { name: '8 475 123-45-67' })).toBeChecked();
  // Every field of the record is offered, not only the compared ones; the equal ones are shown once.
  await expect(dialog.getByRole('radio', { name: 'социальный педагог' })).toBeChecked();
  await expect(dialog.getByLabel('Совпадают в обеих записях')).toContainText('Организация: СОШ №2');
  await dialog.getByRole('button', { name: 'Объединить' }).click();
  await expect(dialog.getByText('Выберите, чья запись останется')).toBeVisible();
  await dialog.getByRole('radio', { name: /^Оставить строку «Белова Анна Юрьевна»/ }).check();
  await page.screenshot({ path: testInfo.outputPath('merge-dialog.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Объединить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Похожих специалистов не найдено.')).toBeVisible();

  // The meeting the twin attended and both events now name the kept record.
  await page.goto(`${home(app)}#/meetings/list/${meeting.id}`);
  await expect(page.getByRole('heading', { name: /№1 от 12\.09\.2017/ })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Белова Анна Юрьевна');
  await page.goto(`${home(app)}#/events/person/${kept.id}`);
  await expect(page.getByRole('heading', { name: 'История участия: Белова Анна Юрьевна' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Семинар для социальных педагогов');
  await expect(page.getByRole('main')).toContainText('Круглый стол по профилактике');
  await page.screenshot({ path: testInfo.outputPath('history-after-merge.png'), fullPage: true });

  // Undo from the header (its button names the merge, not a deletion), then a reload: both
  // records and the twin's registrations are back.
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Отменить: Объединены записи о специалисте/ })
    .click();
  await expect(page.getByText(/^Отменено: Объединены записи о специалисте/)).toBeVisible();
  await page.reload();
  await toDuplicates(page);
  await expect(page.getByRole('table', { name: 'Возможные дубликаты' })).toContainText('Белова Анна Юрьевна');
  await page.goto(`${home(app)}#/events/list/${onlyTwin.id}`);
  await expect(page.getByRole('heading', { name: 'Круглый стол по профилактике' })).toBeVisible();
  const participants = page.getByRole('table', { name: 'Участники и отметки' });
  await expect(participants).toContainText('Белова Анна');
  await expect(participants).not.toContainText('Юрьевна');
  await page.screenshot({ path: testInfo.outputPath('after-undo.png'), fullPage: true });
});

test('«это разные люди»: the pair leaves the candidates, stays out after a reload, and comes back when revoked', async ({
  page,
  app,
  request,
}, testInfo) => {
  await openApp(page, app);
  const call = apiOf(request, app);
  const school = await call('organizations.create', { fullName: 'МБОУ «СОШ №2» г. Уварово', shortName: 'СОШ №2', type: 'education' });
  await call('people.create', { lastName: 'Кузнецова', firstName: 'Анна', middleName: 'Викторовна', organizationId: school.id });
  await call('people.create', { lastName: 'Кузнецова', firstName: 'Анна', organizationId: school.id });

  await page.reload();
  await toDuplicates(page);
  const pairs = page.getByRole('table', { name: 'Возможные дубликаты' });
  await expect(pairs).toContainText('Кузнецова Анна Викторовна');
  await rowAction(page, 'Кузнецова Анна Викторовна и Кузнецова Анна', 'Это разные люди', pairs);
  await expect(page.getByText('Похожих специалистов не найдено.')).toBeVisible();

  // After a reload the pair is still declared: not a candidate, listed among the distinct ones.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Дубликаты' })).toBeVisible();
  await expect(page.getByText('Похожих специалистов не найдено.')).toBeVisible();
  await page.getByText('Отмечены как разные', { exact: true }).click();
  const distinct = page.getByRole('table', { name: 'Отмечены как разные' });
  await expect(distinct).toContainText('Кузнецова Анна Викторовна');
  await page.screenshot({ path: testInfo.outputPath('distinct-pairs.png'), fullPage: true });

  await rowAction(page, 'Кузнецова Анна Викторовна и Кузнецова Анна', 'Снять отметку', distinct);
  await expect(page.getByText('Пар, отмеченных как разные, нет.')).toBeVisible();
  await page.getByText('Возможные дубликаты', { exact: true }).click();
  await expect(page.getByRole('table', { name: 'Возможные дубликаты' })).toContainText('Кузнецова Анна Викторовна');
});
