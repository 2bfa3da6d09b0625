import type { Page } from '@playwright/test';
import { expect, openApp, openDialog, recordCalls, test, rowAction } from './fixtures';

/** The registry through the UI: what a methodologist types, what she finds after a reload. */

const HEADINGS = {
  Организации: 'Организации',
  Специалисты: 'Специалисты',
  Муниципалитеты: 'Муниципальные образования',
  'Профиль центра': 'Профиль центра',
};

/**
 * Opens a section and waits for its screen: until the new screen is in, the one before stays on
 * the page, and a «Добавить» pressed there opens that screen's form, which goes with it.
 */
async function goTo(page: Page, section: keyof typeof HEADINGS) {
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: section }).click();
  await expect(page.getByRole('main').getByRole('heading', { name: HEADINGS[section], exact: true })).toBeVisible();
}

async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string | RegExp, typed?: string) {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

/** A municipality by its type and proper part; its forms in the cases as the rules fill them in. */
async function addMunicipality(page: Page, type: string, properName: string, name: string) {
  await goTo(page, 'Муниципалитеты');
  const dialog = await openDialog(page.getByRole('button', { name: 'Добавить' }).first());
  await choose(page, dialog, 'Тип', new RegExp(`^${type}$`));
  await dialog.getByRole('textbox', { name: 'Название', exact: true }).fill(properName);
  await expect(dialog.getByText(`Полное наименование: ${name}`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Муниципальные образования' })).toContainText(name);
}

async function addOrganization(page: Page, fullName: string, shortName: string, type: string, municipality: string) {
  await goTo(page, 'Организации');
  const dialog = await openDialog(page.getByRole('button', { name: 'Добавить' }).first());
  await dialog.getByLabel('Полное наименование').fill(fullName);
  await dialog.getByLabel('Краткое наименование').fill(shortName);
  await choose(page, dialog, 'Тип', type);
  await choose(page, dialog, 'Муниципальное образование', municipality);
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Организации' })).toContainText(fullName);
}

async function addPerson(
  page: Page,
  p: { last: string; first: string; middle: string; position: string; orgSearch: string; org: string; consent?: string },
) {
  await goTo(page, 'Специалисты');
  const dialog = await openDialog(page.getByRole('button', { name: 'Добавить' }).first());
  await dialog.getByLabel('Фамилия').fill(p.last);
  await dialog.getByRole('textbox', { name: 'Имя', exact: true }).fill(p.first);
  await dialog.getByLabel('Отчество').fill(p.middle);
  await dialog.getByLabel('Должность').fill(p.position);
  await choose(page, dialog, 'Организация', new RegExp(p.org), p.orgSearch);
  if (p.consent) {
    await dialog.getByRole('checkbox', { name: /Согласие на обработку персональных данных/ }).check();
    await dialog.getByRole('textbox', { name: 'Дата согласия' }).fill(p.consent);
    await dialog.getByLabel('Должность').click();
  }
  return dialog;
}

test('a methodologist fills the registry and finds the records after a reload, whatever the case and ё', async ({ page, app }) => {
  await openApp(page, app, 'empty');
  await goTo(page, 'Организации');
  await expect(page.getByText('Организаций пока нет. Добавьте первую.')).toBeVisible();

  await addMunicipality(page, 'район', 'Ржаксинский', 'Ржаксинский район');
  await addOrganization(
    page,
    'Отдел опеки и попечительства администрации Ржаксинского района',
    'Опека Ржаксинского района',
    'Орган опеки и попечительства',
    'Ржаксинский район',
  );
  const unsaved = await openDialog(page.getByRole('button', { name: 'Добавить' }).first());
  await unsaved.getByLabel('Полное наименование').fill('Новая организация');
  await page.screenshot({ path: test.info().outputPath('organization-form.png') });
  await unsaved.getByRole('button', { name: 'Отмена' }).click();
  // Typed work is not dropped without asking.
  await page.getByRole('button', { name: 'Закрыть без сохранения' }).click();

  const dialog = await addPerson(page, {
    last: 'Семёнова',
    first: 'Ольга',
    middle: 'Петровна',
    position: 'Главный специалист',
    orgSearch: 'ОПЕКА ржаксинского',
    org: 'Опека Ржаксинского района',
    consent: '15.03.2018',
  });
  await expect(dialog.getByRole('textbox', { name: 'Дата согласия' })).toHaveValue('15.03.2018');
  // The patronymic says «женский»: chosen already, and said why.
  await expect(dialog.getByRole('radio', { name: 'женский' })).toBeChecked();
  await expect(dialog.getByText('По отчеству')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('person-form.png') });
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  await goTo(page, 'Специалисты');
  await page.getByLabel('Поиск').fill('СЕМЕНОВА ольга');
  const people = page.getByRole('table', { name: 'Специалисты' });
  await expect(people.getByRole('row')).toHaveCount(2);
  const row = people.getByRole('row', { name: /Семёнова Ольга Петровна/ });
  await expect(row).toContainText('Главный специалист');
  await expect(row).toContainText('Опека Ржаксинского района');
  await expect(row).toContainText('от 15.03.2018');
  await page.screenshot({ path: test.info().outputPath('people-list.png') });

  await page.getByLabel('Поиск').fill('иванова');
  await expect(page.getByText('Ничего не найдено')).toBeVisible();

  await goTo(page, 'Организации');
  await page.getByLabel('Поиск').fill('ОПЕКИ И ПОПЕЧИТЕЛЬСТВА');
  const organizations = page.getByRole('table', { name: 'Организации' });
  await expect(organizations.getByRole('row', { name: /Ржаксинского района/ })).toContainText('Орган опеки и попечительства');
  await expect(organizations.getByRole('row', { name: /Ржаксинского района/ })).toContainText('Ржаксинский район');
  await page.screenshot({ path: test.info().outputPath('organizations-list.png') });
});

test('bad input shows a Russian message and saves nothing', async ({ page, app }) => {
  await openApp(page, app, 'empty');
  const calls = recordCalls(page);
  await goTo(page, 'Специалисты');
  const dialog = await openDialog(page.getByRole('button', { name: 'Добавить' }).first());
  await dialog.getByRole('textbox', { name: 'Имя', exact: true }).fill('Иван');
  await dialog.getByLabel('Электронная почта').fill('ivan@почта');
  const before = calls.mark();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  // The contract's own schema answers in the window, with its Russian messages, before any round trip.
  await expect(dialog.getByText('Заполните поле «Фамилия»')).toBeVisible();
  await expect(dialog.getByText('Адрес электронной почты указан неверно')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Фамилия' })).toBeFocused();
  expect(calls.since(before)).not.toContain('people.create');
  await page.screenshot({ path: test.info().outputPath('person-form-errors.png') });

  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await page.getByRole('button', { name: 'Закрыть без сохранения' }).click();
  await page.reload();
  await goTo(page, 'Специалисты');
  await expect(page.getByText('Специалистов пока нет. Добавьте первого.')).toBeVisible();

  await goTo(page, 'Организации');
  await openDialog(page.getByRole('button', { name: 'Добавить' }).first());
  await page.getByRole('dialog').getByLabel('Полное наименование').fill('Школа');
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('dialog').getByText('Выберите тип организации')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();
  await page.getByRole('button', { name: 'Закрыть без сохранения' }).click();
  await page.reload();
  await goTo(page, 'Организации');
  await expect(page.getByText('Организаций пока нет. Добавьте первую.')).toBeVisible();
});

test('an organisation with a specialist cannot be deleted; an unused one can', async ({ page, app }) => {
  await openApp(page, app, 'empty');
  await addMunicipality(page, 'город', 'Уварово', 'город Уварово');
  await addOrganization(
    page,
    'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №1»',
    'МБОУ СОШ №1',
    'Образовательная организация',
    'город Уварово',
  );
  await addOrganization(page, 'Общество с ограниченной ответственностью «Партнёр»', 'ООО «Партнёр»', 'Бизнес', 'город Уварово');
  const dialog = await addPerson(page, {
    last: 'Белова',
    first: 'Анна',
    middle: 'Юрьевна',
    position: 'Социальный педагог',
    orgSearch: 'сош',
    org: 'МБОУ СОШ №1',
  });
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();

  await goTo(page, 'Организации');
  await rowAction(page, 'МБОУ СОШ №1', 'Удалить');
  await expect(page.getByRole('dialog')).toContainText('Удалить организацию «МБОУ СОШ №1»?');
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  await expect(
    page.getByText('Нельзя удалить организацию «МБОУ СОШ №1»: запись используется в 1 карточке специалиста (место работы).', {
      exact: false,
    }),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('delete-refused.png') });

  await goTo(page, 'Специалисты');
  await rowAction(page, 'Белова Анна Юрьевна', 'Изменить');
  await expect(page.getByRole('dialog').getByRole('combobox', { name: 'Организация' })).toHaveValue('МБОУ СОШ №1');
  await page.getByRole('dialog').getByLabel('Должность').fill('Педагог-психолог');
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('row', { name: /Белова Анна Юрьевна/ })).toContainText('Педагог-психолог');

  await goTo(page, 'Организации');
  await rowAction(page, 'МБОУ СОШ №1', 'Изменить');
  await page.getByRole('dialog').getByLabel('Телефон').fill('8 (47558) 4-12-34');
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('row', { name: /МБОУ СОШ №1/ })).toContainText('8 (47558) 4-12-34');

  await rowAction(page, 'ООО «Партнёр»', 'Удалить');
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  await expect(page.getByText('Организация удалена')).toBeVisible();

  await page.reload();
  await goTo(page, 'Организации');
  const table = page.getByRole('table', { name: 'Организации' });
  await expect(table).toContainText('МБОУ СОШ №1');
  await expect(table).not.toContainText('ООО «Партнёр»');

  await goTo(page, 'Муниципалитеты');
  await rowAction(page, 'город Уварово', 'Удалить');
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  await expect(page.getByText('к нему относится 1 организация', { exact: false })).toBeVisible();
});

