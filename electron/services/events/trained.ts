import type { AppDb } from '@db/open';
import { reusedQuery } from '@db/reusedQuery';
import { completionSql } from './completion';

/** A count of a period, by the municipality it belongs to (null: none or not recorded). */
export interface PlacedCount {
  municipalityId: number | null;
  value: number;
}

/** A count of one quarter of a period, by the municipality it belongs to. */
export interface PlacedQuarterCount extends PlacedCount {
  year: number;
  quarter: number;
}

/*
 * The completion SQL wrapped and counted inside SQLite, by the quarter of the event's first day and
 * its municipality: one query for any span of years. Asking year by year ran the completion SQL once
 * per year and carried every participant's row into JS: `npx tsx tests/bench/indicators.ts`, the
 * computed year over year, 227 ms before and 84–90 ms after at a load average of 2 (60,000
 * participations; that "after" grouped by year, the grouping by quarter came later and was timed
 * only at a load of 11–14). `completed` already implies the event is held.
 */
const TRAINED_BY_QUARTER = `SELECT CAST(substr(e.first_day, 1, 4) AS INTEGER) AS year,
  (CAST(substr(e.first_day, 6, 2) AS INTEGER) + 2) / 3 AS quarter, e.municipality_id AS municipalityId, count(*) AS value
FROM (${completionSql('period')}) c JOIN events e ON e.id = c.eventId
WHERE c.completed = 1 AND e.center_role IN ('organizer', 'coOrganizer')
GROUP BY year, quarter, e.municipality_id ORDER BY year, quarter`;

/**
 * «Прошли обучение» for the monitoring indicators: the participants who completed (the one
 * completion rule of completion.ts) the events the center held or co-organised whose first day is
 * in the period, by quarter and by the event's municipality. Completions, not people: a specialist
 * trained at two seminars counts twice, as two trainings are reported. Events attended by the
 * center's staff are not the center's training and are left out.
 */
export function specialistsTrainedByQuarter(db: AppDb, period: { from: string; to: string }): PlacedQuarterCount[] {
  return reusedQuery(db, 'events.trained.byQuarter', () => db.$client.prepare(TRAINED_BY_QUARTER)).all(period) as PlacedQuarterCount[];
}

/** The same count for one period as a whole, by municipality. */
export function specialistsTrained(db: AppDb, period: { from: string; to: string }): PlacedCount[] {
  const byPlace = new Map<number | null, number>();
  for (const { municipalityId, value } of specialistsTrainedByQuarter(db, period))
    byPlace.set(municipalityId, (byPlace.get(municipalityId) ?? 0) + value);
  return [...byPlace].map(([municipalityId, value]) => ({ municipalityId, value }));
}
