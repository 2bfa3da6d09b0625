import type { SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { NounForms } from '@shared/russian';

/**
 * References from a register's tables to the registry's people and organisations, declared by
 * each register next to its tables (registry.ts, workPlan.ts, meetings.ts) and gathered in
 * db/references.ts. They are data, not queries written for one purpose:
 * - the registry's delete guard walks them to refuse a delete with the records it would break
 *   («используется в 3 заседаниях (участник) и в 1 мероприятии плана работы (ответственный)»);
 * - merging two duplicate people re-points every `column` from one id to the other (`uniqueWith`
 *   says when the re-pointed row would repeat a row the kept person already has);
 * - a rebuild after restoring a file checks every `column` against the registry.
 * They live beside the tables rather than in the registers' services because the registry is
 * imported by every register and could not import them back.
 */
export type ReferenceTarget = 'person' | 'organization';

/** The record a user knows a referring row as: a meeting, a plan item, an assignment. */
export interface ReferenceRecord {
  /** Rows of different tables naming the same record count once: the attendee and the chair of one meeting. */
  kind: string;
  /** After «в»: «1 заседании», «3 заседаниях», «5 заседаниях». */
  inForms: NounForms;
  /** The record's id for a row of the referring table (a column of it or a subquery over it). */
  id: SQLiteColumn | SQL;
}

export interface RegistryReference {
  target: ReferenceTarget;
  /** The column holding the person's or the organisation's id; its table is the referring table. */
  column: SQLiteColumn;
  record: ReferenceRecord;
  /** What the person or the organisation is there: «участник», «ответственный». */
  role: string;
  /** The other columns of a unique key the column is part of (merging must not make two equal rows). */
  uniqueWith?: SQLiteColumn[];
}

export const referenceRecord = (kind: string, inForms: NounForms, id: SQLiteColumn | SQL): ReferenceRecord => ({ kind, inForms, id });

/**
 * A link table keyed by (owner, person or organisation): the owner is the record a user knows,
 * and re-pointing a reference must not repeat a pair the owner already has.
 */
export const linkReference = (
  target: ReferenceTarget,
  column: SQLiteColumn,
  owner: SQLiteColumn,
  kind: string,
  inForms: NounForms,
  role: string,
): RegistryReference => ({ target, column, record: referenceRecord(kind, inForms, owner), role, uniqueWith: [owner] });
