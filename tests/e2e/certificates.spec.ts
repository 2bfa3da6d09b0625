import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { png } from '@tests/unit/certificates/png';
import { apiOf, expect, openApp, rowAction, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`certificates-${name}.png`), fullPage: true });

test('a methodologist completes the attendance, issues certificates to those who completed, downloads them and finds them in the register', async ({
  page,
  app,
  request,
}) => {
  await openApp(page, app, 'empty');
  const call = apiOf(request, app);
  await call('center.saveProfile', {
    fullName: 'ТОГБУ «Центр «Доверие»',
    shortName: 'ТОГБУ «Центр «Доверие»',
    directorName: 'А.Я. Гоберкорн',
    directorPosition: 'Директор',
  });
  const people: [string, string, string][] = [
    ['Семёнова', 'Ольга', 'Ивановна'],
    ['Ким', 'Ли', ''],
    ['Петров', 'Алексей', 'Сергеевич'],
  ];
  const personIds: number[] = [];
  for (const [lastName, firstName, middleName] of people)
    personIds.push((await call<{ id: number }>('people.create', { lastName, firstName, middleName })).id);
  const types = await call<{ values: { id: number; value: string }[] }>('lists.get', { list: 'eventTypes' });
  // The event and its registrations come through the API (events.spec.ts drives those screens); the attendance is marked here.
  const event = await call<{ id: number }>('events.create', {
    typeId: types.values.find((v) => v.value === 'Семинар')!.id,
    centerRole: 'organizer',
    title: 'Семинар «Профилактика семейного неблагополучия»',
    level: 'municipal',
    firstDay: '2018-10-16',
    lastDay: '2018-10-17',
    hours: 12,
  });
  await call('participants.add', { eventId: event.id, personIds });

  // The layout first: a logo from a file, through the streamed upload into the file store.
  const nav = page.getByRole('navigation', { name: 'Разделы' });
  await nav.getByRole('link', { name: 'Оформление' }).click();
  await expect(page.getByRole('textbox', { name: 'Подписывающий' })).toHaveValue('А.Я. Гоберкорн');
  await page.locator('input[type="file"]').setInputFiles({ name: 'Логотип.png', mimeType: 'image/png', buffer: png(60, 30) });
  await expect(page.getByTestId('certificate-logo')).toHaveText('Логотип.png');
  await expect(page.getByLabel('Образец текста')).toContainText('Семёновой Ольге Ивановне');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Оформление сертификатов сохранено')).toBeVisible();

  // Attendance: Семёнова and Ким both days, Петров only the first.
  await nav.getByRole('link', { name: 'Мероприятия', exact: true }).click();
  await page.getByRole('link', { name: '16.10.2018 – 17.10.2018' }).click();
  const table = page.getByRole('table', { name: 'Участники и отметки' });
  for (const [name, days] of [
    ['Семёнова Ольга Ивановна', ['16.10.2018', '17.10.2018']],
    ['Ким Ли', ['16.10.2018', '17.10.2018']],
    ['Петров Алексей Сергеевич', ['16.10.2018']],
  ] as const) {
    for (const day of days) {
      await table.getByRole('button', { name: `${name}, ${day}: не отмечен` }).click();
      await expect(table.getByRole('button', { name: `${name}, ${day}: Присутствовал` })).toBeVisible();
    }
  }
  await page.getByRole('button', { name: 'Провести' }).click();
  await expect(page.getByTestId('event-totals')).toHaveText('Зарегистрировано: 3. Завершили обучение: 2 из 3');

  // Issue: Петров is listed with why and cannot be ticked; Ким Ли's gender is asked, never guessed.
  await page.getByRole('button', { name: 'Сертификаты' }).click();
  await page.getByRole('menuitem', { name: 'Выдать сертификаты завершившим…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('не выдаётся: 1 из 2 занятий (нужно не менее 100 %)')).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'Петров Алексей Сергеевич' })).toBeDisabled();
  await expect(dialog.getByRole('checkbox', { name: 'Семёнова Ольга Ивановна' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Выдать: 2 сертификата' }).click();
  await expect(dialog.getByText('Укажите пол, чтобы правильно просклонять имя')).toBeVisible();
  await dialog.getByRole('radio', { name: 'женский' }).check();
  await shot(page, 'issue');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Выдать: 2 сертификата' }).click();
  const download = await downloading;
  await expect(dialog).toBeHidden();
  expect(download.suggestedFilename()).toBe('Сертификаты – Семинар «Профилактика семейного неблагополучия» – 16.10.2018.docx');
  const year = new Date().getFullYear();
  const text = (await mammoth.extractRawText({ path: await download.path() })).value.replace(/\u00A0/g, ' ');
  // Alphabetical, numbered on in the year of issue; the names in the dative; nothing called «удостоверение».
  expect(text.split('СЕРТИФИКАТ')).toHaveLength(3);
  expect(text).toMatch(
    new RegExp(
      `Ким Ли\\s+в том, что она приняла участие[\\s\\S]*№ ${year}-001 от[\\s\\S]*Семёновой Ольге Ивановне\\s+в том, что она приняла участие[\\s\\S]*№ ${year}-002 от`,
    ),
  );
  expect(text).toContain('в мероприятии «Семинар „Профилактика семейного неблагополучия“» 16–17 октября 2018 года в объёме 12 часов.');
  expect(text).not.toMatch(/удостоверени/i);
  expect(text).not.toContain('Петров');
  await expect(page.getByRole('button', { name: 'Сертификаты (2)' })).toBeVisible();

  // After a reload the register lists them; a search by number finds one; a reissue annuls it under a new number.
  await page.reload();
  await nav.getByRole('link', { name: 'Реестр сертификатов' }).click();
  const register = page.getByRole('table', { name: 'Сертификаты' });
  await expect(register).toContainText(`${year}-001`);
  await expect(register).toContainText('Семёнова Ольга Ивановна');
  await page.getByRole('textbox', { name: /Поиск/ }).fill(`${year}-002`);
  await expect(register.getByRole('row')).toHaveCount(2);
  await rowAction(page, `№ ${year}-002`, 'Выдать взамен…');
  const reissue = page.getByRole('dialog');
  await reissue.getByRole('button', { name: 'Выдать взамен' }).click();
  await expect(reissue.getByText('Заполните поле «Причина»')).toBeVisible();
  await reissue.getByRole('textbox', { name: 'Причина' }).fill('Утерян');
  const again = page.waitForEvent('download');
  await reissue.getByRole('button', { name: 'Выдать взамен' }).click();
  const replacement = (await mammoth.extractRawText({ path: await (await again).path() })).value.replace(/\u00A0/g, ' ');
  expect(replacement).toContain(`№ ${year}-003 от`);
  await page.getByRole('textbox', { name: /Поиск/ }).fill('');
  await expect(register.getByRole('row')).toHaveCount(4);
  await expect(register).toContainText(`аннулирован`);
  await expect(register).toContainText(`Утерян; взамен выдан № ${year}-003`);
  await shot(page, 'register');
  await page.reload();
  await nav.getByRole('link', { name: 'Реестр сертификатов' }).click();
  await expect(page.getByRole('table', { name: 'Сертификаты' }).getByRole('row')).toHaveCount(4);
});
