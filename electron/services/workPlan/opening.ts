import type { AppDb } from '@db/open';
import type { PlanOpening } from '@shared/contract/workPlan';
import { listItems } from './items';
import { getPlan, listPlanYears } from './plans';

/**
 * The plan screen's first paint in one call (`workPlan.opening`): the years, the year chosen as
 * the window would choose it (the first of `preferred` that has a plan, else the latest), its
 * plan and its unfiltered items (the first `first` of them, when given). One read transaction, so the three agree.
 */
export function planOpening(db: AppDb, input: { preferred: number[]; first?: number | null }): PlanOpening {
  return db.transaction(() => {
    const years = listPlanYears(db);
    const has = (y: number) => years.some((p) => p.year === y);
    const year = input.preferred.find(has) ?? years.at(-1)?.year ?? null;
    if (year === null) return { years, year, plan: null, items: [] };
    return {
      years,
      year,
      plan: getPlan(db, { year }),
      items: listItems(db, { year, direction: null, status: null, quarter: null, responsibleId: null, search: '', first: input.first }),
    };
  });
}
