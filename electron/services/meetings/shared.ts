import { eq, inArray, sql } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { meetings, organizations } from '@db/schema';
import { conflict, notFound } from '@main/api/errors';
import type { AssignmentState, AssignmentStatus, PersonRef } from '@shared/contract/meetings';
import { peopleAsNamed } from '@main/services/registry';
import { formatDate } from '@shared/russian';

export const nowStamp = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * «Просрочено» is a fact about today, so it is derived on every read instead of stored: a
 * stored flag would be wrong the morning after the deadline.
 */
export function assignmentState(
  a: { status: AssignmentStatus; dueDate: string | null; permanent: boolean },
  today: string,
): AssignmentState {
  if (a.status !== 'inProgress') return a.status;
  if (!a.permanent && a.dueDate !== null && a.dueDate < today) return 'overdue';
  return 'inProgress';
}

/** People by id with position and organisation, for the views and the documents (the registry's one reader). */
export function loadPeople(db: AppDb, ids: Iterable<number | null | undefined>): Map<number, PersonRef> {
  const result = new Map<number, PersonRef>();
  for (const [id, p] of peopleAsNamed(db, ids)) {
    const { fullName, short, signature, position, organizationId, organizationName } = p;
    result.set(id, { id, fullName, short, signature, position, organizationId, organizationName });
  }
  return result;
}

export function requirePeople(db: AppDb, ids: (number | null)[], field: string): void {
  const wanted = ids.filter((i): i is number => i !== null);
  if (wanted.length === 0) return;
  const found = loadPeople(db, wanted);
  if (wanted.some((i) => !found.has(i))) {
    throw conflict('Выбранный специалист не найден в реестре: возможно, его удалили. Выберите другого.', {
      [field]: 'Специалист не найден в реестре',
    });
  }
}

export function requireOrganizations(db: AppDb, ids: number[], field: string): void {
  if (ids.length === 0) return;
  const found = db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, ids)).all();
  if (found.length !== new Set(ids).size) {
    throw conflict('Выбранная организация не найдена в реестре: возможно, её удалили. Выберите другую.', {
      [field]: 'Организация не найдена в реестре',
    });
  }
}

export type MeetingRecord = typeof meetings.$inferSelect;

export function requireMeeting(db: AppDb, id: number): MeetingRecord {
  const row = db.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!row) throw notFound('Запись о заседании');
  return row;
}

/** «Протокол №3 от 12.09.2017». */
export const minutesLabel = (m: { number: number; dateStart: string }) => `Протокол №${m.number} от ${formatDate(m.dateStart)}`;

/**
 * Signed minutes are a document of record: every change goes through unlocking, which asks
 * for a reason and keeps it.
 */
/** The undo guard's name: an agenda item goes back only into minutes still open for editing. */
export const MEETING_EDITABLE = 'meetings.editable';

/**
 * Refuses to undo into signed minutes (they must never change silently). A meeting deleted
 * since is left to the undo journal's own check, which names it.
 */
export const meetingsUndoGuards = {
  [MEETING_EDITABLE]: (db: AppDb, args: Record<string, unknown>) => {
    const meeting = db
      .select()
      .from(meetings)
      .where(eq(meetings.id, Number(args.meetingId)))
      .get();
    if (meeting?.status === 'signed') {
      throw conflict(
        `Отменить нельзя: ${minutesLabel(meeting)} с тех пор подписан. Чтобы вернуть вопрос, снимите подпись и укажите причину.`,
      );
    }
  },
};

export function requireEditable(db: AppDb, meetingId: number): MeetingRecord {
  const meeting = requireMeeting(db, meetingId);
  if (meeting.status === 'signed') {
    throw conflict(`${minutesLabel(meeting)} подписан, изменения запрещены. Чтобы исправить протокол, снимите подпись и укажите причину.`);
  }
  return meeting;
}