test('a methodologist keeps a municipality name in parts with its cases, and says the gender the name does not', async ({
  page,
  app,
}, testInfo) => {
  await openApp(page, app, 'empty');
  await goTo(page, 'Муниципалитеты');
  let dialog = await openDialog(page.getByRole('button', { name: 'Добавить' }).first());
  await choose(page, dialog, 'Тип', /^город$/);
  await dialog.getByRole('textbox', { name: 'Название', exact: true }).fill('Орёл');
  const genitive = dialog.getByRole('textbox', { name: 'Родительный (кого? чего?)' });
  // The rules guess «Орёла» and say they are not sure; she writes the right forms.
  await expect(genitive).toHaveValue('Орёла');
  await expect(dialog.getByText('Правила не уверены в этих формах')).toBeVisible();
  await genitive.fill('Орла');
  await dialog.getByRole('textbox', { name: 'Дательный (кому? чему?)' }).fill('Орлу');
  await dialog.getByRole('textbox', { name: 'Творительный (кем? чем?)' }).fill('Орлом');
  await dialog.getByRole('textbox', { name: 'Предложный (о ком? о чём?)' }).fill('Орле');
  await page.screenshot({ path: testInfo.outputPath('municipality-form.png') });
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  await goTo(page, 'Муниципалитеты');
  const table = page.getByRole('table', { name: 'Муниципальные образования' });
  await expect(table).toContainText('город Орёл');
  await expect(table).not.toContainText('падежи не проверены');
  await rowAction(page, 'город Орёл', 'Изменить');
  dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Родительный (кого? чего?)' })).toHaveValue('Орла');
  await expect(dialog.getByRole('textbox', { name: 'Предложный (о ком? о чём?)' })).toHaveValue('Орле');
  await dialog.getByRole('button', { name: 'Отмена' }).click();

  // «Белых Саша»: neither the name nor the surname says the gender, so the form asks.
  await goTo(page, 'Специалисты');
  dialog = await openDialog(page.getByRole('button', { name: 'Добавить' }).first());
  await dialog.getByLabel('Фамилия').fill('Белых');
  await dialog.getByRole('textbox', { name: 'Имя', exact: true }).fill('Саша');
  await expect(dialog.getByText('По имени и фамилии не определить — выберите')).toBeVisible();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Укажите пол: по имени и фамилии его не определить')).toBeVisible();
  await dialog.getByRole('radio', { name: 'женский' }).check();
  await page.screenshot({ path: testInfo.outputPath('person-gender.png') });
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  await goTo(page, 'Специалисты');
  await rowAction(page, 'Белых Саша', 'Изменить');
  await expect(page.getByRole('dialog').getByRole('radio', { name: 'женский' })).toBeChecked();
});

