/**
 * Russian order and search, as a key computed once per text.
 *
 * SQLite compares TEXT byte by byte (better-sqlite3 cannot register a collation, and SQLite's own
 * lower() knows only ASCII), so the Russian order has to be a string whose plain byte order *is*
 * that order. The same key, compared with `<`, orders lists in code: a list sorted by SQL and the
 * same list sorted on screen can never disagree, which two engines (SQLite bytes and
 * Intl.Collator) did. JavaScript compares strings by UTF-16 code units, which for the characters a
 * key is made of (all below U+FFFF) is the code point order UTF-8 bytes keep.
 *
 * The key:
 * - folds case and ё into е (Ёлкин = елкин);
 * - drops quotes and apostrophes: «Доверие», "Доверие" and Доверие are one name;
 * - reads the rest as words (runs of letters) and numbers (runs of digits); every other sign —
 *   spaces, hyphens, dots, №, brackets — only separates them, and so does the change from letters
 *   to digits (СОШ№1 = СОШ №1 = сош 1);
 * - orders word by word: the separator sorts before every letter, so «Иванов Пётр» comes before
 *   «Иванова Анна», as a list of people is read;
 * - orders numbers by value: a number is written as its length, then its digits without leading
 *   zeros, so №2 < №10 and 007 = 7;
 * - puts numbers before Cyrillic words and Cyrillic before Latin (Latin letters are moved above
 *   the Cyrillic block); letters of other scripts come last.
 */

/** Between words: below every other character of a key. */
const SEPARATOR = ' ';
/** Numbers: a length mark in 0x41..0x7F (above the separator, below every letter), then the digits. */
const NUMBER_LENGTH_BASE = 0x40;
const MAX_NUMBER_LENGTH = 0x3f;
/** Latin a–z moved above the Cyrillic block (а–я end at U+044F). */
const LATIN_BASE = 0x0500;
/** Any other letter: a mark above the moved Latin letters, then the letter itself. */
const OTHER_SCRIPT = String.fromCharCode(0x0530);

