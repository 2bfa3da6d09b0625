import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workPlans } from '@db/schema';
import { renderDocx } from '@main/documents/docx';
import { renderSheet, wrappedLines } from '@main/documents/xlsx';
import { planExportKind } from '@main/services/workPlan';
import { setPlanApproval } from '@main/services/workPlan/approval';
import { planDocx, planDocumentSpec, planXlsx } from '@main/services/workPlan/documents';
import { updateItem } from '@main/services/workPlan/items';
import { signatureName } from '@shared/documents/workPlan/layout';
import { addItem, addOrganization, addPerson, createPlan, freshDb, planFormId, setProfile } from './helpers';
import { renameValue } from '@main/services/lists/values';

let t: ReturnType<typeof freshDb>;
let seminar: number;
beforeEach(() => {
  t = freshDb();
  setProfile(t.db, { shortName: 'ТОГБУ «Центр «Доверие»', directorName: 'Гоберкорн Анна Яковлевна' });
  createPlan(t.db, { year: 2017 });
  const person = addPerson(t.db, 'Попова', 'Людмила', 'Александровна');
  const org = addOrganization(t.db, 'Муниципальное бюджетное общеобразовательное учреждение', 'МБОУ СОШ №1');
  addItem(t.db, 2017, { title: 'Мониторинг деятельности кураторов', direction: 'informational', form: 'Мониторинг' });
  addItem(t.db, 2017, {
    title: 'Заседание рабочей группы: итоги 2016 года',
    form: 'Заседание',
    term: { kind: 'date', date: '2017-03-15' },
    responsibleIds: [person],
    partnerIds: [org],
    targetAudience: 'Члены рабочей группы',
  });
  seminar = addItem(t.db, 2017, {
    title: 'Семинар для опекунов',
    direction: 'educational',
    term: { kind: 'quarter', quarter: 3 },
    status: 'done',
    resultNote: 'Проведён',
  }).id;
  addItem(t.db, 2017, { title: 'Сборник «Что написано пером...»', form: 'Публикация', term: { kind: 'month', month: 12 } });
});
afterEach(() => t.cleanup());

const textOf = async (file: { base64: string }) =>
  (await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') })).value.replace(/\u00A0/g, ' ');

function expectInOrder(text: string, pieces: string[]) {
  let from = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, from);
    expect(at, `«${piece}» after position ${from}`).toBeGreaterThan(-1);
    from = at + piece.length;
  }
}

describe('the plan for approval (Word)', () => {
  it('is A4 landscape with «УТВЕРЖДАЮ» at the top right, direction rows in order, a repeated header and no execution column', async () => {
    const file = await planDocx(t.db, { year: 2017, doc: 'approval' });
    expect(file.fileName).toBe('План работы на 2017 год (для утверждения).docx');
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const pgSz = xml.match(/<w:pgSz [^>]*\/>/)![0];
    expect(pgSz).toContain('w:orient="landscape"');
    const w = Number(pgSz.match(/w:w="(\d+)"/)![1]);
    expect(Math.round((w / 1440) * 25.4)).toBe(297);
    expect(xml).toContain('<w:tblHeader/>');
    // A direction heading is kept with its first item rather than left alone at the foot of a page.
    expect(xml).toMatch(/<w:keepNext\/>(?:(?!<\/w:p>)[\s\S])*1\. Организационно-методическая деятельность/);

    const text = await textOf(file);
    expectInOrder(text, [
      'УТВЕРЖДАЮ',
      'Директор ТОГБУ «Центр «Доверие»',
      'А.Я. Гоберкорн',
      '«___» ____________ 20___ г.',
      'ПЛАН РАБОТЫ',
      'ресурсного центра ТОГБУ «Центр «Доверие»',
      'на 2017 год',
      '1. Организационно-методическая деятельность',
      '1.1',
      'Заседание рабочей группы: итоги 2016 года',
      '15.03.2017',
      'Попова Л.А.',
      'МБОУ СОШ № 1',
      '1.2',
      'Сборник «Что написано пером...»',
      'декабрь',
      '2. Образовательная деятельность',
      'Семинар для опекунов',
      'III квартал',
      '3. Информационно-аналитическая деятельность',
      'Мониторинг деятельности кураторов',
      'в течение года',
    ]);
    expect(text).not.toContain('Отметка о выполнении');
    expect(text).not.toContain('Проведён');
  });

  it('is frozen at approval: later edits reach the report and the working copy, never the approved copy', async () => {
    setPlanApproval(t.db, { year: 2017, approvedOn: '2017-01-16' });
    updateItem(t.db, {
      id: seminar,
      data: {
        direction: 'educational',
        title: 'Семинар для приёмных родителей',
        formId: planFormId(t.db, 'Семинар'),
        term: { kind: 'quarter', quarter: 4 },
        responsibleIds: [],
        partnerIds: [],
        targetAudience: '',
        status: 'moved',
        resultNote: 'Перенесён на IV квартал',
        recurring: false,
      },
    });
    const approved = await textOf(await planDocx(t.db, { year: 2017, doc: 'approval' }));
    expect(approved).toContain('16 января 2017 г.');
    expect(approved).toContain('Семинар для опекунов');
    expect(approved).toContain('III квартал');
    expect(approved).not.toContain('приёмных родителей');
    const report = await textOf(await planDocx(t.db, { year: 2017, doc: 'report' }));
    expect(report).toContain('Семинар для приёмных родителей');
    // A new approval date is a new approval: the plan is frozen again as it is now.
    setPlanApproval(t.db, { year: 2017, approvedOn: '2017-02-01' });
    const again = await textOf(await planDocx(t.db, { year: 2017, doc: 'approval' }));
    expect(again).toContain('1 февраля 2017 г.');
    expect(again).toContain('Семинар для приёмных родителей');
  });

  it('keeps the wording of a form in the approved copy when the list value is renamed later', async () => {
    setPlanApproval(t.db, { year: 2017, approvedOn: '2017-01-16' });
    renameValue(t.db, { id: planFormId(t.db, 'Мониторинг'), value: 'Мониторинг и анализ' });
    const approved = await textOf(await planDocx(t.db, { year: 2017, doc: 'approval' }));
    expect(approved).toContain('Мониторинг');
    expect(approved).not.toContain('Мониторинг и анализ');
    const report = await textOf(await planDocx(t.db, { year: 2017, doc: 'report' }));
    expect(report).toContain('Мониторинг и анализ');
  });

  it('refuses, in Russian, a frozen copy it cannot read, instead of printing the live plan', async () => {
    setPlanApproval(t.db, { year: 2017, approvedOn: '2017-01-16' });
    t.db
      .update(workPlans)
      .set({ approvedSnapshot: JSON.stringify({ version: 9, data: {} }) })
      .run();
    expect(() => planDocumentSpec(t.db, { year: 2017, doc: 'approval' })).toThrow(
      'Утверждённый план работы на 2017 год: зафиксированная копия не читается (версия 9 записана более новой версией программы).',
    );
    t.db.update(workPlans).set({ approvedSnapshot: '{"version":1,"data":{"year":"две тысячи"}}' }).run();
    expect(() => planDocumentSpec(t.db, { year: 2017, doc: 'approval' })).toThrow('данные не соответствуют описанию документа');
    // Approved before frozen copies were kept: the app says so rather than guess.
    t.db.update(workPlans).set({ approvedSnapshot: null }).run();
    expect(() => planDocumentSpec(t.db, { year: 2017, doc: 'approval' })).toThrow('копия для утверждения не зафиксирована');
  });
});

