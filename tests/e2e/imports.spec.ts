import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { apiOf, countRows, expect, openApp, test, type HostedApp } from './fixtures';

/**
 * A methodologist receives a participant list from a district — an .xlsx with a merged header,
 * or Excel's Russian CSV — and brings it into an event: the preview says what each row becomes,
 * the import writes the accepted rows at once, and the list is there after a reload. A file that
 * is not a list says why and changes nothing.
 */

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'imports');
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`imports-${name}.png`), fullPage: true });

async function seminar(request: Parameters<typeof apiOf>[0], app: HostedApp, title: string) {
  const call = apiOf(request, app);
  const types = await call<{ values: { id: number; value: string }[] }>('lists.get', { list: 'eventTypes' });
  return call('events.create', {
    typeId: types.values.find((v) => v.value === 'Семинар')!.id,
    centerRole: 'organizer',
    title,
    level: 'municipal',
    firstDay: '2024-03-12',
    lastDay: '2024-03-12',
  });
}

async function openEvent(page: Page, app: HostedApp, id: number, title: string) {
  await page.goto(new URL(`#/events/list/${id}`, app.url).href);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.getByRole('tab', { name: /^Участники/ }).click();
}

const countAll = (app: HostedApp) => countRows(app, ['people', 'event_participants', 'import_reports', 'stored_files']);

test('a participant list comes into an event from an .xlsx with a merged header and from a cp1251 CSV, with a preview and a kept report', async ({
  page,
  app,
  request,
}) => {
  test.setTimeout(120_000);
  await openApp(page, app, 'demo');
  const title = 'Семинар «Профилактика жестокого обращения с детьми»';
  const event = await seminar(request, app, title);
  await openEvent(page, app, event.id, title);

  await page.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, 'participants-merged-header.xlsx'));
  const dialog = page.getByRole('dialog', { name: /Импорт из файла/ });
  await expect(dialog.getByRole('table', { name: 'Строки файла' })).toBeVisible();
  await expect(dialog.getByLabel('Поле для столбца «ФИО. Фамилия»')).toHaveValue('Фамилия');
  await expect(dialog.getByTestId('import-counts')).toHaveText(/Совпадают с реестром: 2.*Новые: 2.*Отклонено: 2/);
  const lines = dialog.getByRole('table', { name: 'Строки файла' });
  await expect(lines.getByRole('row', { name: /Белова Анна Юрьевна.*совпадает с Белова Анна Юрьевна/ })).toBeVisible();
  await expect(
    lines.getByRole('row', { name: /Сидоров Олег Иванович.*новый человек; организации «Школа № 99» нет в реестре/ }),
  ).toBeVisible();
  await expect(lines.getByRole('row', { name: /^8 .*отклонено: тот же человек, что в строке 4/ })).toBeVisible();
  await shot(page, 'preview-xlsx');
  await dialog.getByRole('button', { name: 'Импортировать (4)' }).click();
  await expect(dialog.getByTestId('import-done')).toContainText('найдены в реестре — 2, добавлены новые — 2, отклонено — 2');
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  const participants = page.getByRole('table', { name: 'Участники и отметки' });
  await expect(participants.getByRole('row')).toHaveCount(5);

  // The district's second list, as Excel's «CSV (разделители — точка с запятой)» in a Russian Windows.
  await page.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, 'participants-cp1251.csv'));
  await expect(dialog.getByLabel('Кодировка')).toHaveValue('Windows-1251 (кириллица Windows)');
  await expect(lines.getByRole('row', { name: /Ёлкин Пётр Семёнович.*новый человек/ })).toBeVisible();
  await expect(lines.getByRole('row', { name: /Белова Анна Юрьевна.*отклонено: уже в списке участников \(№ 1\)/ })).toBeVisible();
  // Read as UTF-8 the letters break; switched back, they read again.
  await dialog.getByLabel('Кодировка').click();
  await page.getByRole('option', { name: 'UTF-8' }).click();
  await expect(dialog.getByRole('table', { name: 'Столбцы файла' })).toContainText('\ufffd');
  await dialog.getByLabel('Кодировка').click();
  await page.getByRole('option', { name: /Windows-1251/ }).click();
  await expect(lines.getByRole('row', { name: /Ёлкин Пётр Семёнович/ })).toBeVisible();
  await shot(page, 'preview-csv');
  await dialog.getByRole('button', { name: 'Импортировать (2)' }).click();
  await expect(dialog.getByTestId('import-done')).toBeVisible();
  await dialog.getByRole('button', { name: 'Закрыть' }).click();

  // After a reload: six on the list in the files' order, and both reports kept with the event.
  await page.reload();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.getByRole('tab', { name: /^Участники/ }).click();
  await expect(participants.getByRole('row')).toHaveCount(7);
  await expect(participants.getByRole('row').nth(6)).toContainText('Орлова Ирина Владимировна');
  const reports = page.getByTestId('import-reports');
  await expect(reports.getByRole('button')).toHaveCount(2);
  await reports.getByRole('button', { name: /participants-merged-header\.xlsx/ }).click();
  const report = page.getByRole('dialog', { name: /Отчёт об импорте/ });
  await expect(report).toContainText('Пропущены строки итогов: 11.');
  await expect(report.getByRole('row', { name: /^10 .*отклонено: нет фамилии или имени/ })).toBeVisible();
  await shot(page, 'report');
});

test('a file that is not a list says why in Russian and changes nothing', async ({ page, app, request }) => {
  test.setTimeout(120_000);
  await openApp(page, app, 'demo');
  const title = 'Круглый стол по профилактике';
  const event = await seminar(request, app, title);
  await openEvent(page, app, event.id, title);
  const before = countAll(app);
  await page.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, 'participants.xls'));
  const dialog = page.getByRole('dialog', { name: /Импорт из файла/ });
  await expect(dialog.getByTestId('import-refusal')).toContainText('Сохраните файл в формате .xlsx');
  await expect(dialog.getByRole('button', { name: /^Импортировать/ })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'Список участников.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync(path.join(FIXTURES, 'renamed-pdf.xlsx')),
  });
  await expect(dialog.getByTestId('import-refusal')).toContainText('Это не таблица, а PDF, хотя имя файла говорит другое.');
  await shot(page, 'refused');
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  // The refused uploads are not kept in the file store either.
  expect(countAll(app)).toEqual(before);
});
