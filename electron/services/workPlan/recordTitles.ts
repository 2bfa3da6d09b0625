import { eq } from 'drizzle-orm';
import { planItems } from '@db/schema';
import type { RecordTitles } from '@main/services/registry';

/** The plan's records as a merge conflict names them (see registry/recordTitles.ts). */
export const workPlanRecordTitles: RecordTitles = {
  planItem: (db, id) => {
    const row = db.select({ title: planItems.title }).from(planItems).where(eq(planItems.id, id)).get();
    return row && `мероприятие плана работы «${row.title}»`;
  },
};
