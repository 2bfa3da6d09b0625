import { getTableName } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import type { DistinctPair, DuplicatePair, DuplicateSide, DuplicateTarget, FieldComparison } from '@shared/contract/duplicates';
import type { Page } from '@shared/contract/common';
import { ORGANIZATION_TYPE_LABELS, type OrganizationType } from '@shared/enums';
import { compareKeys, organizationDisplayName, personFullName, sortKey } from '@shared/russian';
import { usageOf, usagePhrase } from './usage';
import { DISTINCT_TABLES, distinctIndex, isDistinct } from './distinct';
import {
  compareOrganizations,
  comparePeople,
  organizationNameKeys,
  organizationVerdict,
  personMatchKeys,
  personReason,
  personRule,
  personVerdict,
  matchKey,
  phoneDigits,
  type OrganizationFacts,
  type PersonKeys,
  type PersonFacts,
  type Verdict,
} from './duplicateRules';

/**
 * Candidate pairs over the whole registry without comparing every pair (20 000 people would be
 * 200 million). People: within one surname, only the names the rules let agree are looked up —
 * a full first name with itself, its initial and an empty one, an initial with the full names it
 * begins, the same for the patronymic — through maps of the surname's names, so a pair is only
 * ever met if it is a candidate; a changed surname is looked up by the full first name and
 * patronymic with the organisation, the phone or the e-mail. The pairs are kept as numbers
 * (level, then both people's places in the registry's order) and sorted as such; the fields and
 * the words of a pair are made only for the page shown. Organisations: blocks by the full or the
 * short name, each block's records compared.
 */

export type PersonRecord = PersonFacts & { id: number; position: string; sortKey: string };
export type OrganizationRecord = OrganizationFacts & { id: number };

export function loadPeople(db: AppDb, where = '', ...params: unknown[]): PersonRecord[] {
  return db.$client
    .prepare(
      `SELECT p.id, p.last_name AS lastName, p.first_name AS firstName, p.middle_name AS middleName, p.position, p.sort_key AS sortKey,
              p.organization_id AS organizationId, p.phone, p.email,
              CASE WHEN o.id IS NULL THEN NULL WHEN o.short_name <> '' THEN o.short_name ELSE o.full_name END AS organizationName
         FROM people p LEFT JOIN organizations o ON o.id = p.organization_id ${where}`,
    )
    .all(...params) as PersonRecord[];
}

export function loadOrganizations(db: AppDb, where = '', ...params: unknown[]): OrganizationRecord[] {
  const rows = db.$client
    .prepare(
      `SELECT o.id, o.full_name AS fullName, o.short_name AS shortName, o.municipality_id AS municipalityId, o.type,
              m.name AS municipalityName
         FROM organizations o LEFT JOIN municipalities m ON m.id = o.municipality_id ${where}`,
    )
    .all(...params) as Omit<OrganizationRecord, 'typeLabel'>[];
  return rows.map((o) => ({ ...o, typeLabel: ORGANIZATION_TYPE_LABELS[o.type as OrganizationType] ?? o.type }));
}

/**
 * The blocks of a person, each exactly as wide as a rule of personVerdict needs, so no pair the
 * rules accept is missed and a common surname does not make a block of thousands: the surname
 * with the first name's first letter (the first names must agree, an initial included); and for
 * a changed surname the full first name and patronymic with the organisation, the phone or the
 * e-mail, one of which must match too.
 */
export function personBlocks(p: PersonFacts): string[] {
  const first = matchKey(p.firstName);
  const middle = matchKey(p.middleName);
  const blocks = [`s:${matchKey(p.lastName)} ${first.slice(0, 1)}`];
  if (first.length > 1 && middle.length > 1) {
    const name = `${first} ${middle}`;
    if (p.organizationId !== null) blocks.push(`fo:${name}:${p.organizationId}`);
    const phone = phoneDigits(p.phone);
    if (phone) blocks.push(`fp:${name}:${phone}`);
    const email = p.email.trim().toLowerCase();
    if (email) blocks.push(`fe:${name}:${email}`);
  }
  return blocks;
}

