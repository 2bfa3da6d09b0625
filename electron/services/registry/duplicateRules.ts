import type { CandidateLevel, FieldComparison, FieldVerdict } from '@shared/contract/duplicates';
import { nameMatchKey } from '@shared/russian';

/**
 * Whether two records of the registry may be one person or one organisation, decided field by
 * field after the registry's one normalisation (`nameMatchKey`: case, ё = е, quotes, spaces,
 * Latin look-alikes inside Cyrillic words). Never one fuzzy score over the whole name: «Кузнецова
 * Анна Викторовна» and «… Владимировна» are two people and «Петров Алексей Сергеевич» and «Петров
 * Алексей» likely one, which no whole-name similarity tells apart. A different patronymic or
 * first name is evidence against; a missing one, or an initial that fits, is unknown.
 *
 * The same rules answer the registry's «Дубликаты» screen and an import's preview.
 */

export interface PersonFacts {
  lastName: string;
  firstName: string;
  middleName: string;
  organizationId: number | null;
  organizationName: string | null;
  phone: string;
  email: string;
}

export interface OrganizationFacts {
  fullName: string;
  shortName: string;
  municipalityId: number | null;
  municipalityName: string | null;
  type: string;
  typeLabel: string;
}

export interface Verdict {
  level: CandidateLevel;
  reason: string;
  fields: FieldComparison[];
}

/**
 * The normalised key of a name, remembered: one person is compared with every other of a block,
 * and normalising is most of a comparison's work. Emptied past a bound (a registry's names fit).
 */
const keys = new Map<string, string>();
export function matchKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size >= 200_000) keys.clear();
    keys.set(text, (key = nameMatchKey(text)));
  }
  return key;
}

type Comparison = Omit<FieldComparison, 'field' | 'label' | 'left' | 'right'>;

const compare = (verdict: FieldVerdict, note?: string): Comparison => (note ? { verdict, note } : { verdict });

/** A name part given as one letter («А.», «А»): it tells its first letter only. */
const isInitial = (key: string) => key.length === 1;

/** A first name or a patronymic: equal, or different, or unknown when one side is empty or an initial that fits. */
function compareNamePart(left: string, right: string): Comparison {
  const l = matchKey(left);
  const r = matchKey(right);
  if (!l && !r) return compare('unknown', 'не указано ни в одной записи');
  if (!l || !r) return compare('unknown', 'указано только в одной записи');
  if (isInitial(l) || isInitial(r)) return l[0] === r[0] ? compare('unknown', 'совпадает только инициал') : compare('different');
  return compare(l === r ? 'same' : 'different');
}

/** The digits a phone is dialled by: +7 and 8 before the ten digits of a Russian number are one prefix. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11 && /^[78]/.test(digits) ? digits.slice(1) : digits;
}

function compareValues(left: string, right: string, normal: (v: string) => string): Comparison {
  const l = normal(left);
  const r = normal(right);
  if (!l || !r) return compare('unknown', l || r ? 'указано только в одной записи' : 'не указано ни в одной записи');
  return compare(l === r ? 'same' : 'different');
}

function compareIds(left: number | null, right: number | null): Comparison {
  if (left === null || right === null)
    return compare('unknown', (left ?? right) ? 'указана только в одной записи' : 'не указана ни в одной записи');
  return compare(left === right ? 'same' : 'different');
}

const field = (name: FieldComparison['field'], label: string, left: string, right: string, comparison: Comparison): FieldComparison => ({
  field: name,
  label,
  left,
  right,
  ...comparison,
});

/** The fields of two people compared, in the order the screen shows them. */
export function comparePeople(a: PersonFacts, b: PersonFacts): FieldComparison[] {
  return [
    field('lastName', 'Фамилия', a.lastName, b.lastName, compare(matchKey(a.lastName) === matchKey(b.lastName) ? 'same' : 'different')),
    field('firstName', 'Имя', a.firstName, b.firstName, compareNamePart(a.firstName, b.firstName)),
    field('middleName', 'Отчество', a.middleName, b.middleName, compareNamePart(a.middleName, b.middleName)),
    field(
      'organizationId',
      'Организация',
      a.organizationName ?? '',
      b.organizationName ?? '',
      compareIds(a.organizationId, b.organizationId),
    ),
    field('phone', 'Телефон', a.phone, b.phone, compareValues(a.phone, b.phone, phoneDigits)),
    field(
      'email',
      'Электронная почта',
      a.email,
      b.email,
      compareValues(a.email, b.email, (e) => e.trim().toLowerCase()),
    ),
  ];
}

