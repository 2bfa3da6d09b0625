import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '@main/services/app/demo';
import { prepareExport } from '@main/services/exchange/prepare';
import { exportKinds } from '@main/services/exchange/export';
import { describeIndicator, listIndicators } from '@main/services/indicators/catalogue';
import { getSheet, saveSheet, segmentMunicipalities } from '@main/services/indicators/sheet';
import { yearOverYear } from '@main/services/indicators/yearOverYear';
import { COMPUTED_SOURCES, periodDays } from '@main/services/indicators/sources';
import { DomainError } from '@main/api/errors';
import { getEvent } from '@main/services/events/detail';
import { setEventStatus } from '@main/services/events/events';
import { freshDb } from '@tests/unit/registry/helpers';

let t: ReturnType<typeof freshDb>;
beforeEach(() => {
  t = freshDb();
  seedDemo(t.db);
});
afterEach(() => t.cleanup());

const id = (name: string) => listIndicators(t.db).find((i) => i.name === name)!.id;
const places = () => segmentMunicipalities(t.db);
const tableHash = () => t.sqlite.prepare("SELECT group_concat(id || ':' || value || ':' || updated_at) AS h FROM indicator_values").get();

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e.message;
    throw e;
  }
  throw new Error('not refused');
}

describe('the catalogue', () => {
  it('starts with the figures of seed 003, each with its unit, group and yearly rule', () => {
    const catalogue = listIndicators(t.db);
    expect(catalogue.map((i) => i.name)).toContain('Обратились по вопросу приёма ребёнка в семью');
    expect(catalogue.find((i) => i.name === 'Посещения на дому')).toMatchObject({ unit: 'посещений', rule: 'sum', whole: true });
    expect(catalogue.find((i) => i.name === 'Семьи на сопровождении')).toMatchObject({
      rule: 'end',
      group: 'Семьи в трудной жизненной ситуации',
    });
    expect(catalogue.find((i) => i.name === 'Дети в открытых случаях')).toMatchObject({ atLeastName: 'Случаи открыты' });
    expect(catalogue.filter((i) => i.group === 'Сигналы по источникам')).toHaveLength(4);
  });

  it('refuses a check role another indicator has', () => {
    expect(
      refusal(() =>
        describeIndicator(t.db, {
          id: id('Посещения на дому'),
          unit: 'посещений',
          group: '',
          rule: 'sum',
          whole: true,
          role: 'casesOpened',
          atLeastId: null,
          source: null,
        }),
      ),
    ).toBe('Эта роль в проверках уже у показателя «Случаи открыты»');
  });
});

describe('whole numbers', () => {
  it('accept a fraction once the indicator allows them, and cannot be required again while one is stored', () => {
    const visits = id('Посещения на дому');
    const base = { id: visits, unit: 'посещений', group: '', rule: 'sum' as const, role: null, atLeastId: null, source: null };
    describeIndicator(t.db, { ...base, whole: false });
    saveSheet(t.db, {
      year: 2019,
      quarter: null,
      scope: 'segment',
      cells: [{ indicatorId: visits, municipalityId: null, text: '1,5' }],
      confirmed: false,
    });
    expect(refusal(() => describeIndicator(t.db, { ...base, whole: true }))).toBe(
      'Среди значений показателя есть дробные (1,5 за 2019 год): исправьте их или оставьте дробные числа',
    );
  });
});

