import { asc, eq, sql } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { planItems, workPlans } from '@db/schema';
import { DomainError, conflict } from '@main/api/errors';
import type { WorkPlan, WorkPlanSummaryRow } from '@shared/contract/workPlan';
import { reusedQuery } from '@db/reusedQuery';
import { derivedStatus } from './realisations';

export const planNotFound = (year: number) => new DomainError('not_found', `План работы на ${year} год не найден: сначала создайте его`);

export interface PlanRow {
  id: number;
  year: number;
  approvedOn: string | null;
}

export function findPlan(db: AppDb, year: number): PlanRow | undefined {
  return reusedQuery(db, 'workPlan.plan', () =>
    db
      .select({ id: workPlans.id, year: workPlans.year, approvedOn: workPlans.approvedOn })
      .from(workPlans)
      .where(eq(workPlans.year, sql.placeholder('year')))
      .prepare(),
  ).get({ year });
}

export function requirePlan(db: AppDb, year: number): PlanRow {
  const plan = findPlan(db, year);
  if (!plan) throw planNotFound(year);
  return plan;
}

function itemCount(db: AppDb, planId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(planItems)
      .where(eq(planItems.planId, planId))
      .get()?.n ?? 0
  );
}

export function getPlan(db: AppDb, input: { year: number }): WorkPlan {
  const plan = requirePlan(db, input.year);
  // Whether a snapshot exists, not the snapshot: a frozen plan's copy is hundreds of kB (471 kB at
  // ten years of data), and reading it made every `workPlan.get` 4 ms slower.
  const frozen = db
    .select({ frozen: sql<number>`${workPlans.approvedSnapshot} is not null` })
    .from(workPlans)
    .where(eq(workPlans.id, plan.id))
    .get()?.frozen;
  return { ...plan, approvalFrozen: frozen === 1, itemCount: itemCount(db, plan.id) };
}

export function listPlanYears(db: AppDb): WorkPlanSummaryRow[] {
  return db
    .select({
      year: workPlans.year,
      approvedOn: workPlans.approvedOn,
      itemCount: sql<number>`count(${planItems.id})`,
      // The items she marked done are counted without looking for their records (derivedStatus's
      // EXISTS per item was 18 ms of the plan's first call at ten years of data); the rest by their records.
      doneCount: sql<number>`coalesce(sum(${planItems.status} = 'done' OR ${derivedStatus} = 'done'), 0)`,
    })
    .from(workPlans)
    .leftJoin(planItems, eq(planItems.planId, workPlans.id))
    .groupBy(workPlans.id)
    .orderBy(asc(workPlans.year))
    .all();
}

/** A new plan is not approved: the date is set once its items are in (`setPlanApproval` freezes them). */
export function createPlan(db: AppDb, input: { year: number }): WorkPlan {
  if (findPlan(db, input.year))
    throw conflict(`План работы на ${input.year} год уже есть`, { year: `План на ${input.year} год уже создан` });
  db.insert(workPlans).values({ year: input.year }).run();
  return getPlan(db, input);
}
