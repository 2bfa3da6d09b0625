import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '@main/services/app/demo';
import { approveReport, createReport, getReport, saveParagraph, unlockReport } from '@main/services/reports/reports';
import { reportDocx, reportFiguresTable, reportsExportKind } from '@main/services/reports/documents';
import { listIndicators } from '@main/services/indicators/catalogue';
import { saveSheet } from '@main/services/indicators/sheet';
import { specialistsTrained } from '@main/services/events';
import { convertBatch, fileBytes, flat, missingInOrder, pageCount, pdfText, xmlParts } from '@tests/unit/documents/office';
import { freshDb } from '@tests/unit/registry/helpers';
import { refusal } from '@tests/unit/publications/helpers';

const YEAR = { year: 2017, quarter: null };
const TODAY = '2018-01-20';

/** The paragraphs of a DOCX, each as its runs' text, read from word/document.xml. */
async function docxParagraphs(base64: string): Promise<string[]> {
  const xml = (await xmlParts(Buffer.from(base64, 'base64'))).get('word/document.xml')!;
  return (
    [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
      .map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''))
      .filter(Boolean)
      // The no-break spaces the typesetting puts («– 0», «№ 6») read as spaces here; the Russian rules' test holds them.
      .map((p) => p.replace(/\u00A0/g, ' '))
  );
}

/**
 * Seed 003's typography against the document's: the seed quotes «случаев» and writes «е» for «ё»,
 * a spaced hyphen for the dash and «№6» closed up; the document writes the en dash, «ё» and «№ 6»
 * with a no-break space. Only that is folded — every word and figure stays as the seed has it.
 */
const typography = (s: string) =>
  s
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/«(случа(?:й|я|ев))»/g, '$1')
    .replace(/ё/g, 'е')
    .replace(/ - /g, ' – ')
    .replace(/№ ?/g, '№ ');

