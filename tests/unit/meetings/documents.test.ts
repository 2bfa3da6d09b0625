import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentCatalog } from '@main/services/exchange/catalog';
import { freshApi, organization, person, segmentGroup, type Api } from './helpers';

/**
 * The documents are checked from the files: the DOCX's own XML for the page set-up, and the
 * text a second client (LibreOffice → PDF → pdftotext) reads out of it.
 */

let api: Api;
let s: Awaited<ReturnType<typeof segmentGroup>>;
let meetingId: number;
const out = process.env.MEETINGS_DOC_DIR ?? path.join(process.env.TMPDIR ?? '/tmp', 'meetings-doc-test');

beforeEach(async () => {
  api = freshApi();
  s = await segmentGroup(api);
  const guest = await person(api, 'Абрамова', 'Ольга', 'Ивановна', { position: 'директор МБОУ СОШ №1' });
  const m = await api.call('meetings.create', {
    groupId: s.group.id,
    kind: 'session',
    dateStart: '2017-09-12',
    time: '10:00',
    town: 'г. Уварово',
    address: 'ул. Советская, 1',
  });
  meetingId = m.id;
  await api.call('meetings.setAttendance', {
    meetingId,
    attendees: [
      { personId: s.secretary, present: true },
      { personId: s.member2, present: true },
      { personId: s.member1, present: true },
      { personId: s.chair, present: true },
    ],
    guestIds: [guest],
  });
  await api.call('agenda.create', {
    meetingId,
    data: {
      title: 'Об итогах работы сегмента №6 за первое полугодие 2017 года',
      speakers: [{ personId: s.chair }],
      plannedMinutes: 15,
      heardText: 'За полугодие реализованы все намеченные мероприятия',
      discussion: [{ personId: s.member2, text: 'Предложил расширить взаимодействие с образовательными организациями' }],
      decisions: [
        { text: 'Информацию принять к сведению', votesFor: 4, votesAgainst: 0, votesAbstained: 0 },
        { text: 'Продолжить межведомственное взаимодействие', assignment: { organizationIds: [s.org], dueDate: '2017-12-01' } },
      ],
    },
  });
  await api.call('agenda.create', {
    meetingId,
    data: {
      title: 'О наполнении сборника «Что написано пером...»',
      speakers: [{ personId: null, name: 'Гоберкорн А.Я., директор ТОГБУ «Центр «Доверие»' }],
      reportAttached: true,
      decisions: [{ text: 'Подготовить материалы для сборника', assignment: { personIds: [s.member1], permanent: true } }],
    },
  });
  await api.call('meetings.hold', { id: meetingId });
});
afterEach(() => api.cleanup());

async function docxXml(base64: string) {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const read = (name: string) => zip.file(name)!.async('string');
  const names = Object.keys(zip.files);
  return { zip, names, document: await read('word/document.xml'), styles: await read('word/styles.xml'), read };
}

function pdfText(fileName: string, base64: string, layout = true): string {
  mkdirSync(out, { recursive: true });
  const file = path.join(out, fileName);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'ignore', timeout: 120_000 });
  const pdf = file.replace(/\.docx$/, '.pdf');
  // Without -layout a table reads cell by cell, which keeps a wrapped cell's words together.
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'], { encoding: 'utf8' });
}

/** Asserts the fragments occur in this order in the text. */
function expectInOrder(text: string, fragments: string[]) {
  let at = -1;
  for (const f of fragments) {
    const next = text.indexOf(f, at + 1);
    expect(next, `«${f}» after position ${at}`).toBeGreaterThan(at);
    at = next;
  }
}