const organizationBlocks = (o: OrganizationFacts) => organizationNameKeys(o).map((k) => `n:${k}`);

/**
 * The registry's people in its order (sort key, then id), their keys for the rules. The order is
 * read from the sort key's index alone and the rows in the table's own order: reading the rows
 * through the index took twice as long at 200 000 people.
 */
function loadPersonKeys(db: AppDb): { ids: number[]; keys: PersonKeys[] } {
  const ids = db.$client.prepare('SELECT id FROM people ORDER BY sort_key, id').pluck().all() as number[];
  const rankOf = new Map<number, number>();
  ids.forEach((id, rank) => rankOf.set(id, rank));
  const keys: PersonKeys[] = new Array<PersonKeys>(ids.length);
  const rows = db.$client
    .prepare('SELECT id, last_name, first_name, middle_name, organization_id, phone, email FROM people')
    .raw()
    .all() as [number, string, string, string, number | null, string, string][];
  for (const [id, lastName, firstName, middleName, organizationId, phone, email] of rows)
    keys[rankOf.get(id)!] = personMatchKeys({ lastName, firstName, middleName, organizationId, phone, email });
  return { ids, keys };
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** The keys a name part may have in a pair the rules accept, among those the surname's people have. */
function agreeing(key: string, all: Set<string>, fullByLetter: Map<string, string[]>): string[] {
  if (key === '') return [...all];
  if (key.length === 1) return [key, '', ...(fullByLetter.get(key) ?? [])].filter((k) => all.has(k));
  return [key, key[0]!, ''].filter((k) => all.has(k));
}

function partIndex(values: string[]) {
  const all = new Set(values);
  const fullByLetter = new Map<string, string[]>();
  for (const v of all) if (v.length > 1) push(fullByLetter, v[0]!, v);
  return { all, fullByLetter };
}

/**
 * Every candidate pair of people as a number — `level · n² + i · n + j`, i < j their places in
 * the registry's order, the likely level 0 — sorted: the likely pairs first, each level in the
 * order of the first person's name, then the second's.
 */
function personPairCodes(keys: PersonKeys[]): Float64Array {
  const n = keys.length;
  const codes: number[] = [];
  const add = (i: number, j: number) => {
    const decided = personRule(keys[i]!, keys[j]!);
    if (decided) codes.push((decided.level === 'likely' ? 0 : 1) * n * n + i * n + j);
  };
  const SEP = '\u0001';
  const bySurname = new Map<string, number[]>();
  keys.forEach((k, i) => push(bySurname, k.last, i));
  for (const members of bySurname.values()) {
    if (members.length < 2) continue;
    const byName = new Map<string, number[]>();
    for (const i of members) push(byName, `${keys[i]!.first}${SEP}${keys[i]!.middle}`, i);
    const firsts = partIndex(members.map((i) => keys[i]!.first));
    const middles = partIndex(members.map((i) => keys[i]!.middle));
    for (const i of members) {
      const k = keys[i]!;
      for (const first of agreeing(k.first, firsts.all, firsts.fullByLetter))
        for (const middle of agreeing(k.middle, middles.all, middles.fullByLetter))
          for (const j of byName.get(`${first}${SEP}${middle}`) ?? []) if (j > i) add(i, j);
    }
  }
  // A changed surname: the full first name and patronymic with something else that must match too.
  const blocks = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k.first.length < 2 || k.middle.length < 2) return;
    const name = `${k.first}${SEP}${k.middle}${SEP}`;
    if (k.organizationId !== null) push(blocks, `${name}o${k.organizationId}`, i);
    if (k.phone) push(blocks, `${name}p${k.phone}`, i);
    if (k.email) push(blocks, `${name}e${k.email}`, i);
  });
  const seen = new Set<number>();
  for (const members of blocks.values()) {
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const i = members[a]!;
        const j = members[b]!;
        // Block members come in the registry's order (i < j); the same surname was met above.
        if (keys[i]!.last === keys[j]!.last || seen.has(i * n + j)) continue;
        seen.add(i * n + j);
        add(i, j);
      }
    }
  }
  return Float64Array.from(codes).sort();
}

