import type { Handlers } from '@main/api/dispatch';
import type { workPlanCalls } from '@shared/contract/workPlan';
import { copyToNextYear } from './copy';
import { setPlanApproval } from './approval';
import { planDocumentSpec, planDocx, planXlsx } from './documents';
import { createItem, deleteItem, listItems, moveItem, setItemStatus, updateItem } from './items';
import { createPlan, getPlan, listPlanYears } from './plans';
import { planOpening } from './opening';
import { planSummary } from './summary';

export const workPlanHandlers: Handlers<typeof workPlanCalls> = {
  'workPlan.years': ({ db }) => listPlanYears(db),
  'workPlan.create': ({ db }, input) => createPlan(db, input),
  'workPlan.get': ({ db }, input) => getPlan(db, input),
  'workPlan.opening': ({ db }, input) => planOpening(db, input),
  'workPlan.setApproval': ({ db }, input) => setPlanApproval(db, input),
  'workPlan.items': ({ db }, input) => listItems(db, input),
  'workPlan.createItem': ({ db }, input) => createItem(db, input),
  'workPlan.updateItem': ({ db }, input) => updateItem(db, input),
  'workPlan.deleteItem': ({ db }, input) => deleteItem(db, input),
  'workPlan.moveItem': ({ db }, input) => moveItem(db, input),
  'workPlan.setStatus': ({ db }, input) => setItemStatus(db, input),
  'workPlan.copyToNextYear': ({ db }, input) => copyToNextYear(db, input),
  'workPlan.summary': ({ db }, input) => planSummary(db, input),
  'workPlan.documentView': ({ db }, input) => planDocumentSpec(db, input),
  'workPlan.exportDocx': ({ db }, input) => planDocx(db, input),
  'workPlan.exportXlsx': ({ db }, input) => planXlsx(db, input),
};
