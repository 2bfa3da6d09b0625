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
  personVerdict,
  matchKey,
  phoneDigits,
  type OrganizationFacts,
  type PersonFacts,
  type Verdict,
} from './duplicateRules';

/**
 * Candidate pairs over the whole registry without comparing every pair (20 000 people would be
 * 200 million): records are put in blocks by a key two duplicates share — the surname's key; the
 * first name and patronymic together (a surname changed at marriage); an organisation's full or
 * short name — and only the records of one block are compared, by the field rules of verdicts.ts.
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

/** What finding and comparing needs of each kind of record. */
interface TargetRules<R extends { id: number }> {
  load(db: AppDb, where?: string, ...params: unknown[]): R[];
  blocks(r: R): string[];
  verdict(a: R, b: R): Verdict | null;
  compare(a: R, b: R): FieldComparison[];
  side(db: AppDb, r: R): DuplicateSide;
  name(r: R): string;
}

const PEOPLE: TargetRules<PersonRecord> = {
  load: loadPeople,
  blocks: personBlocks,
  verdict: personVerdict,
  compare: comparePeople,
  side: personSide,
  name: personFullName,
};

const ORGANIZATIONS: TargetRules<OrganizationRecord> = {
  load: loadOrganizations,
  blocks: organizationBlocks,
  verdict: organizationVerdict,
  compare: compareOrganizations,
  side: organizationSide,
  name: organizationDisplayName,
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
const lastFound = new WeakMap<object, Map<DuplicateTarget, { state: string; found: unknown[] }>>();

/** The registry's state (REGISTRY_STATE): equal while no person, organisation or municipality was written. */
export const registryState = (db: AppDb): string => db.$client.prepare(REGISTRY_STATE).pluck().get() as string;

function remembered<R>(db: AppDb, target: DuplicateTarget, find: () => Found<R>[]): Found<R>[] {
  const state = registryState(db);
  const byTarget = lastFound.get(db.$client) ?? new Map();
  lastFound.set(db.$client, byTarget);
  const known = byTarget.get(target);
  if (known?.state === state) return known.found as Found<R>[];
  const found = find();
  byTarget.set(target, { state, found });
  return found;
}

function candidatesBy<R extends { id: number }>(
  db: AppDb,
  rules: TargetRules<R>,
  input: { target: DuplicateTarget; offset: number; limit: number },
): Page<DuplicatePair> {
  const all = remembered(db, input.target, () => ordered(pairsInBlocks(rules.load(db), rules.blocks, rules.verdict), rules.name));
  const distinct = distinctIndex(db, input.target);
  const found = distinct.size ? all.filter((f) => !isDistinct(distinct, f.left.id, f.right.id)) : all;
  const rows = found.slice(input.offset, input.offset + input.limit).map((f) => ({
    target: input.target,
    left: rules.side(db, f.left),
    right: rules.side(db, f.right),
    level: f.verdict.level,
    reason: f.verdict.reason,
    fields: f.verdict.fields,
  }));
  return { rows, total: found.length, totalCapped: false };
}

export const duplicateCandidates = (db: AppDb, input: { target: DuplicateTarget; offset: number; limit: number }): Page<DuplicatePair> =>
  input.target === 'person' ? candidatesBy(db, PEOPLE, input) : candidatesBy(db, ORGANIZATIONS, input);

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

/**
 * Finds the people of the registry a new person may duplicate, by the blocks and the rules of the
 * «Дубликаты» screen: loaded once for a whole list (or given the people read already), then asked row by row.
 */
export function personDuplicateFinder(db: AppDb, everyone = loadPeople(db)): (p: PersonFacts, limit?: number) => PossibleDuplicate[] {
  const blocks = new Map<string, PersonRecord[]>();
  for (const p of everyone) {
    for (const block of personBlocks(p)) {
      const members = blocks.get(block);
      if (members) members.push(p);
      else blocks.set(block, [p]);
    }
  }
  // `limit`: the first so many found. A block can hold thousands who all qualify (the same first
  // name and patronymic at one school, a list imported before): naming them all for every row of
  // the next list filled a worker's 4 GB heap in the import benchmark.
  return (p, limit = Infinity) => {
    const seen = new Set<number>();
    const found: PossibleDuplicate[] = [];
    // Block by block, not the blocks joined into one array first: that copied a block of thousands for every row.
    for (const block of personBlocks(p)) {
      for (const other of blocks.get(block) ?? []) {
        if (found.length >= limit) return found;
        if (seen.has(other.id)) continue;
        seen.add(other.id);
        const verdict = personVerdict(p, other);
        if (verdict) {
          const where = [other.position, other.organizationName ?? ''].filter(Boolean).join(', ');
          found.push({ id: other.id, label: `${personFullName(other)}${where ? ` (${where})` : ''}`, reason: verdict.reason });
        }
      }
    }
    return found;
  };
}
