import { inArray } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { planItemLinks, type PlanLinkKind } from '@db/schema';
import type { PlanCandidate } from '@shared/contract/workPlan';
import { listItems } from './items';
import { findPlan } from './plans';

/**
 * The items of the year's plan another register's record may realise, in the plan's order, each
 * marked `used` when a link of the given kinds points to it already (a meeting's picker counts
 * every link, an event's only the events': an item done by a meeting may still get its seminar).
 */
export function planCandidates(db: AppDb, year: number, usedBy: readonly PlanLinkKind[]): PlanCandidate[] {
  if (!findPlan(db, year)) return [];
  const used = new Set(
    db
      .selectDistinct({ id: planItemLinks.planItemId })
      .from(planItemLinks)
      .where(inArray(planItemLinks.kind, [...usedBy]))
      .all()
      .map((r) => r.id),
  );
  return listItems(db, { year }).map((i) => ({
    id: i.id,
    title: i.title,
    direction: i.direction,
    form: i.form,
    termLabel: i.termLabel,
    termStart: i.termStart,
    status: i.status,
    used: used.has(i.id),
  }));
}
