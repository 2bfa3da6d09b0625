import { asc, eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import {
  events,
  eventParticipants,
  eventSessions,
  listValues,
  planItemLinks,
  planItems,
  sessionCounts,
  sessionMarks,
  workPlans,
} from '@db/schema';
import { organizationNameSql, personFullNameSql } from '@main/services/registry';
import type { EventDetail, ParticipantView } from '@shared/contract/events';
import type { SessionMark } from '@shared/contract/eventEnums';
import { todayLocal } from '@shared/russian';
import { organizations, people, municipalities } from '@db/schema';
import { completionRows, completionTotals } from './completion';
import { requireEvent } from './shared';

const listValueText = (db: AppDb, id: number | null) =>
  id === null ? null : (db.select({ value: listValues.value }).from(listValues).where(eq(listValues.id, id)).get()?.value ?? null);

/** The event card: fields, sessions by date, participants by registration number with marks and completion. */
export function getEvent(db: AppDb, id: number, _today = todayLocal()): EventDetail {
  const e = requireEvent(db, id);
  const sessions = db
    .select({
      id: eventSessions.id,
      day: eventSessions.day,
      timeStart: eventSessions.timeStart,
      timeEnd: eventSessions.timeEnd,
      topic: eventSessions.topic,
      required: eventSessions.required,
    })
    .from(eventSessions)
    .where(eq(eventSessions.eventId, id))
    .orderBy(asc(eventSessions.day), asc(eventSessions.timeStart), asc(eventSessions.id))
    .all();
  const participantRows = db
    .select({
      id: eventParticipants.id,
      personId: eventParticipants.personId,
      registrationNumber: eventParticipants.registrationNumber,
      fullName: personFullNameSql,
      sortKey: people.sortKey,
      organizationId: eventParticipants.organizationId,
      organizationName: organizationNameSql,
      position: eventParticipants.position,
      role: eventParticipants.role,
      status: eventParticipants.status,
      source: eventParticipants.source,
      note: eventParticipants.note,
    })
    .from(eventParticipants)
    .innerJoin(people, eq(people.id, eventParticipants.personId))
    .leftJoin(organizations, eq(organizations.id, eventParticipants.organizationId))
    .where(eq(eventParticipants.eventId, id))
    .orderBy(asc(eventParticipants.registrationNumber))
    .all();
  const marks = new Map<number, Record<number, SessionMark>>();
  for (const m of db
    .select({ participantId: sessionMarks.participantId, sessionId: sessionMarks.sessionId, mark: sessionMarks.mark })
    .from(sessionMarks)
    .where(eq(sessionMarks.eventId, id))
    .all()) {
    const own = marks.get(m.participantId) ?? {};
    own[m.sessionId] = m.mark;
    marks.set(m.participantId, own);
  }
  const completion = completionRows(db, { kind: 'event', eventId: id });
  const byParticipant = new Map(completion.map((c) => [c.participantId, c]));
  const participants: ParticipantView[] = participantRows.map(({ sortKey: _k, ...p }) => ({
    ...p,
    marks: marks.get(p.id) ?? {},
    present: byParticipant.get(p.id)?.present ?? 0,
    completed: byParticipant.get(p.id)?.completed ?? false,
  }));
  const totals = completionTotals(completion).get(id) ?? { completed: 0, attended: 0 };
  const plan = db
    .select({ id: planItems.id, title: planItems.title, year: workPlans.year })
    .from(planItemLinks)
    .innerJoin(planItems, eq(planItems.id, planItemLinks.planItemId))
    .innerJoin(workPlans, eq(workPlans.id, planItems.planId))
    .where(eq(planItemLinks.eventId, id))
    .get();
  const copiedFrom =
    e.copiedFromId === null
      ? null
      : (db
          .select({ id: events.id, title: events.title, firstDay: events.firstDay })
          .from(events)
          .where(eq(events.id, e.copiedFromId))
          .get() ?? null);
  const organizer =
    e.organizerId === null
      ? null
      : db.select({ name: organizationNameSql }).from(organizations).where(eq(organizations.id, e.organizerId)).get();
  const municipality =
    e.municipalityId === null
      ? null
      : db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, e.municipalityId)).get();
  return {
    id: e.id,
    typeId: e.typeId,
    type: listValueText(db, e.typeId) ?? '',
    centerRole: e.centerRole,
    title: e.title,
    status: e.status,
    firstDay: e.firstDay,
    lastDay: e.lastDay,
    municipalityId: e.municipalityId,
    municipalityName: municipality?.name ?? null,
    venue: e.venue,
    organizerId: e.organizerId,
    organizerLabel: organizer?.name ?? e.organizerName,
    organizerName: e.organizerName,
    level: e.level,
    format: e.format,
    audience: e.audience,
    programmeId: e.programmeId,
    programme: listValueText(db, e.programmeId),
    completionRule: e.completionRule,
    completionPercent: e.completionPercent,
    hours: e.hours,
    populationRegistered: e.populationRegistered,
    populationCompleted: e.populationCompleted,
    notes: e.notes,
    copiedFrom,
    planItem: plan ?? null,
    sessions,
    participants,
    counts: db
      .select({ sessionId: sessionCounts.sessionId, categoryId: sessionCounts.categoryId, present: sessionCounts.present })
      .from(sessionCounts)
      .innerJoin(eventSessions, eq(eventSessions.id, sessionCounts.sessionId))
      .where(eq(eventSessions.eventId, id))
      .all(),
    totals: {
      registered: participants.filter((p) => p.status !== 'cancelled').length,
      attended: totals.attended,
      completed: e.status === 'held' ? totals.completed : null,
    },
    canHoldFrom: e.lastDay,
  };
}