describe('a sheet of one quarter', () => {
  it('stores what was typed the Russian way, and shows it again', () => {
    const [a, b] = places();
    const result = saveSheet(t.db, {
      year: 2018,
      quarter: 1,
      scope: 'municipalities',
      cells: [
        { indicatorId: id('Посещения на дому'), municipalityId: a!.id, text: '1\u00a0234' },
        { indicatorId: id('Посещения на дому'), municipalityId: b!.id, text: '56' },
        { indicatorId: id('Консультации родителей'), municipalityId: a!.id, text: '' },
      ],
      confirmed: false,
    });
    expect(result).toEqual({ saved: true, warnings: [], changed: 2 });
    const sheet = getSheet(t.db, { year: 2018, quarter: 1, scope: 'municipalities' });
    expect(sheet.periodLabel).toBe('I квартал 2018 года');
    expect(sheet.rows.find((r) => r.indicatorId === id('Посещения на дому'))!.values.slice(0, 2)).toEqual([1234, 56]);
  });

  it('refuses the whole save in Russian when one cell is wrong, and changes nothing', () => {
    const [a] = places();
    const before = tableHash();
    const message = refusal(() =>
      saveSheet(t.db, {
        year: 2018,
        quarter: 2,
        scope: 'municipalities',
        cells: [
          { indicatorId: id('Посещения на дому'), municipalityId: a!.id, text: '12' },
          { indicatorId: id('Случаи открыты'), municipalityId: a!.id, text: '1,5' },
        ],
        confirmed: true,
      }),
    );
    expect(message).toBe(`«Случаи открыты», ${a!.name}: «1,5»: показатель считается в целых числах. Ничего не сохранено.`);
    expect(tableHash()).toEqual(before);
  });

  it('holds contradicting figures until the user confirms them', () => {
    const [a] = places();
    const cells = [
      { indicatorId: id('Случаи открыты'), municipalityId: a!.id, text: '4' },
      { indicatorId: id('Дети в открытых случаях'), municipalityId: a!.id, text: '3' },
    ];
    const held = saveSheet(t.db, { year: 2018, quarter: 1, scope: 'municipalities', cells, confirmed: false });
    expect(held.saved).toBe(false);
    expect(held.warnings.map((w) => w.message)).toEqual([`«Дети в открытых случаях» (${a!.name}): 3 — меньше, чем «Случаи открыты» (4)`]);
    expect(
      getSheet(t.db, { year: 2018, quarter: 1, scope: 'municipalities' }).rows.find((r) => r.indicatorId === id('Случаи открыты'))!
        .values[0],
    ).toBeNull();
    expect(saveSheet(t.db, { year: 2018, quarter: 1, scope: 'municipalities', cells, confirmed: true })).toMatchObject({
      saved: true,
      changed: 2,
    });
  });

  it('warns of more closed than opened plus carried over from the quarter before', () => {
    const [a] = places();
    const cell = (name: string, text: string) => ({ indicatorId: id(name), municipalityId: a!.id, text });
    saveSheet(t.db, {
      year: 2018,
      quarter: 1,
      scope: 'municipalities',
      cells: [cell('Случаи на сопровождении на конец периода', '2')],
      confirmed: false,
    });
    const held = saveSheet(t.db, {
      year: 2018,
      quarter: 2,
      scope: 'municipalities',
      cells: [cell('Случаи открыты', '1'), cell('Случаи закрыты', '4')],
      confirmed: false,
    });
    expect(held.warnings.map((w) => w.message)).toEqual([
      `«Случаи закрыты» (${a!.name}): 4 — больше, чем открыто за период (1) и перенесено с прошлого периода (2)`,
    ]);
  });

  it('keeps a year at the grain its source gave: no quarters over a whole-year figure', () => {
    const [a] = places();
    const message = refusal(() =>
      saveSheet(t.db, {
        year: 2016,
        quarter: 3,
        scope: 'municipalities',
        cells: [{ indicatorId: id('Случаи открыты'), municipalityId: a!.id, text: '5' }],
        confirmed: true,
      }),
    );
    expect(message).toContain('«Случаи открыты» за 2016 год уже введено за год по сегменту в целом');
    expect(
      getSheet(t.db, { year: 2016, quarter: 3, scope: 'municipalities' }).rows.find((r) => r.indicatorId === id('Случаи открыты'))!
        .otherGrain,
    ).toBe('уже введено за год по сегменту в целом');
  });
});

