import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbiddenCharacter } from '@shared/documents/text';
import { DOCUMENT_KINDS, demoApi, generateAll, hostileReads, QUOTES, type GeneratedDocument } from './corpus';
import {
  convertBatch,
  fileBytes,
  flat,
  lineBoxes,
  missingInOrder,
  overlappingLines,
  pageCount,
  pdfText,
  xmlParts,
  type Converted,
} from './office';

/**
 * Every kind of document, on the demo data and on the demo data poisoned by SQL, read from the
 * files themselves: LibreOffice converts them all in one batch (a document it refuses fails
 * here), poppler reads the text in order and the box of every line; the DOCX and XLSX parts are
 * read as XML.
 */

const SETS = ['demo', 'hostile'] as const;
type SetName = (typeof SETS)[number];

const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-documents-'));
const docs = new Map<SetName, GeneratedDocument[]>();
let converted: Map<string, Converted>;
const keyOf = (set: SetName, d: GeneratedDocument) => `${set}-${d.file.fileName}`;
const pdfOf = (set: SetName, d: GeneratedDocument) => converted.get(keyOf(set, d))!.pdf;
const bytesOf = (d: GeneratedDocument) => Buffer.from(d.file.base64, 'base64');
const of = (set: SetName, kind: GeneratedDocument['kind'], meeting?: number) =>
  docs.get(set)!.find((d) => d.kind === kind && (meeting === undefined || d.meeting === meeting))!;
/**
 * Text compared on one form: pdftotext closes «№ 2» up to «№2» at times, keeps no-break spaces,
 * and cannot tell a hyphen at a line's end that hyphenation added from one that belongs to the
 * word («психолого-педагогических»), so hyphens are left out of the comparison on both sides.
 */
const norm = (s: string) => flat(s).replace(/№ ?/g, '№ ').replace(/-\s*/g, '');
const read = (pdf: string, layout = false) => norm(pdfText(pdf, { layout }));
const inOrder = (text: string, fragments: string[]) => missingInOrder(text, fragments.map(norm));

