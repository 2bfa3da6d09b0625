import { and, asc, eq, exists, inArray, notInArray, or } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { eventParticipants, events, eventSessions, listValues, organizations, sessionMarks } from '@db/schema';
import { inChunks } from '@main/services/common/queries';
import { eventRecordLabel } from '@shared/contract/eventEnums';
import { municipalityParts, organizationNameSql, organizationsPlaced, peopleInCapacity } from '@main/services/registry';
import { planItemRealisedBy } from '@main/services/workPlan';
import type { NewsSource } from '@shared/contract/news';
import { requireEvent } from './shared';

const listValueText = (db: AppDb, id: number | null) =>
  id === null ? null : (db.select({ value: listValues.value }).from(listValues).where(eq(listValues.id, id)).get()?.value ?? null);

/**
 * An event as its news item tells it (issue 24): its days, venue, organiser, type and title; the
 * participants who came (counted, grouped by the organisations they were registered from), those
 * who ran it and spoke (named in the capacity they were registered in), the topics of its
 * sessions, the programme and the plan item. A registration cancelled or not attended is not
 * taking part.
 */
export function eventForNews(db: AppDb, id: number): NewsSource {
  const e = requireEvent(db, id);
  const came = or(
    eq(eventParticipants.status, 'attended'),
    exists(
      db
        .select({ one: sessionMarks.participantId })
        .from(sessionMarks)
        .where(and(eq(sessionMarks.participantId, eventParticipants.id), eq(sessionMarks.mark, 'present'))),
    ),
  )!;
  const participants = db
    .select({
      personId: eventParticipants.personId,
      role: eventParticipants.role,
      position: eventParticipants.position,
      organizationId: eventParticipants.organizationId,
      came,
    })
    .from(eventParticipants)
    .where(and(eq(eventParticipants.eventId, id), notInArray(eventParticipants.status, ['cancelled', 'noShow'])))
    .orderBy(asc(eventParticipants.registrationNumber))
    .all();
  const present = participants.filter((p) => Boolean(p.came));
  const inRole = (...roles: string[]) =>
    peopleInCapacity(
      db,
      participants
        .filter((p) => roles.includes(p.role))
        .map((p) => ({ personId: p.personId, position: p.position, organizationId: p.organizationId })),
    );
  const sessions = db
    .select()
    .from(eventSessions)
    .where(eq(eventSessions.eventId, id))
    .orderBy(asc(eventSessions.day), asc(eventSessions.timeStart), asc(eventSessions.id))
    .all();
  const severalDays = e.firstDay !== e.lastDay;
  const population = e.audience === 'population';
  return {
    kind: 'event',
    recordId: id,
    held: e.status === 'held',
    firstDay: e.firstDay,
    lastDay: e.lastDay,
    typeLabel: listValueText(db, e.typeId) ?? '',
    title: e.title,
    regular: false,
    remote: e.format === 'remote',
    venue: e.venue,
    municipality: municipalityParts(db, e.municipalityId),
    // The center's own event is the center's news: only another organiser is named.
    organizer: e.centerRole === 'organizer' ? null : e.organizerName.trim() || organizerOf(db, e.organizerId),
    chair: null,
    hosts: inRole('organizer', 'moderator'),
    participantCount: population ? (e.populationRegistered ?? 0) : present.length,
    population,
    organizations: organizationsPlaced(
      db,
      present.flatMap((p) => (p.organizationId === null ? [] : [p.organizationId])),
    ),
    parts: sessions
      .filter((s) => s.topic.trim() !== '')
      .map((s, i) => ({
        key: `session-${s.id}`,
        number: i + 1,
        title: s.topic.trim(),
        day: severalDays ? s.day : null,
        speakers: [],
        discussion: [],
        decisions: [],
      })),
    speakers: inRole('speaker'),
    programme: listValueText(db, e.programmeId),
    planItem: planItemRealisedBy(db, { eventId: id }),
  };
}

function organizerOf(db: AppDb, organizerId: number | null): string | null {
  if (organizerId === null) return null;
  return db.select({ name: organizationNameSql }).from(organizations).where(eq(organizations.id, organizerId)).get()?.name ?? null;
}

/**
 * The events a list of news items tells of, as its rows name them («семинар, 12.03.2024:
 * «…»») with their days: the news register reads them here rather than joining the events'
 * tables itself.
 */
export function eventsNamedForNews(db: AppDb, ids: readonly number[]): Map<number, { firstDay: string; lastDay: string; source: string }> {
  const rows = inChunks([...new Set(ids)], (chunk) =>
    db
      .select({ id: events.id, title: events.title, firstDay: events.firstDay, lastDay: events.lastDay, type: listValues.value })
      .from(events)
      .innerJoin(listValues, eq(listValues.id, events.typeId))
      .where(inArray(events.id, chunk))
      .all(),
  );
  return new Map(rows.map((e) => [e.id, { firstDay: e.firstDay, lastDay: e.lastDay, source: `${eventRecordLabel(e)}: «${e.title}»` }]));
}
