import { expect, openApp, test, rowAction } from './fixtures';

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
  await rowAction(page, 'Фамилия25 Имя', 'Удалить');
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  await expect(table).toContainText('Фамилия24');
  await expect(page.getByText('Всего: 25 специалистов')).toBeVisible();
  await expect(page.getByText('Специалистов пока нет')).toHaveCount(0);
});

// A search counts no further than 1 000: above it the list says so instead of a number.
test('a search matching more than a thousand people says «более 1 000», and a narrower one counts exactly', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openApp(page, app, 'empty');
  await page.evaluate(async () => {
    const token = sessionStorage.getItem('rc-token') ?? '';
    for (let i = 0; i < 1005; i++) {
      const response = await fetch('/api/call/people.create', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-rc-token': token },
        body: JSON.stringify({ lastName: i % 2 ? `Ёлкина${i}` : `Петрова${i}`, firstName: 'Алёна', position: 'педагог-психолог' }),
      });
      if (!response.ok) throw new Error(await response.text());
    }
  });
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Специалисты' }).click();
  await expect(page.getByText('Всего: 1 005 специалистов')).toBeVisible();
  const search = page.getByLabel('Поиск');
  await search.fill('алена');
  await expect(page.getByText('Найдено более 1 000 специалистов: уточните поиск, чтобы увидеть остальные')).toBeVisible();
  // Words of one and two letters and FTS5's own syntax are plain text to the search; digits are
  // a word of their own (searchWords), so «елкина1» is every Ёлкина with a 1 in her number.
  await search.fill('елкина1 ал');
  await expect(page.getByText('Всего: 178 специалистов')).toBeVisible();
  await search.fill('педагог-психолог "');
  await expect(page.getByText('Найдено более 1 000 специалистов: уточните поиск, чтобы увидеть остальные')).toBeVisible();
  await search.fill('петрова10');
  const table = page.getByRole('table', { name: 'Специалисты' });
  await expect(table.locator('tbody tr')).toHaveCount(18);
  await expect(page.getByText('Всего: 18 специалистов')).toBeVisible();
  await page.reload();
  await page.getByLabel('Поиск').fill('Ёлкина1003');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('Ёлкина1003');
});