beforeAll(async () => {
  for (const set of SETS) {
    const api = await demoApi(set === 'hostile');
    docs.set(set, await generateAll(api));
    api.cleanup();
  }
  converted = convertBatch(
    dir,
    SETS.flatMap((set) => docs.get(set)!.map((d) => ({ ...fileBytes(d.file), name: keyOf(set, d) }))),
  );
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The lines that end in «И.О. Фамилия» at the right margin: the signatures as printed. */
function signatures(pdf: string): string[] {
  return lineBoxes(pdf)
    .filter((b) => b.xMax > 520 && /(?:^|\s)[А-ЯЁ]\.[А-ЯЁ]\.\s[А-ЯЁ][а-яё]+$/.test(b.text) && b.xMin > 300)
    .map((name) => {
      const left = lineBoxes(pdf).find((b) => b.page === name.page && Math.abs(b.yMin - name.yMin) < 2 && b.xMax < name.xMin);
      return flat(`${left?.text ?? ''} ${name.text}`).trim();
    });
}

describe.each(SETS)('documents of the %s data', (set) => {
  it('cover every kind of document, under file names that tell them apart', () => {
    const list = docs.get(set)!;
    expect(new Set(list.map((d) => d.kind))).toEqual(new Set(DOCUMENT_KINDS));
    const names = list.map((d) => d.file.fileName);
    expect(new Set(names).size).toBe(names.length);
  });

  it('open in LibreOffice, and no two text lines on a page overlap by more than a quarter of the font size', () => {
    for (const d of docs.get(set)!) {
      const pdf = pdfOf(set, d);
      expect(pageCount(pdf), d.file.fileName).toBeGreaterThan(0);
      const overlaps = overlappingLines(pdf).map(
        (o) => `p.${o.a.page}: «${o.a.text.slice(0, 40)}» / «${o.b.text.slice(0, 40)}» by ${o.overlap.toFixed(1)} pt`,
      );
      expect(overlaps, d.file.fileName).toEqual([]);
    }
  });

  it('carry no character XML 1.0 forbids in any part', async () => {
    for (const d of docs.get(set)!) {
      for (const [name, xml] of await xmlParts(bytesOf(d))) expect(forbiddenCharacter(xml), `${d.file.fileName}: ${name}`).toBeNull();
    }
  });

  it('state `w:lineRule` wherever `w:line` is set, the Russian language, hyphenation and page numbers from page 2 in every Word file', async () => {
    for (const d of docs.get(set)!.filter((x) => x.file.fileName.endsWith('.docx'))) {
      const parts = await xmlParts(bytesOf(d));
      for (const [name, xml] of parts) {
        for (const spacing of xml.match(/<w:spacing [^>]*>/g) ?? []) {
          if (spacing.includes('w:line=')) expect(spacing, `${d.file.fileName}: ${name}`).toMatch(/w:lineRule="(auto|exact|atLeast)"/);
        }
      }
      expect(parts.get('word/styles.xml'), d.file.fileName).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="ru-RU"/);
      expect(parts.get('word/settings.xml'), d.file.fileName).toMatch(/<w:autoHyphenation( w:val="(true|1)")?\/>/);
      const document = parts.get('word/document.xml')!;
      expect(document).toContain('<w:titlePg/>');
      const rels = parts.get('word/_rels/document.xml.rels')!;
      const header = (type: string) => {
        const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`).exec(document)![1];
        const target =
          new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
          new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
        return parts.get(`word/${target}`)!;
      };
      expect(header('default'), d.file.fileName).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(header('first'), d.file.fileName).not.toMatch(/PAGE/);
      // Body text is justified: the paragraphs that hyphenate.
      if (d.kind.startsWith('minutes')) expect(document).toContain('<w:jc w:val="both"/>');
    }
  });

  it('number the pages from the second one, centred in the top margin', () => {
    for (const d of docs.get(set)!.filter((x) => x.file.fileName.endsWith('.docx'))) {
      const pdf = pdfOf(set, d);
      const boxes = lineBoxes(pdf);
      const pages = pageCount(pdf);
      for (let page = 1; page <= pages; page++) {
        const top = boxes.filter((b) => b.page === page && b.yMax < 56).map((b) => b.text);
        if (page === 1)
          expect(
            top.some((t) => /^\d+$/.test(t)),
            `${d.file.fileName} p.1`,
          ).toBe(false);
        else expect(top, `${d.file.fileName} p.${page}`).toContain(String(page));
      }
    }
  });

  it('mark every page of every document of unsigned minutes «ПРОЕКТ», and no other document', () => {
    const list = docs.get(set)!;
    expect(list.filter((d) => d.draft).map((d) => d.kind)).toEqual(
      expect.arrayContaining(['minutes-full', 'minutes-short', 'agenda', 'registration']),
    );
    for (const d of list) {
      const pdf = pdfOf(set, d);
      for (let page = 1; page <= pageCount(pdf); page++) {
        const marked = pdfText(pdf, { page }).includes('ПРОЕКТ');
        expect(marked, `${d.file.fileName} p.${page}`).toBe(d.draft);
      }
    }
    // pdftotext once per page of every document: on a loaded machine well past the default 30 s.
  }, 180_000);

  it('write the working copy in Excel with fitted rows, real dates beside their labels, print titles, page numbers and a filter over the data rows only', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytesOf(of(set, 'plan-sheet')) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const headerRow = 3;
    expect(sheet.getRow(headerRow).getCell(5).value).toBe('Срок');
    expect(sheet.getRow(headerRow).getCell(6).value).toBe('Начало срока');
    expect(sheet.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
    expect(sheet.headerFooter.oddFooter).toMatch(/&P/);
    const last = sheet.rowCount;
    // The filter covers the header row and the data rows: not the title above.
    expect(sheet.autoFilter).toBe(`A${headerRow}:L${last}`);
    expect(Object.keys((sheet as unknown as { _merges: Record<string, unknown> })._merges).filter((m) => !m.startsWith('A1'))).toEqual([]);
    for (let r = headerRow + 1; r <= last; r++) {
      const row = sheet.getRow(r);
      const title = String(row.getCell(3).value ?? '');
      // Fitted: at least one 12 pt line per 60 characters of the 46-character title column.
      expect(row.height, `row ${r}`).toBeGreaterThanOrEqual(Math.ceil(title.length / 60) * 15);
      const [start, end] = [row.getCell(6), row.getCell(7)];
      expect(start.value, `row ${r}`).toBeInstanceOf(Date);
      expect(end.value, `row ${r}`).toBeInstanceOf(Date);
      expect(start.numFmt).toBe('dd.mm.yyyy');
      expect(String(row.getCell(5).value)).not.toBe('');
    }
  });
});

describe('requisites of the demo documents, in reading order', () => {
  it('full minutes: the header, the officers, those present with their count and the quorum, the agenda with its speakers, the votes, the signatures', () => {
    const text = read(pdfOf('demo', of('demo', 'minutes-full', 2)));
    expect(
      inOrder(text, [
        'Тамбовское областное государственное бюджетное учреждение',
        'ПРОТОКОЛ',
        '14.09.2017',
        'г. Уварово',
        '№ 2',
        'заседания межрайонной рабочей группы сегмента № 6',
        'Председатель – И.В. Орлова',
        'Секретарь – О.П. Семёнова',
        'Присутствовали: Гоберкорн А.Я., Громова М.В.',
        '(всего 11 человек).',
        'Присутствуют 11 из 12 членов (кворум – не менее половины членов). Кворум имеется.',
        'Отсутствовали: Соколов А.М. (служебная командировка).',
        'Приглашённые:',
        'Белова А.Ю. – социальный педагог МБОУ СОШ № 1 г. Уварово',
        'ПОВЕСТКА ДНЯ:',
        '1. О ходе реализации плана работы',
        'Докладчик: Семёнова О.П., методист ТОГБУ',
        'СЛУШАЛИ: Семёнова О.П., методист ТОГБУ',
        'РЕШИЛИ:',
        '1.1. Информацию о ходе реализации плана работы принять к сведению. Голосовали: «за» – 11, «против» – 0, «воздержались» – 0.',
      ]),
    ).toBeNull();
    expect(signatures(pdfOf('demo', of('demo', 'minutes-full', 2)))).toEqual(['Председатель И.В. Орлова', 'Секретарь О.П. Семёнова']);
    // One dash and «№» with a space throughout; the job title lower-cased inside the sentence.
    expect(text).not.toMatch(/—/);
    expect(text).not.toMatch(/№\d/);
    expect(text).not.toMatch(/, Методист/);
  });

  it('short minutes keep the votes', () => {
    const text = read(pdfOf('demo', of('demo', 'minutes-short', 2)));
    expect(inOrder(text, ['СЛУШАЛИ: Семёнова О.П.', 'РЕШИЛИ:', '1.1.', 'Голосовали: «за» – 11'])).toBeNull();
    expect(text).not.toContain('Мероприятия плана на первое полугодие выполнены');
  });

  it('agenda of the unsigned meeting: heading, date and place, items with speakers, the secretary', () => {
    const text = read(pdfOf('demo', of('demo', 'agenda', 3)));
    expect(
      inOrder(text, [
        'ПОВЕСТКА ДНЯ',
        'заседания межрайонной рабочей группы',
        '№ 3',
        'Дата и время: 26.12.2017, начало в 10:00',
        '1. Об организации работы НКО',
        'Докладчик: Гоберкорн А.Я., директор ТОГБУ',
        'Секретарь',
        'О.П. Семёнова',
      ]),
    ).toBeNull();
  });

  it('registration sheet: the appendix mark, the table, the secretary’s signature', () => {
    const text = read(pdfOf('demo', of('demo', 'registration', 2)));
    expect(
      inOrder(text, [
        'Приложение',
        'к протоколу от 14.09.2017 № 2',
        'ЛИСТ РЕГИСТРАЦИИ',
        'участников заседания',
        '14.09.2017',
        'Фамилия, имя, отчество',
        'Белова Анна Юрьевна',
        'Секретарь',
        'О.П. Семёнова',
      ]),
    ).toBeNull();
  });

  it('extract: the item once, the original’s signatures as text, then «Верно» with the position, the name and the date', () => {
    const d = of('demo', 'extract', 2);
    const text = read(pdfOf('demo', d));
    const title = '1. О ходе реализации плана работы рабочей группы сегмента № 6';
    expect(
      inOrder(text, [
        'ВЫПИСКА ИЗ ПРОТОКОЛА',
        '14.09.2017',
        '№ 2',
        'Председатель – И.В. Орлова',
        'Присутствовали: 11 человек.',
        'Кворум имеется',
        title,
        'СЛУШАЛИ:',
        'РЕШИЛИ:',
        '1.1.',
        'Верно',
        'Секретарь, методист ТОГБУ',
      ]),
    ).toBeNull();
    // The original's signatures as text, then the certifier: the position's last line carries the name.
    expect(signatures(pdfOf('demo', d))).toEqual(['Председатель И.В. Орлова', 'Секретарь О.П. Семёнова', '«Доверие» О.П. Семёнова']);
    expect(read(pdfOf('demo', d), true)).toMatch(/Верно Секретарь, методист ТОГБУ «Центр по .* О\.П\. Семёнова \d\d\.\d\d\.\d{4}/);
    expect(text.split(title).length - 1).toBe(1);
    expect(text).not.toContain('Подлинник');
  });

  it('extract for another organisation: the addressee at the top right, and where the original is kept', () => {
    const text = read(pdfOf('demo', of('demo', 'extract-addressed', 2)));
    expect(
      inOrder(text, [
        'Администрация',
        'Тамбовское областное государственное бюджетное учреждение',
        'ВЫПИСКА ИЗ ПРОТОКОЛА',
        'Верно',
        'Подлинник документа находится в ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие» в деле № 01-07 за 2017 год.',
      ]),
    ).toBeNull();
    // The addressee stands right of the centre line, apart from the author's name.
    const boxes = lineBoxes(pdfOf('demo', of('demo', 'extract-addressed', 2)));
    expect(boxes[0]!.text.startsWith('Администрация')).toBe(true);
    expect(boxes[0]!.xMin).toBeGreaterThan(300);
  });

  it('assignment list: addressee, date and number of issue, the group once as a heading, the director’s signature, the executor', () => {
    const d = of('demo', 'assignments-open');
    const text = read(pdfOf('demo', d), true);
    expect(
      inOrder(text, [
        'ПЕРЕЧЕНЬ ПОРУЧЕНИЙ НА КОНТРОЛЕ',
        '№ 1',
        'Межрайонная рабочая группа',
        'Директор ТОГБУ',
        'А.Я. Гоберкорн',
        'Семёнова Ольга Петровна, методист',
      ]),
    ).toBeNull();
    expect(text.split('Межрайонная рабочая группа').length - 1).toBe(1);
    expect(d.file.fileName).toMatch(/^Перечень поручений на контроле № 1 от \d\d\.\d\d\.\d{4} – /);
    expect(of('demo', 'assignments-all').file.fileName).toMatch(/^Перечень поручений № 2 от /);
  });

  it('the plan for approval has no execution column; the report has it, with the counts by direction', () => {
    const approval = read(pdfOf('demo', of('demo', 'plan-approval')));
    expect(
      inOrder(approval, [
        'УТВЕРЖДАЮ',
        'Директор ТОГБУ',
        'А.Я. Гоберкорн',
        '16 января 2017 г.',
        'ПЛАН РАБОТЫ',
        'на 2017 год',
        'Целевая аудитория',
        '1. Организационно-методическая деятельность',
      ]),
    ).toBeNull();
    expect(approval).not.toContain('Отметка о выполнении');
    expect(approval).not.toContain('Выполнено');
    const report = read(pdfOf('demo', of('demo', 'plan-report')));
    expect(
      inOrder(report, [
        'ОТЧЁТ',
        'о выполнении плана работы',
        'Выполнение по направлениям',
        'Итого',
        'Отметка о выполнении',
        'Выполнено.',
        'Директор ТОГБУ',
        'А.Я. Гоберкорн',
      ]),
    ).toBeNull();
  });
});

describe('the events register’s documents', () => {
  it('registration sheet: a page per session with its date, time and topic, the registered by name with their numbers, blank numbered rows', () => {
    const pdf = pdfOf('demo', of('demo', 'event-registration'));
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
    const first = norm(pdfText(pdf, { page: 1 }));
    expect(
      inOrder(first, [
        'Тамбовское областное государственное бюджетное учреждение',
        'ЛИСТ РЕГИСТРАЦИИ',
        'участников мероприятия',
        'Межведомственное взаимодействие при выявлении семейного неблагополучия',
        '16.10.2018',
        '10:00–15:00',
        'Место проведения: город Уварово, актовый зал',
        'Тема занятия: Нормативные основы',
        '№',
        'Фамилия, имя, отчество',
        'Подпись',
      ]),
    ).toBeNull();
    const all = read(pdf);
    expect(all.split('ЛИСТ РЕГИСТРАЦИИ')).toHaveLength(4);
    expect(inOrder(all, ['17.10.2018', 'Тема занятия: Признаки неблагополучия', '18.10.2018', 'Тема занятия: Практикум'])).toBeNull();
    expect(all).toContain('Макарова Юлия Сергеевна');
    expect(all).toContain('Ответственный за регистрацию');
  });

  it('a person’s справка: the center, her name and workplace, her events in date order with the result, the total, the director', () => {
    const text = read(pdfOf('demo', of('demo', 'event-person-history')));
    expect(
      inOrder(text, [
        'Тамбовское областное государственное бюджетное учреждение',
        'СПРАВКА',
        'об участии в мероприятиях',
        'Специалист:',
        'Должность:',
        '№',
        'Даты',
        'Мероприятие',
        'Посещено',
        'Итог',
        '2017',
        '2018',
        'Всего:',
        'мероприяти',
        'Директор ТОГБУ',
        'А.Я. Гоберкорн',
      ]),
    ).toBeNull();
    // In date order: every date of the table is on or after the one before it.
    const days = [...text.matchAll(/(\d{2})\.(\d{2})\.(\d{4})/g)].map((m) => `${m[3]}-${m[2]}-${m[1]}`).slice(1);
    expect(days.length).toBeGreaterThan(2);
    expect([...days].sort()).toEqual(days);
  });

  it('attendance list: a row per participant with the marks, attended sessions and completion', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytesOf(of('demo', 'event-attendance')) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const titles = [1, 2, 3].map((r) => String(sheet.getRow(r).getCell(1).value));
    expect(titles[2]).toMatch(/^Условие завершения: не менее 60 % занятий\. Завершили обучение: \d+ из \d+$/);
    const header = sheet.getRow(5).values as unknown[];
    expect(header.slice(1, 9)).toEqual([
      'Рег. №',
      'ФИО',
      'Организация',
      'Тип организации',
      'Муниципальное образование',
      'Должность',
      'Роль',
      'Статус',
    ]);
    expect(header.slice(9, 14)).toEqual(['16.10', '17.10', '18.10', 'Посещено', 'Завершил(а)']);
    const rows = Array.from({ length: sheet.rowCount - 5 }, (_, i) => sheet.getRow(6 + i).values as unknown[]);
    const walkIn = rows.find((r) => r[2] === 'Макарова Юлия Сергеевна')!;
    expect(walkIn.slice(9, 14)).toEqual(['+', '', '', '1 из 3', 'нет']);
    expect(rows.filter((r) => r[13] === 'да').length).toBeGreaterThan(0);
  });
});

describe('the monitoring indicators’ document of a year', () => {
  it('reads the table in order, then the chart and its caption, on the pages LibreOffice lays out', () => {
    const pdf = pdfOf('demo', of('demo', 'indicators-year'));
    expect(
      inOrder(read(pdf, true), [
        'Тамбовское областное государственное бюджетное учреждение',
        'ПОКАЗАТЕЛИ МОНИТОРИНГА',
        'за 2017 год',
        'Показатель',
        '2016 год',
        '2017 год',
        'Изменение',
        'Как получено',
        'Случаи (кураторы случаев)',
        'Случаи открыты',
        '54',
        '26',
        '−28',
        'за год по сегменту в целом',
        'Случаи закрыты',
        '19',
        'за год по 5 муниципальным образованиям',
        'Специалисты прошли обучение',
        'Рисунок 1 – Случаи открыты по годам, случаев',
        'Значения каждого года приведены в том виде',
      ]),
    ).toBeNull();
    // The chart is a picture on the page of its caption, 16 cm wide (453.5 pt), in proportion.
    const page = pageCount(pdf);
    const images = execFileSync('pdfimages', ['-list', '-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => line.trim().split(/\s+/));
    // The picture, and its alpha channel as a soft mask of the same size.
    expect(images.filter((c) => c[2] === 'image').map((c) => [c[3], c[4]])).toEqual([['1280', '720']]);
    expect(pdfText(pdf, { page })).toContain('Рисунок 1');
  });

  it('carries the chart as a PNG part of its size in EMU, with the figures as its text alternative', async () => {
    const parts = await xmlParts(bytesOf(of('demo', 'indicators-year')));
    const document = parts.get('word/document.xml')!;
    expect(document.match(/<wp:extent [^>]*>/g)).toEqual(['<wp:extent cx="5760000" cy="3240000"/>']);
    // Typeset as every text of the file: an en dash, bound to the word before by a no-break space.
    expect(/<wp:docPr [^>]*descr="([^"]*)"/.exec(document)![1]!.replace(/\u00a0/g, ' ')).toBe(
      'Диаграмма «Случаи открыты: по годам», случаев: 2014 – 28; 2015 – 43; 2016 – 54; 2017 – 26',
    );
    const rels = parts.get('word/_rels/document.xml.rels')!;
    const target = /Type="[^"]*\/image" Target="([^"]+)"|Target="([^"]+\.png)"/.exec(rels)!;
    const zip = await JSZip.loadAsync(bytesOf(of('demo', 'indicators-year')));
    const png = await zip.file(`word/${target[1] ?? target[2]}`)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 720]);
  });

  it('writes the same table to Excel with numbers as numbers, and names the chart instead of drawing it', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytesOf(of('demo', 'indicators-year-sheet')) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getRow(3).getCell(1).value)).toBe(
      'Диаграмма «Случаи открыты по годам, случаев» — в документе Word «Показатели мониторинга за 2017 год».',
    );
    expect(sheet.getImages()).toEqual([]);
    const rows = Array.from({ length: sheet.rowCount - 4 }, (_, i) => sheet.getRow(5 + i).values as unknown[]);
    expect(rows.find((r) => r[3] === 'Случаи открыты')!.slice(1, 9)).toEqual([
      1,
      'Случаи (кураторы случаев)',
      'Случаи открыты',
      'случаев',
      54,
      26,
      -28,
      'за год по сегменту в целом',
    ]);
  });
});

describe('the news items, in reading order', () => {
  it('the headline, the day and place, the participants counted, the chair in her capacity; the seminar’s draft from its event', () => {
    expect(
      inOrder(read(pdfOf('demo', of('demo', 'news-published'))), [
        'Заседание межрайонной рабочей группы сегмента №6',
        '16 марта 2017 года в городе Уварово состоялось заседание межрайонной рабочей группы',
        'В работе заседания приняли участие 13 специалистов – представители органа опеки и попечительства',
        'Председательствовала заместитель главы администрации',
        'И.В. Орлова',
      ]),
    ).toBeNull();
    expect(
      inOrder(read(pdfOf('demo', of('demo', 'news-draft'))), [
        'Семинар для специалистов органов системы профилактики «Межведомственное взаимодействие',
        '16–18 октября 2018 года в городе Уварово состоялся семинар для специалистов органов системы профилактики',
        'В работе семинара приняли участие 18 специалистов',
        'О.П. Семёнова',
      ]),
    ).toBeNull();
  });
});

describe('hostile text written into the database', () => {
  it('reaches the documents without the forbidden characters and with every quote and ё kept', () => {
    const minutes = read(pdfOf('hostile', of('hostile', 'minutes-full', 1)));
    expect(minutes).toContain(norm(hostileReads('О вопросе')));
    expect(minutes).toContain(norm(hostileReads('Рабочая группа')));
    const plan = read(pdfOf('hostile', of('hostile', 'plan-approval')));
    // Table cells read across the row without -layout: each quoted word is looked for on its own.
    expect(plan).toContain(norm('Мероприятие «ёлочки» „лапки“'));
    for (const word of QUOTES.split(' ')) expect(plan).toContain(norm(word));
    const list = read(pdfOf('hostile', of('hostile', 'assignments-all')));
    expect(list).toContain('ПЕРЕЧЕНЬ ПОРУЧЕНИЙ');
    // The seminar's news item is drafted from the poisoned event: its title reaches the Word file clean.
    expect(read(pdfOf('hostile', of('hostile', 'news-draft')))).toContain(norm(hostileReads('Семинар')));
  });
});
