import { eq } from 'drizzle-orm';
import { assignments, decisions, meetings, workingGroups } from '@db/schema';
import type { RecordTitles } from '@main/services/registry';
import { meetingRecordLabel } from '@shared/contract/meetingEnums';

/** The groups, meetings and assignments as a merge conflict names them (see registry/recordTitles.ts). */
export const meetingsRecordTitles: RecordTitles = {
  workingGroup: (db, id) => {
    const row = db.select({ name: workingGroups.name }).from(workingGroups).where(eq(workingGroups.id, id)).get();
    return row && `рабочая группа «${row.name}»`;
  },
  meeting: (db, id) => {
    const row = db
      .select({ kind: meetings.kind, number: meetings.number, dateStart: meetings.dateStart })
      .from(meetings)
      .where(eq(meetings.id, id))
      .get();
    return row && meetingRecordLabel(row);
  },
  assignment: (db, id) => {
    const row = db
      .select({ text: decisions.text })
      .from(assignments)
      .innerJoin(decisions, eq(decisions.id, assignments.decisionId))
      .where(eq(assignments.id, id))
      .get();
    return row && `поручение «${row.text}»`;
  },
};
