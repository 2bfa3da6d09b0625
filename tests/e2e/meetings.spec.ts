import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { apiOf, expect, fillDate, openApp, pick, planFormId, rowAction, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`meetings-${name}.png`), fullPage: true });

test('a secretary records a meeting from the plan, signs it, downloads the minutes, and the next meeting shows the open assignment', async ({
  page,
  app,
  request,
}) => {
  // The longest journey through the UI (40 s alone); a full run on the shared 2-core machine took it past 60 s.
  test.setTimeout(120_000);
  await openApp(page, app, 'empty');
  // The registry and the work plan have their own screens and tests: here they are filled through the API.
  const call = apiOf(request, app);
  await call('center.saveProfile', {
    fullName: 'ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»',
    shortName: 'ТОГБУ «Центр «Доверие»',
  });
  const org = await call('organizations.create', {
    fullName: 'Отдел опеки и попечительства администрации г. Уварово',
    shortName: 'Отдел опеки г. Уварово',
    type: 'guardianship',
  });
  await call('people.create', {
    lastName: 'Дорожкина',
    firstName: 'Ирина',
    middleName: 'Васильевна',
    position: 'заместитель главы администрации',
    organizationId: org.id,
  });
  await call('people.create', { lastName: 'Попова', firstName: 'Людмила', middleName: 'Александровна', position: 'социальный педагог' });
  await call('people.create', { lastName: 'Иванов', firstName: 'Пётр', middleName: 'Сергеевич', position: 'инспектор ПДН' });
  await call('workPlan.create', { year: 2017 });
  await call('workPlan.createItem', {
    year: 2017,
    direction: 'organizational',
    title: 'Заседание рабочей группы сегмента №6',
    formId: await planFormId(call, 'Заседание'),
    term: { kind: 'month', month: 9 },
  });

  const nav = page.getByRole('navigation', { name: 'Разделы' });

  // The working group.
  await nav.getByRole('link', { name: 'Рабочие группы' }).click();
  await page.getByRole('button', { name: 'Новая группа' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Название', exact: true }).fill('Межрайонная рабочая группа сегмента №6');
  await dialog.getByLabel('Название в родительном падеже (для заголовка протокола)').fill('межрайонной рабочей группы сегмента №6');
  await pick(page, dialog, 'Председатель', 'дорож', /Дорожкина/);
  await pick(page, dialog, 'Секретарь', 'попов', /Попова/);
  await pick(page, dialog, 'Члены группы', 'иван', /Иванов/, true);
  // The quorum rule and the case file the 2017 minutes are kept in (номенклатура дел).
  await expect(dialog.getByRole('combobox', { name: 'Кворум' })).toHaveValue('не менее половины членов');
  await dialog.getByRole('button', { name: 'Добавить год' }).click();
  await dialog.getByRole('textbox', { name: /^Год/ }).fill('2017');
  await dialog.getByRole('textbox', { name: 'Индекс дела за 2017 год' }).fill('01-07');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Рабочие группы' })).toContainText('Дорожкина И.В.');
  await expect(page.getByRole('table', { name: 'Рабочие группы' })).toContainText('3 человека');
  await shot(page, 'groups');

  // A meeting that realises the plan item.
  await nav.getByRole('link', { name: 'Заседания', exact: true }).click();
  await page.getByRole('button', { name: 'Новое заседание' }).click();
  dialog = page.getByRole('dialog');
  await fillDate(dialog, 'Дата', '12.09.2017');
  await dialog.getByLabel('Населённый пункт').fill('г. Уварово');
  await dialog.getByLabel('Время').fill('10:00');
  await dialog.getByRole('combobox', { name: /Мероприятие плана работы/ }).click();
  await page.getByRole('option', { name: /Заседание рабочей группы сегмента №6/ }).click();
  await expect(dialog.getByRole('textbox', { name: 'Номер' })).toHaveAttribute('placeholder', '1 (автоматически)');
  await shot(page, 'new-meeting');
  await dialog.getByRole('button', { name: 'Создать заседание' }).click();
  await expect(page.getByRole('heading', { name: 'Протокол №1 от 12.09.2017' })).toBeVisible();

  // Attendance: the members are offered as present.
  await page.getByRole('tab', { name: 'Участники' }).click();
  await expect(page.getByRole('checkbox', { name: 'Присутствовал: Иванов Пётр Сергеевич' })).toBeChecked();
  await page.getByRole('button', { name: 'Сохранить участников' }).click();
  await expect(page.getByText('Состав участников сохранён')).toBeVisible();

  // Two agenda items with decisions, the second with an assignment.
  await page.getByRole('tab', { name: 'Повестка и решения' }).click();
  await page.getByRole('button', { name: 'Добавить вопрос подробно' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Вопрос повестки').fill('Об итогах работы сегмента №6 за первое полугодие 2017 года');
  await pick(page, dialog, 'Докладчик', 'дорож', /Дорожкина/);
  await dialog.getByLabel('Краткое содержание доклада').fill('Реализованы все намеченные мероприятия');
  // The decision's field is there from the start.
  await dialog.getByLabel('Текст решения 1.1').fill('Информацию принять к сведению');
  await dialog.getByRole('button', { name: 'Сохранить вопрос' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Добавить вопрос подробно' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Вопрос повестки').fill('О заключении договоров о сотрудничестве с представителями бизнес-сообщества');
  await pick(page, dialog, 'Докладчик', 'попов', /Попова/);
  await dialog.getByLabel('Текст решения 2.1').fill('Продолжить работу по заключению договоров');
  // Someone responsible and a term make the decision an assignment under control.
  await pick(page, dialog, 'Ответственные организации', 'опек', /Отдел опеки/, true);
  // A due date before the meeting is refused in Russian, and nothing is saved.
  await fillDate(dialog, 'Срок исполнения', '01.09.2017');
  await dialog.getByRole('button', { name: 'Сохранить вопрос' }).click();
  await expect(page.getByText('Срок исполнения решения 2.1 (01.09.2017) раньше даты заседания (12.09.2017).')).toBeVisible();
  await fillDate(dialog, 'Срок исполнения', '01.12.2017');
  await shot(page, 'item-editor');
  await dialog.getByRole('button', { name: 'Сохранить вопрос' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Вопрос 2' })).toContainText('2.1. Продолжить работу по заключению договоров');
  await expect(page.getByRole('region', { name: 'Вопрос 2' })).toContainText('Отдел опеки г. Уварово');

  // Hold: the minutes are a draft, «ПРОЕКТ» on the print view; an extract is refused until signed.
  await page.getByRole('button', { name: 'Провести' }).click();
  await expect(page.getByText('Проведено', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Документы' }).click();
  await expect(page.getByText('Протокол не подписан: документы с отметкой «ПРОЕКТ»')).toBeVisible();
  await page.getByRole('menuitem', { name: 'Протокол полный — печать, PDF' }).click();
  await expect(page.getByRole('article', { name: 'Документ для печати' }).getByLabel('Отметка «Проект»')).toHaveText('ПРОЕКТ');
  await page.getByRole('link', { name: 'Назад' }).click();
  await page.getByRole('button', { name: 'Действия с вопросом 2' }).click();
  await page.getByRole('menuitem', { name: 'Выписка из протокола (Word)' }).click();
  await expect(page.getByText(/Выписка из протокола делается только из подписанного протокола/)).toBeVisible();
  // The register does not count the unsigned decision yet, and says so.
  await nav.getByRole('link', { name: 'Поручения' }).click();
  await expect(page.getByLabel('Только подписанные протоколы')).toContainText(
    'Показаны поручения только из подписанных протоколов. Ещё 1 поручение в 1 неподписанном протоколе появятся здесь после подписания.',
  );
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Протокол №1 от 12.09.2017' })).toBeVisible();

  // Sign; the signed minutes are locked.
  await page.getByRole('button', { name: 'Подписать' }).click();
  await expect(page.getByText('Подписано', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Добавить вопрос' })).toHaveCount(0);
  await shot(page, 'signed');

  // The minutes download as Word and read correctly.
  await page.getByRole('button', { name: 'Документы' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Протокол полный (Word)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Протокол № 1 от 12.09.2017 – Межрайонная рабочая группа сегмента №6.docx');
  const text = (await mammoth.extractRawText({ path: await download.path() })).value.replace(/\u00A0/g, ' ');
  expect(text).toContain('ПРОТОКОЛ');
  expect(text).toContain('заседания межрайонной рабочей группы сегмента № 6');
  expect(text).toContain('Присутствовали: Дорожкина И.В., Иванов П.С., Попова Л.А. (всего 3 человека).');
  expect(text).toContain('Присутствуют 3 из 3 членов (кворум – не менее половины членов). Кворум имеется.');
  expect(text).not.toContain('ПРОЕКТ');
  expect(text).toContain('1.1. Информацию принять к сведению.');
  expect(text).toContain('2.1. Продолжить работу по заключению договоров. Ответственные: Отдел опеки г. Уварово. Срок: до 01.12.2017.');

  // The same minutes as a print view, printed to PDF by Chromium: A4, the requisites in order.
  await page.getByRole('button', { name: 'Документы' }).click();
  await page.getByRole('menuitem', { name: 'Протокол полный — печать, PDF' }).click();
  const printed = page.getByRole('article', { name: 'Документ для печати' });
  await expect(printed).toContainText('ПРОТОКОЛ');
  await expect(printed.getByLabel('Отметка «Проект»')).toHaveCount(0);
  await shot(page, 'print');
  const pdfFile = test.info().outputPath('minutes.pdf');
  await page.pdf({ path: pdfFile, preferCSSPageSize: true });
  expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
  const pdfText = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/[\s\u00A0]+/g, ' ');
  const order = [
    'ТОГБУ «Центр по оказанию',
    'ПРОТОКОЛ',
    '12.09.2017',
    'г. Уварово',
    'заседания межрайонной рабочей группы сегмента № 6',
    'Председатель – И.В. Дорожкина',
    'ПОВЕСТКА ДНЯ',
    'РЕШИЛИ:',
    '2.1. Продолжить работу',
    'Секретарь',
  ];
  let at = -1;
  for (const fragment of order) {
    const next = pdfText.indexOf(fragment, at + 1);
    expect(next, `«${fragment}» in order`).toBeGreaterThan(at);
    at = next;
  }
  await page.getByRole('link', { name: 'Назад' }).click();
  await expect(page.getByRole('heading', { name: 'Протокол №1 от 12.09.2017' })).toBeVisible();

  // Signed: the extract for the responsible organisation, certified, with where the original is kept.
  await page.getByRole('button', { name: 'Действия с вопросом 2' }).click();
  const extracting = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Выписка для «Отдел опеки г. Уварово» (Word)' }).click();
  const extract = await extracting;
  expect(extract.suggestedFilename()).toBe('Выписка из протокола № 1 от 12.09.2017, вопрос 2 – Отдел опеки г. Уварово.docx');
  const extractText = (await mammoth.extractRawText({ path: await extract.path() })).value.replace(/\u00A0/g, ' ');
  expect(extractText).toContain('Верно');
  expect(extractText).toContain('Подлинник документа находится в ТОГБУ «Центр «Доверие» в деле № 01-07 за 2017 год.');

  // Unlocking asks for a reason, which stays with the meeting; then it is signed again.
  await page.getByRole('button', { name: 'Снять подпись' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Снять подпись' }).click();
  await expect(dialog.getByText('Заполните поле «Причина»')).toBeVisible();
  await dialog.getByLabel('Причина').fill('Опечатка в должности докладчика');
  await dialog.getByRole('button', { name: 'Снять подпись' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Подпись снималась')).toBeVisible();
  await expect(page.getByText(/Опечатка в должности докладчика/)).toBeVisible();
  await page.getByRole('button', { name: 'Подписать' }).click();
  await expect(page.getByText('Подписано', { exact: true })).toBeVisible();

  // The plan item shows done by the meeting held, named beside it; nothing is written into its note.
  const items = await call<{ status: string; resultNote: string; realisations: { label: string }[] }[]>('workPlan.items', { year: 2017 });
  expect(items[0]).toMatchObject({ status: 'done', resultNote: '', realisations: [{ label: 'заседание №1 от 12.09.2017' }] });

  // The next meeting shows the open assignment under control.
  await nav.getByRole('link', { name: 'Заседания', exact: true }).click();
  await page.getByRole('button', { name: 'Новое заседание' }).click();
  dialog = page.getByRole('dialog');
  await fillDate(dialog, 'Дата', '05.12.2017');
  await dialog.getByRole('button', { name: 'Создать заседание' }).click();
  await expect(page.getByRole('heading', { name: 'Протокол №2 от 05.12.2017' })).toBeVisible();
  await expect(page.getByText('На контроле 1 поручение предыдущих заседаний')).toBeVisible();
  await expect(page.getByText(/2\.1 \(протокол №1 от 12\.09\.2017\): Продолжить работу по заключению договоров/)).toBeVisible();
  await page.getByRole('button', { name: 'Добавить вопрос «О ходе исполнения решений предыдущих заседаний»' }).click();
  await expect(page.getByRole('region', { name: 'Вопрос 1' })).toContainText('О ходе исполнения решений предыдущих заседаний');
  await shot(page, 'next-meeting');

  // The assignment register marks it done.
  await nav.getByRole('link', { name: 'Поручения' }).click();
  await expect(page.getByRole('table', { name: 'Поручения' })).toContainText('Продолжить работу по заключению договоров');
  // The organisation's list: issued under the year's next number, signed by the director.
  await pick(page, page.locator('body'), 'Организация', 'опек', /Отдел опеки/);
  const listing = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Перечень поручений организации (Word)' }).click();
  const list = await listing;
  expect(list.suggestedFilename()).toMatch(/^Перечень поручений на контроле № 1 от \d\d\.\d\d\.\d{4} – Отдел опеки г\. Уварово\.docx$/);
  const listText = (await mammoth.extractRawText({ path: await list.path() })).value.replace(/\u00A0/g, ' ');
  expect(listText).toContain('Продолжить работу по заключению договоров');
  await page.getByRole('combobox', { name: 'Организация' }).clear();
  await rowAction(page, /^Действия: п\. /, 'Отметить исполненным');
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Как исполнено').fill('Заключено 2 договора');
  await fillDate(dialog, 'Дата', '20.11.2017');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Поручений с такими условиями нет.')).toBeVisible();
  await page.getByText('Исполненные').click();
  await expect(page.getByRole('table', { name: 'Поручения' })).toContainText('Отметка: Заключено 2 договора');
  await shot(page, 'assignments');
});

test.describe('in Vladivostok', () => {
  test.use({ timezoneId: 'Asia/Vladivostok' });

  test('the editor dates the signature by the local calendar: signed at 08:30 on 13.09 reads 13.09.2017', async ({
    page,
    app,
    request,
  }) => {
    await openApp(page, app, 'empty');
    const call = apiOf(request, app);
    const chair = await call('people.create', { lastName: 'Дорожкина', firstName: 'Ирина', middleName: 'Васильевна' });
    const secretary = await call('people.create', { lastName: 'Попова', firstName: 'Людмила', middleName: 'Александровна' });
    const group = await call('workingGroups.create', {
      name: 'Межрайонная рабочая группа',
      nameGenitive: 'межрайонной рабочей группы',
      chairId: chair.id,
      secretaryId: secretary.id,
      memberIds: [chair.id, secretary.id],
    });
    const m = await call('meetings.create', { groupId: group.id, kind: 'session', dateStart: '2017-09-12' });
    await call('meetings.setAttendance', {
      meetingId: m.id,
      attendees: [chair.id, secretary.id].map((personId) => ({ personId, present: true })),
      guestIds: [],
    });
    await call('agenda.create', { meetingId: m.id, data: { title: 'О плане работы' } });
    await call('meetings.hold', { id: m.id });
    await call('meetings.sign', { id: m.id });
    // The moment of signing as stored (UTC): 22:30 on the 12th is 08:30 on the 13th in Vladivostok.
    const db = new Database(app.dbFile);
    db.prepare("UPDATE meetings SET signed_at = '2017-09-12T22:30:00.000Z' WHERE id = ?").run(m.id);
    db.close();

    await page.goto(`${app.url.split('#')[0]}#/meetings/list/${m.id}`);
    await expect(page.getByText('Протокол подписан')).toBeVisible();
    await expect(page.getByText(/какими были при подписании 13\.09\.2017:/)).toBeVisible();
  });
});
