import type { Page } from '@playwright/test';
import { apiOf, expect, openApp, recordCalls, test, planFormId, rowAction } from './fixtures';

/**
 * What a change refreshes, what the user sees when something fails, and undo — through the
 * UI. The calls the page makes are read from its own requests to the host.
 */

const nav = (page: Page) => page.getByRole('navigation', { name: 'Разделы' });
const planCalls = (calls: string[]) => calls.filter((name) => name.startsWith('workPlan.'));

test('holding a meeting refreshes the plan’s status; a person’s phone refreshes no plan, a corrected surname does', async ({
  page,
  app,
  request,
}, testInfo) => {
  // Prepared before the window opens: the window refreshes after its own changes, not behind them.
  const call = apiOf(request, app);
  await call('app.initialize', { mode: 'empty' });
  const person = await call('people.create', {
    lastName: 'Попова',
    firstName: 'Людмила',
    middleName: 'Александровна',
    position: 'социальный педагог',
  });
  await call('workPlan.create', { year: 2017 });
  const item = await call('workPlan.createItem', {
    year: 2017,
    direction: 'organizational',
    title: 'Заседание рабочей группы сегмента №6',
    formId: await planFormId(call, 'Заседание'),
    term: { kind: 'month', month: 9 },
    responsibleIds: [person.id],
  });
  const group = await call('workingGroups.create', {
    name: 'Рабочая группа сегмента №6',
    nameGenitive: 'рабочей группы сегмента №6',
    chairId: person.id,
    secretaryId: person.id,
  });
  await call('meetings.create', { groupId: group.id, kind: 'session', dateStart: '2017-09-12', planItemId: item.id });
  const calls = recordCalls(page);
  await page.goto(app.url);

  // The plan, as the methodologist looked at it before the meeting.
  await nav(page).getByRole('link', { name: 'План работы', exact: true }).click();
  const row = page.getByTestId('plan-item').filter({ hasText: 'Заседание рабочей группы сегмента №6' });
  await expect(row).toContainText('Запланировано');
  await expect(row).toContainText('Попова Л.А.');

  // The secretary holds the meeting; the plan shows the item done when opened again.
  await nav(page).getByRole('link', { name: 'Заседания', exact: true }).click();
  await page.getByRole('link', { name: '12.09.2017' }).click();
  const held = calls.mark();
  await page.getByRole('button', { name: 'Провести' }).click();
  await expect(page.getByText('Проведено', { exact: true })).toBeVisible();
  await nav(page).getByRole('link', { name: 'План работы', exact: true }).click();
  await expect(row).toContainText('Выполнено');
  // Asked again: by the screen, or by the nav's priming of the plan (`workPlan.opening`, which
  // answers its first rows too) when that answers before the screen has mounted.
  expect(planCalls(calls.since(held)).filter((name) => name === 'workPlan.items' || name === 'workPlan.opening')).not.toEqual([]);

  // A phone number is not shown in the plan: saving it asks for no plan data at all.
  await nav(page).getByRole('link', { name: 'Специалисты' }).click();
  await rowAction(page, 'Попова Людмила Александровна', 'Изменить');
  const edited = calls.mark();
  await page.getByRole('dialog').getByLabel('Телефон').fill('8 (47534) 2-11-02');
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('row', { name: /Попова Людмила Александровна/ })).toContainText('8 (47534) 2-11-02');
  await nav(page).getByRole('link', { name: 'План работы', exact: true }).click();
  await expect(row).toContainText('Попова Л.А.');
  // A screen not opened yet: its request comes after any the plan would have made on opening.
  await nav(page).getByRole('link', { name: 'Поручения' }).click();
  await expect(page.getByText('Поручений с такими условиями нет.')).toBeVisible();
  expect(calls.since(edited)).toContain('assignments.list');
  expect(planCalls(calls.since(edited))).toEqual([]);

  // A corrected surname is shown in the plan: the plan asks again and shows it.
  await nav(page).getByRole('link', { name: 'Специалисты' }).click();
  await rowAction(page, 'Попова Людмила Александровна', 'Изменить');
  const renamed = calls.mark();
  await page.getByRole('dialog').getByLabel('Фамилия').fill('Попова-Ильина');
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('row', { name: /Попова-Ильина Людмила Александровна/ })).toBeVisible();
  await nav(page).getByRole('link', { name: 'План работы', exact: true }).click();
  await expect(row).toContainText('Попова-Ильина Л.А.');
  expect(planCalls(calls.since(renamed))).toEqual(['workPlan.items']);
  await page.screenshot({ path: testInfo.outputPath('plan-after-rename.png') });
});

