import { describe, expect, it } from 'vitest';
import { DATA_STEPS } from '@db/dataSteps';
import { freshApi } from '@tests/unit/meetings/helpers';
import {
  joinMunicipalities,
  MUNICIPALITY_TYPES,
  municipalityName,
  prefillForms,
  splitMunicipalityName,
  type GrammaticalCase,
  type MunicipalityNameParts,
} from '@shared/russian';

/** Parts and prefilled forms of a name typed whole, as the form fills them in. */
function parts(name: string): MunicipalityNameParts {
  const split = splitMunicipalityName(name);
  return { ...split, forms: prefillForms(split.type, split.properName).forms };
}
const CASES: GrammaticalCase[] = ['genitive', 'dative', 'instrumental', 'prepositional'];
const inCases = (name: string) => CASES.map((c) => municipalityName(parts(name), c));

// The Tambov names /work/notes/russian-grammar.md measured the prefill on, with hand-written forms.
const DISTRICTS = [
  'Бондарский',
  'Гавриловский',
  'Жердевский',
  'Знаменский',
  'Инжавинский',
  'Кирсановский',
  'Мичуринский',
  'Мордовский',
  'Моршанский',
  'Мучкапский',
  'Никифоровский',
  'Первомайский',
  'Петровский',
  'Пичаевский',
  'Рассказовский',
  'Ржаксинский',
  'Сампурский',
  'Сосновский',
  'Староюрьевский',
  'Тамбовский',
  'Токарёвский',
  'Уваровский',
  'Умётский',
];
const CITIES: Record<string, [string, string, string, string]> = {
  Тамбов: ['Тамбова', 'Тамбову', 'Тамбовом', 'Тамбове'],
  Мичуринск: ['Мичуринска', 'Мичуринску', 'Мичуринском', 'Мичуринске'],
  Моршанск: ['Моршанска', 'Моршанску', 'Моршанском', 'Моршанске'],
  Котовск: ['Котовска', 'Котовску', 'Котовском', 'Котовске'],
  Рассказово: ['Рассказово', 'Рассказово', 'Рассказово', 'Рассказово'],
  Кирсанов: ['Кирсанова', 'Кирсанову', 'Кирсановом', 'Кирсанове'],
  Уварово: ['Уварово', 'Уварово', 'Уварово', 'Уварово'],
};