describe('the execution report (Word)', () => {
  it('counts items by direction and lists the plan with its execution column, signed by the director', async () => {
    const file = await planDocx(t.db, { year: 2017, doc: 'report' });
    expect(file.fileName).toBe('Отчёт о выполнении плана работы за 2017 год.docx');
    expectInOrder(await textOf(file), [
      'ОТЧЁТ',
      'о выполнении плана работы ресурсного центра ТОГБУ «Центр «Доверие» на 2017 год',
      'по состоянию на',
      'Организационно-методическая деятельность',
      'Итого',
      '4',
      'Отметка о выполнении',
      'Семинар для опекунов',
      'Выполнено. Проведён',
      'Директор ТОГБУ «Центр «Доверие»',
      'А.Я. Гоберкорн',
    ]);
  });

  it('is what the export sends, beside the copy for approval', async () => {
    const files = await planExportKind.build(t.db, 2017);
    expect(files.map((f) => f.fileName)).toEqual([
      'План работы на 2017 год (для утверждения).docx',
      'Отчёт о выполнении плана работы за 2017 год.docx',
    ]);
    expect(await planExportKind.build(t.db, 2030)).toEqual([]);
  });
});

describe('the working copy (Excel)', () => {
  it('has one row per item with its direction, the term label beside real dates, and the status apart from the note', async () => {
    const file = await planXlsx(t.db, { year: 2017 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('План 2017')!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '№ п/п',
      'Направление',
      'Мероприятие',
      'Форма',
      'Срок',
      'Начало срока',
      'Окончание срока',
      'Ответственные',
      'Партнёры',
      'Целевая аудитория',
      'Статус',
      'Отметка о выполнении',
    ]);
    const row = (n: number) => sheet.getRow(n).values as unknown[];
    expect(row(4).slice(1, 6)).toEqual([
      '1.1',
      'Организационно-методическая деятельность',
      'Заседание рабочей группы: итоги 2016 года',
      'Заседание',
      '15.03.2017',
    ]);
    expect(row(4)[6]).toEqual(new Date('2017-03-15T00:00:00Z'));
    expect(row(6)[5]).toBe('III квартал');
    expect(row(6)[6]).toEqual(new Date('2017-07-01T00:00:00Z'));
    expect(row(6)[7]).toEqual(new Date('2017-09-30T00:00:00Z'));
    expect(row(6).slice(11, 13)).toEqual(['Выполнено', 'Проведён']);
    expect(sheet.getCell('F4').numFmt).toBe('dd.mm.yyyy');
    expect(sheet.rowCount).toBe(7);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: '3:3' });
    expect(sheet.headerFooter.oddFooter).toBe('&CСтраница &P из &N');
    expect(sheet.autoFilter).toBe('A3:L7');
  });
});

