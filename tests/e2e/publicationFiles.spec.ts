import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { apiOf, expect, openApp, pick, test } from './fixtures';

/**
 * Issue 22's proof: the staff member at the printer attaches the publication's PDF and a new
 * version of it, prints handouts and records the print run on confirmation; the commission makes
 * an act of write-off, the director signs it, and the Word file says what was written off.
 */

// The print run is recorded today: the page and the host are on one PC, so they share its time zone
// (the suite's Moscow would be tomorrow for a host on UTC late in the evening, and the ledger refuses tomorrow).
test.use({ timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`publication-files-${name}.png`), fullPage: true });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const LEAFLET = 'Листовка «Телефон доверия для детей, подростков и их родителей»';

/** A real PDF, printed by the browser itself from a small page. */
async function makePdf(page: Page, text: string): Promise<Buffer> {
  const maker = await page.context().newPage();
  await maker.setContent(`<html lang="ru"><body><h1>${text}</h1><p>Телефон доверия: 8-800-2000-122</p></body></html>`);
  const pdf = await maker.pdf({ format: 'A5' });
  await maker.close();
  return pdf;
}

test('attaches the printed file in versions, records a print run on confirmation, makes and signs a write-off act', async ({
  page,
  app,
  request,
}) => {
  test.setTimeout(120_000);
  await openApp(page, app, 'demo');
  const call = apiOf(request, app);
  const leaflet = (
    await call<{ rows: { id: number; title: string; balance: number }[] }>('publications.list', { archive: 'all' })
  ).rows.find((r) => r.title === LEAFLET)!;
  const balance = async () => (await call<{ balance: number }>('publications.get', { id: leaflet.id })).balance;
  const start = await balance();

  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Печатная продукция' }).click();
  await page.getByRole('link', { name: LEAFLET }).click();
  await expect(page.getByRole('heading', { name: LEAFLET })).toBeVisible();
  const versions = page.getByRole('table', { name: 'Версии файла для печати' }).locator('tbody tr');
  await expect(page.getByText('Файла пока нет')).toBeVisible();

  // Not a document: an Excel file renamed .pdf is told by its content and refused; nothing is listed.
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'Листовка.pdf', mimeType: 'application/pdf', buffer: Buffer.from('PK\u0003\u0004 не документ') });
  await expect(page.getByText(/не подходит/)).toBeVisible();
  await expect(page.getByText('Файла пока нет')).toBeVisible();

  const first = await makePdf(page, 'Телефон доверия — первая редакция');
  await page.locator('input[type=file]').setInputFiles({ name: 'Листовка.pdf', mimeType: 'application/pdf', buffer: first });
  await expect(versions).toHaveCount(1);
  const second = await makePdf(page, 'Телефон доверия — вторая редакция');
  await page.getByRole('button', { name: /Загрузить новую версию/ }).waitFor();
  await page.locator('input[type=file]').setInputFiles({ name: 'Листовка, исправленная.pdf', mimeType: 'application/pdf', buffer: second });
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('2 текущая');
  await expect(versions.nth(0)).toContainText('Листовка, исправленная.pdf');
  await expect(versions.nth(0)).toContainText(sha(second));
  await expect(versions.nth(1)).toContainText('Листовка.pdf');
  await expect(versions.nth(1)).toContainText(sha(first));
  await shot(page, 'versions');

  // The older version is still there, byte for byte.
  const older = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать версию 1' }).click();
  const olderFile = await older;
  expect(olderFile.suggestedFilename()).toBe('Листовка.pdf');
  expect(sha(readFileSync((await olderFile.path())!))).toBe(sha(first));

  // Handouts: in the browser the current version is downloaded, then the question; «Не записывать» records nothing.
  await page.getByRole('button', { name: 'Напечатать…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Печать раздаточных материалов' });
  await dialog.getByRole('textbox', { name: 'Сколько экземпляров' }).fill('25');
  let printed = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Скачать для печати' }).click();
  expect(sha(readFileSync((await (await printed).path())!))).toBe(sha(second));
  await expect(page.getByText('Записать тираж «напечатано в центре»: 25 экз.?')).toBeVisible();
  await shot(page, 'confirmation');
  await page.getByRole('button', { name: 'Не записывать' }).click();
  expect(await balance()).toBe(start);

  await page.getByRole('button', { name: 'Напечатать…' }).click();
  dialog = page.getByRole('dialog', { name: 'Печать раздаточных материалов' });
  await dialog.getByRole('textbox', { name: 'Сколько экземпляров' }).fill('25');
  printed = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Скачать для печати' }).click();
  await printed;
  await page.getByRole('dialog', { name: 'Тираж' }).getByRole('button', { name: 'Записать' }).click();
  await expect(page.getByText('Тираж записан: 25 экз.')).toBeVisible();
  const history = page.getByRole('table', { name: 'История движения' }).locator('tbody tr');
  await expect(history.filter({ hasText: 'напечатано в центре' }).filter({ hasText: '+25' })).toHaveCount(1);
  expect(await balance()).toBe(start + 25);

  // The act of write-off: the commission from the center's staff, three copies of the leaflet.
  await page.getByRole('link', { name: '← Печатная продукция' }).click();
  await page.getByRole('button', { name: 'Акты списания' }).click();
  await expect(page.getByRole('heading', { name: 'Акты списания' })).toBeVisible();
  await page.getByRole('button', { name: 'Новый акт' }).click();
  const form = page.getByRole('dialog', { name: 'Новый акт списания' });
  await pick(page, form, 'Председатель комиссии', 'Гоберкорн', /Гоберкорн/);
  await pick(page, form, 'Члены комиссии', 'Журавлёв', /Журавлёв/, true);
  await pick(page, form, 'Члены комиссии', 'Ковалёва', /Ковалёва/, true);
  await pick(page, form, 'Издание, строка 1', 'Телефон доверия', /Телефон доверия/);
  await form.getByRole('textbox', { name: 'Количество, строка 1' }).fill('3');
  await expect(form.getByText('три экземпляра')).toBeVisible();
  await form.getByRole('textbox', { name: 'Причина списания' }).fill('Испорчены при печати: смазан текст на обороте');
  await form.getByRole('button', { name: 'Сохранить проект' }).click();
  await expect(form).toBeHidden();
  const acts = page.getByRole('table', { name: 'Акты списания' }).locator('tbody tr');
  const act = acts.filter({ hasText: 'Испорчены при печати' });
  await expect(act).toContainText('проект');
  // A draft writes nothing off.
  expect(await balance()).toBe(start + 25);
  // A draft deleted by mistake comes back with «Отменить», its commission and lines with it (the
  // signing below writes its three copies off).
  await act.getByRole('button', { name: /^Удалить проект акта от / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  await expect(act).toHaveCount(0);
  await page
    .locator('.mantine-Notification-root')
    .filter({ hasText: 'Проект акта удалён' })
    .getByRole('button', { name: 'Отменить' })
    .click();
  await expect(page.getByText(/Отменено: Удалён проект акта списания от /)).toBeVisible();
  await expect(act).toContainText('проект');

  await act.getByRole('button', { name: 'Подписать' }).click();
  await page.getByRole('dialog', { name: 'Подписание акта списания' }).getByRole('button', { name: 'Подписать' }).click();
  const year = new Date().getFullYear();
  await expect(act).toContainText('подписан');
  await expect(act).toContainText(`${year}-001`);
  expect(await balance()).toBe(start + 22);
  await shot(page, 'acts');

  const word = page.waitForEvent('download');
  await act.getByRole('button', { name: 'Word' }).click();
  const file = await word;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^Акт списания № ${year}-001 от \\d\\d\\.\\d\\d\\.${year}\\.docx$`));
  const xml = await (await JSZip.loadAsync(readFileSync((await file.path())!))).file('word/document.xml')!.async('string');
  const text = xml
    .replace(/<\/w:p>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\u00A0/g, ' ');
  for (const part of [
    'УТВЕРЖДАЮ',
    'А.Я. Гоберкорн',
    `№ ${year}-001`,
    'о списании печатной продукции',
    'председатель комиссии',
    'Д.А. Журавлёв',
    'Н.С. Ковалёва',
    LEAFLET,
    'три экземпляра',
    'Причина списания: ',
    'Испорчены при печати: смазан текст на обороте',
    'Председатель комиссии',
  ])
    expect(text).toContain(part);
  expect(text).not.toContain('ПРОЕКТ');

  // After a reload: the act signed, the two versions listed, the print run in the ledger.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Акты списания' })).toBeVisible();
  await expect(acts.filter({ hasText: 'Испорчены при печати' })).toContainText(`${year}-001`);
  await page.getByRole('link', { name: '← Печатная продукция' }).click();
  await page.getByRole('link', { name: LEAFLET }).click();
  await expect(page.getByRole('heading', { name: LEAFLET })).toBeVisible();
  await expect(versions).toHaveCount(2);
  await expect(history.filter({ hasText: 'Акт списания №' })).toHaveCount(1);
});
