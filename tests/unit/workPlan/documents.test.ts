import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderPlanDocx } from '@main/documents/workPlan/docx';
import { renderPlanXlsx } from '@main/documents/workPlan/xlsx';
import { signatureName } from '@shared/documents/workPlan/layout';
import { planDocument } from '@main/services/workPlan/document';
import { setPlanApproval } from '@main/services/workPlan/plans';
import { addItem, addOrganization, addPerson, createPlan, freshDb, setProfile } from './helpers';

let t: ReturnType<typeof freshDb>;
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
  addItem(t.db, 2017, {
    title: 'Семинар для опекунов',
    direction: 'educational',
    term: { kind: 'quarter', quarter: 3 },
    status: 'done',
    resultNote: 'Проведён',
  });
  addItem(t.db, 2017, { title: 'Сборник «Что написано пером...»', form: 'Публикация', term: { kind: 'month', month: 12 } });
});
afterEach(() => t.cleanup());

describe('Word plan', () => {
  it('is A4 landscape in Times New Roman with the approval block, direction rows in order and a repeated header', async () => {
    const buffer = await renderPlanDocx(planDocument(t.db, { year: 2017 }));
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');

    const pgSz = xml.match(/<w:pgSz [^>]*\/>/)![0];
    expect(pgSz).toContain('w:orient="landscape"');
    const w = Number(pgSz.match(/w:w="(\d+)"/)![1]);
    const h = Number(pgSz.match(/w:h="(\d+)"/)![1]);
    expect(w).toBeGreaterThan(h);
    expect(Math.round((w / 1440) * 25.4)).toBe(297);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
    expect(xml).toContain('<w:tblHeader/>');
    // A direction heading is kept with its first item rather than left alone at the foot of a page.
    expect(xml).toMatch(/<w:keepNext\/>.*?1\. Организационно-методическая деятельность/);

    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toContain('УТВЕРЖДАЮ');
    expect(text).toContain('А.Я. Гоберкорн');
    expect(text).toContain('«___» ____________ 20___ г.');
    expect(text).toContain('ресурсного центра ТОГБУ «Центр «Доверие»');
    expect(text).toContain('на 2017 год');

    const order = [
      '1. Организационно-методическая деятельность',
      '1.1',
      'Заседание рабочей группы: итоги 2016 года',
      '15.03.2017',
      'Попова Л.А.',
      'МБОУ СОШ №1',
      '1.2',
      'Сборник «Что написано пером...»',
      'декабрь',
      '2. Образовательная деятельность',
      'Семинар для опекунов',
      'III квартал',
      'Выполнено. Проведён',
      '3. Информационно-аналитическая деятельность',
      'Мониторинг деятельности кураторов',
      'в течение года',
    ];
    let from = 0;
    for (const piece of order) {
      const at = text.indexOf(piece, from);
      expect(at, `«${piece}» after position ${from}`).toBeGreaterThan(-1);
      from = at + piece.length;
    }
  });

  it('prints the approval date when it is set', async () => {
    setPlanApproval(t.db, { year: 2017, approvedOn: '2017-01-16' });
    const buffer = await renderPlanDocx(planDocument(t.db, { year: 2017 }));
    expect((await mammoth.extractRawText({ buffer })).value).toContain('«16» января 2017 г.');
  });
});

describe('Excel plan', () => {
  it('has one sheet with the header, merged bold direction rows and the items, printed A4 landscape', async () => {
    const buffer = await renderPlanXlsx(planDocument(t.db, { year: 2017 }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['План 2017']);
    const sheet = book.getWorksheet('План 2017')!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '№ п/п',
      'Мероприятие',
      'Форма',
      'Срок',
      'Ответственные',
      'Партнёры',
      'Целевая аудитория',
      'Отметка о выполнении',
    ]);
    expect(sheet.getCell('A4').value).toBe('1. Организационно-методическая деятельность');
    expect(sheet.getCell('A4').font.bold).toBe(true);
    expect(sheet.getCell('H4').isMerged).toBe(true);
    expect([sheet.getCell('A5').value, sheet.getCell('B5').value, sheet.getCell('D5').value, sheet.getCell('E5').value]).toEqual([
      '1.1',
      'Заседание рабочей группы: итоги 2016 года',
      '15.03.2017',
      'Попова Л.А.',
    ]);
    expect(sheet.getCell('A7').value).toBe('2. Образовательная деятельность');
    expect(sheet.getCell('H8').value).toBe('Выполнено. Проведён');
    expect(sheet.getCell('A9').value).toBe('3. Информационно-аналитическая деятельность');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
    expect(sheet.autoFilter).toBeTruthy();
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