describe('year over year', () => {
  it('gives the report’s «2014 – 28, 2015 – 43, 2016 – 54» and 2017’s 26, with the chart', async () => {
    const answer = await yearOverYear(t.db, { indicatorId: id('Случаи открыты') });
    expect(answer.years.map((y) => [y.year, y.value])).toEqual([
      [2014, 28],
      [2015, 43],
      [2016, 54],
      [2017, 26],
    ]);
    for (const label of ['2014', '2015', '2016', '2017', 'Случаи открыты: по годам', 'случаев'])
      expect(answer.chartSvg).toContain(`>${label}</text>`);
  });

  it('sums the cases closed in 2017 over the municipalities the report lists', async () => {
    expect((await yearOverYear(t.db, { indicatorId: id('Случаи закрыты') })).years).toEqual([
      { year: 2017, value: 19, basis: 'за год по 5 муниципальным образованиям', complete: true },
    ]);
  });
});

describe('an indicator computed from the events register', () => {
  const trained = () => listIndicators(t.db).find((i) => i.name === 'Специалисты прошли обучение')!;
  /** The register's own «завершили обучение: N» of the center's held events whose first day is in the period. */
  const completedOnCards = (from: string, to: string) =>
    (
      t.sqlite
        .prepare(
          "SELECT id FROM events WHERE status = 'held' AND center_role IN ('organizer', 'coOrganizer') AND first_day BETWEEN ? AND ?",
        )
        .all(from, to) as { id: number }[]
    ).reduce((n, e) => n + (getEvent(t.db, e.id).totals.completed ?? 0), 0);

  it('is in the catalogue with the register it comes from', () => {
    expect(trained()).toMatchObject({
      rule: 'computed',
      unit: 'человек',
      source: { key: 'events.trained', register: 'Мероприятия', byMunicipality: true },
    });
  });

  it('shows each quarter’s completions read-only, by the event’s municipality, and says where they come from', () => {
    const expected = completedOnCards('2018-04-01', '2018-06-30');
    expect(expected).toBeGreaterThan(0);
    const sheet = getSheet(t.db, { year: 2018, quarter: 2, scope: 'municipalities' });
    const row = sheet.rows.find((r) => r.indicatorId === trained().id)!;
    expect(row.values.reduce((a, b) => a! + b!, 0)).toBe(expected);
    expect(row.computed).toEqual({
      origin: 'из реестра «Мероприятия»: завершили обучение на мероприятиях, проведённых центром, во II квартале 2018 года',
      total: expected,
      note: null,
    });
    const segment = getSheet(t.db, { year: 2018, quarter: null, scope: 'segment' }).rows.find((r) => r.indicatorId === trained().id)!;
    expect(segment.values).toEqual([completedOnCards('2018-01-01', '2018-12-31')]);
  });

  it('is never typed: a figure for it is refused whole and nothing changes', () => {
    const before = tableHash();
    const opened = id('Случаи открыты');
    expect(
      refusal(() =>
        saveSheet(t.db, {
          year: 2018,
          quarter: 2,
          scope: 'segment',
          cells: [
            { indicatorId: opened, municipalityId: null, text: '3' },
            { indicatorId: trained().id, municipalityId: null, text: '12' },
          ],
          confirmed: true,
        }),
      ),
    ).toBe('«Специалисты прошли обучение» вычисляется из реестра «Мероприятия» и не вводится. Ничего не сохранено.');
    expect(tableHash()).toEqual(before);
  });

  it('cannot be made of an indicator that has typed figures, nor name a source that does not exist', () => {
    const base = { unit: 'человек', group: '', rule: 'computed' as const, whole: true, role: null, atLeastId: null };
    expect(refusal(() => describeIndicator(t.db, { ...base, id: id('Случаи открыты'), source: 'events.trained' }))).toMatch(
      /^У показателя есть введённые значения \(за 2014 год\)/,
    );
    expect(refusal(() => describeIndicator(t.db, { ...base, id: trained().id, source: 'events.nothing' }))).toBe(
      'Такого источника нет: выберите реестр из списка',
    );
  });

  it('goes year over year from the first year the register counts, follows the register, and is charted', async () => {
    const year2018 = completedOnCards('2018-01-01', '2018-12-31');
    const answer = await yearOverYear(t.db, { indicatorId: trained().id });
    expect(answer.years[0]).toEqual({
      year: 2018,
      value: year2018,
      basis: 'из реестра «Мероприятия»: завершили обучение на мероприятиях, проведённых центром, в 2018 году',
      complete: true,
    });
    const thisYear = new Date().getFullYear();
    expect(answer.years.at(-1)).toMatchObject({ year: thisYear, complete: false });
    expect(answer.chartSvg).toContain('>2018</text>');
    expect(answer.chartSvg).toContain(`>${thisYear}*</text>`);

    // Cancelling a held event takes its completions out of the figure.
    const october = t.sqlite
      .prepare("SELECT id FROM events WHERE first_day BETWEEN '2018-10-01' AND '2018-12-31' AND center_role = 'organizer'")
      .get() as { id: number };
    const itsCompleted = getEvent(t.db, october.id).totals.completed!;
    setEventStatus(t.db, october.id, 'cancelled');
    expect((await yearOverYear(t.db, { indicatorId: trained().id })).years[0]!.value).toBe(year2018 - itsCompleted);
  });
});

