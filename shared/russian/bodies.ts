/**
 * The name of a collegial body (a working group, a council, a commission) in the genitive, for
 * the minutes' heading «заседания межрайонной рабочей группы …». lvovich declines people's names
 * only, so the usual shape of these names is declined here: the adjectives before the head
 * noun and the head noun itself; the rest («сегмента №6», «по делам несовершеннолетних») is
 * already in the genitive or governed by a preposition and stays. A name of another shape gives
 * null: the form then asks for the genitive to be typed.
 */

/** Head nouns of collegial bodies (and of the programmes and projects events belong to) and their genitive singular. */
const HEADS: Record<string, string> = {
  группа: 'группы',
  подгруппа: 'подгруппы',
  комиссия: 'комиссии',
  подкомиссия: 'подкомиссии',
  совет: 'совета',
  комитет: 'комитета',
  штаб: 'штаба',
  коллегия: 'коллегии',
  служба: 'службы',
  совещание: 'совещания',
  объединение: 'объединения',
  сообщество: 'сообщества',
  клуб: 'клуба',
  консилиум: 'консилиума',
  // What an event is held within (issue 24): «в рамках инновационного проекта «Шаги навстречу»».
  проект: 'проекта',
  программа: 'программы',
  подпрограмма: 'подпрограммы',
};

/** An adjective in the nominative singular → its genitive, by its ending. */
function adjectiveGenitive(word: string): string | null {
  // After ж, ш, ч, щ an unstressed ending is written with е (рабочей, общего), after г, к, х with о (мягкой, широкого).
  const rules: [RegExp, string][] = [
    [/([жшчщ])ая$/, '$1ей'],
    [/ая$/, 'ой'],
    [/яя$/, 'ей'],
    [/([гкх])ий$/, '$1ого'],
    [/ий$/, 'его'],
    [/[ыо]й$/, 'ого'],
    [/([жшчщ])ее$/, '$1его'],
    [/ое$/, 'ого'],
    [/ее$/, 'его'],
  ];
  for (const [ending, replacement] of rules) if (ending.test(word)) return word.replace(ending, replacement);
  return null;
}

/** Keeps the case of the word's first letter as written, but for the name's own start, which goes lower case. */
function lowerFirst(word: string): string {
  // An abbreviation (КДН, МРГ) keeps its capitals.
  if (word.length > 1 && word === word.toUpperCase()) return word;
  return word.charAt(0).toLowerCase() + word.slice(1);
}

/** «Межрайонная рабочая группа сегмента №6» → «межрайонной рабочей группы сегмента №6»; null when the name has another shape. */
export function bodyNameGenitive(name: string): string | null {
  const words = name.trim().split(/\s+/);
  if (words.length === 0 || words[0] === '') return null;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const lower = word.toLowerCase();
    const head = HEADS[lower];
    if (head) {
      const declined = word === lower ? head : head.charAt(0).toUpperCase() + head.slice(1);
      out.push(declined, ...words.slice(i + 1));
      out[0] = lowerFirst(out[0]!);
      return out.join(' ');
    }
    const adjective = adjectiveGenitive(lower);
    if (!adjective) return null;
    out.push(word === lower ? adjective : word.charAt(0) + adjective.slice(1));
  }
  return null;
}
