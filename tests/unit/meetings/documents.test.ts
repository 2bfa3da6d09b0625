import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentCatalog } from '@main/services/exchange/catalog';
import { convertBatch } from '@tests/unit/documents/office';
import { freshApi, organization, person, segmentGroup, type Api } from './helpers';

/**
 * The documents are checked from the files: the DOCX's own XML for the page set-up, and the
 * text a second client (LibreOffice → PDF → pdftotext) reads out of it.
 */

let api: Api;
let s: Awaited<ReturnType<typeof segmentGroup>>;
let meetingId: number;
const out = mkdtempSync(path.join(os.tmpdir(), 'rc-meetings-doc-'));

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

/** The file as LibreOffice prints it: the PDF and its text (without -layout a table reads cell by cell). */
function pdfOf(fileName: string, base64: string, layout = true): { pdf: string; text: string } {
  const pdf = convertBatch(out, [{ name: fileName, bytes: Buffer.from(base64, 'base64') }]).get(fileName)!.pdf;
  return { pdf, text: execFileSync('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'], { encoding: 'utf8' }) };
}
const pdfText = (fileName: string, base64: string, layout = true) => pdfOf(fileName, base64, layout).text;
/** Mammoth's text with no-break spaces as spaces, as a reader sees them. */
const plainText = async (file: { base64: string }) =>
  (await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') })).value.replace(/\u00A0/g, ' ');

/** Asserts the fragments occur in this order in the text. */
function expectInOrder(text: string, fragments: string[]) {
  let at = -1;
  for (const f of fragments) {
    const next = text.indexOf(f, at + 1);
    expect(next, `«${f}» after position ${at}`).toBeGreaterThan(at);
    at = next;
  }
}

/** The working group saved again with some fields changed, as its form does. */
async function updateGroup(changes: { memberIds?: number[]; caseFiles?: { year: number; index: string }[]; quorum?: 'majority' }) {
  await api.call('workingGroups.update', {
    id: s.group.id,
    data: {
      name: s.group.name,
      nameGenitive: s.group.nameGenitive,
      chairId: s.chair,
      secretaryId: s.secretary,
      memberIds: [s.member1, s.member2],
      ...changes,
    },
  });
}

/** The working group with the case file its 2017 minutes are kept in. */
const fileMinutesIn = (index: string) => updateGroup({ caseFiles: [{ year: 2017, index }] });

describe('minutes (протокол)', () => {
  it('has A4 portrait, ГОСТ margins, Times New Roman 14, justified hyphenated text and page numbers from page 2', async () => {
    const file = await api.call('meetings.minutesDocx', { id: meetingId, form: 'full' });
    expect(file.fileName).toBe('Протокол № 1 от 12.09.2017 – Межрайонная рабочая группа сегмента №6.docx');
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
    expect(styles).toMatch(/<w:lang w:val="ru-RU"/);
    // Body text: the 1.25 cm indent, justified; requisites are not hyphenated.
    expect(document).toMatch(/<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:ind [^>]*w:firstLine="709"(?:(?!<\/w:pPr>)[\s\S])*<w:jc w:val="both"\/>/);
    expect(styles).toMatch(/w:styleId="Requisite"[\s\S]*?<w:suppressAutoHyphens\/>/);
    expect(await read('word/settings.xml')).toContain('<w:autoHyphenation/>');
    // A different first page whose header carries no number; the default header carries the PAGE field, centred.
    expect(document).toContain('<w:titlePg/>');
    const firstRef = document.match(/<w:headerReference w:type="first" r:id="(\w+)"\/>/)![1];
    const defaultRef = document.match(/<w:headerReference w:type="default" r:id="(\w+)"\/>/)![1];
    const rels = await read('word/_rels/document.xml.rels');
    const target = (id: string) =>
      rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`))![1]!;
    const defaultHeader = await read(`word/${target(defaultRef!)}`);
    const firstHeader = await read(`word/${target(firstRef!)}`);
    expect(defaultHeader).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(defaultHeader).toMatch(/<w:tab w:val="center"/);
    expect(firstHeader).not.toContain('PAGE');
    // Held, not signed: a draft on every page.
    expect(defaultHeader).toContain('ПРОЕКТ');
    expect(firstHeader).toContain('ПРОЕКТ');
    expect(names).toContain('word/document.xml');
  });

  it('reads, in a second client, the requisites and the body in order: count and quorum, agenda with speakers, votes', async () => {
    await api.call('meetings.sign', { id: meetingId });
    const file = await api.call('meetings.minutesDocx', { id: meetingId, form: 'full' });
    // pdftotext closes up «№ 1» to «№1»; spaces are compared loosely.
    const layout = pdfText('minutes-full.docx', file.base64);
    // Hyphenation breaks words at line ends: joined again before comparing.
    const text = layout
      .replace(/-\n\s*/g, '')
      .replace(/[\s\u00A0]+/g, ' ')
      .replace(/№ ?(\d)/g, '№ $1');
    expectInOrder(text, [
      'Тамбовское областное государственное бюджетное учреждение',
      'Межрайонная рабочая группа сегмента № 6',
      'ПРОТОКОЛ',
      '12.09.2017',
      '№ 1',
      'г. Уварово',
      'заседания межрайонной рабочей группы сегмента № 6',
      'Председатель – И.В. Дорожкина',
      'Секретарь – Л.А. Попова',
      // Russian alphabetical order, ё sorted with е, and the count.
      'Присутствовали: Дорожкина И.В., Ёлкина А.П., Иванов П.С., Попова Л.А. (всего 4 человека).',
      'Присутствуют 4 из 4 членов (кворум – не менее половины членов). Кворум имеется.',
      'Приглашённые:',
      'Абрамова О.И. – директор МБОУ СОШ № 1',
      'ПОВЕСТКА ДНЯ:',
      '1. Об итогах работы сегмента № 6',
      'Докладчик: Дорожкина И.В., заместитель главы администрации, Отдел опеки г. Уварово (15 мин.).',
      '2. О наполнении сборника',
      'Докладчик: Гоберкорн А.Я., директор ТОГБУ',
      '1. Об итогах работы сегмента № 6',
      'СЛУШАЛИ: Дорожкина И.В., заместитель главы администрации, Отдел опеки г. Уварово. За полугодие',
      'ВЫСТУПИЛИ:',
      'Иванов П.С., инспектор ПДН – Предложил расширить',
      'РЕШИЛИ:',
      '1.1. Информацию принять к сведению. Голосовали: «за» – 4, «против» – 0, «воздержались» – 0.',
      '1.2. Продолжить межведомственное взаимодействие. Ответственные: Отдел опеки г. Уварово. Срок: до 01.12.2017.',
      '2. О наполнении сборника',
      'Текст доклада прилагается.',
      '2.1. Подготовить материалы для сборника. Ответственные: Ёлкина А.П. Срок: постоянно.',
    ]);
    // Signatures: the name at the right margin, on the position's line; signed minutes are no draft.
    expect(layout).toMatch(/Председатель {10,}И\.В\.\s?Дорожкина/);
    expect(layout).toMatch(/Секретарь {10,}Л\.А\.\s?Попова/);
    expect(text).not.toContain('ПРОЕКТ');
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
    const { pdf } = pdfOf('minutes-13.docx', file.base64);
    const page = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(2);
    // The first page: «ПРОЕКТ» at the right, no number.
    expect(page(1).trimStart().split('\n')[0]!.trim()).toBe('ПРОЕКТ');
    for (let n = 2; n <= pages; n++) {
      const firstLine = page(n)
        .split('\n')
        .find((l) => l.trim() !== '')!;
      expect(firstLine.trim()).toMatch(new RegExp(`^${n}\\s+ПРОЕКТ$`));
      // Centred: the number stands well inside the line, not at its left edge.
      expect(firstLine.indexOf(String(n))).toBeGreaterThan(20);
    }
  });

  it('replaces a long attendee list by a count and attaches the list with the appendix mark and the secretary (threshold is a setting)', async () => {
    expect(await api.call('meetings.getSettings', {})).toEqual({ attendeeThreshold: 15 });
    await api.call('meetings.saveSettings', { attendeeThreshold: 3 });
    const file = await api.call('meetings.minutesDocx', { id: meetingId, form: 'full' });
    const value = await plainText(file);
    expect(value).toContain('Присутствовали: 4 человека (список прилагается).');
    expectInOrder(value, [
      'Секретарь',
      'Приложение',
      'к протоколу от 12.09.2017 № 1',
      'СПИСОК ПРИСУТСТВОВАВШИХ',
      '1. Дорожкина Ирина Васильевна – заместитель главы администрации, Отдел опеки г. Уварово',
      '2. Ёлкина Анна Петровна',
      '3. Иванов Пётр Сергеевич – инспектор ПДН',
      '4. Попова Людмила Александровна',
      'Секретарь',
      'Л.А. Попова',
    ]);
    await api.call('meetings.saveSettings', { attendeeThreshold: 4 });
    const plain = await plainText(await api.call('meetings.minutesDocx', { id: meetingId, form: 'full' }));
    expect(plain).toContain('Присутствовали: Дорожкина И.В., Ёлкина А.П., Иванов П.С., Попова Л.А. (всего 4 человека).');
    expect(plain).not.toContain('СПИСОК ПРИСУТСТВОВАВШИХ');
  });

  it('lists as absent only those recorded absent, not members who joined the group later, and says when there is no quorum', async () => {
    const newcomer = await person(api, 'Яковлева', 'Мария', 'Олеговна');
    await api.call('meetings.setAttendance', {
      meetingId,
      attendees: [
        { personId: s.chair, present: true },
        { personId: s.secretary, present: false, absenceReason: 'болезнь' },
        { personId: s.member1, present: false, absenceReason: 'отпуск' },
      ],
      guestIds: [],
    });
    await updateGroup({ memberIds: [s.member1, s.member2, newcomer], quorum: 'majority' });
    const value = await plainText(await api.call('meetings.minutesDocx', { id: meetingId, form: 'full' }));
    expect(value).toContain('Присутствовали: Дорожкина И.В. (всего 1 человек).');
    expect(value).toContain('Отсутствовали: Ёлкина А.П. (отпуск), Попова Л.А. (болезнь).');
    expect(value).not.toContain('Яковлева');
    expect(value).not.toContain('Иванов П.С. (');
    // The quorum rule is the group's: more than half of its five members now.
    expect(value).toContain('Присутствует 1 из 5 членов (кворум – более половины членов). Кворума нет.');
  });

  it('short form keeps items, speakers, decisions and votes but not the summaries', async () => {
    const file = await api.call('meetings.minutesDocx', { id: meetingId, form: 'short' });
    expect(file.fileName).toBe('Протокол № 1 от 12.09.2017 (краткий) – Межрайонная рабочая группа сегмента №6.docx');
    const value = await plainText(file);
    expectInOrder(value, [
      'ПРОТОКОЛ',
      'СЛУШАЛИ: Дорожкина И.В.',
      'ВЫСТУПИЛИ: Иванов П.С.',
      '1.1. Информацию принять к сведению. Голосовали: «за» – 4, «против» – 0, «воздержались» – 0.',
      '1.2. Продолжить',
    ]);
    expect(value).not.toContain('За полугодие реализованы');
  });
});

describe('other documents', () => {
  it('agenda lists items with speakers and planned minutes, and the secretary signs it', async () => {
    const value = await plainText(await api.call('meetings.agendaDocx', { id: meetingId }));
    expectInOrder(value, [
      'ПОВЕСТКА ДНЯ',
      'заседания межрайонной рабочей группы сегмента № 6 № 1',
      'Дата и время: 12.09.2017, начало в 10:00',
      'Место проведения: г. Уварово, ул. Советская, 1',
      '1. Об итогах',
      'Докладчик: Дорожкина И.В.',
      '(15 мин.)',
      '2. О наполнении',
      'Секретарь',
      'Л.А. Попова',
    ]);
  });

  it('refuses an extract from minutes that are not signed, saying so', async () => {
    const detail = await api.call('meetings.get', { id: meetingId });
    const refused = await api.refusal('meetings.extractDocx', { itemId: detail.items[1]!.id });
    expect(refused.message).toBe(
      'Выписка из протокола делается только из подписанного протокола. Протокол №1 от 12.09.2017 ещё не подписан: подпишите протокол, и выписка будет заверена «Верно» с сегодняшней датой.',
    );
    const view = await api.refusal('meetings.documentView', { id: meetingId, doc: 'extract', itemId: detail.items[1]!.id });
    expect(view.message).toBe(refused.message);
  });

  it('extract keeps the item’s original number and title once, the original’s signatures, and is certified «Верно»', async () => {
    await api.call('meetings.sign', { id: meetingId });
    const detail = await api.call('meetings.get', { id: meetingId });
    const file = await api.call('meetings.extractDocx', { itemId: detail.items[1]!.id });
    expect(file.fileName).toBe('Выписка из протокола № 1 от 12.09.2017, вопрос 2 – Межрайонная рабочая группа сегмента №6.docx');
    const value = await plainText(file);
    expectInOrder(value, [
      'ВЫПИСКА ИЗ ПРОТОКОЛА',
      '12.09.2017',
      '№ 1',
      'Председатель – И.В. Дорожкина',
      'Присутствовали: 4 человека.',
      '2. О наполнении сборника',
      'СЛУШАЛИ:',
      '2.1. Подготовить материалы',
      'Председатель',
      'И.В. Дорожкина',
      'Секретарь',
      'Л.А. Попова',
      'Верно',
      'Секретарь, социальный педагог, Отдел опеки г. Уварово',
      'Л.А. Попова',
    ]);
    expect(value.split('2. О наполнении сборника').length - 1).toBe(1);
    expect(value).not.toContain('Об итогах работы');
    expect(value).not.toContain('Подлинник');
  });

  it('extract for another organisation is addressed to it, keeps only its decisions, and says where the original is kept', async () => {
    await api.call('meetings.sign', { id: meetingId });
    const detail = await api.call('meetings.get', { id: meetingId });
    // Without a case file in the номенклатура the extract cannot say where the original is.
    const noCase = await api.refusal('meetings.extractDocx', { itemId: detail.items[0]!.id, organizationId: s.org });
    expect(noCase.message).toContain('Укажите индекс дела с протоколами за 2017 год в карточке рабочей группы');
    await fileMinutesIn('01-07');
    const file = await api.call('meetings.extractDocx', { itemId: detail.items[0]!.id, organizationId: s.org });
    expect(file.fileName).toBe('Выписка из протокола № 1 от 12.09.2017, вопрос 1 – Отдел опеки г. Уварово.docx');
    const value = await plainText(file);
    expectInOrder(value, [
      'Отдел опеки и попечительства администрации г. Уварово',
      'Тамбовское областное',
      'ВЫПИСКА ИЗ ПРОТОКОЛА',
      '1. Об итогах работы',
      'РЕШИЛИ:',
      '1.2. Продолжить межведомственное взаимодействие',
      'Верно',
      'Подлинник документа находится в ТОГБУ «Центр «Доверие» в деле № 01-07 за 2017 год.',
    ]);
    expect(value).not.toContain('Информацию принять к сведению');
    // The addressee is apart from the author: a corner block at the right.
    const { document } = await docxXml(file.base64);
    expect(document).toMatch(/<w:ind [^>]*w:left="(\d{4})"[^>]*\/>[\s\S]*?Отдел опеки и попечительства/);

    // Item 2 assigns work to a person of the organisation, not to the organisation itself.
    const personText = await plainText(await api.call('meetings.extractDocx', { itemId: detail.items[1]!.id, organizationId: s.org }));
    expect(personText).toContain('2.1. Подготовить материалы для сборника');

    const other = await organization(api, 'МБОУ СОШ №1 г. Уварово');
    const refused = await api.refusal('meetings.extractDocx', { itemId: detail.items[0]!.id, organizationId: other });
    expect(refused.message).toBe('В вопросе 1 нет поручений организации «МБОУ СОШ №1 г. Уварово»: выписка для неё не нужна');
  });

  it('registration sheet: the appendix mark, five columns, a repeated header, members and guests, blank rows, the secretary', async () => {
    const file = await api.call('meetings.registrationSheetDocx', { id: meetingId });
    const { document } = await docxXml(file.base64);
    expect(document).toContain('<w:tblHeader/>');
    const text = pdfText('registration.docx', file.base64, false).replace(/[\s\u00A0]+/g, ' ');
    expectInOrder(text, [
      'Приложение',
      'к протоколу от 12.09.2017 № 1',
      'ЛИСТ РЕГИСТРАЦИИ',
      'участников заседания межрайонной рабочей группы сегмента № 6',
      '№',
      'Фамилия, имя, отчество',
      'Организация',
      'Должность',
      'Абрамова Ольга Ивановна',
      'Дорожкина Ирина',
      'Ёлкина Анна',
      'Иванов Пётр',
      'Попова Людмила',
      'Секретарь',
    ]);
    expect(text).toContain('Подпись');
    // Header + 5 people + 5 blank rows; the last two rows and the signature are one unbreakable
    // row holding them (2 rows and the signature's row): 1 + 8 + 1 + 2 + 1.
    expect(document.split(/<w:tr[ >]/).length - 1).toBe(13);
    expect(text).toMatch(/1 Абрамова Ольга Ивановна[\s\S]*5 Попова Людмила Александровна[\s\S]*6 7 8 9 10/);
  });

  it('assignment lists are made of signed minutes only, numbered, signed by the director, with the executor', async () => {
    const unsigned = await api.refusal('assignments.issueList', { organizationId: s.org });
    expect(unsigned.message).toBe(
      'В подписанных протоколах нет поручений на контроле организации «Отдел опеки г. Уварово». Решения проведённых, но не подписанных заседаний войдут в перечень после подписания протокола.',
    );
    await api.call('center.saveProfile', {
      fullName: 'Тамбовское областное государственное бюджетное учреждение «Центр по оказанию психолого-педагогических услуг «Доверие»',
      shortName: 'ТОГБУ «Центр «Доверие»',
      directorName: 'Гоберкорн Анна Яковлевна',
    });
    await api.call('meetings.sign', { id: meetingId });
    const issued = await api.call('assignments.issueList', { organizationId: s.org });
    expect(issued).toMatchObject({ number: 1 });
    const file = await api.call('assignments.issuedListDocx', { id: issued.id });
    expect(file.fileName).toBe(issued.fileName);
    expect(file.fileName).toMatch(/^Перечень поручений на контроле № 1 от \d\d\.\d\d\.\d{4} – Отдел опеки г\. Уварово\.docx$/);
    const value = await plainText(file);
    expectInOrder(value, [
      'Отдел опеки и попечительства администрации г. Уварово',
      'ПЕРЕЧЕНЬ ПОРУЧЕНИЙ НА КОНТРОЛЕ',
      '№ 1',
      'Межрайонная рабочая группа сегмента № 6',
      'Продолжить межведомственное взаимодействие',
      'от 12.09.2017 № 1, п. 1.2',
      '01.12.2017',
      'Подготовить материалы для сборника',
      'постоянно',
      'Директор ТОГБУ «Центр «Доверие»',
      'А.Я. Гоберкорн',
      'Попова Людмила Александровна, социальный педагог',
    ]);
    // The group's name once, as a heading row, not in every row.
    expect(value.split('Межрайонная рабочая группа сегмента № 6').length - 1).toBe(1);
    // The next list is the next number, under its own file name.
    const all = await api.call('assignments.issueList', { organizationId: s.org, onlyOpen: false });
    expect(all.fileName).toMatch(/^Перечень поручений № 2 от /);
    // The list on record is the one issued: marking an assignment done later does not change it.
    const open = (await api.call('assignments.list', { organizationId: s.org, state: 'open' })).rows[0]!;
    await api.call('assignments.setStatus', { id: open.id, status: 'done', completionNote: 'Исполнено', completedOn: null });
    expect(await plainText(await api.call('assignments.issuedListDocx', { id: issued.id }))).toBe(value);
    expect(await plainText(await api.call('assignments.issuedListDocx', { id: issued.id }))).toContain('На исполнении');
  });

  it('the export catalog carries the year’s signed minutes only', async () => {
    expect(await documentCatalog.minutes.build(api.db, 2017)).toEqual([]);
    await api.call('meetings.sign', { id: meetingId });
    const files = await documentCatalog.minutes.build(api.db, 2017);
    expect(files.map((f) => f.fileName)).toEqual(['Протокол № 1 от 12.09.2017 – Межрайонная рабочая группа сегмента №6.docx']);
    expect(await documentCatalog.minutes.build(api.db, 2018)).toEqual([]);
  });
});
