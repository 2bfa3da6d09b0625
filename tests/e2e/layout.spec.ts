import { expect, openApp, test } from './fixtures';

// Every screen of the navigation fits an old office PC's 1366×768 screen: nothing pushes the page
// wider than the window (a wide table scrolls inside its own frame), and the plan's rows keep their
// actions in one menu that opens.
test.use({ viewport: { width: 1366, height: 768 } });

test('every screen fits 1366×768 with the demo data, and a plan row opens its menu', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  await openApp(page, app, 'demo');
  const navigation = page.getByRole('navigation', { name: 'Разделы' });
  const links = await navigation.getByRole('link').all();
  const names = await Promise.all(links.map((l) => l.innerText()));
  expect(names.length).toBeGreaterThan(8);
  for (const name of names) {
    await navigation.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(page.getByLabel('Загрузка')).toHaveCount(0);
    // Let the screen's data arrive and lay out.
    await page.waitForLoadState('networkidle');
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(widths.scroll, `«${name}»: the page is ${widths.scroll} px wide in a ${widths.inner} px window`).toBeLessThanOrEqual(
      widths.inner,
    );
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  }

  await navigation.getByRole('link', { name: 'План работы', exact: true }).click();
  const rows = page.getByTestId('plan-item');
  await expect(rows.first()).toBeVisible();
  // One menu button per row and no menus mounted until one is opened.
  await expect(page.getByRole('menu')).toHaveCount(0);
  const first = rows.first();
  const actions = first.getByRole('button', { name: /^Действия: / });
  await expect(actions).toBeInViewport();
  await actions.click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveText(['Отметить выполнение', 'Изменить', 'Выше', 'Ниже', 'Удалить']);
  await expect(menu.getByRole('menuitem', { name: 'Выше' })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('plan-row-menu.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
});
