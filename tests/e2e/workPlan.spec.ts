import { execFileSync } from 'node:child_process';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { apiOf, expect, openApp, test, planFormId } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`workplan-${name}.png`), fullPage: true });

async function pickOption(page: Page, label: string | RegExp, option: string | RegExp, scope = page.getByRole('dialog')) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

async function addPersonThroughRegistry(page: Page, last: string, first: string, middle: string) {
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Специалисты' }).click();
  await page.getByRole('button', { name: 'Добавить', exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Фамилия').fill(last);
  await dialog.getByLabel('Имя').fill(first);
  await dialog.getByLabel('Отчество').fill(middle);
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
}

test('a plan is created, items in two directions are added, filtered, survive a reload, and the Word plan downloads', async ({
  page,
  app,
}) => {
  await openApp(page, app, 'empty');
  await addPersonThroughRegistry(page, 'Попова', 'Людмила', 'Александровна');

  const nav = page.getByRole('navigation', { name: 'Разделы' });
  await nav.getByRole('link', { name: 'План работы', exact: true }).click();
  await expect(page.getByText('Планов работы пока нет')).toBeVisible();
  await page.getByRole('button', { name: 'Создать план на год' }).click();
  await page.getByRole('dialog').getByLabel('Год').fill('2017');
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: 'План работы на 2017 год' })).toBeVisible();

  // First item: organisational, an exact date, a responsible person from the registry.
  await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Мероприятие').fill('Заседание рабочей группы по итогам 2016 года');
  await dialog.getByRole('combobox', { name: 'Форма' }).fill('Заседание');
  await page.getByRole('option', { name: 'Заседание', exact: true }).click();
  await dialog.getByText('Дата', { exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Дата' }).fill('15.03.2017');
  await dialog.getByRole('textbox', { name: 'Дата' }).press('Tab');
  await dialog.getByRole('combobox', { name: 'Ответственные' }).fill('попов');
  await page.getByRole('option', { name: /Попова/ }).click();
  await dialog.getByLabel('Целевая аудитория').fill('Члены рабочей группы');
  await shot(page, 'form');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();

  // Second item: educational, a quarter, already done.
  await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Мероприятие').fill('Семинар для специалистов органов опеки');
  await pickOption(page, 'Направление', /Образовательная деятельность/);
  await dialog.getByRole('combobox', { name: 'Форма' }).fill('Семинар');
  await page.getByRole('option', { name: 'Семинар', exact: true }).click();
  await dialog.getByText('Квартал', { exact: true }).click();
  await pickOption(page, 'Квартал', 'III квартал');
  await pickOption(page, 'Статус', 'Выполнено');
  await dialog.getByLabel('Отметка о выполнении').fill('Проведён, 25 участников');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();

  const rows = page.getByTestId('plan-item');
  await expect(rows).toHaveCount(2);

  // Bad input: an empty title, then a date outside the plan's year. Each shows a Russian message and saves nothing.
  await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Форма' }).fill('Семинар');
  await page.getByRole('option', { name: 'Семинар', exact: true }).click();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Заполните поле «Мероприятие»')).toBeVisible();
  await dialog.getByLabel('Мероприятие').fill('Круглый стол не в том году');
  await dialog.getByText('Дата', { exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Дата' }).fill('10.01.2018');
  await dialog.getByRole('textbox', { name: 'Дата' }).press('Tab');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Дата 10.01.2018 не входит в 2017 год, на который составлен план')).toBeVisible();
  await shot(page, 'bad-input');
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(rows).toHaveCount(2);

  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('cell', { name: 'Организационно-методическая деятельность' })).toBeVisible();
  await expect(rows.nth(0)).toContainText('Заседание рабочей группы по итогам 2016 года');
  await expect(rows.nth(0)).toContainText('15.03.2017');
  await expect(rows.nth(0)).toContainText('Попова Л.А.');
  await expect(rows.nth(1)).toContainText('2.1');
  await expect(rows.nth(1)).toContainText('III квартал');
  await expect(rows.nth(1)).toContainText('Выполнено');
  await shot(page, 'plan');

  // Filters: by status, by quarter, by search (case- and ё-insensitive).
  await page.getByRole('combobox', { name: 'Статус' }).click();
  await page.getByRole('option', { name: 'Выполнено' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Семинар для специалистов органов опеки');
  await page.getByRole('button', { name: 'Сбросить фильтры' }).first().click();
  await page.getByRole('combobox', { name: 'Квартал' }).click();
  await page.getByRole('option', { name: 'I квартал', exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Заседание рабочей группы');
  await page.getByRole('button', { name: 'Сбросить фильтры' }).first().click();
  await page.getByRole('textbox', { name: 'Поиск' }).fill('ОПЕКИ');
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Сбросить фильтры' }).first().click();
  await expect(rows).toHaveCount(2);

  // The copy for approval: the plan as planned, no execution column.
  let downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Документы плана' }).click();
  await page.getByRole('menuitem', { name: 'План для утверждения (Word)' }).click();
  let download = await downloading;
  expect(download.suggestedFilename()).toBe('План работы на 2017 год (для утверждения).docx');
  const file = test.info().outputPath('plan-e2e.docx');
  await download.saveAs(file);
  const text = (await mammoth.extractRawText({ path: file })).value.replace(/\u00A0/g, ' ');
  expect(text).toContain('УТВЕРЖДАЮ');
  expect(text).not.toContain('Отметка о выполнении');
  expect(text).toContain('на 2017 год');
  expect(text.indexOf('1. Организационно-методическая деятельность')).toBeLessThan(
    text.indexOf('Заседание рабочей группы по итогам 2016 года'),
  );
  expect(text.indexOf('2. Образовательная деятельность')).toBeLessThan(text.indexOf('Семинар для специалистов органов опеки'));
  expect(text).toContain('Попова Л.А.');

  // The execution report carries the execution column; the working copy is a sheet.
  downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Документы плана' }).click();
  await page.getByRole('menuitem', { name: 'Отчёт о выполнении плана (Word)' }).click();
  download = await downloading;
  expect(download.suggestedFilename()).toBe('Отчёт о выполнении плана работы за 2017 год.docx');
  const report = (await mammoth.extractRawText({ path: await download.path() })).value;
  expect(report).toContain('Отметка о выполнении');
  expect(report).toContain('Итого');
  downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Документы плана' }).click();
  await page.getByRole('menuitem', { name: 'Рабочая копия плана (Excel)' }).click();
  expect((await downloading).suggestedFilename()).toBe('План работы на 2017 год (рабочая копия).xlsx');
});

test('the demo plan: execution summary, status change, copy to the next year and the print view', async ({ page, app }) => {
  await openApp(page, app, 'demo');
  const nav = page.getByRole('navigation', { name: 'Разделы' });
  await nav.getByRole('link', { name: 'План работы', exact: true }).click();
  await page.getByRole('combobox', { name: 'Год плана' }).click();
  await page.getByRole('option', { name: '2018 год' }).click();
  await expect(page.getByRole('heading', { name: 'План работы на 2018 год' })).toBeVisible();
  const rows = page.getByTestId('plan-item');
  await expect(rows.first()).toBeVisible();
  const count2018 = await rows.count();
  await shot(page, 'demo-2018');

  // Quick status change with a note.
  const first = rows.filter({ hasText: 'Мониторинг деятельности кураторов' });
  await first.getByRole('button', { name: /Действия/ }).click();
  await page.getByRole('menuitem', { name: 'Отметить выполнение' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Выполнено', { exact: true }).click();
  await dialog.getByLabel('Отметка о выполнении').fill('Мониторинг проведён за четыре квартала');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(first).toContainText('Мониторинг проведён за четыре квартала');

  // Reordering within a direction and deleting with a confirmation.
  const second = rows.filter({ hasText: 'Об организации работы НКО' });
  await expect(second).toContainText('1.2');
  // The row's actions are one menu: moving is in it too.
  await second.getByRole('button', { name: 'Действия: 1.2' }).click();
  await page.getByRole('menuitem', { name: 'Выше' }).click();
  await expect(rows.first()).toContainText('Об организации работы НКО');
  await expect(rows.first()).toContainText('1.1');
  const leaflet = rows.filter({ hasText: 'Памятка для родителей' });
  await leaflet.getByRole('button', { name: /Действия/ }).click();
  await page.getByRole('menuitem', { name: 'Удалить' }).click();
  await expect(page.getByRole('dialog')).toContainText('Удалить из плана мероприятие');
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  await expect(leaflet).toHaveCount(0);
  await expect(rows).toHaveCount(count2018 - 1);

  await nav.getByRole('link', { name: 'Исполнение плана' }).click();
  await expect(page.getByRole('heading', { name: /Исполнение плана на/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Итого/ })).toBeVisible();
  await shot(page, 'summary');

  // Copy 2018 → 2019: the confirmation says what will happen, the unfinished items arrive as planned.
  // The summary has a «Год плана» box too: wait for the plan's own page before opening its box, or
  // the click can land on the summary's box as it is replaced (a CI run lost the list that way).
  await nav.getByRole('link', { name: 'План работы', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^План работы на \d{4} год$/ })).toBeVisible();
  await page.getByRole('combobox', { name: 'Год плана' }).click();
  await page.getByRole('option', { name: '2018 год' }).click();
  await page.getByRole('button', { name: 'Скопировать на следующий год' }).click();
  await expect(page.getByRole('dialog')).toContainText('В план на 2019 год будут перенесены');
  await shot(page, 'copy-confirm');
  await page.getByRole('dialog').getByRole('button', { name: 'Скопировать' }).click();
  await expect(page.getByRole('heading', { name: 'План работы на 2019 год' })).toBeVisible();
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(count2018 - 1);
  await expect(rows.filter({ hasText: 'Выполнено' })).toHaveCount(0);

  // Copying 2018 again is refused in Russian.
  await page.getByRole('combobox', { name: 'Год плана' }).click();
  await page.getByRole('option', { name: '2018 год' }).click();
  await page.getByRole('button', { name: 'Скопировать на следующий год' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Скопировать' }).click();
  await expect(page.getByText(/В плане на 2019 год уже \d+ мероприяти/).last()).toBeVisible();

  await page.getByRole('button', { name: 'Документы плана' }).click();
  await page.getByRole('menuitem', { name: 'План для утверждения — печать' }).click();
  await expect(page.getByRole('button', { name: 'Печать' })).toBeVisible();
  await expect(page.getByText('УТВЕРЖДАЮ')).toBeVisible();
  await expect(page.getByRole('cell', { name: '1. Организационно-методическая деятельность' })).toBeVisible();
  // The approved copy is frozen: the item deleted above is still in the plan the director signed.
  await expect(page.getByRole('cell', { name: /Памятка для родителей/ })).toBeVisible();
  await shot(page, 'print');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Печать' })).toBeHidden();
  // What the system print dialog gets: A4 landscape from the page's own @page rule.
  const pdf = test.info().outputPath('print-view.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 59\d\.\d+ pts \(A4\)/);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: 'Назад' }).click();
  await expect(page.getByRole('heading', { name: 'План работы на 2018 год' })).toBeVisible();
});

test('an item realised by a meeting shows done with the meeting named, and follows the meeting back to draft', async ({
  page,
  app,
  request,
}, testInfo) => {
  await openApp(page, app, 'empty');
  const call = apiOf(request, app);
  const chair = await call('people.create', { lastName: 'Дорожкина', firstName: 'Ирина', middleName: 'Васильевна' });
  const group = await call('workingGroups.create', {
    name: 'Межрайонная рабочая группа',
    nameGenitive: 'межрайонной рабочей группы',
    chairId: chair.id,
    memberIds: [chair.id],
  });
  await call('workPlan.create', { year: 2017 });
  const session = await call('workPlan.createItem', {
    year: 2017,
    direction: 'organizational',
    title: 'Заседание рабочей группы',
    formId: await planFormId(call, 'Заседание'),
    term: { kind: 'month', month: 9 },
  });
  const yearly = await call('workPlan.createItem', {
    year: 2017,
    direction: 'organizational',
    title: 'Консультирование специалистов органов опеки',
    formId: await planFormId(call, 'Консультация'),
    term: { kind: 'year' },
  });
  const meeting = await call('meetings.create', { groupId: group.id, kind: 'session', dateStart: '2017-09-12', planItemId: session.id });
  await call('agenda.addFromPlan', { meetingId: meeting.id, planItemId: yearly.id });

  // The secretary holds the meeting in its editor.
  await page.goto(`${app.url.split('#')[0]}#/meetings/list/${meeting.id}`);
  await page.getByRole('button', { name: 'Провести' }).click();
  await expect(page.getByText('Проведено', { exact: true })).toBeVisible();
  await expect(page.getByText(/Реализует мероприятие плана: «Заседание рабочей группы»/)).toContainText('выполнено');

  // The methodologist sees it in the plan, after a reload too.
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'План работы', exact: true }).click();
  await page.reload();
  const rows = page.getByTestId('plan-item');
  const sessionRow = rows.filter({ hasText: 'Заседание рабочей группы' });
  const yearlyRow = rows.filter({ hasText: 'Консультирование специалистов' });
  await expect(sessionRow).toContainText('Выполнено');
  await expect(sessionRow).toContainText('заседание №1 от 12.09.2017');
  // Due «в течение года»: one meeting does not close it; the meeting is listed.
  await expect(yearlyRow).toContainText('Запланировано');
  await expect(yearlyRow).toContainText('заседание №1 от 12.09.2017');
  await page.screenshot({ path: testInfo.outputPath('plan-realised.png'), fullPage: true });

  await page.getByRole('button', { name: 'Действия: 1.1' }).click();
  await page.getByRole('menuitem', { name: 'Отметить выполнение' }).click();
  await expect(page.getByRole('dialog')).toContainText('Мероприятие реализовано: заседание №1 от 12.09.2017');
  await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();

  // Back to draft in the meeting editor: the plan shows her own status again.
  await page.goto(`${app.url.split('#')[0]}#/meetings/list/${meeting.id}`);
  await page.getByRole('button', { name: 'В черновик' }).click();
  await expect(page.getByText('Черновик', { exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'План работы', exact: true }).click();
  await expect(sessionRow).toContainText('Запланировано');
  await expect(sessionRow).toContainText('заседание №1 от 12.09.2017 (ещё не проведено)');
});
