import { and, asc, between, count, eq, inArray } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { agendaItems, assignments, decisions, meetings, workingGroups } from '@db/schema';
import { assignmentState } from './shared';
import { signedMinutes } from './assignments';

/** A meeting as a report of the period lists it: its date, its group and the questions considered. */
export interface ReportedMeeting {
  id: number;
  number: number;
  dateStart: string;
  groupName: string;
  groupNameGenitive: string;
  signed: boolean;
  /** The agenda's titles in order: the questions considered («рассмотрены следующие темы»). */
  topics: string[];
}

/** Assignments given in the period's signed minutes, by what became of them (overdue as of `today`). */
export interface ReportedAssignments {
  given: number;
  done: number;
  withdrawn: number;
  inProgress: number;
  overdue: number;
}

/**
 * The meetings held in a period (held or signed: a meeting still being prepared was not held), in
 * date order, with their agenda. A report counts what took place; the minutes' signature only
 * decides what binds (the assignments below).
 */
/** A meeting held in the period: its first day in it, held or with its minutes signed. */
const heldIn = (period: { from: string; to: string }) =>
  and(between(meetings.dateStart, period.from, period.to), inArray(meetings.status, ['held', 'signed']));

export function meetingsHeld(db: AppDb, period: { from: string; to: string }): ReportedMeeting[] {
  const rows = db
    .select({
      id: meetings.id,
      number: meetings.number,
      dateStart: meetings.dateStart,
      status: meetings.status,
      groupName: workingGroups.name,
      groupNameGenitive: workingGroups.nameGenitive,
    })
    .from(meetings)
    .innerJoin(workingGroups, eq(workingGroups.id, meetings.groupId))
    .where(heldIn(period))
    .orderBy(asc(meetings.dateStart), asc(meetings.number))
    .all();
  const items =
    rows.length === 0
      ? []
      : db
          .select({ meetingId: agendaItems.meetingId, title: agendaItems.title })
          .from(agendaItems)
          .where(
            inArray(
              agendaItems.meetingId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position))
          .all();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    dateStart: r.dateStart,
    groupName: r.groupName,
    groupNameGenitive: r.groupNameGenitive,
    signed: r.status === 'signed',
    topics: items.filter((i) => i.meetingId === r.id).map((i) => i.title),
  }));
}

/** The assignments of the period's signed minutes and where they stand on `today`. */
export function assignmentsGiven(db: AppDb, period: { from: string; to: string }, today: string): ReportedAssignments {
  const rows = db
    .select({ status: assignments.status, dueDate: assignments.dueDate, permanent: assignments.permanent })
    .from(assignments)
    .innerJoin(decisions, eq(decisions.id, assignments.decisionId))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(signedMinutes, between(meetings.dateStart, period.from, period.to)))
    .all();
  const result: ReportedAssignments = { given: rows.length, done: 0, withdrawn: 0, inProgress: 0, overdue: 0 };
  for (const r of rows) result[assignmentState(r, today)] += 1;
  return result;
}

/** How many meetings were held in the period (held or with signed minutes), as `meetingsHeld` lists them. */
export function meetingsHeldCount(db: AppDb, period: { from: string; to: string }): number {
  return db.select({ n: count() }).from(meetings).where(heldIn(period)).get()?.n ?? 0;
}
