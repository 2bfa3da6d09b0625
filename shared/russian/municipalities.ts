import type { GrammaticalCase, ObliqueCase } from './declension';
import { OBLIQUE_CASES } from './declension';

/**
 * Municipality names in parts: a type noun («район», «город», «городской округ – город») and the
 * proper part («Моршанский», «Моршанск», «Уварово»), each in every case, so that documents can
 * write «города Моршанска, Моршанского, Сосновского и Пичаевского районов» and «по Уваровскому
 * району». The type nouns are a closed list whose forms are written out here. The proper part's
 * forms are prefilled by the rules below and confirmed or corrected by the user (official names
 * break every automatic rule: Орёл → Орла, Уварово stays Уварово), then stored, never declined
 * again when a document is made. No library does this: lvovich turns «городской округ – город
 * Уварово» into «городскоя округа…» (see /work/notes/russian-grammar.md).
 */

type NounGender = 'm' | 'f' | 'n';
type CaseForms = Record<GrammaticalCase, string>;

interface MunicipalityTypeInfo {
  label: string;
  /** «Моршанский район» (the adjective first) or «город Моршанск» (the noun first). */
  properFirst: boolean;
  /** The gender an adjectival proper part agrees with. */
  gender: NounGender;
  /** The part after «городской округ – город» is the official name and stays in the nominative. */
  properStaysNominative?: boolean;
  singular: CaseForms;
  plural: CaseForms;
}

const forms = (nominative: string, genitive: string, dative: string, accusative: string, instrumental: string, prepositional: string) => ({
  nominative,
  genitive,
  dative,
  accusative,
  instrumental,
  prepositional,
});

export const MUNICIPALITY_TYPES = {
  district: {
    label: 'район',
    properFirst: true,
    gender: 'm',
    singular: forms('район', 'района', 'району', 'район', 'районом', 'районе'),
    plural: forms('районы', 'районов', 'районам', 'районы', 'районами', 'районах'),
  },
  municipalDistrict: {
    label: 'муниципальный район',
    properFirst: true,
    gender: 'm',
    singular: forms(
      'муниципальный район',
      'муниципального района',
      'муниципальному району',
      'муниципальный район',
      'муниципальным районом',
      'муниципальном районе',
    ),
    plural: forms(
      'муниципальные районы',
      'муниципальных районов',
      'муниципальным районам',
      'муниципальные районы',
      'муниципальными районами',
      'муниципальных районах',
    ),
  },
  municipalOkrug: {
    label: 'муниципальный округ',
    properFirst: true,
    gender: 'm',
    singular: forms(
      'муниципальный округ',
      'муниципального округа',
      'муниципальному округу',
      'муниципальный округ',
      'муниципальным округом',
      'муниципальном округе',
    ),
    plural: forms(
      'муниципальные округа',
      'муниципальных округов',
      'муниципальным округам',
      'муниципальные округа',
      'муниципальными округами',
      'муниципальных округах',
    ),
  },
  city: {
    label: 'город',
    properFirst: false,
    gender: 'm',
    singular: forms('город', 'города', 'городу', 'город', 'городом', 'городе'),
    plural: forms('города', 'городов', 'городам', 'города', 'городами', 'городах'),
  },
  urbanOkrug: {
    label: 'городской округ – город',
    properFirst: false,
    gender: 'm',
    properStaysNominative: true,
    singular: forms(
      'городской округ – город',
      'городского округа – город',
      'городскому округу – город',
      'городской округ – город',
      'городским округом – город',
      'городском округе – город',
    ),
    plural: forms(
      'городские округа – город',
      'городских округов – город',
      'городским округам – город',
      'городские округа – город',
      'городскими округами – город',
      'городских округах – город',
    ),
  },
  township: {
    label: 'посёлок',
    properFirst: false,
    gender: 'm',
    singular: forms('посёлок', 'посёлка', 'посёлку', 'посёлок', 'посёлком', 'посёлке'),
    plural: forms('посёлки', 'посёлков', 'посёлкам', 'посёлки', 'посёлками', 'посёлках'),
  },
  village: {
    label: 'село',
    properFirst: false,
    gender: 'n',
    singular: forms('село', 'села', 'селу', 'село', 'селом', 'селе'),
    plural: forms('сёла', 'сёл', 'сёлам', 'сёла', 'сёлами', 'сёлах'),
  },
  selsovet: {
    label: 'сельсовет',
    properFirst: true,
    gender: 'm',
    singular: forms('сельсовет', 'сельсовета', 'сельсовету', 'сельсовет', 'сельсоветом', 'сельсовете'),
    plural: forms('сельсоветы', 'сельсоветов', 'сельсоветам', 'сельсоветы', 'сельсоветами', 'сельсоветах'),
  },
  region: {
    label: 'область',
    properFirst: true,
    gender: 'f',
    singular: forms('область', 'области', 'области', 'область', 'областью', 'области'),
    plural: forms('области', 'областей', 'областям', 'области', 'областями', 'областях'),
  },
  /** A name that fits no type: its forms are all the user's. */
  none: {
    label: 'без типа',
    properFirst: true,
    gender: 'm',
    singular: forms('', '', '', '', '', ''),
    plural: forms('', '', '', '', '', ''),
  },
} satisfies Record<string, MunicipalityTypeInfo>;