test('a refusal is titled by what did not happen, a record that is gone and a lost connection show on the screen', async ({
  page,
  app,
}, testInfo) => {
  await openApp(page, app, 'demo');

  // A refused delete says «Не удалено», not «Не сохранено».
  await nav(page).getByRole('link', { name: 'Организации' }).click();
  const organizations = page.getByRole('table', { name: 'Организации' });
  const used = organizations.getByRole('row').nth(1);
  const name = (await used.getByRole('button', { name: /^Действия: / }).getAttribute('aria-label'))!.replace('Действия: ', '');
  await rowAction(page, name, 'Удалить');
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  const refusal = page.locator('.mantine-Notification-root').filter({ hasText: `Нельзя удалить организацию «${name}»` });
  await expect(refusal).toContainText('Не удалено');
  await page.screenshot({ path: testInfo.outputPath('refused-delete.png') });

  // An address of a meeting deleted meanwhile: the screen says so, the navigation stays.
  await page.goto(new URL('#/meetings/list/999', app.url).href);
  const screenError = page.locator('.mantine-Alert-root').filter({ hasText: 'Не загружено' });
  await expect(screenError).toContainText('не найден');
  await expect(nav(page)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('route-error.png') });

  // The application went away: a screen opened now says it could not read, instead of looking empty.
  await nav(page).getByRole('link', { name: 'Муниципалитеты' }).click();
  await expect(page.getByRole('table', { name: 'Муниципальные образования' })).toBeVisible();
  await app.stop();
  await nav(page).getByRole('link', { name: 'Поручения' }).click();
  const lost = 'Нет связи с приложением: оно закрыто или перезапущено';
  await expect(screenError).toContainText(lost);
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: lost })).toContainText('Не загружено');
  await page.screenshot({ path: testInfo.outputPath('connection-lost.png') });
});

test('a deleted specialist comes back with «Отменить», and stays back after a reload', async ({ page, app, request }, testInfo) => {
  const call = apiOf(request, app);
  await call('app.initialize', { mode: 'empty' });
  await call('people.create', { lastName: 'Семёнова', firstName: 'Ольга', middleName: 'Петровна', phone: '8 (4752) 72-00-01' });
  await page.goto(app.url);
  await nav(page).getByRole('link', { name: 'Специалисты' }).click();
  const people = page.getByRole('table', { name: 'Специалисты' });
  await expect(people).toContainText('Семёнова Ольга Петровна');
  await rowAction(page, 'Семёнова Ольга Петровна', 'Удалить');
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  const notice = page.locator('.mantine-Notification-root').filter({ hasText: 'Запись о специалисте удалена' });
  await expect(page.getByText('Специалистов пока нет', { exact: false })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('undo-offered.png') });
  await notice.getByRole('button', { name: 'Отменить' }).click();
  await expect(page.getByText('Отменено: Удалён специалист Семёнова Ольга Петровна')).toBeVisible();
  await expect(people).toContainText('Семёнова Ольга Петровна');
  await page.reload();
  await nav(page).getByRole('link', { name: 'Специалисты' }).click();
  await expect(page.getByRole('row', { name: /Семёнова Ольга Петровна/ })).toContainText('8 (4752) 72-00-01');
});
