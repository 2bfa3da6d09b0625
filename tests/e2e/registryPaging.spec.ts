import { expect, openApp, test } from './fixtures';

// Deleting the only row of the last page used to leave the list past its end, showing
// «Специалистов пока нет» without pagination while 25 people were still there.
test('deleting the only row of the last page shows the page before it', async ({ page, app }) => {
  await openApp(page, app, 'empty');
  // 26 people through the same calls the screens use: one more than a page holds.
  await page.evaluate(async () => {
    const token = sessionStorage.getItem('rc-token') ?? '';
    for (let i = 0; i < 26; i++) {
      const response = await fetch('/api/call/people.create', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-rc-token': token },
        body: JSON.stringify({ lastName: `Фамилия${String(i).padStart(2, '0')}`, firstName: 'Имя' }),
      });
      if (!response.ok) throw new Error(await response.text());
    }
  });
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Специалисты' }).click();
  await page.getByLabel('Страницы').getByRole('button', { name: '2', exact: true }).click();
  const table = page.getByRole('table', { name: 'Специалисты' });
  await expect(table).toContainText('Фамилия25');
  await page.getByRole('button', { name: 'Удалить: Фамилия25 Имя' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  await expect(table).toContainText('Фамилия24');
  await expect(page.getByText('Всего: 25 специалистов')).toBeVisible();
  await expect(page.getByText('Специалистов пока нет')).toHaveCount(0);
});
