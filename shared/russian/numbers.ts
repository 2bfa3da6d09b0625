/** Numbers with the words that agree with them. */

const pluralRules = new Intl.PluralRules('ru');
const numberFormat = new Intl.NumberFormat('ru-RU');

/** The three forms of a noun after a number: 1 случай, 2 случая, 5 случаев. */
export type NounForms = readonly [one: string, few: string, many: string];

/**
 * The form that agrees with the number. Intl.PluralRules knows the categories: `one` (1, 21,
 * 101), `few` (2–4, 22–24), `many` (0, 5–20, 25) and, for fractions, `other`. A fraction takes the
 * genitive singular — «1,5 случая», «0,5 процента» —, which is the form after 2–4, so `other`
 * takes the `few` form (reading it as `many` gave «1,5 случаев»).
 */
export function plural(n: number, forms: NounForms): string {
  switch (pluralRules.select(n)) {
    case 'one':
      return forms[0];
    case 'many':
      return forms[2];
    default:
      return forms[1];
  }
}

export const formatNumber = (n: number): string => numberFormat.format(n);

/** «5 случаев», «1,5 случая», «20 000 случаев» (thousands grouped the Russian way). */
export const countOf = (n: number, forms: NounForms): string => `${formatNumber(n)} ${plural(n, forms)}`;

/**
 * The verb after a counted subject: singular after 1, 21, 101 («21 человек прошёл»), plural
 * otherwise («28 человек прошли», «3 организации приняли»), as in the report's own sentences.
 * `verb` is [singular, plural]; the singular is the one that agrees with the noun's gender.
 */
export function countedVerb(n: number, verb: readonly [singular: string, plural: string]): string {
  return pluralRules.select(n) === 'one' ? verb[0] : verb[1];
}

/** «21 человек прошёл обучение»: the count, its noun and the agreeing verb. */
export const countWithVerb = (n: number, forms: NounForms, verb: readonly [string, string]): string =>
  `${countOf(n, forms)} ${countedVerb(n, verb)}`;
