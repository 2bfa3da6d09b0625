/**
 * What took place, as a news item's first sentence names it: «состоялся круглый стол», «в работе
 * конференции». The kinds are the center's editable list of event types and the meetings' kinds;
 * the first values of that list and their forms are written out here, since the verb agrees with
 * the noun's gender and the noun is then declined. A kind the center added itself gives null, and
 * the sentence says «мероприятие» instead — never a guessed ending.
 */

export type OccasionGender = 'masculine' | 'feminine' | 'neuter';

export interface OccasionNoun {
  /** «круглый стол», lower case: it stands inside a sentence. */
  nominative: string;
  /** «круглого стола»: «в работе круглого стола». */
  genitive: string;
  gender: OccasionGender;
}

const noun = (nominative: string, genitive: string, gender: OccasionGender): OccasionNoun => ({ nominative, genitive, gender });

const NOUNS: readonly OccasionNoun[] = [
  noun('семинар', 'семинара', 'masculine'),
  noun('семинар-практикум', 'семинара-практикума', 'masculine'),
  noun('круглый стол', 'круглого стола', 'masculine'),
  noun('конференция', 'конференции', 'feminine'),
  noun('мастер-класс', 'мастер-класса', 'masculine'),
  noun('тренинг', 'тренинга', 'masculine'),
  noun('форум', 'форума', 'masculine'),
  noun('акция', 'акции', 'feminine'),
  noun('заседание клуба', 'заседания клуба', 'neuter'),
  noun('вебинар', 'вебинара', 'masculine'),
  noun('заседание', 'заседания', 'neuter'),
  noun('совещание', 'совещания', 'neuter'),
  noun('съезд', 'съезда', 'masculine'),
  noun('конкурс', 'конкурса', 'masculine'),
];

/** The noun of «Круглый стол» (a list value or a meeting kind, as labelled); null for a kind not known here. */
export function occasionNoun(label: string): OccasionNoun | null {
  const key = label.trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru');
  return NOUNS.find((n) => n.nominative === key) ?? null;
}

/** «мероприятие»: the word for a kind not known here. */
export const EVENT_NOUN: OccasionNoun = noun('мероприятие', 'мероприятия', 'neuter');

/** «состоялся / состоялась / состоялось», agreeing with what took place. */
export function tookPlace(gender: OccasionGender): string {
  return { masculine: 'состоялся', feminine: 'состоялась', neuter: 'состоялось' }[gender];
}

const ORDINALS_DATIVE = [
  'первому',
  'второму',
  'третьему',
  'четвёртому',
  'пятому',
  'шестому',
  'седьмому',
  'восьмому',
  'девятому',
  'десятому',
];

/** «по первому вопросу»: the ordinal of 1–10 in the dative masculine; null beyond (the caller writes «по вопросу № 11»). */
export const ordinalDative = (n: number): string | null => ORDINALS_DATIVE[n - 1] ?? null;