describe('the Excel helper', () => {
  it('estimates wrapped lines at words and sets row heights from them', async () => {
    expect(wrappedLines('короткий', 20)).toBe(1);
    expect(wrappedLines('слово '.repeat(20), 20)).toBeGreaterThan(4);
    expect(wrappedLines('одна\nдве\nтри', 40)).toBe(3);
    const buffer = await renderSheet({
      fileName: 'x',
      sheetName: 'Лист: 1/2',
      title: [],
      orientation: 'portrait',
      columns: [{ title: 'Текст', width: 20 }],
      rows: [['слово '.repeat(20)], ['коротко\u0007\uFFFE']],
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Лист  1 2');
    expect(sheet.getRow(2).height).toBeGreaterThan(4 * 15);
    expect(sheet.getRow(3).getCell(1).value).toBe('коротко');
  });
});

describe('wording of the printed plan', () => {
  it('writes the director as under a signature whatever form the profile holds', () => {
    expect(signatureName('Гоберкорн Анна Яковлевна')).toBe('А.Я. Гоберкорн');
    expect(signatureName('Гоберкорн А.Я.')).toBe('А.Я. Гоберкорн');
    expect(signatureName('Гоберкорн А. Я.')).toBe('А.Я. Гоберкорн');
    expect(signatureName('А.Я. Гоберкорн')).toBe('А.Я. Гоберкорн');
    expect(signatureName('Гоберкорн')).toBe('Гоберкорн');
  });
});

describe('the one Word renderer', () => {
  it('renders any document model: a draft has «ПРОЕКТ» in both headers', async () => {
    const buffer = await renderDocx({
      title: 'Т',
      fileName: 'т',
      orientation: 'portrait',
      draft: true,
      blocks: [{ kind: 'para', text: 'Текст' }],
    });
    const zip = await JSZip.loadAsync(buffer);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/header\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const h of headers) expect(h).toContain('ПРОЕКТ');
  });
});

describe('table rows written from their template rows', () => {
  // Two long tables (the plan's shape, with heading rows, and a registration sheet's, whose last
  // rows share an unbreakable row with the signatures), with every kind of row mixed in one table
  // and every text docx treats with care: escapes, quotes, spaces at the ends, line breaks of
  // three kinds, an empty line, control characters, an empty cell.
  const awkward = [
    '  по краям  ',
    'кавычки "двойные" и \'одиночные\'',
    'раз\r\nдва\rтри\n\nпять',
    '',
    'a\u0001b\u000bc',
    '<w:t>&amp;</w:t>',
  ];
  const spec = {
    title: 'Т',
    fileName: 'т',
    orientation: 'landscape' as const,
    draft: false,
    blocks: [
      {
        kind: 'table' as const,
        columns: [
          { title: '№', share: 1, align: 'center' as const },
          { title: 'Мероприятие', share: 4 },
          { title: 'Ответственные', share: 2, names: true },
        ],
        rows: [
          { group: '1. Организационно-методическая деятельность' },
          ...Array.from({ length: 230 }, (_, k) => ({
            cells: [`${k + 1}.`, `Семинар «${k}» & <итоги>\nвторая строка`, awkward[k % awkward.length]!],
          })),
          { group: awkward[1]! },
          { cells: awkward.slice(0, 3), tall: true },
          { cells: ['только одна'] },
        ],
      },
      {
        kind: 'table' as const,
        columns: [
          { title: '№', share: 1 },
          { title: 'Подпись', share: 3 },
        ],
        rows: Array.from({ length: 120 }, (_, k) => ({ cells: [`${k + 1}`, awkward[k % awkward.length]!], tall: true })),
      },
      { kind: 'signatures' as const, signers: [{ position: 'Директор', name: 'А.Я. Гоберкорн' }] },
    ],
  };
  const documentXml = async (buffer: Buffer) => (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');

  it('is the same document.xml as docx writes row by row', async () => {
    const byDocx = await documentXml(await renderDocx(spec, { bodyRows: 'docx' }));
    const stamped = await documentXml(await renderDocx(spec));
    expect(stamped).toBe(byDocx);
    // Every row is there, in order, and no template row is left.
    expect(stamped.match(/<w:tr>/g)).toHaveLength(1 + 234 + 1 + 118 + 1 + 2 + 1);
    expect(stamped.indexOf('>230.<')).toBeGreaterThan(stamped.indexOf('>229.<'));
    expect(stamped).toContain('Семинар «7» &amp; &lt;итоги&gt;');
    expect(stamped).not.toContain('rcrows');
  });

  it('opens in a reader with every row', async () => {
    const text = (await mammoth.extractRawText({ buffer: await renderDocx(spec) })).value;
    expect(text).toContain('Семинар «229» & <итоги>');
    expect(text.indexOf('Семинар «0»')).toBeLessThan(text.indexOf('Семинар «229»'));
    expect(text).toContain('Гоберкорн');
  });
});
