import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { countRows, expect, openApp, test } from './fixtures';

/**
 * A district sends one spreadsheet — a list of specialists with a merged two-row header and their
 * workplaces — and the methodologist brings it into the registry: first the organisations it names
 * (a new school among them), then the people, each row's verdict in the preview, all accepted rows
 * at once. After a reload she finds the new people by search, at the new school. A file that is not
 * a list says why, once, and leaves the database — and the file store — as they were.
 */

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'imports');
const LIST = path.join(FIXTURES, 'participants-merged-header.xlsx');
const TABLES = ['people', 'organizations', 'import_reports', 'stored_files'];
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`registry-import-${name}.png`), fullPage: true });

async function goTo(page: Page, section: 'Организации' | 'Специалисты') {
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: section }).click();
  await expect(page.getByRole('heading', { name: section === 'Специалисты' ? /Специалисты/ : /Организации/ }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: section })).toBeVisible();
}

async function chooseFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.locator('input[type="file"]').setInputFiles(file);
  return page.getByRole('dialog', { name: /Импорт из файла/ });
}

test('organisations and then people come into the registry from a district’s .xlsx with a merged header, found by search after a reload', async ({
  page,
  app,
}) => {
  test.setTimeout(150_000);
  await openApp(page, app, 'demo');
  const before = countRows(app, TABLES);

  // The organisations the list names: the known ones match, the school the registry lacks is new.
  await goTo(page, 'Организации');
  let dialog = await chooseFile(page, LIST);
  const lines = dialog.getByRole('table', { name: 'Строки файла' });
  // The first preview starts the import's worker thread, which a run from source bundles first:
  // on a loaded CI machine «Чтение файла…» stayed longer than the default 10 s.
  await expect(lines).toBeVisible({ timeout: 45_000 });
  await expect(dialog.getByLabel('Поле для столбца «Организация»')).toHaveValue('Полное наименование');
  // The phone and e-mail columns are the people's, not the organisations': she leaves them out.
  for (const column of ['Телефон', 'E-mail']) {
    await dialog.getByLabel(`Поле для столбца «${column}»`).click();
    await page.getByRole('option', { name: 'не загружать' }).click();
    await expect(dialog.getByLabel(`Поле для столбца «${column}»`)).toHaveValue('не загружать');
  }
  await expect(dialog.getByTestId('import-counts')).toHaveText(/Совпадают с реестром: 3.*Новые: 1.*Отклонено: 2/);
  await expect(lines.getByRole('row', { name: /^4 МБОУ СОШ №1 г\. Уварово совпадает с МБОУ СОШ №1 г\. Уварово$/ })).toBeVisible();
  await expect(lines.getByRole('row', { name: /^7 Школа № 99 новая организация \(тип «Образовательная организация»\)$/ })).toBeVisible();
  await expect(lines.getByRole('row', { name: /^6 .*отклонено: та же организация, что в строке 4$/ })).toBeVisible();
  await expect(lines.getByRole('row', { name: /^8 .*отклонено: нет наименования организации$/ })).toBeVisible();
  await shot(page, 'organizations-preview');
  await dialog.getByRole('button', { name: 'Импортировать (4)' }).click();
  await expect(dialog.getByTestId('import-done')).toContainText('найдены в реестре — 3, добавлены новые — 1, отклонено — 2');
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  await expect(dialog).toBeHidden();

  // The people of the same file: the school is in the registry now, so the new teacher gets it as her workplace.
  await goTo(page, 'Специалисты');
  dialog = await chooseFile(page, LIST);
  await expect(dialog.getByLabel('Поле для столбца «ФИО. Фамилия»')).toHaveValue('Фамилия');
  await expect(dialog.getByTestId('import-counts')).toHaveText(/Совпадают с реестром: 2.*Новые: 2.*Отклонено: 2/);
  await expect(
    lines.getByRole('row', { name: /^4 Белова Анна Юрьевна.*совпадает с Белова Анна Юрьевна, МБОУ СОШ №1 г\. Уварово$/ }),
  ).toBeVisible();
  await expect(lines.getByRole('row', { name: /^5 Елкина Надежда Васильевна.*совпадает с Ёлкина Надежда Васильевна/ })).toBeVisible();
  await expect(lines.getByRole('row', { name: /^7 Сидоров Олег Иванович, Школа № 99 новый человек, Школа № 99$/ })).toBeVisible();
  await expect(lines.getByRole('row', { name: /^8 белова анна юрьевна отклонено: тот же человек, что в строке 4$/ })).toBeVisible();
  await expect(lines.getByRole('row', { name: /^10 Кузьмин.*отклонено: нет фамилии или имени$/ })).toBeVisible();
  // Shown by verdict: the refused ones alone.
  await dialog.getByText('Отклонено (2)').click();
  await expect(lines.getByRole('row')).toHaveCount(3);
  await shot(page, 'people-preview');
  await dialog.getByRole('button', { name: 'Импортировать (4)' }).click();
  await expect(dialog.getByTestId('import-done')).toContainText('найдены в реестре — 2, добавлены новые — 2, отклонено — 2');
  await dialog.getByRole('button', { name: 'Закрыть' }).click();

  // After a reload: the new people found by search, the phone typed as a number written back as a phone.
  await page.reload();
  await goTo(page, 'Специалисты');
  const people = page.getByRole('table', { name: 'Специалисты' });
  await page.getByLabel('Поиск').fill('сидоров олег');
  await expect(people.getByRole('row')).toHaveCount(2);
  await expect(people.getByRole('row', { name: /Сидоров Олег Иванович/ })).toContainText('Школа № 99');
  await expect(people.getByRole('row', { name: /Сидоров Олег Иванович/ })).toContainText('Заместитель директора');
  await page.getByLabel('Поиск').fill('ПЕТРОВА ирина');
  await expect(people.getByRole('row', { name: /Петрова Ирина Сергеевна/ })).toContainText('МБОУ СОШ №1 г. Уварово');
  await expect(people.getByRole('row', { name: /Петрова Ирина Сергеевна/ })).toContainText('+7 (920) 111-22-33');
  await shot(page, 'people-found');
  // The report is kept with the registry.
  await expect(page.getByTestId('import-reports').getByRole('button', { name: /participants-merged-header\.xlsx/ })).toHaveCount(1);
  await goTo(page, 'Организации');
  await page.getByLabel('Поиск').fill('школа 99');
  await expect(page.getByRole('table', { name: 'Организации' }).getByRole('row', { name: /Школа № 99/ })).toBeVisible();

  // One school and two people more, two reports; the uploads used are the one file, kept by neither dialog.
  expect(countRows(app, TABLES)).toEqual({
    people: before.people! + 2,
    organizations: before.organizations! + 1,
    import_reports: before.import_reports! + 2,
    stored_files: before.stored_files! + 1,
  });
});

