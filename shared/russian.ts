import dayjs from 'dayjs';
import 'dayjs/locale/ru';

/**
 * Russian text rules used by both the UI and the documents, so a date or a count reads the
 * same on screen and on paper.
 */
dayjs.locale('ru');

const collator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });
/** Russian alphabetical order, case-insensitive, ё sorted with е. */
export const compareRu = (a: string, b: string) => collator.compare(foldRu(a), foldRu(b));
/** compareRu for keys already folded with foldRu: for sorting many labels, each folded once. */
export const compareFolded = (a: string, b: string) => collator.compare(a, b);

/** Lower case with ё→е and single spaces: the key for search and for SQL ordering. */
export function foldRu(value: string): string {
  return value.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** `2017-09-12` → `12.09.2017`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format('DD.MM.YYYY') : '';
}

const pluralRules = new Intl.PluralRules('ru');

/** Picks the form that agrees with the number: plural(5, ['случай', 'случая', 'случаев']) → «случаев». */
export function plural(n: number, forms: readonly [one: string, few: string, many: string]): string {
  const rule = pluralRules.select(n);
  if (rule === 'one') return forms[0];
  if (rule === 'few') return forms[1];
  return forms[2];
}

/** «5 случаев». */
export function countOf(n: number, forms: readonly [string, string, string]): string {
  return `${formatNumber(n)} ${plural(n, forms)}`;
}

const numberFormat = new Intl.NumberFormat('ru-RU');
export const formatNumber = (n: number) => numberFormat.format(n);

export const MONTHS_NOMINATIVE = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
] as const;
export const QUARTERS_ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** «Иванова Мария Петровна» → «Иванова М.П.». */
export function surnameWithInitials(lastName: string, firstName: string, middleName = ''): string {
  const initials = [firstName, middleName]
    .filter(Boolean)
    .map((n) => `${n.trim()[0]?.toUpperCase()}.`)
    .join('');
  return initials ? `${lastName} ${initials}` : lastName;
}

/** «М.П. Иванова»: the order used under a signature. */
export function initialsThenSurname(lastName: string, firstName: string, middleName = ''): string {
  const initials = [firstName, middleName]
    .filter(Boolean)
    .map((n) => `${n.trim()[0]?.toUpperCase()}.`)
    .join('');
  return initials ? `${initials} ${lastName}` : lastName;
}
