import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

/**
 * The home screen on the demo data: the window opens on it, each key figure opens the register it
 * came from and reads the same there, the year stays chosen after a reload, a row of a list opens
 * its record, and the screen fits 1366×768 without a horizontal scroll.
 */

const figure = (page: Page, label: string) => page.getByRole('link', { name: new RegExp(`^${label}: `) });

/** The number a figure's link states, read from its accessible name («Проведено заседаний: 3»). */
async function figureValue(page: Page, label: string): Promise<string> {
  const name = await figure(page, label).getAttribute('aria-label');
  return name!.slice(label.length + 2);
}

async function backHome(page: Page, year: number) {
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Сводка' }).click();
  await page.getByRole('combobox', { name: 'Год' }).click();
  await page.getByRole('option', { name: String(year), exact: true }).click();
  await expect(page.getByRole('heading', { name: `Сводка за ${year} год` })).toBeVisible();
}

test('the dashboard: figures as the registers count them, the year kept after a reload, rows open their records', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app, 'demo');
  // The home screen opens first, on the latest plan's year (the demo's plans are 2017 and 2018).
  await expect(page.getByRole('heading', { name: 'Сводка за 2018 год' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Диаграмма: Прошли обучение в 2018 году' })).toBeVisible();
  const scroll = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll.width).toBeLessThanOrEqual(scroll.client);
  await page.screenshot({ path: test.info().outputPath('dashboard-2018.png'), fullPage: true });

  // 2018: the demo's own seminars and those who completed them, as the events' statistics state them.
  const held2018 = await figureValue(page, 'Проведено мероприятий центра');
  const trained2018 = await figureValue(page, 'Прошли обучение, человек');
  expect(Number(held2018)).toBeGreaterThan(0);
  await figure(page, 'Прошли обучение, человек').click();
  await expect(page.getByRole('heading', { name: 'Статистика мероприятий' })).toBeVisible();
  await expect(page.getByLabel('С', { exact: true })).toHaveValue('01.01.2018');
  await expect(page.getByTestId('stats-completed')).toHaveText(new RegExp(`^${trained2018} из `));
  await expect(page.getByText('Участие специалистов центра в мероприятиях других организаций: 0')).toBeVisible();
  await expect(page.getByTestId('stats-held')).toHaveText(held2018);

  // 2017 (seed 003): chosen in the picker, kept in the address through a reload.
  await backHome(page, 2017);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Сводка за 2017 год' })).toBeVisible();
  expect(await figureValue(page, 'Проведено заседаний')).toBe('3');
  expect(await figureValue(page, 'Мероприятия с участием специалистов центра')).toBe('8');
  expect(await figureValue(page, 'Распространено экземпляров')).toBe('605');
  await page.screenshot({ path: test.info().outputPath('dashboard-2017.png'), fullPage: true });

  await figure(page, 'Проведено заседаний').click();
  await expect(page.getByRole('heading', { name: 'Заседания', level: 2 })).toBeVisible();
  const meetings = page.getByRole('table', { name: 'Заседания' }).locator('tbody tr');
  await expect(meetings.filter({ hasText: /Проведено|Подписано/ })).toHaveCount(3);

  await backHome(page, 2017);
  await figure(page, 'Мероприятия с участием специалистов центра').click();
  await expect(page.getByText('Участие специалистов центра в мероприятиях других организаций: 8')).toBeVisible();

  await backHome(page, 2017);
  await figure(page, 'Распространено экземпляров').click();
  await expect(page.getByRole('heading', { name: 'Ведомости' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Движение за период' }).getByRole('row', { name: /^Итого/ })).toContainText('605');

  await backHome(page, 2017);
  const percent = await figureValue(page, 'Выполнение плана');
  await figure(page, 'Выполнение плана').click();
  await expect(page.getByRole('heading', { name: 'Исполнение плана на 2017 год' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Исполнение плана по направлениям' }).getByRole('row', { name: /^Итого/ })).toContainText(
    percent.replace(/\u00A0/g, '').replace(' ', ''),
  );

  // An overdue assignment's row opens its meeting; «все» opens the register on «Просроченные».
  await backHome(page, 2017);
  const overdue = page.getByRole('table', { name: 'Просроченные поручения' });
  const first = overdue.locator('tbody tr').first().getByRole('link');
  await first.click();
  await expect(page.getByRole('heading', { name: /Заседание|Протокол/ }).first()).toBeVisible();
  await backHome(page, 2017);
  await page.getByText('Просроченные поручения').locator('..').getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Поручения', level: 2 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Просроченные' })).toBeChecked();
});
