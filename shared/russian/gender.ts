import { getFirstnameGender, getLastnameGender } from 'lvovich';
import type { PersonName } from './names';

/**
 * A person's grammatical gender: «принял / приняла», «Семёновой Ольге» / «Семёнову Олегу». Only
 * a patronymic says it for certain (‑ич, оглы → male; ‑на, кызы → female); a first name or a
 * surname only suggests it (Саша, Женя, Ким, Белых say nothing), so the person form asks.
 */
export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const GENDER_LABELS: Record<Gender, string> = { male: 'мужской', female: 'женский' };

/** The gender a patronymic states, or null when there is none or it does not say. */
export function genderFromPatronymic(middleName: string): Gender | null {
  const m = middleName.trim().toLocaleLowerCase('ru');
  if (/(ич|оглы|улы|уулу)$/.test(m)) return 'male';
  if (/(на|кызы|гызы)$/.test(m)) return 'female';
  return null;
}

export interface GenderGuess {
  gender: Gender | null;
  /** True only when the patronymic says it; otherwise the user confirms. */
  certain: boolean;
}

/**
 * The gender to put in the form: the patronymic's (certain), else the one the first name and the
 * surname agree on as lvovich knows them (a suggestion), else none.
 */
export function guessGender(p: PersonName): GenderGuess {
  const byPatronymic = genderFromPatronymic(p.middleName);
  if (byPatronymic) return { gender: byPatronymic, certain: true };
  const hints = [p.firstName.trim() && getFirstnameGender(p.firstName.trim()), p.lastName.trim() && getLastnameGender(p.lastName.trim())]
    // lvovich answers 'androgynous' for Саша and null for names it does not know: neither says anything.
    .filter((g): g is Gender => g === 'male' || g === 'female');
  if (hints.length > 0 && hints.every((g) => g === hints[0])) return { gender: hints[0]!, certain: false };
  return { gender: null, certain: false };
}

/** «принял» / «приняла»; when the gender is not known, «принял(а)». */
export function agree(gender: Gender | null, male: string, female: string): string {
  if (gender === 'male') return male;
  if (gender === 'female') return female;
  const ending = female.startsWith(male) ? female.slice(male.length) : female;
  return `${male}(${ending})`;
}