test('a broken file says why once, in the dialog, and leaves the registry and the file store as they were; a preview closed keeps nothing', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await openApp(page, app, 'demo');
  await goTo(page, 'Специалисты');
  const before = countRows(app, TABLES);

  let dialog = await chooseFile(page, {
    name: 'Список специалистов.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync(path.join(FIXTURES, 'renamed-pdf.xlsx')),
  });
  await expect(dialog.getByTestId('import-refusal')).toContainText('Это не таблица, а PDF, хотя имя файла говорит другое.');
  await expect(dialog.getByRole('button', { name: /^Импортировать/ })).toBeDisabled();
  // The refusal is said once: in the dialog, with no «Не загружено» notification besides.
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  await shot(page, 'refused');
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(dialog).toBeHidden();

  dialog = await chooseFile(page, path.join(FIXTURES, 'participants.xls'));
  await expect(dialog.getByTestId('import-refusal')).toContainText('Сохраните файл в формате .xlsx');
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(dialog).toBeHidden();

  // A good list previewed, then the dialog closed: nothing imported, nothing kept.
  dialog = await chooseFile(page, LIST);
  await expect(dialog.getByTestId('import-counts')).toHaveText(/Новые: 2/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.reload();
  await goTo(page, 'Специалисты');
  await page.getByLabel('Поиск').fill('сидоров олег');
  await expect(page.getByText('Ничего не найдено')).toBeVisible();
  await expect(page.getByTestId('import-reports')).toHaveCount(0);
  await expect.poll(() => countRows(app, TABLES)).toEqual(before);
});

test('a long import cancelled from its dialog writes nothing and says so; the upload is not kept', async ({ page, app }) => {
  test.setTimeout(150_000);
  await openApp(page, app, 'demo');
  await goTo(page, 'Специалисты');
  const before = countRows(app, TABLES);
  // A region's whole list: 60,000 new names, long enough to be stopped while it runs (20,000 were
  // written in about a second once the run reused its preview's registry indexes).
  const letters = 'абвгдежзик';
  const rows = Array.from(
    { length: 60_000 },
    (_, i) => `Отменённая${[...String(i)].map((d) => letters[Number(d)]).join('')};Анна;Петровна`,
  );
  const dialog = await chooseFile(page, {
    name: 'Список области.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`Фамилия;Имя;Отчество\n${rows.join('\n')}\n`, 'utf8'),
  });
  await expect(dialog.getByTestId('import-counts')).toHaveText(/Новые: 60000/, { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Импортировать (60000)' }).click();
  await dialog.getByRole('button', { name: 'Отменить импорт' }).click();
  await expect(dialog.getByTestId('import-cancelled')).toContainText('ни одна строка файла не записана', { timeout: 30_000 });
  await shot(page, 'cancelled');
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  await goTo(page, 'Специалисты');
  await page.getByLabel('Поиск').fill('отменённая');
  await expect(page.getByText('Ничего не найдено')).toBeVisible();
  await expect.poll(() => countRows(app, TABLES)).toEqual(before);
});
