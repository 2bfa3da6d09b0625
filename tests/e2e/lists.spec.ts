import type { Locator, Page } from '@playwright/test';
import { expect, openApp, rowAction, test } from './fixtures';

/**
 * The center's own list of plan forms (Настройки → Списки): a methodologist adds, renames, orders
 * and archives values; the plan keeps an archived form on its items and stops offering it; a form
 * missing from the list is added from the item form itself; a deleted value comes back with
 * «Отменить». Everything is checked again after a reload.
 */

const nav = (page: Page) => page.getByRole('navigation', { name: 'Разделы' });
const table = (page: Page) => page.getByRole('table', { name: 'Формы работы' });
const row = (page: Page, value: string) =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByText(value, { exact: true }) });
const values = async (page: Page) =>
  (await table(page).getByRole('row').allInnerTexts()).slice(1).map((text) => text.split('\t')[1]!.replace('в архиве', '').trim());

async function openLists(page: Page) {
  await nav(page).getByRole('link', { name: 'Списки' }).click();
  await expect(page.getByRole('heading', { name: 'Формы работы' })).toBeVisible();
}

async function formOptions(page: Page, dialog: Locator, typed: string) {
  await dialog.getByRole('combobox', { name: 'Форма' }).fill(typed);
  return page.getByRole('option');
}

test('the list of plan forms: add, rename, order, archive, delete with undo, and the plan form picks from it', async ({
  page,
  app,
}, testInfo) => {
  await openApp(page, app, 'demo');
  await openLists(page);
  // The seeds' forms that the first values lacked joined the list with the demo plans.
  await expect(row(page, 'Клуб')).toContainText('в 2 записях');
  expect((await values(page)).slice(0, 3)).toEqual(['Заседание', 'Совещание', 'Семинар']);

  // Add: a duplicate up to case and punctuation is refused in Russian.
  await page.getByLabel('Добавить форму работы').fill('семинар.');
  await page.getByRole('button', { name: 'Добавить', exact: true }).click();
  await expect(page.getByText('«Семинар» уже есть в списке «Формы работы»').first()).toBeVisible();
  await page.getByLabel('Добавить форму работы').fill('Вебинар');
  await page.getByRole('button', { name: 'Добавить', exact: true }).click();
  await expect(row(page, 'Вебинар')).toContainText('нигде');

  // Order: up by one.
  const before = await values(page);
  await rowAction(page, 'Вебинар', 'Выше');
  await expect.poll(() => values(page)).toEqual([...before.slice(0, -2), 'Вебинар', before.at(-2)!]);

  // Rename a used value: the dialog says where it goes.
  await rowAction(page, 'Круглый стол', 'Переименовать');
  const rename = page.getByRole('dialog');
  await expect(rename).toContainText('Новое название появится во всех записях');
  await rename.getByLabel('Значение').fill('Круглый стол с партнёрами');
  await rename.getByRole('button', { name: 'Сохранить' }).click();
  await expect(rename).toBeHidden();

  // Archive a used value; a used value cannot be deleted.
  await rowAction(page, 'Клуб', 'В архив');
  await expect(row(page, 'Клуб')).toContainText('в архиве');
  await page.getByRole('button', { name: 'Действия: Клуб', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Удалить', exact: true })).toBeDisabled();
  await expect(page.getByRole('menu')).toContainText('указано в записях: переведите в архив');
  await page.keyboard.press('Escape');

  // Delete the unused one and take it back.
  await rowAction(page, 'Вебинар', 'Удалить');
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  await expect(row(page, 'Вебинар')).toHaveCount(0);
  const notice = page.locator('.mantine-Notification-root').filter({ hasText: 'Значение удалено из списка' });
  await notice.getByRole('button', { name: 'Отменить' }).click();
  await expect(row(page, 'Вебинар')).toContainText('нигде');
  await page.screenshot({ path: testInfo.outputPath('lists.png'), fullPage: true });

  await page.reload();
  await openLists(page);
  await expect(row(page, 'Круглый стол с партнёрами')).toBeVisible();
  await expect(row(page, 'Клуб')).toContainText('в архиве');
  expect((await values(page)).slice(-2)).toEqual(['Вебинар', before.at(-2)!]);

  // The plan: the archived form stays on its items, the renamed one reads anew.
  await nav(page).getByRole('link', { name: 'План работы', exact: true }).click();
  await page.getByRole('combobox', { name: 'Год плана' }).click();
  await page.getByRole('option', { name: '2018 год' }).click();
  const items = page.getByTestId('plan-item');
  await expect(items.filter({ hasText: 'Клуб' }).first()).toBeVisible();
  await expect(items.filter({ hasText: 'Круглый стол с партнёрами' }).first()).toBeVisible();

  // A new item: the archived form is not offered (it can be brought back), a new one is added from here.
  await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Мероприятие').fill('Вебинар для замещающих родителей');
  await expect(await formOptions(page, dialog, 'Клуб')).toHaveText(['Вернуть «Клуб» из архива']);
  const offered = await formOptions(page, dialog, 'Онлайн-встреча');
  await expect(offered).toHaveText(['Добавить «Онлайн-встреча» в список']);
  await offered.first().click();
  await expect(dialog.getByRole('combobox', { name: 'Форма' })).toHaveValue('Онлайн-встреча');
  await page.screenshot({ path: testInfo.outputPath('form-added-from-picker.png') });
  await dialog.getByText('В течение года', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  await expect(items.filter({ hasText: 'Вебинар для замещающих родителей' })).toContainText('Онлайн-встреча');
  await openLists(page);
  await expect(row(page, 'Онлайн-встреча')).toContainText('в 1 записи');
});
