/** Numbers with the words that agree with them. */

// Made on first use, not when the module is read: in Chromium the first Intl.NumberFormat of a
// locale costs 17–43 ms (ICU's data), and this module is among the first screen's scripts, which
// all run before the first screen's calls are sent.
let rules: Intl.PluralRules | undefined;
let format: Intl.NumberFormat | undefined;
const pluralRules = () => (rules ??= new Intl.PluralRules('ru'));
const numberFormat = () => (format ??= new Intl.NumberFormat('ru-RU'));

/** The three forms of a noun after a number: 1 случай, 2 случая, 5 случаев. */
export type NounForms = readonly [one: string, few: string, many: string];

/**
 * The form that agrees with the number. Intl.PluralRules knows the categories: `one` (1, 21,
 * 101), `few` (2–4, 22–24), `many` (0, 5–20, 25) and, for fractions, `other`. A fraction takes the
 * genitive singular — «1,5 случая», «0,5 процента» —, which is the form after 2–4, so `other`
 * takes the `few` form (reading it as `many` gave «1,5 случаев»).
 */
export function plural(n: number, forms: NounForms): string {
  switch (pluralRules().select(n)) {
    case 'one':
      return forms[0];
    case 'many':
      return forms[2];
    default:
      return forms[1];
  }
}

export const formatNumber = (n: number): string => numberFormat().format(n);

/** «5 случаев», «1,5 случая», «20 000 случаев» (thousands grouped the Russian way). */
export const countOf = (n: number, forms: NounForms): string => `${formatNumber(n)} ${plural(n, forms)}`;

/**
 * The verb after a counted subject: singular after 1, 21, 101 («21 человек прошёл»), plural
 * otherwise («28 человек прошли», «3 организации приняли»), as in the report's own sentences.
 * `verb` is [singular, plural]; the singular is the one that agrees with the noun's gender.
 */
export function countedVerb(n: number, verb: readonly [singular: string, plural: string]): string {
  return pluralRules().select(n) === 'one' ? verb[0] : verb[1];
}

/** «21 человек прошёл обучение»: the count, its noun and the agreeing verb. */
export const countWithVerb = (n: number, forms: NounForms, verb: readonly [string, string]): string =>
  `${countOf(n, forms)} ${countedVerb(n, verb)}`;

/**
 * The three forms of the units the monitoring catalogue states in the genitive plural («случаев»,
 * «детей»): a figure written in a sentence agrees with its number («1 случай», «2 ребёнка»). A unit
 * the center added itself and this list does not know gives null: the figure is then written with
 * its unit as stated, after a dash («Обращения – 3 ед.»), never with a wrong ending.
 */
const UNIT_FORMS: Record<string, NounForms> = {
  случаев: ['случай', 'случая', 'случаев'],
  детей: ['ребёнок', 'ребёнка', 'детей'],
  семей: ['семья', 'семьи', 'семей'],
  человек: ['человек', 'человека', 'человек'],
  консультаций: ['консультация', 'консультации', 'консультаций'],
  посещений: ['посещение', 'посещения', 'посещений'],
  сигналов: ['сигнал', 'сигнала', 'сигналов'],
  'экз.': ['экземпляр', 'экземпляра', 'экземпляров'],
  экземпляров: ['экземпляр', 'экземпляра', 'экземпляров'],
  мероприятий: ['мероприятие', 'мероприятия', 'мероприятий'],
  заседаний: ['заседание', 'заседания', 'заседаний'],
};

export const unitForms = (unit: string): NounForms | null => UNIT_FORMS[unit.trim().toLowerCase()] ?? null;

/** «26 случаев», or «26 ед.» for a unit whose forms are not known. */
export const countInUnit = (n: number, unit: string): string => {
  const forms = unitForms(unit);
  return forms ? countOf(n, forms) : `${formatNumber(n)} ${unit}`;
};
