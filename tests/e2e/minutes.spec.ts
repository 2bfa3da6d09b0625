import Database from 'better-sqlite3';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { apiOf, expect, test } from './fixtures';

/**
 * The secretary's afternoon, counted: from the demo registry without a working group to the
 * downloaded signed minutes of a five-item meeting. The page counts its own actions — every
 * pointerdown and every keydown but the printable characters typed into text fields (a paste,
 * Ctrl+V, is one) — with listeners the page gets before it loads. The test drives the page only
 * by real clicks and keys into what has the focus (no `fill`, which would focus a field for free).
 */

const ACTION_LIMIT = 40;

declare global {
  interface Window {
    __actions: { count: number; log: string[] };
  }
}

function countActions() {
  const actions = { count: 0, log: [] as string[] };
  window.__actions = actions;
  const textual = (el: EventTarget | null) =>
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(el.type)) ||
    (el instanceof HTMLElement && el.isContentEditable);
  const name = (el: EventTarget | null) =>
    el instanceof HTMLElement ? (el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? el.tagName) : '?';
  document.addEventListener(
    'pointerdown',
    (e) => {
      actions.count++;
      actions.log.push(`click ${name(e.target)}`);
    },
    true,
  );
  document.addEventListener(
    'keydown',
    (e) => {
      if (['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'].includes(e.key)) return;
      const typing = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && textual(e.target);
      if (typing) return;
      actions.count++;
      actions.log.push(`key ${e.ctrlKey ? 'Ctrl+' : ''}${e.key}`);
    },
    true,
  );
}

const AGENDA = [
  '1. О ходе реализации плана работы сегмента №6 на 2017 год',
  '2. Об организации летнего отдыха детей, находящихся в трудной жизненной ситуации',
  '3. О работе служб сопровождения замещающих семей',
  '4. О профилактике жестокого обращения с детьми в семьях',
  '5. О плане работы рабочей группы на 2018 год',
];

/** Clicks what a person clicks: the element's own pointerdown. */
const click = async (
  page: Page,
  name: string | RegExp,
  role: 'button' | 'link' | 'tab' | 'combobox' | 'checkbox' | 'menuitem' = 'button',
) =>
  page
    .getByRole(role, { name, exact: typeof name === 'string' })
    .first()
    .click();

const type = (page: Page, text: string) => page.keyboard.type(text);