export type MunicipalityType = keyof typeof MUNICIPALITY_TYPES;
export const MUNICIPALITY_TYPE_KEYS = Object.keys(MUNICIPALITY_TYPES) as [MunicipalityType, ...MunicipalityType[]];

const typeInfo = (type: MunicipalityType): MunicipalityTypeInfo => MUNICIPALITY_TYPES[type];

/** The proper part's forms in the oblique cases (the nominative is the proper part itself). */
export type ProperForms = Record<ObliqueCase, string>;

export interface MunicipalityNameParts {
  type: MunicipalityType;
  properName: string;
  forms: ProperForms;
}

// Adjective endings by stem, longest first: after к/г/х the ending is ‑ого/‑ому/‑им/‑ом
// (Моршанский), after ж/ш/ч/щ ‑его/‑ему/‑им/‑ем, after soft н ‑него, hard ‑ый/‑ой ‑ого/‑ым.
const ADJECTIVES: [RegExp, NounGender, Record<ObliqueCase, string>][] = [
  [/([кгх])ий$/, 'm', { genitive: '$1ого', dative: '$1ому', accusative: '$1ий', instrumental: '$1им', prepositional: '$1ом' }],
  [/([жшчщ])ий$/, 'm', { genitive: '$1его', dative: '$1ему', accusative: '$1ий', instrumental: '$1им', prepositional: '$1ем' }],
  [/ний$/, 'm', { genitive: 'него', dative: 'нему', accusative: 'ний', instrumental: 'ним', prepositional: 'нем' }],
  [/([кгхжшчщ])ой$/, 'm', { genitive: '$1ого', dative: '$1ому', accusative: '$1ой', instrumental: '$1им', prepositional: '$1ом' }],
  [/ой$/, 'm', { genitive: 'ого', dative: 'ому', accusative: 'ой', instrumental: 'ым', prepositional: 'ом' }],
  [/ый$/, 'm', { genitive: 'ого', dative: 'ому', accusative: 'ый', instrumental: 'ым', prepositional: 'ом' }],
  [/([кгх])ая$/, 'f', { genitive: '$1ой', dative: '$1ой', accusative: '$1ую', instrumental: '$1ой', prepositional: '$1ой' }],
  [/([жшчщ])ая$/, 'f', { genitive: '$1ей', dative: '$1ей', accusative: '$1ую', instrumental: '$1ей', prepositional: '$1ей' }],
  [/ая$/, 'f', { genitive: 'ой', dative: 'ой', accusative: 'ую', instrumental: 'ой', prepositional: 'ой' }],
  [/яя$/, 'f', { genitive: 'ей', dative: 'ей', accusative: 'юю', instrumental: 'ей', prepositional: 'ей' }],
  [/([кгх])ое$/, 'n', { genitive: '$1ого', dative: '$1ому', accusative: '$1ое', instrumental: '$1им', prepositional: '$1ом' }],
  [/([жшчщ])ее$/, 'n', { genitive: '$1его', dative: '$1ему', accusative: '$1ее', instrumental: '$1им', prepositional: '$1ем' }],
  [/ое$/, 'n', { genitive: 'ого', dative: 'ому', accusative: 'ое', instrumental: 'ым', prepositional: 'ом' }],
  [/ее$/, 'n', { genitive: 'его', dative: 'ему', accusative: 'ее', instrumental: 'им', prepositional: 'ем' }],
];

