import { eq, sql } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { planItems } from '@db/schema';
import type { PlanExecution, StatusCounts } from '@shared/contract/workPlan';
import { DIRECTION_LABELS, DIRECTIONS, type Direction, type PlanStatus } from '@shared/enums';
import { reusedQuery } from '@db/reusedQuery';
import { requirePlan } from './plans';
import { derivedStatus } from './realisations';

function emptyCounts(): Omit<StatusCounts, 'donePercent'> {
  return { total: 0, planned: 0, done: 0, moved: 0, cancelled: 0 };
}

function withPercent(counts: Omit<StatusCounts, 'donePercent'>): StatusCounts {
  return { ...counts, donePercent: counts.total === 0 ? 0 : Math.round((counts.done / counts.total) * 100) };
}

/** The plan's execution per direction and in total, by the status the plan shows (a held meeting counts as done). */
export function planSummary(db: AppDb, input: { year: number }): PlanExecution {
  const plan = requirePlan(db, input.year);
  const rows = reusedQuery(db, 'workPlan.summary', () =>
    db
      .select({ direction: planItems.direction, status: derivedStatus, n: sql<number>`count(*)` })
      .from(planItems)
      .where(eq(planItems.planId, sql.placeholder('planId')))
      .groupBy(planItems.direction, derivedStatus)
      .prepare(),
  ).all({ planId: plan.id });
  const byDirection = new Map<Direction, Omit<StatusCounts, 'donePercent'>>(DIRECTIONS.map((d) => [d, emptyCounts()]));
  const total = emptyCounts();
  for (const r of rows) {
    for (const counts of [byDirection.get(r.direction)!, total]) {
      counts[r.status as PlanStatus] += r.n;
      counts.total += r.n;
    }
  }
  return {
    year: plan.year,
    rows: DIRECTIONS.map((direction) => ({ direction, label: DIRECTION_LABELS[direction], ...withPercent(byDirection.get(direction)!) })),
    total: withPercent(total),
  };
}