describe('the annual report against seed 003 (the demo data, entered through the services)', () => {
  let t: ReturnType<typeof freshDb>;
  let text: string;
  let pdf: string;
  let dir: string;
  beforeAll(async () => {
    t = freshDb();
    seedDemo(t.db);
    createReport(t.db, YEAR, TODAY);
    const file = await reportDocx(t.db, YEAR);
    text = typography((await docxParagraphs(file.base64)).join('\n'));
    dir = mkdtempSync(path.join(os.tmpdir(), 'rc-report-'));
    pdf = convertBatch(dir, [fileBytes(file)]).get(file.fileName)!.pdf;
  }, 180_000);
  afterAll(() => {
    t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('states the seed’s figures in the seed’s own sentences, read from the Word file', () => {
    // Written out from seed 003 (only the typography folded, see `typography`), never built with the plural rules.
    const seedSentences = [
      'проведено 3 заседания',
      'В рамках работы рабочей группы в 2017 году проведена следующая работа:',
      'сопровождали 39 семей, находящихся в трудной жизненной ситуации, в них 83 ребенка',
      'За 2017 год было открыто 26 «случаев», в них 51 ребенок',
      '(2014 – 28 случаев, 2015 – 43, 2016 - 54)'.slice(1, -1),
      'закрыто 19 «случаев» (в них 35 детей)',
      '4 «случая» по Уваровскому району, в них 11 детей',
      '5 «случаев» по Ржаксинскому району, в них 7 детей',
      '2 «случая» по Инжавинскому району, в них 3 ребенка',
      '0 «случаев» по Мучкапскому району',
      '34 человека обратились в службы сопровождения замещающих семей с вопросом о возможности стать приемным родителем',
      '677 посещений на дому',
      '1. Межведомственный семинар «Вопросы исполнения законов о профилактике безнадзорности, правонарушений, преступлений несовершеннолетних» - 20 марта 2017 года;',
      '2. Семинар «Организация подготовки лиц, желающих принять в свою семью ребенка» - 28 марта 2017 года;',
      '3. Заседание областного Совета замещающих семей – 18 мая 2017 года;',
      '4. Первый областной Съезд советов помощи семье и детям «Защита семьи и ребенка – наше общее дело» - 30 мая 2017 года;',
      '5. Областной творческий конкурс «Краски семейного счастья» - 8 июня 2017 года;',
      '6. Форум приемных семей Тамбовской области – 16 октября 2017 года;',
      '7. Правовая акция «Имеем право» - 16 октября 2017 года;',
      '8. Семинар «Организация эффективной работы служб по устройству детей в семью» - 28 ноября 2017 года.',
      'Директор ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»',
    ];
    for (const sentence of seedSentences) expect(text, sentence).toContain(typography(sentence));
    // Where the document's wording differs from the seed's, on purpose: the city is «по городу Уварово»
    // as the districts are «по … району» (the seed: «в г. Уварово»), the copies are the ledger's exact
    // 605 (the seed rounds: «около 600-т»), and the figures of «в них» come after every place.
    expect(text).toContain('8 случаев по городу Уварово, в них 14 детей');
    expect(text).toContain('распространено 605 экземпляров печатной продукции');
    expect(text).toContain('из них 28 человек прошли обучение');
    // The 13 questions of the three meetings, numbered in the order they were considered.
    const lines = text.split('\n');
    const topics = lines.slice(
      lines.findIndex((l) => l.endsWith('следующие темы:')) + 1,
      lines.findIndex((l) => l.startsWith('План работы')),
    );
    expect(topics).toHaveLength(13);
    expect(topics[3]).toBe('4. О наполнении сборника «Что написано пером...».');
    expect(topics[12]).toMatch(/^13\. Об анализе работы ресурсного центра .* за 2017 год\.$/);
  });

  it('reads in order in LibreOffice, with its page number from page 2 and the chart as a picture', () => {
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const all = typography(flat(pdfText(pdf)));
    expect(
      missingInOrder(all, [
        'Отчет о работе',
        'за 2017 год',
        'проведено 3 заседания',
        '13. Об анализе работы',
        'План работы на 2017 год выполнен на',
        'закрыто 19 случаев',
        '0 случаев по Мучкапскому району',
        'Случаи открыты: 2014 – 28 случаев, 2015 – 43, 2016 – 54, 2017 – 26.',
        'Рисунок 1',
        '1. Межведомственный семинар',
        '8. Семинар «Организация эффективной работы служб по устройству детей в семью»',
        'распространено 605 экземпляров',
        'А.Я. Гоберкорн',
      ]),
    ).toBeNull();
    // The first page has no number; the second starts with «2».
    // A draft: «ПРОЕКТ» on every page; the first page has no number, the second starts with «2».
    expect(flat(pdfText(pdf, { page: 1 })).trim()).toMatch(/^ПРОЕКТ Отчёт о работе/);
    expect(flat(pdfText(pdf, { page: 2 })).trim()).toMatch(/^2 /);
    // The pages as images, for a person to look at (REPORT_PAGES=dir keeps them).
    const pagesDir = process.env.REPORT_PAGES ?? path.join(dir, 'pages');
    execFileSync('mkdir', ['-p', pagesDir]);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(pagesDir, 'page')]);
    expect(readdirSync(pagesDir).filter((f) => f.endsWith('.png'))).toHaveLength(pages);
  });
});