const verdictOf = (fields: FieldComparison[], name: FieldComparison['field']) => fields.find((f) => f.field === name)!.verdict;

const CONTACT_WORDS: Partial<Record<FieldComparison['field'], string>> = {
  organizationId: 'организация',
  phone: 'телефон',
  email: 'электронная почта',
};

/** «организация и телефон». */
const listed = (words: string[]) => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} и ${words.at(-1)}`);

/** A person's fields as the rules compare them, normalised once (a person is compared with many). */
export interface PersonKeys {
  last: string;
  first: string;
  middle: string;
  organizationId: number | null;
  phone: string;
  email: string;
}

export const personMatchKeys = (p: Omit<PersonFacts, 'organizationName'>): PersonKeys => ({
  last: matchKey(p.lastName),
  first: matchKey(p.firstName),
  middle: matchKey(p.middleName),
  organizationId: p.organizationId,
  phone: phoneDigits(p.phone),
  email: p.email.trim().toLowerCase(),
});

/** compareNamePart on keys. */
function partVerdict(l: string, r: string): FieldVerdict {
  if (!l || !r) return 'unknown';
  if (isInitial(l) || isInitial(r)) return l[0] === r[0] ? 'unknown' : 'different';
  return l === r ? 'same' : 'different';
}

const valueVerdict = (l: string, r: string): FieldVerdict => (!l || !r ? 'unknown' : l === r ? 'same' : 'different');

/** Which rule of personVerdict makes two people a candidate pair. */
export type PersonRule = 'fullName' | 'namesakes' | 'partial' | 'changedSurname';

/**
 * The rule, in the words the screen shows:
 * - the first name or the patronymic differ → two people, not a candidate;
 * - the surname, first name and patronymic all match → «вероятно, один человек», unless the
 *   organisations differ and no phone or e-mail confirms it (namesakes happen) → «возможно»;
 * - the surname matches and the rest does not contradict (no patronymic, an initial) →
 *   «вероятно» when an organisation, a phone or an e-mail matches, «возможно» otherwise;
 * - the surname differs (changed at marriage) → «возможно» when the first name and the
 *   patronymic match in full and an organisation, a phone or an e-mail matches too.
 *
 * Decided on the normalised keys alone, so the whole registry's pairs are judged without building
 * the fields of each; personVerdict words the same decision for the pairs shown.
 */
export function personRule(a: PersonKeys, b: PersonKeys): { rule: PersonRule; level: CandidateLevel } | null {
  const first = partVerdict(a.first, b.first);
  if (first === 'different') return null;
  const middle = partVerdict(a.middle, b.middle);
  if (middle === 'different') return null;
  const org =
    a.organizationId === null || b.organizationId === null ? 'unknown' : a.organizationId === b.organizationId ? 'same' : 'different';
  const confirmed = org === 'same' || valueVerdict(a.phone, b.phone) === 'same' || valueVerdict(a.email, b.email) === 'same';
  const full = first === 'same' && middle === 'same';
  if (a.last === b.last) {
    if (full) return org === 'different' && !confirmed ? { rule: 'namesakes', level: 'possible' } : { rule: 'fullName', level: 'likely' };
    return { rule: 'partial', level: confirmed ? 'likely' : 'possible' };
  }
  return full && confirmed ? { rule: 'changedSurname', level: 'possible' } : null;
}

/**
 * The reason of a pair the rule accepted, in the screen's words, from the keys alone: the
 * organisation, the phone and the e-mail that match are those comparePeople finds «same», a name
 * part not «same» is one compareNamePart finds so (partVerdict is it on keys).
 */
function reasonOf(rule: PersonRule, a: PersonKeys, b: PersonKeys): string {
  const confirming = [
    a.organizationId !== null && a.organizationId === b.organizationId ? CONTACT_WORDS.organizationId! : '',
    valueVerdict(a.phone, b.phone) === 'same' ? CONTACT_WORDS.phone! : '',
    valueVerdict(a.email, b.email) === 'same' ? CONTACT_WORDS.email! : '',
  ].filter(Boolean);
  const also = confirming.length ? `; совпадает ${listed(confirming)}` : '';
  switch (rule) {
    case 'namesakes':
      return 'фамилия, имя и отчество совпадают, но организации различаются (возможно, тёзки)';
    case 'fullName':
      return `фамилия, имя и отчество совпадают${also}`;
    case 'changedSurname':
      return `фамилия другая (возможно, сменилась), имя и отчество совпадают${also}`;
    case 'partial': {
      const unknown = [
        partVerdict(a.first, b.first) !== 'same' ? 'имя' : '',
        partVerdict(a.middle, b.middle) !== 'same' ? 'отчество' : '',
      ].filter(Boolean);
      const partly = `фамилия совпадает, ${listed(unknown)} ${unknown.length > 1 ? 'не противоречат' : 'не противоречит'} (не указано или только инициал)`;
      return `${partly}${also}`;
    }
  }
}

export function personVerdict(a: PersonFacts, b: PersonFacts): Verdict | null {
  const [keysA, keysB] = [personMatchKeys(a), personMatchKeys(b)];
  const decided = personRule(keysA, keysB);
  if (!decided) return null;
  return { level: decided.level, reason: reasonOf(decided.rule, keysA, keysB), fields: comparePeople(a, b) };
}

/**
 * personVerdict without the fields, on keys normalised once: an import's hint («возможно,
 * совпадает с …») for each new row of a list of thousands needs only the reason — building the
 * six fields of every pair and normalising both people again was most of its duplicate finding.
 */
export function personReason(a: PersonKeys, b: PersonKeys): Omit<Verdict, 'fields'> | null {
  const decided = personRule(a, b);
  return decided ? { level: decided.level, reason: reasonOf(decided.rule, a, b) } : null;
}

/** The fields of two organisations compared. */
export function compareOrganizations(a: OrganizationFacts, b: OrganizationFacts): FieldComparison[] {
  const full = matchKey(a.fullName) === matchKey(b.fullName);
  return [
    field('fullName', 'Полное наименование', a.fullName, b.fullName, compare(full ? 'same' : 'different')),
    field(
      'shortName',
      'Краткое наименование',
      a.shortName,
      b.shortName,
      compareValues(a.shortName, b.shortName, (n) => matchKey(n)),
    ),
    field(
      'municipalityId',
      'Муниципальное образование',
      a.municipalityName ?? '',
      b.municipalityName ?? '',
      compareIds(a.municipalityId, b.municipalityId),
    ),
    field('type', 'Тип', a.typeLabel, b.typeLabel, compare(a.type === b.type ? 'same' : 'different')),
  ];
}

/** The keys an organisation may be known by: its full and its short name. */
export const organizationNameKeys = (o: Pick<OrganizationFacts, 'fullName' | 'shortName'>): string[] => [
  ...new Set([matchKey(o.fullName), matchKey(o.shortName)].filter(Boolean)),
];

/**
 * - no name of one matches a name of the other (full or short, either way round) → not a candidate;
 * - the municipalities differ → two organisations («СОШ №1» of two towns), not a candidate;
 * - the full names match and the type too → «вероятно, одна организация»;
 * - otherwise (only a short name matches, or the type differs) → «возможно».
 */
export function organizationVerdict(a: OrganizationFacts, b: OrganizationFacts): Verdict | null {
  const fields = compareOrganizations(a, b);
  const keysOfB = new Set(organizationNameKeys(b));
  if (!organizationNameKeys(a).some((k) => keysOfB.has(k))) return null;
  if (verdictOf(fields, 'municipalityId') === 'different') return null;
  const full = verdictOf(fields, 'fullName') === 'same';
  const type = verdictOf(fields, 'type') === 'same';
  if (full && type) return { level: 'likely', reason: 'полные наименования и тип совпадают', fields };
  const names = full ? 'полные наименования совпадают' : 'совпадает краткое наименование одной с наименованием другой';
  return { level: 'possible', reason: type ? names : `${names}, но тип различается`, fields };
}
