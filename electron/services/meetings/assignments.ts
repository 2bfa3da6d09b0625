import { and, asc, count, eq, exists, gte, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import {
  agendaItems,
  assignmentOrganizations,
  assignmentPeople,
  assignments,
  decisions,
  meetings,
  people,
  workingGroups,
} from '@db/schema';
import { conflict, invalid, notFound } from '@main/api/errors';
import type { Page } from '@shared/contract/common';
import type { AssignmentListInput, AssignmentRow, AssignmentStatus, PendingAssignments } from '@shared/contract/meetings';
import { formatDate, todayLocal } from '@shared/russian';
import { matchesAllWords } from '@main/services/common/queries';
import { loadAssignments } from './detail';
import { minutesLabel } from './shared';

const rowColumns = {
  id: assignments.id,
  decisionId: decisions.id,
  decisionPosition: decisions.position,
  text: decisions.text,
  itemPosition: agendaItems.position,
  itemTitle: agendaItems.title,
  meetingId: meetings.id,
  number: meetings.number,
  dateStart: meetings.dateStart,
  groupId: workingGroups.id,
  groupName: workingGroups.name,
};

/**
 * A decision binds the organisations it names once the minutes are signed: until then it is a
 * draft's text. Every list and count of assignments takes signed minutes only; held but
 * unsigned ones are counted apart (`pendingAssignments`) and said so on screen.
 */
export const signedMinutes = eq(meetings.status, 'signed');

function baseQuery(db: AppDb, where: SQL | undefined) {
  return db
    .select(rowColumns)
    .from(assignments)
    .innerJoin(decisions, eq(decisions.id, assignments.decisionId))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(workingGroups, eq(workingGroups.id, meetings.groupId))
    .where(and(signedMinutes, where));
}

function toRows(
  db: AppDb,
  rows: {
    decisionId: number;
    decisionPosition: number;
    text: string;
    itemPosition: number;
    itemTitle: string;
    meetingId: number;
    number: number;
    dateStart: string;
    groupId: number;
    groupName: string;
  }[],
  today: string,
): AssignmentRow[] {
  const views = loadAssignments(
    db,
    rows.map((r) => r.decisionId),
    today,
  );
  return rows.map((r) => ({
    ...views.get(r.decisionId)!,
    decisionId: r.decisionId,
    decisionNumber: `${r.itemPosition}.${r.decisionPosition}`,
    text: r.text,
    itemTitle: r.itemTitle,
    meetingId: r.meetingId,
    meetingLabel: minutesLabel(r),
    meetingNumber: r.number,
    meetingDate: r.dateStart,
    groupId: r.groupId,
    groupName: r.groupName,
  }));
}

/** «Просрочено» as SQL, matching `assignmentState`. */
const overdueSql = (today: string) =>
  and(eq(assignments.status, 'inProgress'), eq(assignments.permanent, false), lt(assignments.dueDate, today));

/** An assignment concerns an organisation when it is named or one of the responsible people works there. */
const concernsOrganization = (db: AppDb, organizationId: number) =>
  or(
    exists(
      db
        .select({ one: sql`1` })
        .from(assignmentOrganizations)
        .where(and(eq(assignmentOrganizations.assignmentId, assignments.id), eq(assignmentOrganizations.organizationId, organizationId))),
    ),
    exists(
      db
        .select({ one: sql`1` })
        .from(assignmentPeople)
        .innerJoin(people, eq(people.id, assignmentPeople.personId))
        .where(and(eq(assignmentPeople.assignmentId, assignments.id), eq(people.organizationId, organizationId))),
    ),
  );

export function listAssignments(db: AppDb, input: AssignmentListInput, today = todayLocal()): Page<AssignmentRow> {
  const stateWhere =
    input.state === 'overdue'
      ? overdueSql(today)
      : input.state === 'inProgress'
        ? and(
            eq(assignments.status, 'inProgress'),
            or(eq(assignments.permanent, true), isNull(assignments.dueDate), gte(assignments.dueDate, today)),
          )
        : input.state === 'open'
          ? eq(assignments.status, 'inProgress')
          : input.state
            ? eq(assignments.status, input.state)
            : undefined;
  const where = and(
    stateWhere,
    input.groupId === null ? undefined : eq(meetings.groupId, input.groupId),
    input.organizationId === null ? undefined : concernsOrganization(db, input.organizationId),
    input.personId === null
      ? undefined
      : exists(
          db
            .select({ one: sql`1` })
            .from(assignmentPeople)
            .where(and(eq(assignmentPeople.assignmentId, assignments.id), eq(assignmentPeople.personId, input.personId))),
        ),
    matchesAllWords(decisions.searchText, input.search),
  );
  const rows = baseQuery(db, where)
    // Open ones first by their deadline («постоянно» last), then the closed ones.
    .orderBy(
      sql`${assignments.status} <> 'inProgress'`,
      sql`${assignments.dueDate} IS NULL`,
      asc(assignments.dueDate),
      asc(meetings.dateStart),
      asc(agendaItems.position),
      asc(decisions.position),
    )
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const total =
    db
      .select({ n: count() })
      .from(assignments)
      .innerJoin(decisions, eq(decisions.id, assignments.decisionId))
      .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(and(signedMinutes, where))
      .get()?.n ?? 0;
  return { rows: toRows(db, rows, today), total };
}

/** Assignments in minutes that are held but not signed yet, and in how many minutes. */
export function pendingAssignments(db: AppDb): PendingAssignments {
  const row = db
    .select({ assignments: count(), meetings: sql<number>`count(distinct ${meetings.id})` })
    .from(assignments)
    .innerJoin(decisions, eq(decisions.id, assignments.decisionId))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(meetings.status, 'held'))
    .get();
  return { assignments: row?.assignments ?? 0, meetings: row?.meetings ?? 0 };
}