function adjective(word: string): [RegExp, NounGender, Record<ObliqueCase, string>] | undefined {
  const lower = word.toLocaleLowerCase('ru');
  return ADJECTIVES.find(([ending]) => ending.test(lower));
}

/** Keeps the capital of the name: «Моршанский» → «Моршанского». */
function sameCapital(original: string, lower: string): string {
  return original[0] !== undefined && original[0] !== original[0].toLocaleLowerCase('ru')
    ? lower[0]!.toLocaleUpperCase('ru') + lower.slice(1)
    : lower;
}

function declineAdjective(word: string, grammaticalCase: ObliqueCase): string | null {
  const found = adjective(word);
  if (!found) return null;
  const [ending, , endings] = found;
  return sameCapital(word, word.toLocaleLowerCase('ru').replace(ending, endings[grammaticalCase]));
}

/** A noun after «город», «село»: Моршанск → Моршанска; Уварово stays; a fleeting vowel (Орёл, Елец) is only guessed. */
function declineNoun(word: string, grammaticalCase: ObliqueCase): { form: string; certain: boolean } {
  const lower = word.toLocaleLowerCase('ru');
  if (/[оеиуыэю]$/.test(lower)) return { form: word, certain: true };
  if (/[бвгдзклмнпрстфхжшщцч]$/.test(lower)) {
    const sibilant = /[жшщчц]$/.test(lower);
    const ending = { genitive: 'а', dative: 'у', accusative: '', instrumental: sibilant ? 'ем' : 'ом', prepositional: 'е' }[
      grammaticalCase
    ];
    return { form: word + ending, certain: !/(ёл|ел|ок|ец|ёк)$/.test(lower) && !/ч$/.test(lower) };
  }
  if (/а$/.test(lower)) {
    const afterVelar = /[гкхжшчщ]а$/.test(lower);
    const ending = {
      genitive: afterVelar ? 'и' : 'ы',
      dative: 'е',
      accusative: 'у',
      instrumental: /[жшчщц]а$/.test(lower) ? 'ей' : 'ой',
      prepositional: 'е',
    }[grammaticalCase];
    return { form: word.slice(0, -1) + ending, certain: true };
  }
  if (/я$/.test(lower)) {
    const ending = { genitive: 'и', dative: 'е', accusative: 'ю', instrumental: 'ей', prepositional: 'е' }[grammaticalCase];
    return { form: word.slice(0, -1) + ending, certain: false };
  }
  // ‑ь is feminine in Тверь and masculine in Ярославль: the user knows.
  return { form: word, certain: false };
}

export interface FormsPrefill {
  forms: ProperForms;
  /** False where a rule only guessed: the form shows them for checking. */
  certain: boolean;
}

/** One word of a proper part in a case, and whether the rule is sure of it. */
function declineWord(type: MunicipalityType, word: string, grammaticalCase: ObliqueCase): { form: string; certain: boolean } {
  const info = typeInfo(type);
  const found = adjective(word);
  if (type === 'none') {
    // Nothing is known of a name without a type: the rules only help the user fill it in.
    return { form: found ? declineAdjective(word, grammaticalCase)! : declineNoun(word, grammaticalCase).form, certain: false };
  }
  if (info.properFirst) {
    // «Моршанский район», «Тамбовская область»: an adjective agreeing with the noun.
    return found && found[1] === info.gender
      ? { form: declineAdjective(word, grammaticalCase)!, certain: true }
      : { form: word, certain: false };
  }
  // «посёлок Первомайский»: an adjectival name after the noun keeps its form, as a rule; the user checks.
  if (found) return { form: word, certain: false };
  return declineNoun(word, grammaticalCase);
}

