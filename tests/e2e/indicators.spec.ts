import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

/**
 * A specialist types a quarter's monitoring figures for the segment's municipalities: some by
 * keyboard, a block pasted from Excel (tabs, CRLF, a no-break space in «1 200»), a fraction of a
 * count refused in Russian, a contradiction she confirms; after a reload the figures are there and
 * the year-over-year view shows the seed's 2014–2017 and her 2018, with the chart drawn by the main
 * process as an image.
 */

const nav = (page: Page) => page.getByRole('navigation', { name: 'Разделы' });
const gridRow = (page: Page, label: string) => page.locator('.dsg-row:not(.dsg-row-header)').filter({ hasText: label });
// The grid's first cell is its own spacer; then the indicator, then one column per municipality.
const cell = (page: Page, label: string, column: number) =>
  gridRow(page, label)
    .locator('.dsg-cell')
    .nth(column + 1);
const figure = (page: Page, label: string, column: number) => cell(page, label, column).locator('input');

async function openQuarter(page: Page, year: string) {
  await nav(page).getByRole('link', { name: 'Ввод показателей' }).click();
  // The current year's sheet first, then the year asked for.
  await expect(cell(page, 'Посещения на дому', 1)).toBeVisible();
  await page.getByRole('combobox', { name: 'Год' }).click();
  await page.getByRole('option', { name: year, exact: true }).click();
  await expect(page.getByRole('button', { name: new RegExp(`^Сохранить I квартал ${year} года`) })).toBeVisible();
}

