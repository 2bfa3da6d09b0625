import { eq, inArray } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { planItems, workPlans } from '@db/schema';
import { inChunks } from '@main/services/common/queries';
import type { RecordTitles } from '@main/services/registry';

/** The plan's records as a merge conflict names them (see registry/recordTitles.ts). */
export const workPlanRecordTitles: RecordTitles = {
  planItem: (db, id) => {
    const row = db.select({ title: planItems.title }).from(planItems).where(eq(planItems.id, id)).get();
    return row && `мероприятие плана работы «${row.title}»`;
  },
};

/** Plan items by id with their titles and plan years: how another register's list names the item a record realises. */
export function planItemsNamed(db: AppDb, ids: readonly number[]): Map<number, { id: number; title: string; year: number }> {
  const rows = inChunks([...new Set(ids)], (chunk) =>
    db
      .select({ id: planItems.id, title: planItems.title, year: workPlans.year })
      .from(planItems)
      .innerJoin(workPlans, eq(workPlans.id, planItems.planId))
      .where(inArray(planItems.id, chunk))
      .all(),
  );
  return new Map(rows.map((r) => [r.id, r]));
}
