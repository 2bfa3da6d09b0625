import type { AppDb } from '@db/open';
import { reusedQuery } from '@db/reusedQuery';
import { completionRows, completionTotals } from './completion';

/** An event as a report of the period lists it. */
export interface ReportedEvent {
  id: number;
  title: string;
  firstDay: string;
  lastDay: string;
  /** The center's own (organised or co-organised) or attended by its staff. */
  own: boolean;
  /** Of the center's own: «завершили обучение: 25 из 30». */
  completed: number;
  attended: number;
}

const HELD = `SELECT id, title, first_day AS firstDay, last_day AS lastDay, center_role IN ('organizer', 'coOrganizer') AS own
  FROM events WHERE first_day BETWEEN @from AND @to AND status = 'held' ORDER BY first_day, id`;

/**
 * The events held in a period (by their first day, as the statistics count them), in date order:
 * those the center held with their completion figures and those its staff attended. A planned or
 * cancelled event did not take place and is not reported.
 */
export function eventsHeld(db: AppDb, period: { from: string; to: string }): ReportedEvent[] {
  const rows = reusedQuery(db, 'events.reported', () => db.$client.prepare(HELD)).all(period) as (Omit<
    ReportedEvent,
    'own' | 'completed' | 'attended'
  > & { own: number })[];
  const totals = completionTotals(completionRows(db, { kind: 'period', ...period }));
  return rows.map((r) => ({
    ...r,
    own: r.own === 1,
    completed: totals.get(r.id)?.completed ?? 0,
    attended: totals.get(r.id)?.attended ?? 0,
  }));
}
