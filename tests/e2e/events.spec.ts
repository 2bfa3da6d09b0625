import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { apiOf, expect, fillDate, openApp, pick, planFormId, rowAction, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`events-${name}.png`), fullPage: true });

test('a methodologist creates a seminar from the plan, registers participants, marks attendance, prints the sheet and sees the statistics change', async ({
  page,
  app,
  request,
}) => {
  // The whole journey of a seminar, with three downloads and a print view: a loaded machine takes over a minute.
  test.setTimeout(180_000);
  await openApp(page, app, 'empty');
  // The registry and the plan have their own tests: here they are filled through the API.
  const call = apiOf(request, app);
  await call('center.saveProfile', { fullName: 'ТОГБУ «Центр «Доверие»', shortName: 'ТОГБУ «Центр «Доверие»' });
  const school = await call('organizations.create', { fullName: 'МБОУ СОШ №1 г. Уварово', type: 'education' });
  for (const [lastName, firstName, middleName] of [
    ['Белова', 'Анна', 'Юрьевна'],
    ['Громова', 'Марина', 'Викторовна'],
    ['Соколов', 'Алексей', 'Михайлович'],
  ]) {
    await call('people.create', { lastName, firstName, middleName, position: 'социальный педагог', organizationId: school.id });
  }
  await call('workPlan.create', { year: 2018 });
  await call('workPlan.createItem', {
    year: 2018,
    direction: 'educational',
    title: 'Семинар для социальных педагогов школ',
    formId: await planFormId(call, 'Семинар'),
    term: { kind: 'month', month: 10 },
  });

  const nav = page.getByRole('navigation', { name: 'Разделы' });
  await nav.getByRole('link', { name: 'Мероприятия', exact: true }).click();
  await expect(page.getByText('Мероприятий пока нет')).toBeVisible();
  await page.getByRole('button', { name: 'Новое мероприятие' }).click();
  const dialog = page.getByRole('dialog');
  // The last day before the first is refused with its message, and nothing is created.
  await fillDate(dialog, 'Первый день', '18.10.2018');
  await fillDate(dialog, 'Последний день', '16.10.2018');
  await pick(page, dialog, 'Мероприятие плана работы, которое оно выполняет', 'социальных', /Семинар для социальных педагогов школ/);
  await expect(dialog.getByRole('textbox', { name: 'Название', exact: true })).toHaveValue('Семинар для социальных педагогов школ');
  await pick(page, dialog, 'Вид', 'Семин', /^Семинар$/);
  await dialog.getByRole('button', { name: 'Создать мероприятие' }).click();
  await expect(dialog.getByText('Последний день не может быть раньше первого')).toBeVisible();
  await fillDate(dialog, 'Первый день', '16.10.2018');
  await fillDate(dialog, 'Последний день', '18.10.2018');
  await dialog.getByRole('textbox', { name: 'Начало' }).fill('10:00');
  await dialog.getByRole('textbox', { name: 'Окончание' }).fill('15:00');
  await dialog.getByRole('textbox', { name: 'Процент занятий' }).fill('60');
  await dialog.getByRole('button', { name: 'Создать мероприятие' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Семинар для социальных педагогов школ' })).toBeVisible();
  await expect(page.getByText('16.10.2018 – 18.10.2018 · Семинар')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Занятия (3)' })).toBeVisible();

  // Participants from the registry, then one who came without registering.
  await pick(page, page.locator('body'), 'Добавить участников из реестра', 'бел', /Белова/, true);
  await pick(page, page.locator('body'), 'Добавить участников из реестра', 'гром', /Громова/, true);
  await pick(page, page.locator('body'), 'Добавить участников из реестра', 'сокол', /Соколов/, true);
  await page.getByRole('button', { name: 'Зарегистрировать (3)' }).click();
  const table = page.getByRole('table', { name: 'Участники и отметки' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await page.getByRole('button', { name: 'Пришёл без регистрации…' }).click();
  const walkIn = page.getByRole('dialog');
  await walkIn.getByRole('textbox', { name: 'Фамилия' }).fill('Макарова');
  await walkIn.getByRole('textbox', { name: 'Имя', exact: true }).fill('Юлия');
  await walkIn.getByRole('textbox', { name: 'Отчество' }).fill('Сергеевна');
  await walkIn.getByRole('combobox', { name: 'Отметить присутствие на занятии' }).click();
  await page.getByRole('option', { name: /^16\.10\.2018/ }).click();
  await walkIn.getByRole('button', { name: 'Записать участника' }).click();
  await expect(walkIn).toBeHidden();
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('button', { name: 'Макарова Юлия Сергеевна, 16.10.2018: Присутствовал' })).toBeVisible();

  // Day one: everybody; day two by clicks on the cells, day three by the numbers on the signed
  // sheet (Соколов comes only on day one).
  await table.getByRole('button', { name: 'Занятие 16.10.2018: отметить всех' }).click();
  await page.getByRole('menuitem', { name: 'Все присутствовали' }).click();
  await expect(table.getByRole('button', { name: 'Белова Анна Юрьевна, 16.10.2018: Присутствовал' })).toBeVisible();
  for (const name of ['Белова Анна Юрьевна', 'Громова Марина Викторовна']) {
    await table.getByRole('button', { name: `${name}, 17.10.2018: не отмечен` }).click();
    await expect(table.getByRole('button', { name: `${name}, 17.10.2018: Присутствовал` })).toBeVisible();
  }
  await table.getByRole('button', { name: 'Занятие 18.10.2018: отметить всех' }).click();
  await page.getByRole('menuitem', { name: 'Отметить по номерам…' }).click();
  const byNumbers = page.getByRole('dialog');
  const numbers = byNumbers.getByRole('textbox', { name: 'Присутствовали участники с номерами' });
  await numbers.fill('1, 2, 7–8');
  await byNumbers.getByRole('checkbox', { name: 'Остальным поставить «отсутствовал»' }).check();
  await byNumbers.getByRole('button', { name: 'Отметить присутствовавших' }).click();
  await expect(byNumbers.getByText('Участников с номерами 7, 8 в списке этого мероприятия нет. Ничего не отмечено.')).toBeVisible();
  await shot(page, 'by-numbers-refused');
  await expect(table.getByRole('button', { name: 'Белова Анна Юрьевна, 18.10.2018: не отмечен' })).toBeVisible();
  await numbers.fill('1-2');
  await byNumbers.getByRole('button', { name: 'Отметить присутствовавших' }).click();
  await expect(byNumbers).toBeHidden();
  for (const name of ['Белова Анна Юрьевна', 'Громова Марина Викторовна'])
    await expect(table.getByRole('button', { name: `${name}, 18.10.2018: Присутствовал` })).toBeVisible();
  await expect(table.getByRole('button', { name: 'Макарова Юлия Сергеевна, 18.10.2018: Отсутствовал' })).toBeVisible();
  await table.getByRole('button', { name: 'Соколов Алексей Михайлович, 17.10.2018: не отмечен' }).click();
  await table.getByRole('button', { name: 'Соколов Алексей Михайлович, 17.10.2018: Присутствовал' }).click();
  await expect(table.getByRole('button', { name: 'Соколов Алексей Михайлович, 17.10.2018: Отсутствовал' })).toBeVisible();
  await page.getByRole('button', { name: 'Провести' }).click();
  await expect(page.getByTestId('event-totals')).toHaveText('Зарегистрировано: 4. Завершили обучение: 2 из 4');
  await shot(page, 'card');

  // The registration sheet: the registered in Russian order with their numbers, blank rows numbered on.
  await page.getByRole('button', { name: 'Документы' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Лист регистрации, все дни (Word)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Лист регистрации – Семинар для социальных педагогов школ – 16.10.2018 – 18.10.2018.docx');
  const text = (await mammoth.extractRawText({ path: await download.path() })).value.replace(/\u00A0/g, ' ');
  expect(text).toContain('ЛИСТ РЕГИСТРАЦИИ');
  expect(text.split('ЛИСТ РЕГИСТРАЦИИ')).toHaveLength(4);
  expect(text).toMatch(/1\s+Белова Анна Юрьевна\s+МБОУ СОШ № 1 г\. Уварово\s+социальный педагог/);
  expect(text).toMatch(/4\s+Макарова Юлия Сергеевна/);
  expect(text).toMatch(/3\s+Соколов Алексей Михайлович/);
  expect(text).toMatch(/\n5\n/);
  // The print view renders the same sheet.
  await page.getByRole('button', { name: 'Документы' }).click();
  await page.getByRole('menuitem', { name: 'Лист регистрации — печать, PDF' }).click();
  await expect(page.getByText('Тема занятия').or(page.getByText('ЛИСТ РЕГИСТРАЦИИ')).first()).toBeVisible();
  await expect(page.getByText('Макарова Юлия Сергеевна').first()).toBeVisible();
  await shot(page, 'print');
  await page.goBack();

  // The statistics of 2018 count the seminar and its completers.
  await nav.getByRole('link', { name: 'Статистика' }).click();
  await page.getByRole('textbox', { name: 'С', exact: true }).fill('01.01.2018');
  await page.getByRole('textbox', { name: 'По', exact: true }).fill('31.12.2018');
  await expect(page.getByTestId('stats-held')).toHaveText('1');
  await expect(page.getByTestId('stats-completed')).toHaveText('2 из 4');
  await expect(page.getByTestId('stats-reached')).toHaveText('4');
  await expect(page.getByRole('table', { name: 'По видам' })).toContainText('Семинар');
  await shot(page, 'statistics');

  // After a reload everything is still there, and the plan item reads as done.
  await page.reload();
  await expect(page.getByTestId('stats-held')).toHaveText('1');
  await nav.getByRole('link', { name: 'Мероприятия', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Мероприятия' })).toContainText('2 из 4');
  await page.getByRole('link', { name: '16.10.2018 – 18.10.2018' }).click();
  await expect(page.getByTestId('event-totals')).toHaveText('Зарегистрировано: 4. Завершили обучение: 2 из 4');
  await expect(
    page.getByText('Выполняет пункт плана работы на 2018 год: «Семинар для социальных педагогов школ» — выполнено'),
  ).toBeVisible();
  const items = await call<{ title: string; status: string; realisations: { label: string }[] }[]>('workPlan.items', { year: 2018 });
  expect(items[0]).toMatchObject({ status: 'done', realisations: [{ label: 'семинар, 16.10.2018 – 18.10.2018' }] });

  // The plan line names the seminar that realises it, and opens its card.
  await nav.getByRole('link', { name: 'План работы' }).click();
  const planTable = page.getByRole('table').filter({ hasText: 'Семинар для социальных педагогов школ' });
  await expect(planTable.getByText('Выполнено')).toBeVisible();
  await planTable.getByRole('link', { name: 'семинар, 16.10.2018 – 18.10.2018' }).click();
  await expect(page).toHaveURL(/#\/events\/list\/\d+/);
  await expect(page.getByRole('heading', { name: 'Семинар для социальных педагогов школ' })).toBeVisible();
  await shot(page, 'from-the-plan');

  // Her history, from her card in the registry, and its справка in Word and for printing.
  await nav.getByRole('link', { name: 'Специалисты' }).click();
  // The event card also has a «Действия: Белова Анна Юрьевна» button (its participants table):
  // reach for the registry's own table, or the click may land on the card still on screen.
  await rowAction(page, 'Белова Анна Юрьевна', 'Участие в мероприятиях', page.getByRole('table', { name: 'Специалисты' }));
  await expect(page.getByRole('heading', { name: 'История участия: Белова Анна Юрьевна' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'История участия' })).toContainText('завершил(а) обучение');
  const gettingHistory = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Справка (Word)' }).click();
  const history = await gettingHistory;
  expect(history.suggestedFilename()).toBe('Справка об участии в мероприятиях – Белова Анна Юрьевна.docx');
  const historyText = (await mammoth.extractRawText({ path: await history.path() })).value.replace(/\u00A0/g, ' ');
  expect(historyText).toMatch(/СПРАВКА\s+об участии в мероприятиях/);
  expect(historyText).toMatch(/Специалист: Белова Анна Юрьевна\s+Место работы: МБОУ СОШ № 1 г\. Уварово\s+Должность: социальный педагог/);
  expect(historyText).toMatch(
    /16\.10\.2018 – 18\.10\.2018\s+Семинар для социальных педагогов школ\s+Участник\s+3 из 3\s+завершил\(а\) обучение/,
  );
  expect(historyText).toMatch(/Всего: 1 мероприятие; посещено [–—] 1, обучение завершено [–—] 1\./);
  await page.getByRole('link', { name: 'Справка — печать, PDF' }).click();
  await expect(page.getByText('об участии в мероприятиях')).toBeVisible();
  await expect(page.getByText('Специалист: Белова Анна Юрьевна')).toBeVisible();
  await shot(page, 'history-print');
});
