import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { eventParticipants, events } from '@db/schema';
import type { EventStatus } from '@shared/contract/eventEnums';
import { inChunks } from '@main/services/common/queries';
import { requireEvent } from './shared';

/**
 * What another register needs of an event to hand out materials at it (the publications' «Выдать
 * материалы», issue 21): its state and days, and how many people one copy each is proposed for.
 * Whom: the participants marked «Присутствовал» (they were in the room, whatever their role: a
 * speaker takes the leaflets too); before anyone is marked (materials put on the chairs before
 * the start), those registered and not cancelled or absent. An event for the population names
 * nobody: the number registered at its end, when entered.
 */
export interface EventForHandout {
  id: number;
  title: string;
  status: EventStatus;
  firstDay: string;
  lastDay: string;
  attendees: number;
  /** Whom `attendees` counts. */
  attendeesBasis: 'attended' | 'registered' | 'population';
}

export function eventForHandout(db: AppDb, eventId: number): EventForHandout {
  const e = requireEvent(db, eventId);
  const base = { id: e.id, title: e.title, status: e.status, firstDay: e.firstDay, lastDay: e.lastDay };
  if (e.audience === 'population') return { ...base, attendees: e.populationRegistered ?? 0, attendeesBasis: 'population' };
  const count = (statuses: ('attended' | 'registered')[]) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, eventId), inArray(eventParticipants.status, statuses)))
      .get()!.n;
  const attended = count(['attended']);
  return attended > 0
    ? { ...base, attendees: attended, attendeesBasis: 'attended' }
    : { ...base, attendees: count(['registered']), attendeesBasis: 'registered' };
}

/** The events' titles and first days, for naming them where something refers to them (a statement's breakdown). */
export function eventLabels(db: AppDb, ids: readonly number[]): Map<number, { title: string; firstDay: string; lastDay: string }> {
  if (ids.length === 0) return new Map();
  const rows = inChunks([...new Set(ids)], (chunk) =>
    db
      .select({ id: events.id, title: events.title, firstDay: events.firstDay, lastDay: events.lastDay })
      .from(events)
      .where(inArray(events.id, chunk))
      .all(),
  );
  return new Map(rows.map((r) => [r.id, r]));
}