describe('a computed indicator year over year', () => {
  it('counts every year in one grouped query that agrees with each year counted on its own', async () => {
    for (const source of COMPUTED_SOURCES) {
      const indicator = listIndicators(t.db).find((i) => i.source?.key === source.key)!;
      const years = (await yearOverYear(t.db, { indicatorId: indicator.id })).years;
      expect(years.length).toBeGreaterThan(1);
      const alone = years.map((y) => source.count(t.db, periodDays(y.year, null)).reduce((n, f) => n + f.value, 0));
      expect(alone.some((n) => n > 0)).toBe(true);
      expect(years.map((y) => y.value)).toEqual(alone);
    }
  });
});

describe('an indicator computed from the publications ledger', () => {
  const distributed = () => listIndicators(t.db).find((i) => i.name === 'Распространено экземпляров печатной продукции')!;
  /** The ledger's distributions of a year read straight from the table, those a reversal annuls left out. */
  const distributedInLedger = (year: number) =>
    (
      t.sqlite
        .prepare(
          `SELECT coalesce(sum(quantity), 0) AS n FROM publication_movements m
           WHERE kind = 'distribution' AND date BETWEEN ? AND ?
             AND NOT EXISTS (SELECT 1 FROM publication_movements r WHERE r.reverses_id = m.id)`,
        )
        .get(`${year}-01-01`, `${year}-12-31`) as { n: number }
    ).n;

  it('counts the copies handed out in a year for the segment, read-only, and goes year over year', async () => {
    expect(distributed()).toMatchObject({
      rule: 'computed',
      unit: 'экз.',
      source: { key: 'publications.distributed', register: 'Печатная продукция', byMunicipality: false },
    });
    const in2017 = distributedInLedger(2017);
    expect(in2017).toBeGreaterThan(0);
    const row = getSheet(t.db, { year: 2017, quarter: null, scope: 'segment' }).rows.find((r) => r.indicatorId === distributed().id)!;
    expect(row.values).toEqual([in2017]);
    expect(row.computed?.origin).toBe('из реестра «Печатная продукция»: распространено экземпляров по книге движения, в 2017 году');
    const years = (await yearOverYear(t.db, { indicatorId: distributed().id })).years;
    expect(years.find((y) => y.year === 2017)?.value).toBe(in2017);
  });
});

