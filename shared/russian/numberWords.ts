// The default export: Node resolves this ESM package's `main` to a UMD build whose named exports it cannot see.
import numberToWordsRu from 'number-to-words-ru';
import { plural, type NounForms } from './numbers';

/**
 * A whole number in words, in the nominative, agreeing in gender with its noun: «один
 * экземпляр», «одна тысяча двести пятьдесят один экземпляр» (an act writes quantities in figures
 * and in words). The words are number-to-words-ru's (thousands are feminine, millions masculine,
 * whatever the noun); the noun's form after the number is plural() of this module, the one rule
 * the whole application counts with.
 */
export type NounGender = 'masculine' | 'feminine' | 'neuter';

const GENDER_INDEX: Record<NounGender, 0 | 1 | 2> = { masculine: 0, feminine: 1, neuter: 2 };

export function numberInWords(n: number, gender: NounGender): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Not a whole number of items: ${n}`);
  const words = numberToWordsRu
    .convert(String(n), {
      currency: {
        currencyNameCases: ['', '', ''],
        fractionalPartNameCases: ['', '', ''],
        currencyNounGender: { integer: GENDER_INDEX[gender], fractionalPart: GENDER_INDEX[gender] },
      },
      showNumberParts: { integer: true, fractional: false },
      showCurrency: { integer: false, fractional: false },
    })
    .trim();
  return words.charAt(0).toLowerCase() + words.slice(1);
}

/** «двадцать один экземпляр»: the number in words and its noun. */
export const countInWords = (n: number, forms: NounForms, gender: NounGender): string => `${numberInWords(n, gender)} ${plural(n, forms)}`;

/** The copies of a publication: «экземпляр» is masculine. */
export const COPY_FORMS: NounForms = ['экземпляр', 'экземпляра', 'экземпляров'];
export const copiesInWords = (n: number): string => countInWords(n, COPY_FORMS, 'masculine');
