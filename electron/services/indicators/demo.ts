import type { AppDb } from '@db/open';
import { listIndicators } from './catalogue';
import { saveSheet, segmentMunicipalities } from './sheet';

/**
 * Seed 003's figures (the working group's report for 2017): the years 2014–2016 as the report
 * compares them — whole years of the whole segment —, 2017 the same, and the cases closed in 2017
 * by municipality as the report lists them. «Более 300 консультаций», «около 300 посещений, треть
 * из которых экстренные» are kept as the report rounds them.
 */
const SEGMENT_YEARS: [string, Record<number, number>][] = [
  ['Случаи открыты', { 2014: 28, 2015: 43, 2016: 54, 2017: 26 }],
  ['Дети в открытых случаях', { 2017: 51 }],
  ['Случаи на сопровождении на конец периода', { 2017: 20 }],
  ['Дети в случаях на сопровождении', { 2017: 44 }],
  ['Семьи на сопровождении', { 2017: 39 }],
  ['Дети в семьях на сопровождении', { 2017: 83 }],
  ['Консультации родителей', { 2017: 300 }],
  ['Посещения на дому', { 2017: 677 }],
  ['Замещающие семьи всего', { 2017: 213 }],
  ['Созданы замещающие семьи', { 2017: 18 }],
  ['Посещения замещающих семей', { 2017: 300 }],
  ['В том числе экстренные посещения замещающих семей', { 2017: 100 }],
  ['Обратились по вопросу приёма ребёнка в семью', { 2017: 34 }],
  ['Прошли обучение из обратившихся', { 2017: 28 }],
  ['Сигналы от советов помощи семье и детям', { 2017: 1 }],
];

/** «8 „случаев“ в г. Уварово, в них 14 детей…»: closed cases and their children, by proper name of the municipality. */
const CLOSED_2017: [string, number, number][] = [
  ['Уварово', 8, 14],
  ['Уваровский', 4, 11],
  ['Ржаксинский', 5, 7],
  ['Инжавинский', 2, 3],
  ['Мучкапский', 0, 0],
];

export function seedDemoIndicators(db: AppDb): void {
  const idOf = new Map(listIndicators(db).map((i) => [i.name, i.id]));
  const indicator = (name: string) => {
    const id = idOf.get(name);
    if (id === undefined) throw new Error(`Demo data refers to an unknown indicator: ${name}`);
    return id;
  };
  for (const year of [2014, 2015, 2016, 2017]) {
    const cells = SEGMENT_YEARS.filter(([, by]) => by[year] !== undefined).map(([name, by]) => ({
      indicatorId: indicator(name),
      municipalityId: null,
      text: String(by[year]),
    }));
    saveSheet(db, { year, quarter: null, scope: 'segment', cells, confirmed: true });
  }
  const municipalities = segmentMunicipalities(db);
  const cells = CLOSED_2017.flatMap(([properName, cases, children]) => {
    const m = municipalities.find((x) => x.properName === properName);
    if (!m) throw new Error(`Demo data refers to an unknown municipality: ${properName}`);
    return [
      { indicatorId: indicator('Случаи закрыты'), municipalityId: m.id, text: String(cases) },
      { indicatorId: indicator('Дети в закрытых случаях'), municipalityId: m.id, text: String(children) },
    ];
  });
  saveSheet(db, { year: 2017, quarter: null, scope: 'municipalities', cells, confirmed: true });
}