describe('the data package', () => {
  it('carries every figure in indicators.xlsx, read back from the file', async () => {
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'rc-indicators-'));
    const prepared = await prepareExport(t.db, { year: 2017, kinds: ['data'], workDir }, { checkCancelled: () => {}, progress: () => {} });
    const file = prepared.files.find((f) => f.name === 'indicators.xlsx')!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file.file) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Показатели')!;
    const rows = sheet.getSheetValues().slice(1) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual([
      'Год',
      'Квартал',
      'Код показателя',
      'Показатель',
      'Группа',
      'Единица',
      'За год',
      'Код МО',
      'Муниципальное образование',
      'Значение',
      'Как получено',
    ]);
    const opened = rows.filter((r) => r[4] === 'Случаи открыты').map((r) => [r[1], r[9], r[10], r[11]]);
    expect(opened).toEqual([
      [2014, 'Сегмент в целом', 28, 'введено'],
      [2015, 'Сегмент в целом', 43, 'введено'],
      [2016, 'Сегмент в целом', 54, 'введено'],
      [2017, 'Сегмент в целом', 26, 'введено'],
    ]);
    const count = t.sqlite.prepare('SELECT count(*) AS n FROM indicator_values').get() as { n: number };
    expect(rows.filter((r) => r[11] === 'введено')).toHaveLength(count.n);

    // The computed figures go in too, marked, at their register's grain: a quarter by municipality
    // for the trainings, a quarter for the segment for the copies handed out.
    const trained = rows.filter((r) => r[4] === 'Специалисты прошли обучение');
    expect(new Set(trained.map((r) => r[11]))).toEqual(new Set(['вычислено из реестра «Мероприятия»']));
    const q2of2018 = trained.filter((r) => r[1] === 2018 && r[2] === 2);
    const trainedSheet = getSheet(t.db, { year: 2018, quarter: 2, scope: 'municipalities' });
    const trainedRow = trainedSheet.rows.find((r) => r.indicatorId === id('Специалисты прошли обучение'))!;
    expect(q2of2018.map((r) => [r[8], r[10]])).toEqual(places().map((m, i) => [m.id, trainedRow.values[i]]));
    expect(q2of2018.reduce((n, r) => n + (r[10] as number), 0)).toBe(trainedRow.computed!.total);
    const segment2018 = getSheet(t.db, { year: 2018, quarter: null, scope: 'segment' });
    const trainedIn2018 = trained.filter((r) => r[1] === 2018).reduce((n, r) => n + (r[10] as number), 0);
    expect(trainedIn2018).toBe(segment2018.rows.find((r) => r.indicatorId === id('Специалисты прошли обучение'))!.values[0]);
    expect(trainedIn2018).toBeGreaterThan(0);

    const copies = rows.filter((r) => r[4] === 'Распространено экземпляров печатной продукции' && r[1] === 2017);
    expect(copies.map((r) => [r[2], r[8], r[9], r[11]])).toEqual(
      [1, 2, 3, 4].map((q) => [q, undefined, 'Сегмент в целом', 'вычислено из реестра «Печатная продукция»']),
    );
    const copiesIn2017 = getSheet(t.db, { year: 2017, quarter: null, scope: 'segment' }).rows.find(
      (r) => r.indicatorId === id('Распространено экземпляров печатной продукции'),
    )!.values[0];
    expect(copies.reduce((n, r) => n + (r[10] as number), 0)).toBe(copiesIn2017);
  });

  it('sends the year’s document «Показатели мониторинга за год» with the export, with its chart, and none for a year without figures', async () => {
    expect(exportKinds().map((k) => k.id)).toContain('indicators');
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'rc-indicators-'));
    const steps = { checkCancelled: () => {}, progress: () => {} };
    const prepared = await prepareExport(t.db, { year: 2017, kinds: ['indicators'], workDir }, steps);
    expect(prepared.files.map((f) => [f.kind, f.name])).toEqual([
      ['indicators', 'Показатели мониторинга за 2017 год.docx'],
      ['indicators', 'Показатели мониторинга за 2017 год.xlsx'],
    ]);
    const zip = await JSZip.loadAsync(readFileSync(prepared.files[0]!.file));
    const xml = await zip.file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts).toEqual(expect.arrayContaining(['ПОКАЗАТЕЛИ МОНИТОРИНГА', 'за 2017 год']));
    // The caption's space before the dash is a no-break one (typesetting keeps the number with it).
    expect(texts.some((text) => /^Рисунок 1\s–\sСлучаи открыты по годам, случаев$/u.test(text!))).toBe(true);
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(prepared.files[1]!.file) as unknown as ArrayBuffer);
    const cells = book.worksheets[0]!.getSheetValues().flat();
    expect(cells).toContain('Случаи открыты');
    expect(cells).toContain(26);

    const empty = await prepareExport(t.db, { year: 2012, kinds: ['indicators'], workDir }, steps);
    expect(empty.files).toEqual([]);
  });
});
