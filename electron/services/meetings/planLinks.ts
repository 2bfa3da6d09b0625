import { and, eq, inArray } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { agendaItems, planItemLinks } from '@db/schema';

/**
 * The meetings' side of «реализует» (plan_item_links): which plan item a meeting realises as a
 * whole, and which its agenda questions taken from the plan carry. The work plan reads the same
 * rows to show an item done once the meeting is held; nothing is written into the plan item.
 */

/** The plan item the meeting as a whole realises (the form's «мероприятие плана»), or null. */
export function meetingPlanItemId(db: AppDb, meetingId: number): number | null {
  return (
    db
      .select({ id: planItemLinks.planItemId })
      .from(planItemLinks)
      .where(and(eq(planItemLinks.kind, 'meeting'), eq(planItemLinks.meetingId, meetingId)))
      .get()?.id ?? null
  );
}

export function setMeetingPlanItem(db: AppDb, meetingId: number, planItemId: number | null): void {
  if (meetingPlanItemId(db, meetingId) === planItemId) return;
  db.delete(planItemLinks)
    .where(and(eq(planItemLinks.kind, 'meeting'), eq(planItemLinks.meetingId, meetingId)))
    .run();
  if (planItemId !== null) db.insert(planItemLinks).values({ planItemId, kind: 'meeting', meetingId }).run();
}

/** The plan item each of the given agenda questions carries, by question id. */
export function agendaPlanItemIds(db: AppDb, agendaItemIds: number[]): Map<number, number> {
  if (agendaItemIds.length === 0) return new Map();
  const rows = db
    .select({ agendaItemId: planItemLinks.agendaItemId, planItemId: planItemLinks.planItemId })
    .from(planItemLinks)
    .where(inArray(planItemLinks.agendaItemId, agendaItemIds))
    .all();
  return new Map(rows.map((r) => [r.agendaItemId!, r.planItemId]));
}

export function linkAgendaItem(db: AppDb, agendaItemId: number, planItemId: number): void {
  db.insert(planItemLinks).values({ planItemId, kind: 'agendaItem', agendaItemId }).run();
}

/** Whether the meeting's agenda already carries the plan item. */
export function agendaCarries(db: AppDb, meetingId: number, planItemId: number): boolean {
  return (
    db
      .select({ id: planItemLinks.id })
      .from(planItemLinks)
      .innerJoin(agendaItems, eq(agendaItems.id, planItemLinks.agendaItemId))
      .where(and(eq(agendaItems.meetingId, meetingId), eq(planItemLinks.planItemId, planItemId)))
      .get() !== undefined
  );
}
