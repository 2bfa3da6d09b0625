/**
 * Text rules of the printed documents that are not Russian grammar: which characters a document
 * may carry at all, and the typography a records clerk expects («№» with a no-break space, one
 * dash, initials that never leave their surname). Kept small on purpose: grammar (plurals, dates,
 * names) lives in the shared Russian text rules and is only called from here.
 */

/**
 * Characters XML 1.0 forbids (§2.2 Char): C0 controls other than tab, line feed and carriage
 * return, lone surrogates, U+FFFE and U+FFFF. One of them makes a DOCX or XLSX part malformed
 * XML, and LibreOffice then refuses the whole file. Astral characters arrive as valid surrogate
 * pairs and are allowed.
 */
const XML_FORBIDDEN =
  // Control characters are exactly what this pattern is for.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The first character XML 1.0 forbids, with its 1-based place, or null when the text is clean. */
export function forbiddenCharacter(text: string): { position: number; code: string } | null {
  XML_FORBIDDEN.lastIndex = 0;
  const match = XML_FORBIDDEN.exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return { position: match.index + 1, code: `U+${code}` };
}

/**
 * Text that reached the database some other way (an old backup, a package, SQL) is stripped of
 * what XML forbids at output, so one character never breaks a document.
 */
export const xmlSafe = (text: string) => text.replace(XML_FORBIDDEN, '');

const NBSP = '\u00A0';

/**
 * The typography of every printed text, applied by the renderers (Word and the print view) to
 * typed text and to the layouts' own wording alike:
 * - «№» is followed by a no-break space: «№ 3», never «№3» (ГОСТ Р 7.0.97 examples write «№ 3»);
 * - one dash: the en dash «–», spaced in a sentence («Председатель – И.О. Фамилия») and closed up
 *   in a range («2015–2017»). The seeds and the ГОСТ examples write the en dash; an em dash or a
 *   spaced hyphen typed by a user becomes one;
 * - initials keep to their surname and «г.» to its name or year with a no-break space
 *   (agency instructions on the signature: «между инициалами и фамилией ставится неразрывный
 *   пробел»).
 */
export function typeset(text: string): string {
  return (
    text
      .replace(/№[ \t\u00A0]*(?=[^\s])/g, `№${NBSP}`)
      .replace(/[ \t\u00A0]+[—–-][ \t\u00A0]+/g, `${NBSP}– `)
      .replace(/—/g, '–')
      // «– 0», «– 11»: a short word after a dash does not start a line on its own.
      .replace(/– (?=[^\s]{1,3}(?:[\s.,;:)»]|$))/g, `–${NBSP}`)
      // «А.Я. Гоберкорн», «Гоберкорн А.Я.»
      .replace(/(^|[\s(«"])((?:[А-ЯЁA-Z]\.){1,2}) (?=[А-ЯЁ][а-яё])/g, `$1$2${NBSP}`)
      .replace(/([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?) (?=[А-ЯЁ]\.(?:[А-ЯЁ]\.)?(?:$|[\s,;:)»]))/g, `$1${NBSP}`)
      .replace(/(^|[\s(])г\. (?=[А-ЯЁ\d])/g, `$1г.${NBSP}`)
      .replace(/(\d) г\./g, `$1${NBSP}г.`)
  );
}

/** A sentence ends with one full stop: «Попова Л.А.» gets no second dot. */
export const endDot = (s: string) => (/[.!?…:;]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/**
 * A job title as typed («Директор», «Начальник ПДН») used inside a sentence after a name:
 * «Гоберкорн А.Я., директор ТОГБУ …». The first letter is lowered unless the first word is an
 * abbreviation («ПДН», «МБОУ»): the title is stored as typed and shown as typed at the start of
 * a line (a table cell, a signature).
 */
export function midSentence(title: string): string {
  const t = title.trim();
  const firstWord = /^[^\s,.]+/.exec(t)?.[0] ?? '';
  const letters = firstWord.replace(/[^А-ЯЁа-яёA-Za-z]/g, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return t;
  return t.charAt(0).toLocaleLowerCase('ru') + t.slice(1);
}