/** The proper part's oblique forms by rule, to be confirmed by the user. */
export function prefillForms(type: MunicipalityType, properName: string): FormsPrefill {
  const info = typeInfo(type);
  const words = properName.trim().split(/\s+/).filter(Boolean);
  const result = {} as ProperForms;
  let certain = words.length > 0;
  for (const grammaticalCase of OBLIQUE_CASES) {
    if (info.properStaysNominative) {
      result[grammaticalCase] = words.join(' ');
      continue;
    }
    result[grammaticalCase] = words
      .map((word) => {
        const declined = declineWord(type, word, grammaticalCase);
        if (!declined.certain) certain = false;
        return declined.form;
      })
      .join(' ');
  }
  return { forms: result, certain };
}

const TYPE_PATTERNS: [RegExp, MunicipalityType][] = [
  [/^городской\s+округ\s*[-–—]?\s*город\s+(.+)$/i, 'urbanOkrug'],
  [/^(.+?)\s+муниципальный\s+район$/i, 'municipalDistrict'],
  [/^(.+?)\s+муниципальный\s+округ$/i, 'municipalOkrug'],
  [/^(.+?)\s+район$/i, 'district'],
  [/^(.+?)\s+сельсовет$/i, 'selsovet'],
  [/^(.+?)\s+область$/i, 'region'],
  // An abbreviation with or without its dot; a whole word only before a space («Городище» is no city).
  [/^(?:г\.\s*|г\s+|гор\.\s*|город\s+)(.+)$/i, 'city'],
  [/^(?:п\.\s*|пос\.\s*|р\.\s?п\.\s*|рп\s+|посёлок\s+|поселок\s+)(.+)$/i, 'township'],
  [/^(?:с\.\s*|село\s+)(.+)$/i, 'village'],
];

/** A name typed whole («Моршанский район», «г. Уварово») → its type and proper part; `none` when no type fits. */
export function splitMunicipalityName(name: string): { type: MunicipalityType; properName: string } {
  const text = name.trim().replace(/\s+/g, ' ');
  for (const [pattern, type] of TYPE_PATTERNS) {
    const m = pattern.exec(text);
    if (m?.[1]) return { type, properName: m[1].trim() };
  }
  return { type: 'none', properName: text };
}

const properInCase = (m: MunicipalityNameParts, grammaticalCase: GrammaticalCase) =>
  grammaticalCase === 'nominative' ? m.properName : m.forms[grammaticalCase] || m.properName;

/** «Моршанского района», «города Моршанска», «городского округа – город Уварово». */
export function municipalityName(m: MunicipalityNameParts, grammaticalCase: GrammaticalCase = 'nominative'): string {
  const info = typeInfo(m.type);
  const noun = info.singular[grammaticalCase];
  const proper = properInCase(m, grammaticalCase);
  if (!noun) return proper;
  return info.properFirst ? `${proper} ${noun}` : `${noun} ${proper}`;
}

/** «A, B и C». */
function joinWithAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} и ${parts.at(-1)}`;
}

/**
 * Several municipalities in one case, as the report writes them: adjacent names of the same
 * adjective-first type share one noun in the plural after the last of them — «города Моршанска,
 * Моршанского, Сосновского и Пичаевского районов», «по Уваровскому и Ржаксинскому районам» —,
 * the others are named in full; the list is joined with commas and one «и». The order is the
 * caller's.
 */
export function joinMunicipalities(list: readonly MunicipalityNameParts[], grammaticalCase: GrammaticalCase): string {
  const parts: string[] = [];
  for (let i = 0; i < list.length;) {
    const m = list[i]!;
    const info = typeInfo(m.type);
    let j = i + 1;
    if (info.properFirst && m.type !== 'none') while (j < list.length && list[j]!.type === m.type) j++;
    if (j - i === 1) {
      parts.push(municipalityName(m, grammaticalCase));
    } else {
      const group = list.slice(i, j).map((x) => properInCase(x, grammaticalCase));
      group[group.length - 1] = `${group.at(-1)} ${info.plural[grammaticalCase]}`;
      parts.push(...group);
    }
    i = j;
  }
  return joinWithAnd(parts);
}
