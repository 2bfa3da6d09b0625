import type { Page } from '@playwright/test';
import { apiOf, expect, openApp, planFormId, test } from './fixtures';

// Every screen of the navigation, and a meeting's own screen, fits an old office PC's 1366×768
// screen: nothing pushes the page wider than the window (a wide table scrolls inside its own
// frame), and every list keeps its rows' actions in one menu, mounted only when it is opened.
test.use({ viewport: { width: 1366, height: 768 } });

/** The screens whose demo data has rows with actions; the others (profile, summary, export without a log yet) have none. */
const LISTS_WITH_ROWS = [
  'План работы',
  'Организации',
  'Специалисты',
  'Муниципалитеты',
  'Рабочие группы',
  'Заседания',
  'Поручения',
  'Резервные копии',
  'Списки',
  // certificates (issue 19): the demo seminar's
  'Реестр сертификатов',
  // news items (issue 24): the demo meeting's published one and the seminar's draft
  'Новости для сайта',
];

async function fitsTheWindow(page: Page, name: string) {
  await expect(page.getByLabel('Загрузка')).toHaveCount(0);
  // Let the screen's data arrive and lay out.
  await page.waitForLoadState('networkidle');
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll, `«${name}»: the page is ${widths.scroll} px wide in a ${widths.inner} px window`).toBeLessThanOrEqual(widths.inner);
}

/** Opens the first row's «…» menu: it is on screen, it is the only menu, and Escape unmounts it. */
async function opensARowMenu(page: Page, name: string, button: RegExp) {
  await expect(page.getByRole('menu'), `«${name}»: a menu is mounted before any is opened`).toHaveCount(0);
  const actions = page.getByRole('button', { name: button });
  await expect(actions.first(), `«${name}»: no row menu`).toBeVisible();
  await actions.first().scrollIntoViewIfNeeded();
  await expect(actions.first()).toBeInViewport();
  await actions.first().click();
  const menu = page.getByRole('menu');
  await expect(menu).toHaveCount(1);
  await expect(menu).toBeInViewport();
  expect(await menu.getByRole('menuitem').count()).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
}

test('every screen fits 1366×768 with the demo data, and every list opens a row menu', async ({ page, app }, testInfo) => {
  test.setTimeout(180_000);
  await openApp(page, app, 'demo');
  const navigation = page.getByRole('navigation', { name: 'Разделы' });
  const links = await navigation.getByRole('link').all();
  const names = await Promise.all(links.map((l) => l.innerText()));
  expect(names.length).toBeGreaterThan(8);
  for (const list of LISTS_WITH_ROWS) expect(names).toContain(list);
  for (const name of names) {
    await navigation.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    // The navigation marks where she is, and only there (its links re-render on a route change, the frame does not).
    await expect(navigation.locator('a[data-active]')).toHaveText([name]);
    await fitsTheWindow(page, name);
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
    if (LISTS_WITH_ROWS.includes(name)) await opensARowMenu(page, name, /^Действия: /);
  }

  // A meeting's screen: its agenda items' menus.
  await navigation.getByRole('link', { name: 'Заседания', exact: true }).click();
  await page.getByRole('table', { name: 'Заседания' }).getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { name: /^Протокол/ })).toBeVisible();
  await fitsTheWindow(page, 'Заседание');
  await page.screenshot({ path: testInfo.outputPath('meeting.png') });
  await opensARowMenu(page, 'Заседание', /^Действия с вопросом /);

  // The plan's menu in full: its entries in order, «Выше» disabled on the first row.
  await navigation.getByRole('link', { name: 'План работы', exact: true }).click();
  const first = page.getByTestId('plan-item').first();
  await first.getByRole('button', { name: /^Действия: / }).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveText(['Отметить выполнение', 'Изменить', 'Выше', 'Ниже', 'Удалить']);
  await expect(menu.getByRole('menuitem', { name: 'Выше' })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('plan-row-menu.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
});

test('a plan of 400 items renders the rows near the window, and scrolling reaches the last one and its menu', async ({
  page,
  app,
  request,
}) => {
  test.setTimeout(180_000);
  await openApp(page, app, 'empty');
  const call = apiOf(request, app);
  await call('workPlan.create', { year: 2017 });
  const formId = await planFormId(call, 'Семинар');
  for (let i = 1; i <= 400; i++) {
    await call('workPlan.createItem', {
      year: 2017,
      direction: 'educational',
      title: `Семинар номер ${i}`,
      formId,
      term: { kind: 'year' },
    });
  }
  // Made outside the window: it reads them on a new start (the window opens on the home screen).
  await page.reload();
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'План работы', exact: true }).click();
  const rows = page.getByTestId('plan-item');
  await expect(rows.first()).toContainText('Семинар номер 1');
  // Not every row is in the document: the list is virtualised.
  await expect.poll(() => rows.count()).toBeLessThan(150);
  // Scrolled to the end (rows measured on the way make the list longer than first estimated).
  const last = rows.filter({ hasText: 'Семинар номер 400' });
  await expect(async () => {
    await page.mouse.wheel(0, 20_000);
    await expect(last).toBeInViewport({ timeout: 500 });
  }).toPass({ timeout: 30_000 });
  await last.getByRole('button', { name: /^Действия: / }).click();
  await expect(page.getByRole('menu')).toBeInViewport();
  await expect(page.getByRole('menuitem', { name: 'Ниже' })).toBeDisabled();
  await page.keyboard.press('Escape');
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
});
