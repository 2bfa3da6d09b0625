import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { conflict } from '@main/api/errors';
import { year as planYear } from '@shared/contract/common';
import type { CopyResult } from '@shared/contract/workPlan';
import { countOf } from '@shared/russian';
import { createItem, listItems } from './items';
import { createPlan, findPlan, getPlan } from './plans';
import { shiftTermToNextYear } from './terms';

/**
 * Starts next year's plan from this year's unfinished items (by the status the plan shows: one
 * closed by a held meeting stays behind): planned and moved ones are
 * carried with the status reset and the dates a year later; done and cancelled ones stay
 * behind. A next-year plan that already has items is left alone, since merging would
 * duplicate whatever the methodologist has already typed there.
 */
export function copyToNextYear(db: AppDb, input: { year: number }): CopyResult {
  const items = listItems(db, { year: input.year });
  const targetYear = input.year + 1;
  // Every call takes a year through the contract's schema: a plan past its last year could be
  // created here but never opened, listed or deleted afterwards.
  if (!planYear.safeParse(targetYear).success) {
    throw conflict(`План можно составить не позже чем на ${input.year} год: копировать план на ${targetYear} год нельзя`);
  }
  return inTransaction(db, () => {
    const existing = findPlan(db, targetYear);
    if (existing) {
      const { itemCount } = getPlan(db, { year: targetYear });
      if (itemCount > 0) {
        throw conflict(
          `В плане на ${targetYear} год уже ${countOf(itemCount, ['мероприятие', 'мероприятия', 'мероприятий'])}: копирование отменено, чтобы не задвоить записи`,
        );
      }
    } else {
      createPlan(db, { year: targetYear });
    }
    const result: CopyResult = { targetYear, carried: 0, leftDone: 0, leftCancelled: 0 };
    for (const item of items) {
      if (item.status === 'done') result.leftDone += 1;
      else if (item.status === 'cancelled') result.leftCancelled += 1;
      else {
        createItem(
          db,
          {
            year: targetYear,
            direction: item.direction,
            title: item.title,
            formId: item.formId,
            term: shiftTermToNextYear(item.term),
            responsibleIds: item.responsibles.map((r) => r.id),
            partnerIds: item.partners.map((p) => p.id),
            targetAudience: item.targetAudience,
            status: 'planned',
            resultNote: '',
            recurring: item.recurring,
            // The same work carried on: its form goes with it, also one archived since.
          },
          { keepFormId: item.formId },
        );
        result.carried += 1;
      }
    }
    return result;
  });
}
