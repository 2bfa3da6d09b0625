import { eq } from 'drizzle-orm';
import { writeOffActs } from '@db/schema';
import type { RecordTitles } from '@main/services/registry';
import { formatDate } from '@shared/russian';

/** An act of write-off as a merge conflict names it (see registry/recordTitles.ts). */
export const writeOffActsRecordTitles: RecordTitles = {
  writeOffAct: (db, id) => {
    const row = db
      .select({ number: writeOffActs.number, actDate: writeOffActs.actDate })
      .from(writeOffActs)
      .where(eq(writeOffActs.id, id))
      .get();
    return row && `акт списания ${row.number ? `№${row.number} ` : '(черновик) '}от ${formatDate(row.actDate)}`;
  },
};
