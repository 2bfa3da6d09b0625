import { and, count, eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { recordDeletion } from '@db/journal';
import { eventSessions, sessionMarks } from '@db/schema';
import { conflict } from '@main/api/errors';
import type { EventDetail, SessionInput } from '@shared/contract/events';
import { formatDate, todayLocal } from '@shared/russian';
import { getEvent } from './detail';
import { rederiveEvent, requireEvent, requireSession, type EventRecord } from './shared';

/** A held event has taken place: none of its sessions may move past today. */
function requireSessionDay(event: EventRecord, day: string, today: string): void {
  if (event.status === 'held' && day > today) {
    throw conflict(`Мероприятие уже проведено: занятие не может быть позже сегодняшнего дня (${formatDate(day)} ещё не наступило).`, {
      day: 'Позже сегодняшнего дня',
    });
  }
}

export function createSession(db: AppDb, eventId: number, input: SessionInput, today = todayLocal()): EventDetail {
  return inTransaction(db, () => {
    const event = requireEvent(db, eventId);
    requireSessionDay(event, input.day, today);
    db.insert(eventSessions)
      .values({ ...input, eventId })
      .run();
    rederiveEvent(db, eventId);
    return getEvent(db, eventId, today);
  });
}

export function updateSession(db: AppDb, id: number, input: SessionInput, today = todayLocal()): EventDetail {
  return inTransaction(db, () => {
    const session = requireSession(db, id);
    requireSessionDay(requireEvent(db, session.eventId), input.day, today);
    db.update(eventSessions).set(input).where(eq(eventSessions.id, id)).run();
    rederiveEvent(db, session.eventId);
    return getEvent(db, session.eventId, today);
  });
}

export function deleteSession(db: AppDb, id: number, today = todayLocal()): EventDetail {
  return inTransaction(db, () => {
    const session = requireSession(db, id);
    const left = db.select({ n: count() }).from(eventSessions).where(eq(eventSessions.eventId, session.eventId)).get()?.n ?? 0;
    if (left <= 1) throw conflict('У мероприятия должно остаться хотя бы одно занятие.');
    const marked =
      db
        .select({ n: count() })
        .from(sessionMarks)
        .where(and(eq(sessionMarks.sessionId, id), eq(sessionMarks.mark, 'present')))
        .get()?.n ?? 0;
    const event = requireEvent(db, session.eventId);
    recordDeletion(db, {
      table: eventSessions,
      key: { id },
      label: `Удалено занятие ${formatDate(session.day)} мероприятия «${event.title}»${marked ? ` (отметок о присутствии: ${marked})` : ''}`,
    });
    db.delete(eventSessions).where(eq(eventSessions.id, id)).run();
    // A held event's last day may only become earlier here, so «проведено» still holds.
    rederiveEvent(db, session.eventId);
    return getEvent(db, session.eventId, today);
  });
}
