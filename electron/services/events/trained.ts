import type { AppDb } from '@db/open';
import { reusedQuery } from '@db/reusedQuery';
import { completionRows } from './completion';

/** A count of a period, by the municipality it belongs to (null: none or not recorded). */
export interface PlacedCount {
  municipalityId: number | null;
  value: number;
}

const OWN_EVENTS = `SELECT id, municipality_id AS municipalityId FROM events
  WHERE first_day BETWEEN @from AND @to AND status = 'held' AND center_role IN ('organizer', 'coOrganizer')`;

/**
 * «Прошли обучение» for the monitoring indicators: the participants who completed (the one
 * completion rule of completion.ts) the events the center held or co-organised whose first day is
 * in the period, by the event's municipality. Completions, not people: a specialist trained at two
 * seminars counts twice, as two trainings are reported. Events attended by the center's staff are
 * not the center's training and are left out.
 */
export function specialistsTrained(db: AppDb, period: { from: string; to: string }): PlacedCount[] {
  const own = reusedQuery(db, 'events.trained.own', () => db.$client.prepare(OWN_EVENTS)).all(period) as {
    id: number;
    municipalityId: number | null;
  }[];
  const placeOf = new Map(own.map((e) => [e.id, e.municipalityId]));
  const byPlace = new Map<number | null, number>();
  for (const row of completionRows(db, { kind: 'period', ...period })) {
    if (!row.completed || !placeOf.has(row.eventId)) continue;
    const place = placeOf.get(row.eventId)!;
    byPlace.set(place, (byPlace.get(place) ?? 0) + 1);
  }
  return [...byPlace].map(([municipalityId, value]) => ({ municipalityId, value }));
}