describe('minutes (протокол)', () => {
  it('has A4 portrait, ГОСТ margins, Times New Roman 14, 1.25 cm indent and page numbers from page 2', async () => {
    const file = await api.call('meetings.minutesDocx', { id: meetingId, form: 'full' });
    expect(file.fileName).toBe('Протокол №1 от 12.09.2017 – Межрайонная рабочая группа сегмента №6.docx');
    const { document, styles, read, names } = await docxXml(file.base64);
    const pgSz = document.match(/<w:pgSz [^>]*\/>/)![0];
    expect(pgSz).toContain('w:w="11906"');
    expect(pgSz).toContain('w:h="16838"');
    expect(pgSz).not.toContain('landscape');
    const pgMar = document.match(/<w:pgMar [^>]*\/>/)![0];
    expect(pgMar).toMatch(/w:left="1701"/);
    expect(pgMar).toMatch(/w:right="567"/);
    expect(pgMar).toMatch(/w:top="1134"/);
    expect(pgMar).toMatch(/w:bottom="1134"/);
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
    expect(styles).toMatch(/<w:ind w:firstLine="709"\/>/);
    // A different first page whose header is empty; the default header carries the PAGE field, centred.
    expect(document).toContain('<w:titlePg/>');
    const firstRef = document.match(/<w:headerReference w:type="first" r:id="(\w+)"\/>/)![1];
    const defaultRef = document.match(/<w:headerReference w:type="default" r:id="(\w+)"\/>/)![1];
    const rels = await read('word/_rels/document.xml.rels');
    const target = (id: string) =>
      rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`))![1]!;
    const defaultHeader = await read(`word/${target(defaultRef!)}`);
    const firstHeader = await read(`word/${target(firstRef!)}`);
    expect(defaultHeader).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(defaultHeader).toContain('<w:jc w:val="center"/>');
    expect(firstHeader).not.toContain('PAGE');
    expect(names).toContain('word/document.xml');
  });

  it('reads, in a second client, the requisites and the body in the order of ГОСТ Р 7.0.97-2016', async () => {
    const file = await api.call('meetings.minutesDocx', { id: meetingId, form: 'full' });
    // pdftotext closes up «№ 1» to «№1»; spaces are compared loosely.
    const layout = pdfText('minutes-full.docx', file.base64);
    const text = layout.replace(/\s+/g, ' ').replace(/№ (\d)/g, '№$1');
    expectInOrder(text, [
      'Тамбовское областное государственное бюджетное учреждение',
      'Межрайонная рабочая группа сегмента №6',
      'ПРОТОКОЛ',
      '12.09.2017',
      '№1',
      'г. Уварово',
      'заседания межрайонной рабочей группы сегмента №6',
      'Председатель — И.В. Дорожкина',
      'Секретарь — Л.А. Попова',
      // Russian alphabetical order, ё sorted with е.
      'Присутствовали: Дорожкина И.В., Ёлкина А.П., Иванов П.С., Попова Л.А.',
      'Приглашённые:',
      'Абрамова О.И. – директор МБОУ СОШ №1',
      'ПОВЕСТКА ДНЯ:',
      '1. Об итогах работы сегмента №6',
      '2. О наполнении сборника',
      '1. Об итогах работы сегмента №6',
      'СЛУШАЛИ: Дорожкина И.В., заместитель главы администрации, Отдел опеки г. Уварово. За полугодие',
      'ВЫСТУПИЛИ:',
      'Иванов П.С., инспектор ПДН – Предложил расширить',
      'РЕШИЛИ:',
      '1.1. Информацию принять к сведению. Голосовали: «за» – 4, «против» – 0, «воздержались» – 0.',
      '1.2. Продолжить межведомственное взаимодействие. Ответственные: Отдел опеки г. Уварово. Срок: до 01.12.2017.',
      '2. О наполнении сборника',
      'Текст доклада прилагается.',
      '2.1. Подготовить материалы для сборника. Ответственные: Ёлкина А.П. Срок: постоянно.',
      'Председатель',
      'И.В. Дорожкина',
      'Секретарь',
      'Л.А. Попова',
    ]);
    // Signatures: the name is pushed to the right margin by a right tab stop.
    expect(layout).toMatch(/Председатель {10,}И\.В\. Дорожкина/);
  });

  it('numbers the pages from the second one, centred at the top', async () => {
    for (let i = 3; i <= 13; i++) {
      await api.call('agenda.create', {
        meetingId,
        data: {
          title: `О вопросе номер ${i}`,
          speakers: [{ personId: s.secretary }],
          heardText: 'Доложено о выполненной работе. '.repeat(12),
          decisions: [{ text: 'Принять к сведению' }],
        },
      });
    }
    const file = await api.call('meetings.minutesDocx', { id: meetingId, form: 'full' });
    pdfText('minutes-13.docx', file.base64);
    const page = (n: number) =>
      execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), path.join(out, 'minutes-13.pdf'), '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(out, 'minutes-13.pdf')], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(2);
    expect(page(1).trimStart().startsWith('Тамбовское областное')).toBe(true);
    for (let n = 2; n <= pages; n++) {
      const firstLine = page(n)
        .split('\n')
        .find((l) => l.trim() !== '')!;
      expect(firstLine.trim()).toBe(String(n));
      // Centred: the number stands well inside the line, not at its left edge.
      expect(firstLine.indexOf(String(n))).toBeGreaterThan(20);
    }
  });

  it('replaces a long attendee list by a count and attaches the list (threshold is a setting)', async () => {
    expect(await api.call('meetings.getSettings', {})).toEqual({ attendeeThreshold: 15 });
    await api.call('meetings.saveSettings', { attendeeThreshold: 3 });
    const file = await api.call('meetings.minutesDocx', { id: meetingId, form: 'full' });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') });
    expect(value).toContain('Присутствовали: 4 человека (список прилагается).');
    expectInOrder(value, [
      'Секретарь',
      'Приложение к протоколу от 12.09.2017 № 1',
      'СПИСОК ПРИСУТСТВОВАВШИХ',
      '1. Дорожкина Ирина Васильевна',
      '2. Ёлкина Анна Петровна',
      '3. Иванов Пётр Сергеевич',
      '4. Попова Людмила Александровна',
    ]);
    await api.call('meetings.saveSettings', { attendeeThreshold: 4 });
    const atThreshold = await api.call('meetings.minutesDocx', { id: meetingId, form: 'full' });
    const plain = (await mammoth.extractRawText({ buffer: Buffer.from(atThreshold.base64, 'base64') })).value;
    expect(plain).toContain('Присутствовали: Дорожкина И.В., Ёлкина А.П., Иванов П.С., Попова Л.А.');
    expect(plain).not.toContain('СПИСОК ПРИСУТСТВОВАВШИХ');
  });

  it('lists as absent only those recorded absent, not members who joined the group later', async () => {
    const newcomer = await person(api, 'Яковлева', 'Мария', 'Олеговна');
    await api.call('meetings.setAttendance', {
      meetingId,
      attendees: [
        { personId: s.chair, present: true },
        { personId: s.secretary, present: true },
        { personId: s.member1, present: false, absenceReason: 'отпуск' },
      ],
      guestIds: [],
    });
    await api.call('workingGroups.update', {
      id: s.group.id,
      data: {
        name: s.group.name,
        nameGenitive: s.group.nameGenitive,
        chairId: s.chair,
        secretaryId: s.secretary,
        memberIds: [s.member1, s.member2, newcomer],
      },
    });
    const file = await api.call('meetings.minutesDocx', { id: meetingId, form: 'full' });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') });
    expect(value).toContain('Присутствовали: Дорожкина И.В., Попова Л.А.');
    expect(value).toContain('Отсутствовали: Ёлкина А.П. (отпуск).');
    expect(value).not.toContain('Яковлева');
    expect(value).not.toContain('Иванов П.С. (');
  });

  it('short form keeps items, speakers and decisions but not the summaries and votes', async () => {
    const file = await api.call('meetings.minutesDocx', { id: meetingId, form: 'short' });
    expect(file.fileName).toBe('Протокол №1 от 12.09.2017 (краткий) – Межрайонная рабочая группа сегмента №6.docx');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') });
    expectInOrder(value, [
      'ПРОТОКОЛ',
      'СЛУШАЛИ: Дорожкина И.В.',
      'ВЫСТУПИЛИ: Иванов П.С.',
      '1.1. Информацию принять к сведению.',
      '1.2. Продолжить',
    ]);
    expect(value).not.toContain('За полугодие реализованы');
    expect(value).not.toContain('Голосовали');
  });
});

describe('other documents', () => {
  it('agenda lists items with speakers and planned minutes', async () => {
    const file = await api.call('meetings.agendaDocx', { id: meetingId });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') });
    expectInOrder(value, [
      'ПОВЕСТКА ДНЯ',
      'заседания межрайонной рабочей группы сегмента №6 № 1',
      'Дата и время: 12.09.2017, начало в 10:00',
      'Место проведения: г. Уварово, ул. Советская, 1',
      '1. Об итогах',
      'Докладчик: Дорожкина И.В.',
      '(15 мин.)',
      '2. О наполнении',
    ]);
  });

  it('extract keeps the item’s original number and is certified «Верно»', async () => {
    const detail = await api.call('meetings.get', { id: meetingId });
    const file = await api.call('meetings.extractDocx', { itemId: detail.items[1]!.id });
    expect(file.fileName).toBe('Выписка из протокола №1 от 12.09.2017, вопрос 2 – Межрайонная рабочая группа сегмента №6.docx');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') });
    expectInOrder(value, [
      'ВЫПИСКА ИЗ ПРОТОКОЛА',
      '12.09.2017',
      '№ 1',
      'Председатель — И.В. Дорожкина',
      'Присутствовали: 4 человека.',
      '2. О наполнении сборника',
      'СЛУШАЛИ:',
      '2.1. Подготовить материалы',
      'Верно',
      'Секретарь',
      'Л.А. Попова',
      'социальный педагог',
    ]);
    expect(value).not.toContain('Об итогах работы');
  });

  it('extract for one organisation is addressed to it and keeps only the decisions assigned to it or to its people', async () => {
    const detail = await api.call('meetings.get', { id: meetingId });
    const file = await api.call('meetings.extractDocx', { itemId: detail.items[0]!.id, organizationId: s.org });
    expect(file.fileName).toBe('Выписка из протокола №1 от 12.09.2017, вопрос 1 – Отдел опеки г. Уварово.docx');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') });
    expectInOrder(value, [
      'Отдел опеки и попечительства администрации г. Уварово',
      'ВЫПИСКА ИЗ ПРОТОКОЛА',
      '1. Об итогах работы',
      'РЕШИЛИ:',
      '1.2. Продолжить межведомственное взаимодействие',
      'Верно',
    ]);
    expect(value).not.toContain('Информацию принять к сведению');

    // Item 2 assigns work to a person of the organisation, not to the organisation itself.
    const byPerson = await api.call('meetings.extractDocx', { itemId: detail.items[1]!.id, organizationId: s.org });
    const personText = (await mammoth.extractRawText({ buffer: Buffer.from(byPerson.base64, 'base64') })).value;
    expect(personText).toContain('2.1. Подготовить материалы для сборника');

    const other = await organization(api, 'МБОУ СОШ №1 г. Уварово');
    const refused = await api.refusal('meetings.extractDocx', { itemId: detail.items[0]!.id, organizationId: other });
    expect(refused.message).toBe('В вопросе 1 нет поручений организации «МБОУ СОШ №1 г. Уварово»: выписка для неё не нужна');
  });

  it('registration sheet has the five columns, a repeated header, members and guests and blank signature cells', async () => {
    const file = await api.call('meetings.registrationSheetDocx', { id: meetingId });
    const { document } = await docxXml(file.base64);
    expect(document).toContain('<w:tblHeader/>');
    const text = pdfText('registration.docx', file.base64, false).replace(/\s+/g, ' ');
    expectInOrder(text, [
      'ЛИСТ РЕГИСТРАЦИИ',
      'участников заседания межрайонной рабочей группы сегмента №6',
      '№',
      'Фамилия, имя, отчество',
      'Организация',
      'Должность',
      'Абрамова Ольга Ивановна',
      'Дорожкина Ирина',
      'Ёлкина Анна',
      'Иванов Пётр',
      'Попова Людмила',
    ]);
    expect(text).toContain('Подпись');
    const rows = document.split('<w:tr>').length - 1 || document.split('<w:tr ').length - 1;
    // Header + 5 people + 5 blank rows.
    expect(rows).toBe(11);
  });

  it('assignment list per organisation names its open assignments with the minutes they come from', async () => {
    const file = await api.call('assignments.organizationDocx', { organizationId: s.org });
    expect(file.fileName).toBe('Поручения – Отдел опеки г. Уварово.docx');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') });
    expectInOrder(value, [
      'ПЕРЕЧЕНЬ ПОРУЧЕНИЙ НА КОНТРОЛЕ',
      'Отдел опеки и попечительства администрации г. Уварово',
      'Продолжить межведомственное взаимодействие',
      'протокол №1 от 12.09.2017, п. 1.2',
      '01.12.2017',
      'Подготовить материалы для сборника',
      'постоянно',
    ]);
  });

  it('the export catalog carries the year’s signed minutes only', async () => {
    expect(await documentCatalog.minutes.build(api.db, 2017)).toEqual([]);
    await api.call('meetings.sign', { id: meetingId });
    const files = await documentCatalog.minutes.build(api.db, 2017);
    expect(files.map((f) => f.fileName)).toEqual(['Протокол №1 от 12.09.2017 – Межрайонная рабочая группа сегмента №6.docx']);
    expect(await documentCatalog.minutes.build(api.db, 2018)).toEqual([]);
  });
});
