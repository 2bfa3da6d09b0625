import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Locator, Page } from '@playwright/test';
import { apiOf, expect, openApp, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`publications-${name}.png`), fullPage: true });

// Last year's dates: always in the past, whatever day the test runs.
const Y = new Date().getFullYear() - 1;

async function fillDate(scope: Locator, label: string, value: string) {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.fill(value);
  await input.press('Tab');
}

/** Opens «Внести движение» → the kind, fills the date and the quantity. */
async function startMovement(page: Page, item: string, date: string, quantity: number) {
  await page.getByRole('button', { name: 'Внести движение' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  const dialog = page.getByRole('dialog');
  await fillDate(dialog, 'Дата', date);
  await dialog.getByRole('textbox', { name: /экз\./ }).fill(String(quantity));
  return dialog;
}

async function handOut(page: Page, date: string, quantity: number, organization: string) {
  const dialog = await startMovement(page, 'Выдача', date, quantity);
  await dialog.getByRole('combobox', { name: 'Организация' }).fill(organization);
  await page
    .getByRole('option', { name: new RegExp(organization) })
    .first()
    .click();
  await dialog.getByRole('button', { name: 'Внести' }).click();
  return dialog;
}

const history = (page: Page) => page.getByRole('table', { name: 'История движения' }).locator('tbody tr');

test('the keeper of the boxes receives a print run, hands it out, is refused an issue beyond the stock, counts the boxes and downloads the statement', async ({
  page,
  app,
  request,
}) => {
  await openApp(page, app, 'empty');
  // The registry has its own screens and tests: the recipients are filled in through the API.
  const call = apiOf(request, app);
  await call('organizations.create', {
    fullName: 'Отдел опеки и попечительства администрации города Уварово',
    shortName: 'Опека г. Уварово',
    type: 'guardianship',
  });
  await call('organizations.create', {
    fullName: 'Комиссия по делам несовершеннолетних и защите их прав администрации города Уварово',
    shortName: 'КДН и ЗП г. Уварово',
    type: 'juvenileCommission',
  });

  // The seminar of the events register, with three registered participants (its own screens have their tests).
  const { values: types } = await call<{ values: { id: number; value: string }[] }>('lists.get', { list: 'eventTypes' });
  const seminar = await call('events.create', {
    typeId: types.find((t) => t.value === 'Семинар')!.id,
    centerRole: 'organizer',
    title: 'Семинар для специалистов органов опеки',
    level: 'municipal',
    firstDay: `${Y}-03-10`,
    lastDay: `${Y}-03-10`,
  });
  const people = [];
  for (const lastName of ['Иванова', 'Петрова', 'Сидорова']) people.push((await call('people.create', { lastName, firstName: 'Анна' })).id);
  await call('participants.add', { eventId: seminar.id, personIds: people });

  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Печатная продукция' }).click();
  await expect(page.getByText('Изданий пока нет')).toBeVisible();
  await page.getByRole('button', { name: 'Новое издание' }).click();
  const form = page.getByRole('dialog', { name: 'Новое издание' });
  // Bad input: without a title nothing is saved, and the form says why.
  await form.getByRole('button', { name: 'Сохранить' }).click();
  await expect(form.getByText('Заполните поле «Название»')).toBeVisible();
  await form.getByRole('textbox', { name: 'Название' }).fill('Листовка «Телефон доверия для детей и родителей»');
  await form.getByRole('combobox', { name: 'Вид' }).fill('Листов');
  await page.getByRole('option', { name: 'Листовка' }).click();
  await form.getByRole('textbox', { name: 'Год выпуска' }).fill(String(Y));
  await form.getByRole('textbox', { name: 'Минимальный остаток, экз.' }).fill('100');
  await form.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: 'Листовка «Телефон доверия для детей и родителей»' })).toBeVisible();

  // A print run of 300, printed in the center.
  const run = await startMovement(page, 'Поступление тиража', `01.03.${Y}`, 300);
  await run.getByRole('checkbox', { name: 'Напечатано в центре' }).check();
  await run.getByRole('button', { name: 'Внести' }).click();
  await expect(page.getByTestId('balance')).toHaveText('300 экз.');

  // 120 at the seminar, from the event's page: one copy per registered participant proposed, changed to 120.
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Мероприятия', exact: true }).click();
  await page
    .getByRole('table', { name: 'Мероприятия' })
    .locator('tbody tr', { hasText: 'Семинар для специалистов органов опеки' })
    .getByRole('link')
    .first()
    .click();
  await page.getByRole('tab', { name: 'Печатная продукция' }).click();
  await expect(page.getByText('На этом мероприятии печатную продукцию ещё не выдавали.')).toBeVisible();
  await page.getByRole('button', { name: 'Выдать материалы' }).click();
  const handout = page.getByRole('dialog', { name: /Выдать материалы/ });
  await expect(handout).toContainText('по одному экземпляру на участника: 3');
  await expect(handout.getByRole('textbox', { name: `Дата выдачи` })).toHaveValue(`10.03.${Y}`);
  await handout.getByRole('checkbox', { name: 'Выдать: Листовка «Телефон доверия для детей и родителей»' }).check();
  const copiesField = handout.getByRole('textbox', { name: 'Количество: Листовка «Телефон доверия для детей и родителей»' });
  await expect(copiesField).toHaveValue('3');
  await copiesField.fill('120');
  await expect(handout).toContainText('Всего к выдаче: 120 экз.');
  await shot(page, 'event-handout');
  await handout.getByRole('button', { name: 'Выдать' }).click();
  await expect(page.getByText('Выдано на мероприятии: 120 экз.')).toBeVisible();
  await page.getByRole('table', { name: 'Выдано на мероприятии' }).getByRole('link').click();
  await expect(page.getByTestId('balance')).toHaveText('180 экз.');
  await expect(page.getByRole('table', { name: 'Выдано на мероприятиях' })).toContainText('Семинар для специалистов органов опеки');
  await expect(page.getByRole('table', { name: 'Выдано на мероприятиях' })).toContainText('120 экз.');
  // 80 to an organisation, from the card.
  await handOut(page, `15.04.${Y}`, 80, 'КДН и ЗП г. Уварово');
  await expect(page.getByTestId('balance')).toHaveText('100 экз.');

  // 200 more: refused with the date and the shortfall, and nothing is written.
  const refused = await handOut(page, `20.04.${Y}`, 200, 'Опека г. Уварово');
  await expect(refused.getByText(`На 20.04.${Y} остаток 100 экз., не хватает 100`)).toBeVisible();
  await shot(page, 'refused');
  await refused.getByRole('button', { name: 'Отмена' }).click();
  await page.getByRole('button', { name: 'Закрыть без сохранения' }).click();
  await expect(history(page)).toHaveCount(3);

  // The stocktake: 95 counted, with the reason.
  const stocktake = await startMovement(page, 'Инвентаризация', `30.06.${Y}`, 95);
  await stocktake.getByRole('textbox', { name: 'Причина расхождения' }).fill('5 экземпляров испорчены при хранении');
  await stocktake.getByRole('button', { name: 'Внести' }).click();
  await expect(page.getByTestId('balance')).toHaveText('95 экз.');
  await expect(history(page).last()).toContainText('расхождение −5 экз.');
  await expect(page.getByText('мало')).toBeVisible();
  // The balance chart, drawn in the main process, shown as an image.
  await expect(
    page.getByRole('img', { name: 'Диаграмма: остаток издания «Листовка «Телефон доверия для детей и родителей»» по дням' }),
  ).toBeVisible();
  await shot(page, 'card');

  // The movement statement for the year, from the Excel file and the Word file themselves.
  await page.getByRole('link', { name: '← Печатная продукция' }).click();
  await page.getByRole('button', { name: 'Ведомости' }).click();
  await fillDate(page.locator('main'), 'С', `01.01.${Y}`);
  await fillDate(page.locator('main'), 'По', `31.12.${Y}`);
  const statement = page.getByRole('table', { name: 'Движение за период' });
  await expect(statement.locator('tbody tr').first()).toContainText('Листовка «Телефон доверия');
  await shot(page, 'statements');
  const movement = page.locator('div', { has: page.getByRole('heading', { name: 'Ведомость движения за период' }) }).last();
  const excel = page.waitForEvent('download');
  await movement.getByRole('button', { name: 'Excel' }).click();
  const xlsx = await excel;
  expect(xlsx.suggestedFilename()).toBe(`Ведомость движения печатной продукции с 01.01.${Y} по 31.12.${Y}.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await xlsx.path());
  const sheet = book.worksheets[0]!;
  let found: unknown[] | null = null;
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (values[1] === 'Листовка «Телефон доверия для детей и родителей»') found = values;
  });
  // №, title, kind, start, received, distributed, written off, stocktake, end.
  expect(found).toEqual([1, 'Листовка «Телефон доверия для детей и родителей»', 'Листовка', 0, 300, 200, 0, -5, 95]);

  const word = page.waitForEvent('download');
  await movement.getByRole('button', { name: 'Word' }).click();
  const docx = await word;
  const xml = await (await JSZip.loadAsync(await docx.createReadStream().then(streamToBuffer))).file('word/document.xml')!.async('string');
  const cells = [...xml.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((m) =>
    [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
  const at = cells.indexOf('Листовка «Телефон доверия для детей и родителей»');
  expect(cells.slice(at - 1, at + 8)).toEqual([
    '1',
    'Листовка «Телефон доверия для детей и родителей»',
    'Листовка',
    '0',
    '300',
    '200',
    '0',
    '−5',
    '95',
  ]);

  // After a reload the ledger is as it was.
  await page.reload();
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Печатная продукция' }).click();
  const row = page.getByRole('table', { name: 'Печатная продукция' }).locator('tbody tr').first();
  await expect(row).toContainText('95');
  await expect(row).toContainText('мало');
  await row.getByRole('link').click();
  await expect(page.getByTestId('balance')).toHaveText('95 экз.');
  await expect(history(page)).toHaveCount(4);
  await expect(history(page).nth(1)).toContainText('на мероприятии «Семинар для специалистов органов опеки»');
  await shot(page, 'after-reload');
});

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
