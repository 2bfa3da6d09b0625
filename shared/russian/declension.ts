import { inclineFirstname, inclineLastname, inclineMiddlename } from 'lvovich';
import type { Gender } from './gender';
import type { PersonName } from './names';

/**
 * People's names in the cases a document needs («выдан Семёновой Ольге Ивановне», «составлен
 * Поповой Л.А.»), through lvovich (the library with the newest petrovich rules; see
 * /work/notes/russian-grammar.md for the comparison). lvovich is given the gender every time:
 * its own guess ignores a gender passed to incline() and mis-declines Саша and Женя.
 */
export const GRAMMATICAL_CASES = ['nominative', 'genitive', 'dative', 'accusative', 'instrumental', 'prepositional'] as const;
export type GrammaticalCase = (typeof GRAMMATICAL_CASES)[number];
/** The cases other than the nominative: what a name's stored forms hold. */
export type ObliqueCase = Exclude<GrammaticalCase, 'nominative'>;
export const OBLIQUE_CASES = GRAMMATICAL_CASES.filter((c): c is ObliqueCase => c !== 'nominative');

/** «Родительный», as the forms are labelled in a form, with the question a schoolbook asks. */
export const CASE_LABELS: Record<GrammaticalCase, string> = {
  nominative: 'Именительный (кто? что?)',
  genitive: 'Родительный (кого? чего?)',
  dative: 'Дательный (кому? чему?)',
  accusative: 'Винительный (кого? что?)',
  instrumental: 'Творительный (кем? чем?)',
  prepositional: 'Предложный (о ком? о чём?)',
};

/**
 * lvovich's rules give ‑ым for every male surname in consonant + н (Гоберкорным, Штерным); these take
 * ‑ом. The Russian ‑ин/‑ын (Пушкиным) has a vowel before the н and keeps ‑ым.
 */
function fixInstrumental(nominative: string, declined: string, grammaticalCase: GrammaticalCase, gender: Gender): string {
  return gender === 'male' && grammaticalCase === 'instrumental' && /[бвгджзклмнпрстфхцчшщ]н$/i.test(nominative) && declined.endsWith('ым')
    ? `${declined.slice(0, -2)}ом`
    : declined;
}

/** The name in the case; null when the gender is unknown (the person form asks for it first). */
export function personNameInCase(p: PersonName, grammaticalCase: GrammaticalCase, gender: Gender | null): PersonName | null {
  if (gender === null) return null;
  const last = p.lastName.trim();
  const first = p.firstName.trim();
  const middle = p.middleName.trim();
  return {
    lastName: last ? fixInstrumental(last, inclineLastname(last, grammaticalCase, gender), grammaticalCase, gender) : '',
    firstName: first ? inclineFirstname(first, grammaticalCase, gender) : '',
    // «Гасан оглы», «Гасан кызы» are not declined.
    middleName: !middle || /\s(оглы|кызы|гызы|улы|уулу)$/i.test(middle) ? middle : inclineMiddlename(middle, grammaticalCase, gender),
  };
}
