import { and, eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { rederive } from '@db/derived';
import { eventParticipants, events, eventSessions, municipalities, organizations, planItemLinks } from '@db/schema';
import { conflict, invalid } from '@main/api/errors';
import { formatDate } from '@shared/russian';

export type EventRecord = typeof events.$inferSelect;

export function requireEvent(db: AppDb, id: number): EventRecord {
  const row = db.select().from(events).where(eq(events.id, id)).get();
  if (!row) throw conflict('Мероприятие не найдено: возможно, его удалили.');
  return row;
}

export function requireSession(db: AppDb, id: number) {
  const row = db.select().from(eventSessions).where(eq(eventSessions.id, id)).get();
  if (!row) throw conflict('Занятие не найдено: возможно, его удалили.');
  return row;
}

export function requireParticipant(db: AppDb, id: number) {
  const row = db.select().from(eventParticipants).where(eq(eventParticipants.id, id)).get();
  if (!row) throw conflict('Участник не найден: возможно, его регистрацию удалили.');
  return row;
}

export function requireOrganizationOrNull(db: AppDb, id: number | null, field: string): void {
  if (id === null) return;
  if (!db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id)).get()) {
    const message = 'Организация не найдена в реестре: возможно, её удалили.';
    throw invalid(message, { [field]: message });
  }
}

export function requireMunicipalityOrNull(db: AppDb, id: number | null, field: string): void {
  if (id === null) return;
  if (!db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.id, id)).get()) {
    const message = 'Муниципальное образование не найдено: возможно, его удалили.';
    throw invalid(message, { [field]: message });
  }
}

/** After any write to the sessions: the event's days and search text follow them. */
export const rederiveEvent = (db: AppDb, id: number) => void rederive(db, 'events', eq(events.id, id));

/** «Проведено» only on or after the last day: an event in the future has not taken place. */
export function requireHeldAllowed(lastDay: string, today: string): void {
  if (lastDay > today) {
    throw conflict(`Мероприятие заканчивается ${formatDate(lastDay)}: отметить его проведённым можно с этого дня.`);
  }
}

/** The plan item the event realises, or null. */
export function eventPlanItemId(db: AppDb, eventId: number): number | null {
  return (
    db
      .select({ id: planItemLinks.planItemId })
      .from(planItemLinks)
      .where(and(eq(planItemLinks.kind, 'event'), eq(planItemLinks.eventId, eventId)))
      .get()?.id ?? null
  );
}

/** Participants may be marked only where the people are named: not at an event for the population. */
export function requireSpecialists(event: EventRecord): void {
  if (event.audience === 'population') {
    throw conflict(
      'Это мероприятие для населения: участников по именам не записывают, только число пришедших по категориям (сведения о семьях программа не хранит).',
    );
  }
}