const QUOTES = /["'«»„“”‘’‚‹›`´ʼ]/gu;
const TOKENS = /[\p{L}\p{M}]+|[0-9]+/gu;

const COMBINING = /\p{M}/u;
const CYRILLIC_WORD = /^[а-я]+$/;

/** Lower case, ё→е, no quotes: the first step of the key and of the search text. */
function fold(text: string): string {
  // NFC joins a letter typed as base + mark (и + ̆ → й); most text has no marks and skips it.
  const composed = COMBINING.test(text) ? text.normalize('NFC') : text;
  // toLowerCase is the Russian lower case for Cyrillic (the locale matters only for Turkish i).
  return composed.toLowerCase().replace(/ё/g, 'е').replace(QUOTES, '');
}

function letterKey(char: string): string {
  const code = char.codePointAt(0)!;
  if (code >= 0x0430 && code <= 0x044f) return char;
  // é, ü, ç: the letter under the accent.
  const base = char.normalize('NFD').replace(/\p{M}/gu, '');
  if (base.length === 1 && base >= 'a' && base <= 'z') return String.fromCharCode(LATIN_BASE + base.charCodeAt(0) - 0x61);
  if (base === '' || code > 0xffff) return '';
  return OTHER_SCRIPT + base;
}

function numberKey(digits: string): string {
  const value = digits.replace(/^0+(?=\d)/, '');
  return String.fromCharCode(NUMBER_LENGTH_BASE + Math.min(value.length, MAX_NUMBER_LENGTH)) + value;
}

/** The key whose byte order is the Russian alphabetical order (see above). */
export function sortKey(text: string): string {
  const tokens: string[] = [];
  for (const [token] of fold(text).matchAll(TOKENS)) {
    if (CYRILLIC_WORD.test(token)) tokens.push(token);
    else tokens.push(/^[0-9]/.test(token) ? numberKey(token) : Array.from(token, letterKey).join(''));
  }
  return tokens.filter(Boolean).join(SEPARATOR);
}

/** Compares two keys made by sortKey: the order SQL's ORDER BY sort_key gives. */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Keys of the texts sorted lately: the same names recur within a list and from one call to the
 * next (the people responsible for a plan's items), and computing a key is most of a sort's work.
 * Emptied when it grows past a bound, so it never holds more than a screen's worth of names.
 */
const recentKeys = new Map<string, string>();
const RECENT_KEYS = 20_000;

function cachedKey(value: string): string {
  let key = recentKeys.get(value);
  if (key === undefined) {
    if (recentKeys.size >= RECENT_KEYS) recentKeys.clear();
    recentKeys.set(value, (key = sortKey(value)));
  }
  return key;
}

/**
 * A copy of `items` in the Russian order of `text(item)`, each key computed once; items with the
 * same key keep their order.
 */
export function sortedByKey<T>(items: readonly T[], text: (item: T) => string): T[] {
  const keyOf = cachedKey;
  return items
    .map((item, index) => ({ item, index, key: keyOf(text(item)) }))
    .sort((a, b) => compareKeys(a.key, b.key) || a.index - b.index)
    .map((entry) => entry.item);
}

/**
 * The words of a text as search sees them: folded like the key (case, ё, quotes) and split the same
 * way, but kept readable (Latin stays Latin, digits stay digits), so a LIKE pattern can be matched
 * against it.
 */
export function searchWords(text: string): string[] {
  // A run of combining marks alone («𝅥𝅮», a musical stem) is a token of nothing once its marks go:
  // dropped, or an empty word would reach the index's MATCH as an empty phrase (an FTS5 error).
  return Array.from(fold(text).matchAll(TOKENS), ([token]) => token.replace(/\p{M}/gu, '')).filter((word) => word !== '');
}

/** The stored search text of a record: its parts' words, separated by single spaces. */
export const searchText = (...parts: string[]): string => searchWords(parts.join(' ')).join(' ');

/**
 * Whether every word of the query occurs in the text: «мария иванова» finds «Иванова Мария
 * Петровна», «сош 1» finds «МБОУ «СОШ №1»». The same rule the SQL lists apply to searchText.
 */
export function matchesWords(text: string, query: string): boolean {
  const haystack = searchText(text);
  return searchWords(query).every((word) => haystack.includes(word));
}

/**
 * The key by which an import finds a record of the registry: two names are the same person or
 * organisation when their keys are equal — the sort key's folding (case, ё = е, quotes, every
 * other sign only separating words), nothing fuzzier. The one place the rule lives: the
 * duplicates issue (18) extends it here for the import and the registry alike.
 */
export const nameMatchKey = (...parts: string[]): string => sortKey(foldLookalikes(parts.filter(Boolean).join(' ')));

/**
 * Latin letters that look like Cyrillic ones, in lower case (an upper-case Latin «H», «B», «M»,
 * «T», «K» looks like «Н», «В», «М», «Т», «К» and lowers to these): typed by a keyboard left in
 * the Latin layout or pasted from a PDF, «Ивaнова» with a Latin «a» reads as «Иванова» to every
 * user but not to a comparison.
 */
const LOOKALIKES: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
};
const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const HAS_CYRILLIC = /[а-яё]/;
const HAS_LATIN = /[a-z]/;

/**
 * Latin look-alikes inside a word that also has Cyrillic letters, read as the Cyrillic letters
 * they show. A word of Latin letters alone («IT-центр», «Smith») is left as it is: only a mixed
 * word is a typing accident. Lower-cases the text (the key folds case anyway).
 */
export function foldLookalikes(text: string): string {
  return text
    .toLowerCase()
    .replace(LETTER_RUN, (word) =>
      HAS_CYRILLIC.test(word) && HAS_LATIN.test(word) ? word.replace(/[a-z]/g, (c) => LOOKALIKES[c] ?? c) : word,
    );
}
