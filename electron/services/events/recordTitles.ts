import { eq } from 'drizzle-orm';
import { events } from '@db/schema';
import type { RecordTitles } from '@main/services/registry';

/** An event as a merge conflict names it (see registry/recordTitles.ts). */
export const eventsRecordTitles: RecordTitles = {
  event: (db, id) => {
    const row = db.select({ title: events.title }).from(events).where(eq(events.id, id)).get();
    return row && `мероприятие «${row.title}»`;
  },
};
