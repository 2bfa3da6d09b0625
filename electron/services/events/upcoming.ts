import type { AppDb } from '@db/open';
import { reusedQuery } from '@db/reusedQuery';

/** An event still ahead, as the home screen lists it. */
export interface UpcomingEvent {
  id: number;
  title: string;
  type: string;
  firstDay: string;
  lastDay: string;
}

// The LIMIT is written into the text (see literalLimit in db/reusedQuery.ts): a bound one expires the kept statement.
const upcoming = (limit: number) => `SELECT e.id, e.title, lv.value AS type, e.first_day AS firstDay, e.last_day AS lastDay
  FROM events e JOIN list_values lv ON lv.id = e.type_id
  WHERE e.status = 'planned' AND e.last_day >= @today ORDER BY e.first_day, e.id LIMIT ${limit}`;
const UPCOMING_COUNT = `SELECT count(*) AS n FROM events WHERE status = 'planned' AND last_day >= @today`;

/**
 * The planned events not over yet (one under way today is still ahead of its last day), soonest
 * first: the first `limit` of them and how many there are. A held or cancelled event is not ahead.
 */
export function upcomingEvents(db: AppDb, today: string, limit: number): { rows: UpcomingEvent[]; total: number } {
  if (!Number.isSafeInteger(limit)) throw new Error(`LIMIT must be an integer, got ${limit}`);
  const rows = reusedQuery(db, `events.upcoming:${limit}`, () => db.$client.prepare(upcoming(limit))).all({ today }) as UpcomingEvent[];
  const { n } = reusedQuery(db, 'events.upcoming.count', () => db.$client.prepare(UPCOMING_COUNT)).get({ today }) as { n: number };
  return { rows, total: n };
}

const HELD_COUNTS = `SELECT coalesce(sum(center_role IN ('organizer', 'coOrganizer')), 0) AS own,
  coalesce(sum(center_role IN ('participant', 'speaker')), 0) AS attended
  FROM events WHERE first_day BETWEEN @from AND @to AND status = 'held'`;

/**
 * How many events were held in the period (by their first day, as the statistics count them):
 * the center's own (organised or co-organised) and others' attended by its staff. The statistics
 * screen states the same two figures; this counts them without its participant tables.
 */
export function heldEventCounts(db: AppDb, period: { from: string; to: string }): { own: number; attended: number } {
  return reusedQuery(db, 'events.heldCounts', () => db.$client.prepare(HELD_COUNTS)).get(period) as { own: number; attended: number };
}