export function getAssignment(db: AppDb, id: number, today = todayLocal()): AssignmentRow {
  const row = baseQuery(db, eq(assignments.id, id)).get();
  if (!row) {
    const unsigned = db.select({ id: assignments.id }).from(assignments).where(eq(assignments.id, id)).get();
    if (unsigned) throw conflict('Поручение записано в неподписанном протоколе: отмечать исполнение можно после подписания протокола.');
    throw notFound('Запись о поручении');
  }
  return toRows(db, [row], today)[0]!;
}

/**
 * Execution is tracked after the minutes are signed, so this is allowed on a signed
 * meeting: the minutes' text does not change, only the control mark.
 */
export function setAssignmentStatus(
  db: AppDb,
  input: { id: number; status: AssignmentStatus; completionNote: string; completedOn: string | null },
  today = todayLocal(),
): AssignmentRow {
  return inTransaction(db, () => {
    const current = getAssignment(db, input.id, today);
    if (input.status === 'done' && !input.completionNote) {
      throw invalid('Опишите, как исполнено поручение', { completionNote: 'Заполните отметку об исполнении' });
    }
    if (input.status === 'withdrawn' && !input.completionNote) {
      throw invalid('Укажите, почему поручение снято с контроля', { completionNote: 'Укажите основание' });
    }
    // The form asks for the date of a withdrawal too: it obeys the same bounds as a completion.
    if (input.status !== 'inProgress') {
      const what = input.status === 'done' ? 'Дата исполнения' : 'Дата снятия с контроля';
      const on = input.completedOn ?? today;
      if (on > today) throw invalid(`${what} не может быть в будущем`, { completedOn: 'Дата ещё не наступила' });
      if (on < current.meetingDate) {
        throw invalid(`${what} раньше даты заседания (${formatDate(current.meetingDate)})`, { completedOn: 'Раньше даты заседания' });
      }
    }
    db.update(assignments)
      .set({
        status: input.status,
        completionNote: input.completionNote,
        completedOn: input.status === 'inProgress' ? null : (input.completedOn ?? today),
      })
      .where(eq(assignments.id, input.id))
      .run();
    return getAssignment(db, input.id, today);
  });
}

/** Open assignments of the meeting's group decided at its other, earlier meetings (signed minutes only). */
export function openAssignmentsForMeeting(db: AppDb, meetingId: number, dateStart: string, today = todayLocal()): AssignmentRow[] {
  const m = db.select({ groupId: meetings.groupId }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!m) throw notFound('Запись о заседании');
  const rows = baseQuery(
    db,
    and(
      eq(meetings.groupId, m.groupId),
      ne(meetings.id, meetingId),
      lte(meetings.dateStart, dateStart),
      eq(assignments.status, 'inProgress'),
    ),
  )
    .orderBy(asc(meetings.dateStart), asc(agendaItems.position), asc(decisions.position))
    .all();
  return toRows(db, rows, today);
}

/** Assignments concerning one organisation from signed minutes, for its list (document). */
export function organizationAssignments(db: AppDb, organizationId: number, onlyOpen: boolean, today = todayLocal()): AssignmentRow[] {
  const rows = baseQuery(db, and(concernsOrganization(db, organizationId), onlyOpen ? eq(assignments.status, 'inProgress') : undefined))
    .orderBy(
      sql`${assignments.dueDate} IS NULL`,
      asc(assignments.dueDate),
      asc(meetings.dateStart),
      asc(agendaItems.position),
      asc(decisions.position),
    )
    .all();
  return toRows(db, rows, today);
}