test('the demo registry and the center profile', async ({ page, app }) => {
  await openApp(page, app, 'demo');
  await goTo(page, 'Профиль центра');
  await expect(page.getByLabel('Руководитель', { exact: true })).toHaveValue('А.Я. Гоберкорн');
  await expect(page.getByText('город Уварово, Инжавинский, Мучкапский, Ржаксинский и Уваровский районы')).toBeVisible();
  await page.getByLabel('Адрес').fill('393460, Тамбовская область, г. Уварово');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Профиль центра сохранён')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('profile.png') });
  await page.reload();
  await goTo(page, 'Профиль центра');
  await expect(page.getByLabel('Адрес')).toHaveValue('393460, Тамбовская область, г. Уварово');
  // The center is an organisation of the registry: the profile edits it, its staff are its people.
  await expect(page.getByRole('combobox', { name: 'Центр в реестре организаций' })).toHaveValue(
    'ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»',
  );
  await page.getByRole('link', { name: 'Сотрудники центра в реестре: 5' }).click();
  await expect(page.getByRole('table', { name: 'Специалисты' }).getByRole('row')).toHaveCount(6);
  await expect(page.getByRole('table', { name: 'Специалисты' })).toContainText('Семёнова Ольга Петровна');
  await goTo(page, 'Организации');
  await choose(page, page.locator('main'), 'Тип', 'Ресурсный центр');
  const centers = page.getByRole('table', { name: 'Организации' }).getByRole('row');
  await expect(centers).toHaveCount(2);
  await expect(centers.nth(1)).toContainText('ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»');

  await goTo(page, 'Специалисты');
  await openDialog(page.getByRole('button', { name: 'Добавить' }).first());
  await page.getByRole('dialog').getByRole('combobox', { name: 'Организация' }).fill('ОПЁКА');
  // Only the short name «Опека г. Уварово» contains «опека» (the full names say «опеки»).
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option', { name: /Опека г\. Уварово/ })).toContainText(
    'Отдел опеки и попечительства администрации города Уварово',
  );
  await page.screenshot({ path: test.info().outputPath('organization-picker.png') });
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();

  const peopleRows = page.getByRole('table', { name: 'Специалисты' }).getByRole('row');
  await page.getByRole('button', { name: /^Организация: сортировать/ }).click();
  // By the organisations' full names: «Автономная некоммерческая организация …» comes first.
  await expect(peopleRows.nth(1)).toContainText('Морозова Юлия Сергеевна');
  await page.screenshot({ path: test.info().outputPath('people-demo.png') });
  await page.getByRole('button', { name: 'Организация: сортировать по убыванию' }).click();
  await expect(peopleRows.nth(1)).toContainText('Управление образования и науки Тамбовской области');
  await expect(page.getByText(/Всего: \d+ специалист/)).toBeVisible();
  await choose(page, page.locator('main'), 'Тип организации', 'Полиция (ПДН)');
  const rows = page.getByRole('table', { name: 'Специалисты' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Инспектор ПДН');

  // Choosing the chosen type again clears that filter.
  await choose(page, page.locator('main'), 'Тип организации', 'Полиция (ПДН)');
  await choose(page, page.locator('main'), 'Организация', /Опека г\. Уварово/, 'ОПЕКА г. уварово');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('table', { name: 'Специалисты' })).toContainText('Фёдорова Елена Александровна');

  await goTo(page, 'Организации');
  await page.screenshot({ path: test.info().outputPath('organizations-demo.png'), fullPage: true });
  await page.getByRole('link', { name: 'Специалисты: Опека г. Уварово' }).click();
  await expect(page.getByRole('combobox', { name: 'Организация' })).toHaveValue('Опека г. Уварово');
  await expect(page.getByRole('table', { name: 'Специалисты' }).getByRole('row')).toHaveCount(3);

  await goTo(page, 'Муниципалитеты');
  await page.screenshot({ path: test.info().outputPath('municipalities-demo.png') });
});