describe('municipality names in parts', () => {
  it('prefills every case of the 23 Tambov districts, as «район» and «муниципальный округ»', () => {
    for (const adjective of DISTRICTS) {
      const stem = adjective.slice(0, -2);
      expect(inCases(`${adjective} район`)).toEqual([`${stem}ого района`, `${stem}ому району`, `${stem}им районом`, `${stem}ом районе`]);
      expect(inCases(`${adjective} муниципальный округ`)).toEqual([
        `${stem}ого муниципального округа`,
        `${stem}ому муниципальному округу`,
        `${stem}им муниципальным округом`,
        `${stem}ом муниципальном округе`,
      ]);
      expect(prefillForms('district', adjective).certain).toBe(true);
    }
  });

  it('prefills the 7 cities, as «город X» and «городской округ – город X» (the official name stays in the nominative)', () => {
    for (const [city, [g, d, i, p]] of Object.entries(CITIES)) {
      expect(inCases(`город ${city}`)).toEqual([`города ${g}`, `городу ${d}`, `городом ${i}`, `городе ${p}`]);
      expect(inCases(`городской округ – город ${city}`)).toEqual(
        ['городского округа', 'городскому округу', 'городским округом', 'городском округе'].map((x) => `${x} – город ${city}`),
      );
    }
  });

  it('writes «городской округ – город» with the spaced en dash in every case, however the name was typed', () => {
    // The website's text is not typeset by the document renderers: the dash must come from the name itself.
    for (const typed of ['городской округ - город Уварово', 'городской округ — город Уварово', 'городской округ город Уварово']) {
      const m = parts(typed);
      expect(m.type).toBe('urbanOkrug');
      expect(municipalityName(m)).toBe('городской округ – город Уварово');
      expect(municipalityName(m, 'genitive')).toBe('городского округа – город Уварово');
    }
    expect(joinMunicipalities([parts('городской округ - город Уварово'), parts('город Котовск')], 'genitive')).toBe(
      'городского округа – город Уварово и города Котовска',
    );
    for (const form of [...Object.values(MUNICIPALITY_TYPES.urbanOkrug.singular), ...Object.values(MUNICIPALITY_TYPES.urbanOkrug.plural)])
      expect(form).not.toMatch(/ - /);
  });

  it('recognises the type in a name typed whole, and marks for checking what the rules only guess', () => {
    expect(splitMunicipalityName('г. Уварово')).toEqual({ type: 'city', properName: 'Уварово' });
    expect(splitMunicipalityName('Тамбовская область')).toEqual({ type: 'region', properName: 'Тамбовская' });
    expect(splitMunicipalityName('Сегмент №6')).toEqual({ type: 'none', properName: 'Сегмент №6' });
    expect(municipalityName(parts('Тамбовская область'), 'genitive')).toBe('Тамбовской области');
    expect(prefillForms('city', 'Орёл').certain).toBe(false);
    expect(prefillForms('city', 'Тверь').certain).toBe(false);
    expect(prefillForms('township', 'Первомайский')).toMatchObject({ certain: false, forms: { genitive: 'Первомайский' } });
    expect(prefillForms('none', 'Кирсанов').certain).toBe(false);
  });

  it('joins several as the report does, the adjectives of one type sharing the noun in the plural', () => {
    const list = ['город Моршанск', 'Моршанский район', 'Сосновский район', 'Пичаевский район'].map(parts);
    expect(joinMunicipalities(list, 'genitive')).toBe('города Моршанска, Моршанского, Сосновского и Пичаевского районов');
    expect(`по ${joinMunicipalities([parts('Уваровский район')], 'dative')}`).toBe('по Уваровскому району');
    expect(`по ${joinMunicipalities(['Уваровский район', 'Ржаксинский район'].map(parts), 'dative')}`).toBe(
      'по Уваровскому и Ржаксинскому районам',
    );
    expect(joinMunicipalities(['Уваровский район', 'город Уварово', 'Ржаксинский район'].map(parts), 'prepositional')).toBe(
      'Уваровском районе, городе Уварово и Ржаксинском районе',
    );
    expect(joinMunicipalities([], 'genitive')).toBe('');
  });

  it('uses the forms the user confirmed, not the rules', () => {
    const orel: MunicipalityNameParts = {
      type: 'city',
      properName: 'Орёл',
      forms: { genitive: 'Орла', dative: 'Орлу', accusative: 'Орёл', instrumental: 'Орлом', prepositional: 'Орле' },
    };
    expect(municipalityName(orel, 'genitive')).toBe('города Орла');
    expect(joinMunicipalities([orel, parts('город Моршанск')], 'instrumental')).toBe('городом Орлом и городом Моршанском');
  });
});

describe('the names stored before the dash was fixed', () => {
  it('are written again with the en dash by the 0022 data step, their sort keys following, the others untouched', async () => {
    const api = freshApi();
    try {
      const uvarovo = await api.call('municipalities.create', { type: 'urbanOkrug', properName: 'Уварово' });
      const morshansk = await api.call('municipalities.create', { type: 'city', properName: 'Моршанск' });
      const read = (id: number) =>
        api.sqlite.prepare('SELECT name, sort_key AS sortKey FROM municipalities WHERE id = ?').get(id) as {
          name: string;
          sortKey: string;
        };
      const fresh = read(uvarovo.id);
      expect(fresh.name).toBe('городской округ – город Уварово');
      const cityBefore = read(morshansk.id);
      // As a file written by the old rule holds it.
      api.sqlite
        .prepare("UPDATE municipalities SET name = 'городской округ - город Уварово', sort_key = 'old' WHERE id = ?")
        .run(uvarovo.id);
      DATA_STEPS.find((s) => s.id === '0022-urban-okrug-dash')!.run(api.db);
      expect(read(uvarovo.id)).toEqual(fresh);
      expect(read(morshansk.id)).toEqual(cityBefore);
    } finally {
      api.cleanup();
    }
  });
});
