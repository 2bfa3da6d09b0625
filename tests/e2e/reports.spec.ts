import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Locator, Page } from '@playwright/test';
import { apiOf, expect, openApp, test } from './fixtures';

/**
 * The methodologist's annual report for the demo year (seed 003): generated from the registers,
 * a paragraph edited with a live figure, a figure changed underneath in the monitoring and the
 * report gathered again (the figure marked, approval refused until the paragraph is reread),
 * approved, kept after a reload, and downloaded as Word (built as a job, its steps on screen) whose text says what was approved.
 */

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`reports-${name}.png`), fullPage: true });
const paragraph = (page: Page, place: string): Locator => page.getByLabel(`Абзац: ${place}`, { exact: true });

test('the annual report: generate, edit a paragraph, regenerate, approve, download', async ({ page, app, request }) => {
  test.setTimeout(120_000);
  await openApp(page, app, 'demo');
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Отчёт о работе' }).click();
  await expect(page.getByRole('heading', { name: 'Отчёт о работе', level: 2 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Год' }).click();
  await page.getByRole('option', { name: '2017', exact: true }).click();
  await page.getByRole('button', { name: 'Сформировать отчёт' }).click();
  await expect(page.getByRole('heading', { name: 'Отчёт за 2017 год' })).toBeVisible();
  await expect(page.getByText('Черновик', { exact: true })).toBeVisible();
  const printed = page.getByLabel('Отчёт для печати');
  await expect(printed.getByText('– проведено 3 заседания межрайонной рабочей группы', { exact: false })).toBeVisible();
  await expect(printed.getByText('0 случаев по Мучкапскому району, в них 0 детей;', { exact: false })).toBeVisible();

  // The closing paragraph: her sentence with the year's opened cases as a field from the list.
  const closing = paragraph(page, 'Заключение');
  await closing.getByRole('button', { name: 'Изменить' }).click();
  await closing.getByRole('textbox', { name: 'Текст абзаца: Заключение' }).fill('Итогом года стали');
  await closing.getByRole('button', { name: 'Вставить число' }).click();
  await page.getByRole('menuitem', { name: 'Случаи открыты: 26 случаев' }).click();
  await expect(closing.getByRole('textbox', { name: 'Текст абзаца: Заключение' })).toHaveValue('Итогом года стали {{Случаи открыты}}');
  await closing.getByRole('textbox', { name: 'Текст абзаца: Заключение' }).press('End');
  await closing.getByRole('textbox', { name: 'Текст абзаца: Заключение' }).pressSequentially(' по сигналам школ и больниц.');
  await closing.getByRole('button', { name: 'Сохранить' }).click();
  await expect(closing.getByText('Итогом года стали 26 случаев по сигналам школ и больниц.')).toBeVisible();
  await expect(printed.getByText('Итогом года стали 26 случаев по сигналам школ и больниц.')).toBeVisible();

  // Someone corrects the year's opened cases in the monitoring; the report is gathered again.
  const call = apiOf(request, app);
  const catalogue = await call<{ id: number; name: string }[]>('indicators.catalogue', {});
  const opened = catalogue.find((i) => i.name === 'Случаи открыты')!.id;
  await call('indicators.saveSheet', {
    year: 2017,
    quarter: null,
    scope: 'segment',
    cells: [{ indicatorId: opened, municipalityId: null, text: '21' }],
    confirmed: true,
  });
  await page.getByRole('button', { name: 'Собрать заново' }).click();
  await expect(closing.getByText('Итогом года стали 21 случай по сигналам школ и больниц.')).toBeVisible();
  await expect(closing.locator('[data-changed-figure="Случаи открыты"]')).toHaveText('21 случай');
  await expect(page.getByText('Числа изменились после правки текста')).toBeVisible();
  await shot(page, 'changed');

  // Not approved while a changed figure is unread.
  await page.getByRole('button', { name: 'Утвердить' }).click();
  const approve = page.getByRole('dialog', { name: 'Утвердить отчёт за 2017 год' });
  await approve.getByRole('textbox', { name: 'Дата утверждения' }).fill('15.01.2018');
  await approve.getByRole('button', { name: 'Утвердить' }).click();
  await expect(
    approve.getByText(/Числа изменились после правки текста в абзацах: «Перед показателями мониторинга», «Заключение»/),
  ).toBeVisible();
  await approve.getByRole('button', { name: 'Отмена' }).click();
  await page.getByRole('button', { name: 'Закрыть без сохранения' }).click();
  await expect(approve).toBeHidden();

  // Reread and saved: the marks go, the report is approved.
  for (const place of ['Перед показателями мониторинга', 'Заключение']) {
    const p = paragraph(page, place);
    await p.getByRole('button', { name: 'Проверить' }).click();
    await p.getByRole('button', { name: 'Сохранить' }).click();
    await expect(p.locator('[data-changed-figure]')).toHaveCount(0);
  }
  await expect(page.getByText('Числа изменились после правки текста')).toBeHidden();
  await page.getByRole('button', { name: 'Утвердить' }).click();
  await approve.getByRole('textbox', { name: 'Дата утверждения' }).fill('15.01.2018');
  await approve.getByRole('button', { name: 'Утвердить' }).click();
  await expect(page.getByText('Утверждён 15.01.2018')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Отчёт за 2017 год' })).toBeVisible();
  await expect(page.getByText('Утверждён 15.01.2018')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Снять утверждение' })).toBeVisible();
  await expect(page.getByLabel('Абзац: Заключение', { exact: true })).toHaveCount(0);
  await shot(page, 'approved');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать (Word)' }).click();
  // Built as a job in the worker: the screen lists its steps, all done once the file is saved.
  const docx = await download;
  const steps = page.getByLabel('Формирование файла Word');
  await expect(steps.getByText('Файл сформирован: Отчёт о работе за 2017 год.docx')).toBeVisible();
  for (const step of ['Сбор данных из реестров', 'Диаграммы', 'Документ Word'])
    await expect(steps.getByRole('listitem').filter({ hasText: step })).toHaveAttribute('data-step-state', 'done');
  await shot(page, 'built');
  expect(docx.suggestedFilename()).toBe('Отчёт о работе за 2017 год.docx');
  const xml = await (await JSZip.loadAsync(readFileSync(await docx.path()))).file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
    .map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .join('\n')
    .replace(/\u00a0/g, ' ');
  expect(text).toContain('Итогом года стали 21 случай по сигналам школ и больниц.');
  expect(text).toContain('За 2017 год было открыто 21 случай, в них 51 ребёнок.');
  expect(text).toContain('Случаи открыты: 2014 – 28 случаев, 2015 – 43, 2016 – 54, 2017 – 21.');
  expect(text).toContain('А.Я. Гоберкорн');
});