describe('the narrative, regenerating, approval and unlocking', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(() => {
    t = freshDb();
    seedDemo(t.db);
    createReport(t.db, YEAR, TODAY);
  });
  afterEach(() => t.cleanup());

  const indicatorId = (name: string) => listIndicators(t.db).find((i) => i.name === name)!.id;
  const setOpened = (value: number) =>
    saveSheet(t.db, {
      year: 2017,
      quarter: null,
      scope: 'segment',
      cells: [{ indicatorId: indicatorId('Случаи открыты'), municipalityId: null, text: String(value) }],
      confirmed: true,
    });
  const view = async () => (await getReport(t.db, YEAR, TODAY))!;
  const paragraph = async (key: string) => (await view()).paragraphs.find((p) => p.key === key)!;
  const printed = async () => (await docxParagraphs((await reportDocx(t.db, YEAR)).base64)).join('\n');

  it('keeps the edited text on regenerating and marks every figure that changed under it', async () => {
    saveParagraph(
      t.db,
      { ...YEAR, key: 'closing', text: 'Всего за год открыто {{Случаи открыты}}; {{Случаи открыты|открыт/открыты}} по сигналам школ.' },
      TODAY,
    );
    let closing = await paragraph('closing');
    expect(closing.pieces.filter((p) => p.kind === 'figure').map((p) => [p.text, p.kind === 'figure' && p.changed])).toEqual([
      ['26 случаев', false],
      ['26 случаев открыты', false],
    ]);
    expect((await view()).changed).toBe(0);

    setOpened(21);
    closing = await paragraph('closing');
    // The text is as written; the figure reads as it is now, agrees, and is marked with what was seen.
    expect(closing.text).toBe('Всего за год открыто {{Случаи открыты}}; {{Случаи открыты|открыт/открыты}} по сигналам школ.');
    expect(closing.pieces.filter((p) => p.kind === 'figure')).toEqual([
      expect.objectContaining({ text: '21 случай', seen: 26, value: 21, changed: true }),
      expect.objectContaining({ text: '21 случай открыт', seen: 26, changed: true }),
    ]);
    // The monitoring paragraph (not edited) names the same figure: it is marked too.
    const v = await view();
    expect(v.changed).toBe(3);
    expect(await printed()).toContain('Всего за год открыто 21 случай; 21 случай открыт по сигналам школ.');

    // Approval waits until the writer has reread the paragraphs whose figures moved.
    expect(refusal(() => approveReport(t.db, { ...YEAR, approvedOn: TODAY }, TODAY))).toBe(
      'Числа изменились после правки текста в абзацах: «Перед показателями мониторинга», «Заключение». Проверьте эти абзацы и сохраните их, затем утверждайте.',
    );
    for (const key of ['monitoring', 'closing']) saveParagraph(t.db, { ...YEAR, key, text: (await paragraph(key)).text }, TODAY);
    expect((await view()).changed).toBe(0);
  });

  it('refuses a field that names no figure, and changes nothing', async () => {
    const before = (await paragraph('closing')).text;
    expect(refusal(() => saveParagraph(t.db, { ...YEAR, key: 'closing', text: 'Открыто {{Случаи откыты}}.' }, TODAY))).toBe(
      'В тексте есть поле, которого в отчёте нет: {{Случаи откыты}}. Вставьте поле из списка чисел отчёта или уберите фигурные скобки.',
    );
    expect((await paragraph('closing')).text).toBe(before);
  });

  it('freezes what it says when approved, and unlocks only with a reason that is kept', async () => {
    approveReport(t.db, { ...YEAR, approvedOn: '2018-01-15' }, TODAY);
    const approvedText = await printed();
    expect(approvedText).toContain('За 2017 год было открыто 26 случаев, в них 51 ребёнок.');
    setOpened(30);
    // Frozen: the registers moved, the approved report did not; nothing can be edited.
    expect(await printed()).toBe(approvedText);
    expect((await view()).status).toBe('approved');
    expect(refusal(() => saveParagraph(t.db, { ...YEAR, key: 'closing', text: 'Новое' }, TODAY))).toMatch(
      /^Отчёт за 2017 год утверждён 15\.01\.2018: менять текст нельзя\. Снимите утверждение, указав причину\.$/,
    );
    expect(refusal(() => approveReport(t.db, { ...YEAR, approvedOn: TODAY }, TODAY))).toBe('Отчёт за 2017 год уже утверждён 15.01.2018');

    unlockReport(t.db, { ...YEAR, reason: 'Уточнено число открытых случаев' }, TODAY);
    const v = await view();
    expect(v).toMatchObject({ status: 'draft', approvedOn: null, unlocks: [{ reason: 'Уточнено число открытых случаев', on: TODAY }] });
    expect(await printed()).toContain('За 2017 год было открыто 30 случаев, в них 51 ребёнок.');
    expect(refusal(() => unlockReport(t.db, { ...YEAR, reason: 'Ещё раз' }, TODAY))).toBe(
      'Отчёт за 2017 год не утверждён: снимать утверждение не нужно.',
    );
  });

  it('goes out with the export only when approved, its figures in the data package’s table', async () => {
    // The demo's approved I quarter goes out; the year's draft does not.
    expect((await reportsExportKind.build(t.db, 2017)).map((f) => f.fileName)).toEqual(['Отчёт о работе за I квартал 2017 года.docx']);
    approveReport(t.db, { ...YEAR, approvedOn: '2018-01-15' }, TODAY);
    const [file, ...rest] = await reportsExportKind.build(t.db, 2017);
    expect(rest.map((f) => f.fileName)).toEqual(['Отчёт о работе за I квартал 2017 года.docx']);
    expect(file!.fileName).toBe('Отчёт о работе за 2017 год.docx');
    const paragraphs = await docxParagraphs(file!.base64);
    expect(paragraphs).toContain('– 0 случаев по Мучкапскому району, в них 0 детей;');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await reportFiguresTable(t.db)) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([
      2017,
      undefined,
      '2017 год',
      'Мониторинг',
      'Случаи закрыты',
      'Мучкапский район',
      0,
      'случаев',
      '15.01.2018',
    ]);
    expect(rows).toContainEqual([
      2017,
      undefined,
      '2017 год',
      'Мониторинг',
      'Случаи открыты',
      'по сегменту в целом',
      26,
      'случаев',
      '15.01.2018',
    ]);
    expect(rows).toContainEqual([
      2017,
      undefined,
      '2017 год',
      'Заседания',
      'Проведено заседаний',
      'по сегменту в целом',
      3,
      'заседаний',
      '15.01.2018',
    ]);
    expect(rows).toContainEqual([
      2017,
      undefined,
      '2017 год',
      'Печатная продукция',
      'Распространено экземпляров',
      'по сегменту в целом',
      605,
      'экз.',
      '15.01.2018',
    ]);
  });

  it('counts the specialists trained as the events register does: completers of the center’s own held events', async () => {
    createReport(t.db, { year: 2018, quarter: null }, TODAY);
    const trained = specialistsTrained(t.db, { from: '2018-01-01', to: '2018-12-31' }).reduce((n, f) => n + f.value, 0);
    expect(trained).toBeGreaterThan(0);
    const v = (await getReport(t.db, { year: 2018, quarter: null }, TODAY))!;
    expect(v.figures.find((f) => f.key === 'Прошли обучение')!.text).toMatch(new RegExp(`^${trained} человека? прош(ёл|ли) обучение$`));
  });

  it('has a quarterly variant: the quarter’s meetings, events, distributions and figures', async () => {
    // The demo's own, approved on 05.04.2017.
    const text = (await docxParagraphs((await reportDocx(t.db, { year: 2017, quarter: 1 })).base64)).join('\n');
    expect(text).toContain('за I квартал 2017 года');
    expect(text).toContain('В рамках работы рабочей группы в I квартале 2017 года проведена следующая работа:');
    expect(text).toContain('проведено 1 заседание');
    expect(text).toMatch(
      /1\. Межведомственный семинар .* – 20 марта 2017 года;\n2\. Семинар «Организация подготовки лиц, желающих принять в свою семью ребенка» – 28 марта 2017 года\./,
    );
    expect(text).not.toContain('Форум приемных семей');
    // No plan execution and no earlier years in a quarter's report.
    expect(text).not.toContain('План работы на 2017 год');
    expect(text).not.toContain('В сравнении с предыдущими годами');
  });
});
