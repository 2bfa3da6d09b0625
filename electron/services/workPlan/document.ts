import type { AppDb } from '@db/open';
import { getProfile } from '@main/services/registry';
import type { PlanDocumentData } from '@shared/contract/workPlan';
import { DIRECTION_LABELS, DIRECTIONS } from '@shared/enums';
import { directionNumber, listItems } from './items';
import { requirePlan } from './plans';

/**
 * What the printed plan shows: the center's approval block from its profile and every item
 * grouped by direction. Directions without items are left out, as they would be on paper.
 */
export function planDocument(db: AppDb, input: { year: number }): PlanDocumentData {
  const plan = requirePlan(db, input.year);
  const profile = getProfile(db);
  const items = listItems(db, { year: plan.year });
  return {
    year: plan.year,
    approvedOn: plan.approvedOn,
    centerFullName: profile.fullName,
    centerShortName: profile.shortName,
    directorName: profile.directorName,
    directorPosition: profile.directorPosition || 'Директор',
    groups: DIRECTIONS.map((direction) => ({
      direction,
      number: directionNumber(direction),
      label: DIRECTION_LABELS[direction],
      items: items.filter((i) => i.direction === direction),
    })).filter((g) => g.items.length > 0),
  };
}