/** What Excel puts on the clipboard for a block of 2 × 3 cells. */
async function pasteFromExcel(page: Page, text: string) {
  await page.evaluate((clipboard) => {
    const data = new DataTransfer();
    data.setData('text/plain', clipboard);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('a quarter entered through the grid with a paste from Excel, kept after a reload, compared year over year', async ({
  page,
  app,
}, testInfo) => {
  await openApp(page, app, 'demo');
  await openQuarter(page, '2018');

  // Typed: the first municipality's home visits, with the thousands grouped.
  await cell(page, 'Посещения на дому', 1).click();
  await page.keyboard.type('1 234');
  await page.keyboard.press('Enter');
  await expect(figure(page, 'Посещения на дому', 1)).toHaveValue('1\u00a0234');

  // A fraction of a count is refused before it is sent, in Russian; Delete clears it.
  await cell(page, 'Консультации родителей', 2).click();
  await page.keyboard.type('1,5');
  await page.keyboard.press('Enter');
  await expect(page.getByText('показатель считается в целых числах')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Сохранить I квартал 2018 года/ })).toBeDisabled();
  await cell(page, 'Консультации родителей', 2).click();
  await page.keyboard.press('Delete');
  await expect(page.getByText('показатель считается в целых числах')).toHaveCount(0);

  // Pasted from Excel: cases opened and the children in them, three municipalities.
  await cell(page, 'Случаи открыты', 1).click();
  await pasteFromExcel(page, '3\t1\t2\r\n5\t0\t1\u00a0200\r\n');
  await expect(figure(page, 'Случаи открыты', 3)).toHaveValue('2');
  await expect(figure(page, 'Дети в открытых случаях', 3)).toHaveValue('1\u00a0200');

  // Ctrl+S saves. Fewer children than cases in the second municipality: she sees it and keeps the figures.
  await page.keyboard.press('Control+s');
  const warning = page.getByRole('dialog', { name: 'Значения противоречат друг другу' });
  await expect(warning).toContainText('«Дети в открытых случаях»');
  await expect(warning).toContainText('0 — меньше, чем «Случаи открыты» (1)');
  await warning.getByRole('button', { name: 'Сохранить как есть' }).click();
  await expect(page.getByText('Сохранено: 7 значений за I квартал 2018 года')).toBeVisible();

  await page.reload();
  await expect(nav(page)).toBeVisible();
  await openQuarter(page, '2018');
  await expect(figure(page, 'Посещения на дому', 1)).toHaveValue('1\u00a0234');
  await expect(figure(page, 'Случаи открыты', 1)).toHaveValue('3');
  await expect(figure(page, 'Дети в открытых случаях', 2)).toHaveValue('0');
  await expect(figure(page, 'Дети в открытых случаях', 3)).toHaveValue('1\u00a0200');
  // The total across the municipalities.
  await expect(gridRow(page, 'Случаи открыты').locator('.dsg-cell').last().locator('input')).toHaveValue('6');

  await nav(page).getByRole('link', { name: 'Показатели по годам' }).click();
  await page.getByRole('combobox', { name: 'Показатель' }).click();
  await page.getByRole('option', { name: /^Случаи открыты/ }).click();
  const years = page.getByRole('table', { name: 'Значения по годам' });
  await expect(years.getByRole('row')).toHaveText([
    /Год/,
    /^2014\s*28\s*за год по сегменту в целом/,
    /^2015\s*43\s*\+15\s*за год по сегменту в целом/,
    /^2016\s*54\s*\+11/,
    /^2017\s*26\s*−28/,
    /^2018\s*6\s*сумма за I квартал по 3 муниципальным образованиям — неполные данные/,
  ]);
  const chart = page.getByRole('img', { name: 'Диаграмма: Случаи открыты по годам' });
  await expect(chart).toBeVisible();
  expect(await chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  await page.screenshot({ path: testInfo.outputPath('year-over-year.png'), fullPage: true });
});

test('the specialists trained are counted from the events register: read-only in the grid, year over year with a chart', async ({
  page,
  app,
}, testInfo) => {
  // Three screens and a chart drawn by the main process: on a loaded machine more than the default minute.
  test.setTimeout(120_000);
  await openApp(page, app, 'demo');
  await nav(page).getByRole('link', { name: 'Ввод показателей' }).click();
  await expect(cell(page, 'Посещения на дому', 1)).toBeVisible();
  await page.getByRole('combobox', { name: 'Год' }).click();
  await page.getByRole('option', { name: '2018', exact: true }).click();
  await page.getByText('II квартал', { exact: true }).click();
  await expect(page.getByRole('button', { name: /^Сохранить II квартал 2018 года/ })).toBeVisible();

  // The demo's April seminar held by the center: its completers, in its municipality's column and the total.
  const trained = 'Специалисты прошли обучение';
  await expect(gridRow(page, trained)).toContainText('вычисляется, не вводится');
  await expect(figure(page, trained, 1)).toHaveValue('10');
  await expect(gridRow(page, trained).locator('.dsg-cell').last().locator('input')).toHaveValue('10');
  await expect(
    page
      .getByLabel('Вычисляемые показатели')
      .getByText(
        '«Специалисты прошли обучение» — из реестра «Мероприятия»: завершили обучение на мероприятиях, проведённых центром, во II квартале 2018 года.',
        { exact: true },
      ),
  ).toBeVisible();
  // Typing into it changes nothing: the cell is not an input she can edit.
  await cell(page, trained, 1).click();
  await page.keyboard.type('99');
  await page.keyboard.press('Enter');
  await expect(figure(page, trained, 1)).toHaveValue('10');
  await expect(page.getByText('Изменений нет')).toBeVisible();

  await nav(page).getByRole('link', { name: 'Каталог показателей' }).click();
  await expect(page.getByRole('table', { name: 'Каталог показателей' }).getByRole('row').filter({ hasText: trained })).toContainText(
    'Вычисляется из реестра«Мероприятия»: завершили обучение на мероприятиях, проведённых центром',
  );

  await nav(page).getByRole('link', { name: 'Показатели по годам' }).click();
  await page.getByRole('combobox', { name: 'Показатель' }).click();
  await page.getByRole('option', { name: new RegExp(`^${trained}`) }).click();
  const years = page.getByRole('table', { name: 'Значения по годам' });
  // April's 10 and October's 13 completers.
  await expect(years.getByRole('row').nth(1)).toHaveText(/^2018\s*23\s*из реестра «Мероприятия»: завершили обучение .* в 2018 году/);
  const chart = page.getByRole('img', { name: `Диаграмма: ${trained} по годам` });
  await expect(chart).toBeVisible();
  expect(await chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  await page.screenshot({ path: testInfo.outputPath('trained-year-over-year.png'), fullPage: true });
});

test('the year’s document for print: the table of every indicator and the chart of the one chosen, as a picture with its text alternative', async ({
  page,
  app,
}, testInfo) => {
  await openApp(page, app, 'demo');
  await nav(page).getByRole('link', { name: 'Показатели по годам' }).click();
  await page.getByRole('combobox', { name: 'Показатель' }).click();
  await page.getByRole('option', { name: /^Случаи открыты/ }).click();
  await page.getByRole('combobox', { name: 'Год документа' }).click();
  await page.getByRole('option', { name: '2017', exact: true }).click();
  await page.getByRole('button', { name: 'Документы' }).click();
  await page.getByRole('menuitem', { name: 'Показатели за 2017 год — печать, PDF' }).click();
  const printed = page.getByRole('article', { name: 'Документ для печати' });
  await expect(printed).toContainText('ПОКАЗАТЕЛИ МОНИТОРИНГА');
  await expect(printed.getByRole('row').filter({ hasText: /^1Случаи открыты/ })).toContainText('случаев5426−28за год по сегменту в целом');
  const picture = printed.getByRole('img', {
    name: 'Диаграмма «Случаи открыты: по годам», случаев: 2014 — 28; 2015 — 43; 2016 — 54; 2017 — 26',
  });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1280, 720]);
  await expect(printed).toContainText(/Рисунок\s1\s[–—]\sСлучаи открыты по годам, случаев/);
  await page.screenshot({ path: testInfo.outputPath('year-document-print.png'), fullPage: true });
});
