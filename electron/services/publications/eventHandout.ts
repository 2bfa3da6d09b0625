import { and, eq, sql } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { listValues, publicationMovements as pm, publications } from '@db/schema';
import { DomainError, conflict, invalid } from '@main/api/errors';
import { eventForHandout, eventLabels } from '@main/services/events';
import type { EventDistribution, EventHandout, HandOutData, HandOutResult, MovementData } from '@shared/contract/publications';
import { formatDate, todayLocal } from '@shared/russian';
import { balances } from './ledger';
import { recordMovement, refuseCancelled } from './movements';

/** Counted distributions (no reversal, none reversed) at events, matching `where`. */
const countedAtEvent = sql`${pm.kind} = 'distribution' AND ${pm.eventId} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM publication_movements r WHERE r.reverses_id = ${pm.id})`;

/** Copies handed out at events, by event (the card of a publication, the movement statement), in date order. */
export function distributedByEvent(db: AppDb, where: ReturnType<typeof sql> | undefined): EventDistribution[] {
  const rows = db
    .select({ eventId: sql<number>`${pm.eventId}`, copies: sql<number>`sum(${pm.quantity})` })
    .from(pm)
    .where(where ? and(countedAtEvent, where) : countedAtEvent)
    .groupBy(pm.eventId)
    .all();
  const labels = eventLabels(
    db,
    rows.map((r) => r.eventId),
  );
  return rows
    .map((r) => ({ eventId: r.eventId, ...labels.get(r.eventId)!, copies: r.copies }))
    .sort((a, b) => (a.firstDay !== b.firstDay ? (a.firstDay < b.firstDay ? -1 : 1) : a.eventId - b.eventId));
}

/** The day proposed for the hand-out: the event's first day, or today if it has not come yet while the event goes on. */
const proposedDate = (e: { firstDay: string; lastDay: string }, today: string) => (e.firstDay <= today ? e.firstDay : today);

/**
 * What «Выдать материалы» proposes on an event's page: one copy per attendee (eventForHandout says
 * whom it counts) of each publication on hand today and not archived, and what was already
 * handed out at the event.
 */
export function eventHandout(db: AppDb, input: { eventId: number }, today = todayLocal()): EventHandout {
  const e = eventForHandout(db, input.eventId);
  const stock = balances(db, today, today, today);
  const catalogue = db
    .select({ id: publications.id, title: publications.title, kind: listValues.value, archived: publications.archived })
    .from(publications)
    .innerJoin(listValues, eq(listValues.id, publications.kindId))
    .orderBy(publications.sortKey, publications.id)
    .all();
  const titles = new Map(catalogue.map((p) => [p.id, p.title]));
  const handedOut = db
    .select({ publicationId: pm.publicationId, copies: sql<number>`sum(${pm.quantity})` })
    .from(pm)
    .where(and(countedAtEvent, eq(pm.eventId, e.id)))
    .groupBy(pm.publicationId)
    .all()
    .map((r) => ({ ...r, title: titles.get(r.publicationId) ?? '' }))
    .sort((a, b) => a.title.localeCompare(b.title, 'ru'));
  return {
    event: { id: e.id, title: e.title, status: e.status, firstDay: e.firstDay, lastDay: e.lastDay },
    attendees: e.attendees,
    attendeesBasis: e.attendeesBasis,
    date: proposedDate(e, today),
    publications: catalogue
      .filter((p) => !p.archived && (stock.get(p.id)?.balance ?? 0) > 0)
      .map((p) => ({ id: p.id, title: p.title, kind: p.kind, balance: stock.get(p.id)!.balance })),
    handedOut,
  };
}

/**
 * Hands out copies of several publications at an event in one transaction: each line is a
 * distribution to the event, written and checked by the ledger's rule (never negative, at any
 * date up to the next stocktake); one refusal rolls every line back and names the publication.
 * A cancelled event receives nothing; the date lies within the event's days.
 */
export function handOutAtEvent(db: AppDb, input: HandOutData, today = todayLocal()): HandOutResult {
  return inTransaction(db, () => {
    const e = eventForHandout(db, input.eventId);
    refuseCancelled(e);
    if (input.date < e.firstDay || input.date > e.lastDay) {
      const message =
        e.firstDay === e.lastDay
          ? `Выдача на мероприятии — в его день, ${formatDate(e.firstDay)}`
          : `Выдача на мероприятии — в его дни, с ${formatDate(e.firstDay)} по ${formatDate(e.lastDay)}`;
      throw invalid(message, { date: message });
    }
    const lines = input.lines.filter((l) => l.quantity > 0);
    const notices: string[] = [];
    for (const [index, line] of input.lines.entries()) {
      if (line.quantity === 0) continue;
      const title = db.select({ title: publications.title }).from(publications).where(eq(publications.id, line.publicationId)).get()?.title;
      if (title === undefined) throw conflict('Одно из изданий не найдено: возможно, его удалили. Откройте выдачу заново.');
      const movement: MovementData = {
        publicationId: line.publicationId,
        kind: 'distribution',
        date: input.date,
        quantity: line.quantity,
        printer: '',
        printedInHouse: false,
        organizationId: null,
        personId: null,
        eventId: e.id,
        reason: '',
      };
      try {
        notices.push(...recordMovement(db, movement, today).notices.map((n) => `«${title}»: ${n}`));
      } catch (error) {
        // Which line: the refusal names the publication, on the line's own field too.
        if (error instanceof DomainError) {
          const message = `«${title}»: ${error.message}`;
          throw conflict(message, { [`lines.${index}.quantity`]: error.message });
        }
        throw error;
      }
    }
    return { movements: lines.length, copies: lines.reduce((n, l) => n + l.quantity, 0), notices };
  });
}
