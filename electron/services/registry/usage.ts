import { eq, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { AppDb } from '@db/open';
import { REGISTRY_REFERENCES } from '@db/references';
import type { ReferenceTarget, RegistryReference } from '@db/schema';
import { countOf, type NounForms } from '@shared/russian';

/** Where a person or an organisation is used: per kind of record, how many and in which roles. */
export interface Usage {
  kind: string;
  inForms: NounForms;
  count: number;
  roles: string[];
}

const tableOf = (column: SQLiteColumn) => column.table;

/**
 * Walks every register's declared references (db/references.ts) to the record: the rows naming it
 * are counted per record a user knows («3 заседания», however many of their rows name her), each
 * record once across all its tables, in the order the declarations are listed.
 */
export function usageOf(
  db: AppDb,
  target: ReferenceTarget,
  id: number,
  references: readonly RegistryReference[] = REGISTRY_REFERENCES,
): Usage[] {
  const byKind = new Map<string, { inForms: NounForms; ids: Set<unknown>; roles: string[] }>();
  for (const ref of references) {
    if (ref.target !== target) continue;
    const rows = db
      .selectDistinct({ record: sql`${ref.record.id}` })
      .from(tableOf(ref.column))
      .where(eq(ref.column, id))
      .all();
    if (rows.length === 0) continue;
    const entry = byKind.get(ref.record.kind) ?? { inForms: ref.record.inForms, ids: new Set(), roles: [] };
    for (const row of rows) entry.ids.add(row.record);
    if (!entry.roles.includes(ref.role)) entry.roles.push(ref.role);
    byKind.set(ref.record.kind, entry);
  }
  return [...byKind].map(([kind, e]) => ({ kind, inForms: e.inForms, count: e.ids.size, roles: e.roles }));
}

/** «в 3 заседаниях (председатель, участник) и в 1 мероприятии плана работы (ответственный)». */
export function usagePhrase(usage: Usage[]): string {
  const parts = usage.map((u) => `в ${countOf(u.count, u.inForms)} (${u.roles.join(', ')})`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} и ${parts.at(-1)}`;
}