/** The pairs found, in order, as ids: the people's at their places, or the organisations' pairs themselves. */
interface Candidates {
  total: number;
  ids(k: number): [number, number];
}

function personCandidates(db: AppDb): Candidates {
  const { ids, keys } = loadPersonKeys(db);
  const codes = personPairCodes(keys);
  const n = ids.length;
  return {
    total: codes.length,
    ids: (k) => {
      const at = codes[k]! % (n * n);
      const [a, b] = [ids[Math.floor(at / n)]!, ids[at % n]!];
      // The older record on the left, as the merge dialog offers it to stay.
      return a < b ? [a, b] : [b, a];
    },
  };
}

interface Found<R> {
  left: R;
  right: R;
  verdict: Verdict;
}

/** Every pair of one block compared once; a pair sharing two blocks is still one pair. */
function pairsInBlocks<R extends { id: number }>(
  records: R[],
  blocksOf: (r: R) => string[],
  verdictOf: (a: R, b: R) => Verdict | null,
): Found<R>[] {
  const blocks = new Map<string, R[]>();
  for (const r of records) {
    for (const block of blocksOf(r)) {
      const members = blocks.get(block);
      if (members) members.push(r);
      else blocks.set(block, [r]);
    }
  }
  const seen = new Set<string>();
  const found: Found<R>[] = [];
  for (const members of blocks.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [left, right] = members[i]!.id < members[j]!.id ? [members[i]!, members[j]!] : [members[j]!, members[i]!];
        const key = `${left.id}:${right.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const verdict = verdictOf(left, right);
        if (verdict) found.push({ left, right, verdict });
      }
    }
  }
  return found;
}

const personSide = (db: AppDb, p: PersonRecord): DuplicateSide => ({
  id: p.id,
  label: personFullName(p),
  description: [p.position, p.organizationName ?? ''].filter(Boolean).join(', '),
  usage: usagePhrase(usageOf(db, 'person', p.id)),
});

const organizationSide = (db: AppDb, o: OrganizationRecord): DuplicateSide => ({
  id: o.id,
  label: organizationDisplayName(o),
  description: [o.shortName ? o.fullName : '', o.municipalityName ?? ''].filter(Boolean).join(', '),
  usage: usagePhrase(usageOf(db, 'organization', o.id)),
});

/** The likely pairs first, then in the Russian order of the first record's name. */
function ordered<R>(found: Found<R>[], name: (r: R) => string): Found<R>[] {
  const keys = new Map<R, string>();
  const keyOf = (r: R) => keys.get(r) ?? (keys.set(r, sortKey(name(r))), keys.get(r)!);
  return found.sort(
    (a, b) =>
      (a.verdict.level === b.verdict.level ? 0 : a.verdict.level === 'likely' ? -1 : 1) ||
      compareKeys(keyOf(a.left), keyOf(b.left)) ||
      compareKeys(keyOf(a.right), keyOf(b.right)),
  );
}

/** What comparing a pair shown needs of each kind of record. */
interface TargetRules<R extends { id: number }> {
  load(db: AppDb, where?: string, ...params: unknown[]): R[];
  verdict(a: R, b: R): Verdict | null;
  compare(a: R, b: R): FieldComparison[];
  side(db: AppDb, r: R): DuplicateSide;
}

const PEOPLE: TargetRules<PersonRecord> = {
  load: loadPeople,
  verdict: personVerdict,
  compare: comparePeople,
  side: personSide,
};

const ORGANIZATIONS: TargetRules<OrganizationRecord> = {
  load: loadOrganizations,
  verdict: organizationVerdict,
  compare: compareOrganizations,
  side: organizationSide,
};

/** Records described as on «Дубликаты», by id (the list of pairs declared distinct). */
function sidesOf(db: AppDb, target: DuplicateTarget, ids: number[]): Map<number, DuplicateSide> {
  const sides = new Map<number, DuplicateSide>();
  if (!ids.length) return sides;
  const where = `WHERE ${target === 'person' ? 'p' : 'o'}.id IN (${ids.map(() => '?').join(', ')})`;
  if (target === 'person') for (const p of loadPeople(db, where, ...ids)) sides.set(p.id, personSide(db, p));
  else for (const o of loadOrganizations(db, where, ...ids)) sides.set(o.id, organizationSide(db, o));
  return sides;
}

/** The pairs declared distinct, the latest first, each side described as on «Дубликаты». */
export function distinctPairs(db: AppDb, input: { target: DuplicateTarget; offset: number; limit: number }): Page<DistinctPair> {
  const table = getTableName(DISTINCT_TABLES[input.target]);
  const total = db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const rows = db.$client
    .prepare(`SELECT low_id AS lowId, high_id AS highId, created_at AS declaredAt FROM ${table} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(input.limit, input.offset) as { lowId: number; highId: number; declaredAt: string }[];
  const sides = sidesOf(db, input.target, [...new Set(rows.flatMap((r) => [r.lowId, r.highId]))]);
  return {
    rows: rows.map((r) => ({ target: input.target, left: sides.get(r.lowId)!, right: sides.get(r.highId)!, declaredAt: r.declaredAt })),
    total,
    totalCapped: false,
  };
}

/**
 * The registry as of now, in a few aggregates: any write of a person or an organisation (a
 * create, an edit — each stamps updated_at —, a delete, a merge) changes one of them.
 */
const REGISTRY_STATE = `SELECT (SELECT json_array(count(*), max(id), max(updated_at)) FROM people)
  || (SELECT json_array(count(*), max(id), max(updated_at)) FROM organizations)
  || (SELECT json_array(count(*), max(id)) FROM municipalities)`;

/**
 * The pairs found last, per connection and kind, while the registry is unchanged: paging through
 * the list (or coming back to it) does not compare the registry again.
 */
const lastFound = new WeakMap<object, Map<DuplicateTarget, { state: string; found: Candidates }>>();

/** The registry's state (REGISTRY_STATE): equal while no person, organisation or municipality was written. */
export const registryState = (db: AppDb): string => db.$client.prepare(REGISTRY_STATE).pluck().get() as string;

function remembered(db: AppDb, target: DuplicateTarget, find: () => Candidates): Candidates {
  const state = registryState(db);
  const byTarget = lastFound.get(db.$client) ?? new Map();
  lastFound.set(db.$client, byTarget);
  const known = byTarget.get(target);
  if (known?.state === state) return known.found;
  const found = find();
  byTarget.set(target, { state, found });
  return found;
}

function organizationCandidates(db: AppDb): Candidates {
  const found = ordered(pairsInBlocks(loadOrganizations(db), organizationBlocks, organizationVerdict), organizationDisplayName);
  return { total: found.length, ids: (k) => [found[k]!.left.id, found[k]!.right.id] };
}

/** The candidates without the pairs declared distinct (few: the places of the others are listed). */
function withoutDistinct(found: Candidates, distinct: Map<number, Set<number>>): Candidates {
  if (!distinct.size) return found;
  const places: number[] = [];
  for (let k = 0; k < found.total; k++) {
    const [a, b] = found.ids(k);
    if (!isDistinct(distinct, a, b)) places.push(k);
  }
  return { total: places.length, ids: (k) => found.ids(places[k]!) };
}

export function duplicateCandidates(db: AppDb, input: { target: DuplicateTarget; offset: number; limit: number }): Page<DuplicatePair> {
  const all = remembered(db, input.target, () => (input.target === 'person' ? personCandidates(db) : organizationCandidates(db)));
  const found = withoutDistinct(all, distinctIndex(db, input.target));
  const rows: DuplicatePair[] = [];
  for (let k = input.offset; k < Math.min(found.total, input.offset + input.limit); k++) {
    const [left, right] = found.ids(k);
    const pair = comparedPair(db, input.target, left, right);
    if (pair) rows.push(pair);
  }
  return { rows, total: found.total, totalCapped: false };
}

function pairBy<R extends { id: number }>(
  db: AppDb,
  rules: TargetRules<R>,
  target: DuplicateTarget,
  ids: [number, number],
): DuplicatePair | null {
  const [a, b] = ids.map((id) => rules.load(db, `WHERE ${target === 'person' ? 'p' : 'o'}.id = ?`, id)[0]);
  if (!a || !b) return null;
  const verdict = rules.verdict(a, b);
  return {
    target,
    left: rules.side(db, a),
    right: rules.side(db, b),
    level: verdict?.level ?? 'possible',
    reason: verdict?.reason ?? 'выбраны для объединения вручную',
    fields: verdict?.fields ?? rules.compare(a, b),
  };
}

/** One pair compared, whatever the rules say of it (the merge dialog for a pair the user picked). */
export const comparedPair = (db: AppDb, target: DuplicateTarget, leftId: number, rightId: number): DuplicatePair | null =>
  target === 'person' ? pairBy(db, PEOPLE, target, [leftId, rightId]) : pairBy(db, ORGANIZATIONS, target, [leftId, rightId]);

/** A person of the registry a new record may be, and why: for an import's preview («возможно, совпадает с …»). */
export interface PossibleDuplicate {
  id: number;
  label: string;
  reason: string;
}

/** The people a new one may duplicate (`find`), and the registry's newly written people added to what it looks in (`add`). */
export interface PersonDuplicateFinder {
  find(p: PersonFacts, limit?: number): PossibleDuplicate[];
  add(p: PersonRecord): void;
}

/**
 * Finds the people of the registry a new person may duplicate, by the blocks and the rules of the
 * «Дубликаты» screen: loaded once for a whole list (or given the people read already), then asked
 * row by row; people written afterwards (an import's new people) are added as they are written,
 * so the next list does not read and block the whole registry again.
 */
export function personDuplicateFinder(db: AppDb, everyone = loadPeople(db)): PersonDuplicateFinder {
  const blocks = new Map<string, PersonRecord[]>();
  // Each person's keys normalised once, not again for every row whose blocks meet them.
  const keys = new WeakMap<PersonRecord, PersonKeys>();
  const add = (p: PersonRecord) => {
    keys.set(p, personMatchKeys(p));
    for (const block of personBlocks(p)) {
      const members = blocks.get(block);
      if (members) members.push(p);
      else blocks.set(block, [p]);
    }
  };
  for (const p of everyone) add(p);
  // `limit`: the first so many found. A block can hold thousands who all qualify (the same first
  // name and patronymic at one school, a list imported before): naming them all for every row of
  // the next list filled a worker's 4 GB heap in the import benchmark.
  const find = (p: PersonFacts, limit = Infinity) => {
    const seen = new Set<number>();
    const found: PossibleDuplicate[] = [];
    const mine = personMatchKeys(p);
    // Block by block, not the blocks joined into one array first: that copied a block of thousands for every row.
    for (const block of personBlocks(p)) {
      for (const other of blocks.get(block) ?? []) {
        if (found.length >= limit) return found;
        if (seen.has(other.id)) continue;
        seen.add(other.id);
        const verdict = personReason(mine, keys.get(other)!);
        if (verdict) {
          const where = [other.position, other.organizationName ?? ''].filter(Boolean).join(', ');
          found.push({ id: other.id, label: `${personFullName(other)}${where ? ` (${where})` : ''}`, reason: verdict.reason });
        }
      }
    }
    return found;
  };
  return { find, add };
}
