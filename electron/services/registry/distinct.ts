import { and, eq, getTableName } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { recordCreation, recordDeletion } from '@db/journal';
import { distinctOrganizations, distinctPeople } from '@db/schema';
import { conflict, DomainError } from '@main/api/errors';
import type { DuplicateTarget, TwoRecordsInput } from '@shared/contract/duplicates';
import { organizationDisplayName, personFullName } from '@shared/russian';
import { getOrganization } from './organizations';
import { getPerson } from './people';

/**
 * «Это разные люди» / «Это разные организации»: the keeper has looked at a candidate pair and
 * declared two records, so the pair is never offered again — neither on «Дубликаты» nor, since
 * the import's hint uses the same candidates, in an import's preview. Stored lower id first (the
 * table's CHECK), so a pair shown either way round is one row. Declaring is one undo entry;
 * revoking deletes the row, also undoable. Deleting or merging either record drops the pair by
 * its foreign keys' cascade, and the undo of that brings it back with the record.
 */

export const DISTINCT_TABLES = { person: distinctPeople, organization: distinctOrganizations } as const;

const ordered = (input: TwoRecordsInput) => ({
  lowId: Math.min(input.leftId, input.rightId),
  highId: Math.max(input.leftId, input.rightId),
});

/** The two names for a label, each record looked up (a missing one is refused as not found). */
function names(db: AppDb, target: DuplicateTarget, ids: { lowId: number; highId: number }): [string, string] {
  const name = (id: number) => (target === 'person' ? personFullName(getPerson(db, id)) : organizationDisplayName(getOrganization(db, id)));
  return [name(ids.lowId), name(ids.highId)];
}

const WORDS = { person: 'разные люди', organization: 'разные организации' } as const;

function find(db: AppDb, target: DuplicateTarget, ids: { lowId: number; highId: number }) {
  const table = DISTINCT_TABLES[target];
  return db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.lowId, ids.lowId), eq(table.highId, ids.highId)))
    .get();
}

export function declareDistinct(db: AppDb, input: TwoRecordsInput): null {
  const ids = ordered(input);
  const [low, high] = names(db, input.target, ids);
  if (find(db, input.target, ids)) throw conflict(`«${low}» и «${high}» уже отмечены как ${WORDS[input.target]}.`);
  const table = DISTINCT_TABLES[input.target];
  const id = Number(db.insert(table).values(ids).returning({ id: table.id }).get().id);
  recordCreation(db, { table, key: { id }, label: `Отмечено «${WORDS[input.target]}»: ${low} и ${high}` });
  return null;
}

export function revokeDistinct(db: AppDb, input: TwoRecordsInput): null {
  const ids = ordered(input);
  const [low, high] = names(db, input.target, ids);
  const row = find(db, input.target, ids);
  if (!row) throw new DomainError('not_found', `«${low}» и «${high}» не отмечены как ${WORDS[input.target]}: возможно, отметку уже сняли.`);
  const table = DISTINCT_TABLES[input.target];
  recordDeletion(db, { table, key: { id: row.id }, label: `Снята отметка «${WORDS[input.target]}»: ${low} и ${high}` });
  db.delete(table).where(eq(table.id, row.id)).run();
  return null;
}

/** The pairs declared distinct, by the lower id: what the candidates leave out. */
export function distinctIndex(db: AppDb, target: DuplicateTarget): Map<number, Set<number>> {
  const index = new Map<number, Set<number>>();
  const rows = db.$client.prepare(`SELECT low_id AS lowId, high_id AS highId FROM ${getTableName(DISTINCT_TABLES[target])}`).all() as {
    lowId: number;
    highId: number;
  }[];
  for (const r of rows) {
    const highs = index.get(r.lowId);
    if (highs) highs.add(r.highId);
    else index.set(r.lowId, new Set([r.highId]));
  }
  return index;
}

export const isDistinct = (index: Map<number, Set<number>>, a: number, b: number): boolean =>
  index.get(Math.min(a, b))?.has(Math.max(a, b)) ?? false;
