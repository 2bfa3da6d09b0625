import { eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { events, sessionCounts } from '@db/schema';
import { conflict } from '@main/api/errors';
import { requireListValue } from '@main/services/lists';
import type { EventDetail } from '@shared/contract/events';
import { todayLocal } from '@shared/russian';
import { getEvent } from './detail';
import { requireEvent, requireSession, type EventRecord } from './shared';

/** Events for the population record numbers only: how many came, by category; never who (DESIGN). */
function requirePopulation(event: EventRecord): void {
  if (event.audience !== 'population') {
    throw conflict(
      'Число пришедших по категориям записывают только для мероприятий для населения; у специалистов отмечают каждого участника.',
    );
  }
}

export function setCounts(
  db: AppDb,
  input: { sessionId: number; counts: { categoryId: number; present: number }[] },
  today = todayLocal(),
): EventDetail {
  return inTransaction(db, () => {
    const session = requireSession(db, input.sessionId);
    requirePopulation(requireEvent(db, session.eventId));
    const seen = new Set<number>();
    for (const c of input.counts) {
      requireListValue(db, 'audienceCategories', c.categoryId, 'counts');
      if (seen.has(c.categoryId)) throw conflict('Одна и та же категория указана дважды.');
      seen.add(c.categoryId);
    }
    db.delete(sessionCounts).where(eq(sessionCounts.sessionId, session.id)).run();
    const kept = input.counts.filter((c) => c.present > 0);
    if (kept.length)
      db.insert(sessionCounts)
        .values(kept.map((c) => ({ ...c, sessionId: session.id })))
        .run();
    return getEvent(db, session.eventId, today);
  });
}

/** A programme (a school for foster-parent candidates): registered and completed, entered at its end. */
export function setPopulationTotals(
  db: AppDb,
  input: { id: number; registered: number | null; completed: number | null },
  today = todayLocal(),
): EventDetail {
  return inTransaction(db, () => {
    requirePopulation(requireEvent(db, input.id));
    db.update(events)
      .set({ populationRegistered: input.registered, populationCompleted: input.completed })
      .where(eq(events.id, input.id))
      .run();
    return getEvent(db, input.id, today);
  });
}
