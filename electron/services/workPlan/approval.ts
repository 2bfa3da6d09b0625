import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDb } from '@db/open';
import { workPlans } from '@db/schema';
import { conflict } from '@main/api/errors';
import { inTransaction } from '@db/transaction';
import { frozenKind } from '@main/services/common/frozen';
import { planApprovalData, type PlanApprovalData } from '@shared/documents/workPlan/layout';
import { planDocument } from './document';
import { getPlan, requirePlan } from './plans';
import type { WorkPlan } from '@shared/contract/workPlan';

/**
 * The copy for approval is frozen when the approval date is set: the plan the director signed
 * stays as signed, whatever is added, moved or renamed later. Setting another date is a new
 * approval and freezes the plan again; clearing the date lets the copy follow the plan.
 */

const text = z.string();
const approvalSchema = z
  .object({
    year: z.number().int(),
    approvedOn: z.string().nullable(),
    centerShortName: text,
    directorName: text,
    directorPosition: text,
    groups: z.array(
      z.object({
        number: z.number().int(),
        label: text,
        items: z.array(
          z.object({
            number: text,
            title: text,
            form: text,
            termLabel: text,
            responsibles: text,
            partners: text,
            targetAudience: text,
          }),
        ),
      }),
    ),
  })
  .strict() satisfies z.ZodType<PlanApprovalData>;

export const approvalCopy = frozenKind({ version: 1, schema: approvalSchema });

/** Sets (or clears) the approval date and freezes the copy for approval with it, in one transaction. */
export function setPlanApproval(db: AppDb, input: { year: number; approvedOn: string | null }): WorkPlan {
  return inTransaction(db, () => {
    const plan = requirePlan(db, input.year);
    db.update(workPlans).set({ approvedOn: input.approvedOn, approvedSnapshot: null }).where(eq(workPlans.id, plan.id)).run();
    if (input.approvedOn !== null) {
      const snapshot = approvalCopy.freeze(planApprovalData(planDocument(db, { year: input.year })));
      db.update(workPlans).set({ approvedSnapshot: snapshot }).where(eq(workPlans.id, plan.id)).run();
    }
    return getPlan(db, input);
  });
}

/** The copy for approval: frozen once approved, the live plan before. */
export function approvalData(db: AppDb, year: number): PlanApprovalData {
  const plan = requirePlan(db, year);
  const stored = db.select({ snapshot: workPlans.approvedSnapshot }).from(workPlans).where(eq(workPlans.id, plan.id)).get()?.snapshot;
  if (stored) return approvalCopy.read(stored, `Утверждённый план работы на ${year} год`);
  if (plan.approvedOn !== null) {
    // Approved before this version kept frozen copies: the live plan may differ from what was signed.
    throw approvalMissing(year);
  }
  return planApprovalData(planDocument(db, { year }));
}

const approvalMissing = (year: number) =>
  conflict(
    `План работы на ${year} год утверждён, но копия для утверждения не зафиксирована (план утверждён в прежней версии программы). ` +
      'Проверьте план и укажите дату утверждения заново: тогда копия будет зафиксирована.',
  );