test('the secretary records, signs and downloads the minutes of a five-item meeting in at most 40 actions', async ({
  page,
  app,
  request,
  context,
}) => {
  test.setTimeout(180_000);
  // The demo registry; its working group and meetings go, so she starts without a group.
  await apiOf(request, app)('app.initialize', { mode: 'demo' });
  const db = new Database(app.dbFile);
  db.pragma('foreign_keys = ON');
  db.exec('DELETE FROM meetings; DELETE FROM working_groups;');
  db.close();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(countActions);
  await page.goto(app.url);
  await expect(page.getByRole('navigation', { name: 'Разделы' })).toBeVisible();
  const count = () => page.evaluate(() => window.__actions.count);
  expect(await count()).toBe(0);

  // The group: name typed, its genitive composed by the rule; chair, secretary and a member picked by a few letters and Enter.
  await click(page, 'Рабочие группы', 'link');
  await click(page, 'Новая группа');
  const dialog = page.getByRole('dialog', { name: 'Новая рабочая группа' });
  await expect(dialog.getByRole('textbox', { name: 'Название', exact: true })).toBeFocused();
  await type(page, 'Межрайонная рабочая группа сегмента №6');
  await expect(dialog.getByRole('textbox', { name: /родительном падеже/ })).toHaveValue('межрайонной рабочей группы сегмента №6');
  await page.screenshot({ path: test.info().outputPath('group-form.png') });
  await click(page, 'Председатель', 'combobox');
  await type(page, 'орлов');
  await expect(page.getByRole('option', { name: /Орлова Ирина Владимировна/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await click(page, 'Секретарь', 'combobox');
  await type(page, 'семёнова');
  await page.keyboard.press('Enter');
  await click(page, 'Члены группы', 'combobox');
  await type(page, 'фёдорова');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Фёдорова Елена Александровна')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Рабочие группы' })).toContainText('Орлова И.В.');
  await expect(page.getByRole('table', { name: 'Рабочие группы' })).toContainText('3 человека');

  // The meeting, from the group's row: its date, Ctrl+Enter.
  await click(page, 'Действия: Межрайонная рабочая группа сегмента №6');
  await click(page, 'Новое заседание', 'menuitem');
  await expect(page.getByRole('textbox', { name: 'Дата', exact: true })).toBeFocused();
  await type(page, '14.12.2017');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Протокол №1 от 14.12.2017' })).toBeVisible();

  // The agenda pasted whole from last year's file: five questions at once.
  await expect(page.getByRole('textbox', { name: 'Новый вопрос повестки' })).toBeFocused();
  await page.evaluate((text) => navigator.clipboard.writeText(text), AGENDA.join('\n'));
  await page.keyboard.press('Control+V');
  await expect(page.getByRole('region', { name: 'Вопрос 5' })).toContainText('5. О плане работы рабочей группы на 2018 год');
  await page.screenshot({ path: test.info().outputPath('agenda-pasted.png'), fullPage: true });

  // Each item: the speaker by a few letters and Enter, the decision, «Сохранить и следующий».
  await page.getByRole('region', { name: 'Вопрос 1' }).getByRole('button', { name: 'Изменить' }).click();
  const speakers = ['орлов', 'семён', 'фёдор', 'орлов', 'семён'];
  for (let i = 0; i < 5; i++) {
    const editor = page.getByRole('dialog', { name: `Вопрос ${i + 1}` });
    await expect(editor.getByRole('combobox', { name: 'Докладчик' })).toBeFocused();
    await type(page, speakers[i]!);
    await expect(page.getByRole('option').first()).toContainText(/Орлова|Семёнова|Фёдорова/);
    await page.keyboard.press('Enter');
    await editor.getByRole('textbox', { name: `Текст решения ${i + 1}.1` }).click();
    await type(page, i === 1 ? 'Организовать летний отдых детей' : 'Информацию принять к сведению');
    if (i === 1) {
      // The one assignment: a responsible organisation and a due date make the decision one.
      await page.keyboard.press('Tab');
      await type(page, 'опека г');
      await page.keyboard.press('Enter');
      // What she sees before she moves on: the organisation taken, as a pill.
      await expect(editor.locator('.mantine-Pill-root', { hasText: 'Опека г. Уварово' })).toBeVisible();
      await editor.getByRole('textbox', { name: 'Срок исполнения' }).click();
      await type(page, '01.03.2018');
      await page.screenshot({ path: test.info().outputPath('item-editor.png'), fullPage: true });
    }
    if (i < 4) await editor.getByRole('button', { name: 'Сохранить и следующий' }).click();
    else await page.keyboard.press('Control+Enter');
    await expect(editor).toBeHidden();
  }
  await expect(page.getByRole('region', { name: 'Вопрос 2' })).toContainText('Ответственные: Опека г. Уварово; срок: до 01.03.2018.');
  await expect(page.getByRole('region', { name: 'Вопрос 5' })).toContainText('5.1. Информацию принять к сведению');

  // Attendance: the members are offered as present; one was absent.
  await click(page, 'Участники', 'tab');
  await page.getByRole('checkbox', { name: 'Присутствовал: Фёдорова Елена Александровна' }).click();
  await click(page, 'Сохранить участников');
  await expect(page.getByText('Состав участников сохранён')).toBeVisible();

  // Held, signed, downloaded.
  await click(page, 'Провести');
  await expect(page.getByText('Проведено', { exact: true })).toBeVisible();
  await click(page, 'Подписать');
  await expect(page.getByText('Подписано', { exact: true })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await click(page, 'Скачать протокол (Word)');
  const download = await downloading;

  const actions = await page.evaluate(() => window.__actions);
  console.log(`Actions from the demo registry to the signed minutes: ${actions.count}\n  ${actions.log.join('\n  ')}`);
  await page.screenshot({ path: test.info().outputPath('signed.png'), fullPage: true });

  const { value: raw } = await mammoth.extractRawText({ path: await download.path() });
  // The document's no-break spaces (after «№», inside «Орлова И.В.»: its typography, tested with the
  // documents) read here as plain ones, and «№ 6» as the secretary typed it, «№6».
  const text = raw.replace(/[\u00a0\u202f]/g, ' ').replace(/№ /g, '№');
  expect(text).toContain('ПРОТОКОЛ');
  expect(text).toContain('заседания межрайонной рабочей группы сегмента №6');
  expect(text).toMatch(/Присутствовали: Орлова И\.В\., Семёнова О\.П\./);
  expect(text).toMatch(/Отсутствовали: Фёдорова Е\.А\./);
  for (const line of AGENDA) expect(text).toContain(line.replace(/^\d\. /, ''));
  expect(text).toMatch(/СЛУШАЛИ: Орлова И\.В\./);
  expect(text).toMatch(/СЛУШАЛИ: Фёдорова Е\.А\./);
  expect(text).toContain('1.1. Информацию принять к сведению.');
  expect(text).toContain('2.1. Организовать летний отдых детей. Ответственные: Опека г. Уварово. Срок: до 01.03.2018.');
  expect(text).toContain('5.1. Информацию принять к сведению.');

  // Kept: after a reload the minutes are signed with their five items and the assignment.
  await page.reload();
  await expect(page.getByText('Подписано', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Вопрос \d$/ })).toHaveCount(5);
  await expect(page.getByRole('region', { name: 'Вопрос 2' })).toContainText('Ответственные: Опека г. Уварово; срок: до 01.03.2018.');

  expect(actions.count, `${actions.count} actions; at most ${ACTION_LIMIT}`).toBeLessThanOrEqual(ACTION_LIMIT);
});
