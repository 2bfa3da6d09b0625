import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { apiOf, expect, openApp, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`news-${name}.png`), fullPage: true });

test('a methodologist holds a seminar, drafts its news item, edits a sentence, drafts it again keeping the edit, copies it, reloads, publishes it, finds it in the list, prints it and takes it back to draft', async ({
  page,
  app,
  request,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await openApp(page, app, 'empty');
  // The registry and the event's records have their own tests: here they are filled through the API.
  const call = apiOf(request, app);
  const uvarovo = await call('municipalities.create', { type: 'urbanOkrug', properName: 'Уварово' });
  const opeka = await call('organizations.create', {
    fullName: 'Отдел опеки и попечительства администрации города Уварово',
    type: 'guardianship',
    municipalityId: uvarovo.id,
  });
  const center = await call('organizations.create', {
    fullName: 'ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»',
    shortName: 'ТОГБУ «Центр «Доверие»',
    type: 'resourceCenter',
    municipalityId: uvarovo.id,
  });
  const speaker = await call('people.create', {
    lastName: 'Белова',
    firstName: 'Анна',
    middleName: 'Юрьевна',
    position: 'Педагог-психолог',
    organizationId: center.id,
  });
  const listener = await call('people.create', {
    lastName: 'Громова',
    firstName: 'Марина',
    middleName: 'Викторовна',
    position: 'Специалист',
    organizationId: opeka.id,
  });
  const types = await call<{ values: { id: number; value: string }[] }>('lists.get', { list: 'eventTypes' });
  const event = await call('events.create', {
    typeId: types.values.find((v) => v.value === 'Семинар')!.id,
    centerRole: 'organizer',
    // User text with markup characters: the HTML copy must show them, never take them for tags.
    title: 'Дети & семья: <профилактика>',
    level: 'municipal',
    venue: 'ТОГБУ «Центр «Доверие», актовый зал',
    municipalityId: uvarovo.id,
    firstDay: '2024-03-12',
    lastDay: '2024-03-12',
  });
  await call('participants.add', { eventId: event.id, personIds: [speaker.id], role: 'speaker' });
  await call('participants.add', { eventId: event.id, personIds: [listener.id] });
  const card = await call<{ participants: { id: number; role: string }[] }>('events.get', { id: event.id });
  for (const p of card.participants) await call('participants.update', { id: p.id, role: p.role, status: 'attended' });

  // Hold it on its card: only then is there news to tell.
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Мероприятия', exact: true }).click();
  await page.getByRole('link', { name: '12.03.2024' }).click();
  await expect(page.getByRole('heading', { name: 'Дети & семья: <профилактика>' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Новость для сайта' })).toBeDisabled();
  await page.getByRole('button', { name: 'Провести' }).click();
  await expect(page.getByRole('button', { name: 'Новость для сайта' })).toBeEnabled();
  await page.getByRole('button', { name: 'Новость для сайта' }).click();

  await expect(page.getByRole('heading', { name: 'Новость для сайта' })).toBeVisible();
  const opening = page.getByLabel('Абзац: Начало');
  await expect(opening).toContainText(
    '12 марта 2024 года на базе ТОГБУ «Центр «Доверие» состоялся семинар «Дети & семья: <профилактика>».',
  );
  await expect(page.getByLabel('Абзац: Участники')).toContainText(
    'В работе семинара приняли участие 2 специалиста – представители органа опеки и попечительства и ресурсного центра городского округа – город Уварово.',
  );
  await expect(page.getByLabel('Абзац: Выступающие')).toContainText(
    'С докладами выступила педагог-психолог ТОГБУ «Центр «Доверие» А.Ю. Белова.',
  );

  // She rewrites the opening sentence, keeping the date as a fact of the record.
  await opening.getByRole('button', { name: 'Изменить' }).click();
  await page
    .getByRole('textbox', { name: 'Текст абзаца: Начало' })
    .fill('{{Дата}} в Уварово специалисты обсудили, как вместе защищать детей.');
  await opening.getByRole('button', { name: 'Сохранить' }).click();
  await expect(opening).toContainText('12 марта 2024 года в Уварово специалисты обсудили, как вместе защищать детей.');
  await expect(page.getByLabel('Абзац: Начало').getByText('изменён вами')).toBeVisible();

  // Meanwhile a second speaker is registered: drafting again follows the record and keeps her sentence.
  const second = await call('people.create', {
    lastName: 'Соколов',
    firstName: 'Алексей',
    middleName: 'Михайлович',
    position: 'Инспектор ПДН',
    organizationId: opeka.id,
  });
  await call('participants.add', { eventId: event.id, personIds: [second.id], role: 'speaker' });
  await page.getByRole('button', { name: 'Составить заново' }).click();
  await expect(page.getByText('Новость составлена заново: ваши правки сохранены')).toBeVisible();
  await expect(opening).toContainText('12 марта 2024 года в Уварово специалисты обсудили, как вместе защищать детей.');
  const speakers = page.getByLabel('Абзац: Выступающие');
  await expect(speakers).toContainText(
    'С докладами выступили педагог-психолог ТОГБУ «Центр «Доверие» А.Ю. Белова и инспектор ПДН А.М. Соколов.',
  );
  // The changed fact is marked for her to reread.
  await expect(speakers.locator('[data-changed-figure="Выступающие"]')).toBeVisible();
  await expect(page.getByText('В тексте отмечен 1 факт, изменившийся в реестре после правки.')).toBeVisible();
  await shot(page, 'regenerated');

  // Copied for the website's editor: HTML with the user's text escaped, and the plain text beside it.
  await page.getByRole('button', { name: 'Копировать для сайта' }).click();
  await expect(page.getByText('Новость скопирована для сайта')).toBeVisible();
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return { html: await (await item!.getType('text/html')).text(), plain: await (await item!.getType('text/plain')).text() };
  });
  expect(copied.html).toContain('<h2>Семинар «Дети &amp; семья: &lt;профилактика&gt;»</h2>');
  expect(copied.html).toContain('<p>12 марта 2024 года в Уварово специалисты обсудили, как вместе защищать детей.</p>');
  expect(copied.html).not.toContain('<профилактика>');
  expect(copied.plain.split('\n\n')[0]).toBe('Семинар «Дети & семья: <профилактика>»');
  await page.getByRole('button', { name: 'Копировать как текст' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(copied.plain);

  // The Word file carries the same text.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Word' }).click();
  const file = await (await downloading).path();
  const { value: docText } = await mammoth.extractRawText({ path: file });
  expect(docText).toContain('Семинар «Дети & семья: <профилактика>»');
  expect(docText).toContain('12 марта 2024 года в Уварово специалисты обсудили, как вместе защищать детей.');

  // After a reload the edit and the mark are still there: both were saved with the event.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Новость для сайта' })).toBeVisible();
  await expect(page.getByLabel('Абзац: Начало')).toContainText(
    '12 марта 2024 года в Уварово специалисты обсудили, как вместе защищать детей.',
  );
  await expect(page.getByLabel('Абзац: Выступающие').locator('[data-changed-figure="Выступающие"]')).toBeVisible();
  await shot(page, 'reloaded');

  // She rereads the speakers' paragraph and saves it as it stands: now the item can be published.
  await speakers.getByRole('button', { name: 'Проверить' }).click();
  await speakers.getByRole('button', { name: 'Сохранить' }).click();
  await expect(speakers.locator('[data-changed-figure]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Опубликована на сайте…' }).click();
  const publishing = page.getByRole('dialog', { name: 'Новость опубликована на сайте' });
  await expect(publishing.locator('[data-autofocus]')).toBeFocused();
  await publishing.getByRole('textbox', { name: 'Дата публикации' }).fill('13.03.2024');
  await publishing.getByRole('button', { name: 'Отметить опубликованной' }).click();
  await expect(page.getByText('Опубликовано 13.03.2024')).toBeVisible();

  // The list of news items shows it published, with the seminar it tells of; a row opens the item.
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Новости для сайта', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Новости для сайта' })).toBeVisible();
  const list = page.getByRole('table', { name: 'Новости для сайта' });
  const row = list.getByRole('row').filter({ hasText: 'Дети & семья: <профилактика>' });
  await expect(row).toContainText('семинар, 12.03.2024');
  await expect(row).toContainText('Опубликовано');
  await expect(row).toContainText('13.03.2024');
  await shot(page, 'list');
  await row.getByText('Опубликовано').click();
  await expect(page.getByRole('heading', { name: 'Новость для сайта' })).toBeVisible();

  // Its print view renders the text as it went out.
  await page.getByRole('link', { name: 'Печать, PDF' }).click();
  await expect(page.getByText('12 марта 2024 года в Уварово специалисты обсудили, как вместе защищать детей.')).toBeVisible();
  await page.getByRole('link', { name: 'Назад' }).click();
  await expect(page.getByRole('heading', { name: 'Новость для сайта' })).toBeVisible();

  // Taken back from the website: one confirmation, a draft again, her text kept; after a reload too.
  await page.getByRole('button', { name: 'Снять с публикации' }).click();
  await page.getByRole('dialog', { name: 'Снять с публикации' }).getByRole('button', { name: 'Снять с публикации' }).click();
  await expect(page.getByText('Новость снята с публикации: это снова черновик')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Новость для сайта' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Опубликована на сайте…' })).toBeVisible();
  await expect(page.getByLabel('Абзац: Начало')).toContainText(
    '12 марта 2024 года в Уварово специалисты обсудили, как вместе защищать детей.',
  );
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Новости для сайта', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Новости для сайта' })).toBeVisible();
  await expect(list.getByRole('row').filter({ hasText: 'Дети & семья: <профилактика>' })).toContainText('Черновик');
});
