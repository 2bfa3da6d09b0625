import type { Handlers } from '../../api/dispatch';
import type { workPlanCalls } from '../../contract/workPlan';
import { DOCX_MIME, toFileOutput, XLSX_MIME } from '../../documents/file';
import { renderPlanDocx } from '../../documents/workPlan/docx';
import { planFileName } from '../../documents/workPlan/layout';
import { renderPlanXlsx } from '../../documents/workPlan/xlsx';
import { copyToNextYear } from './copy';
import { planDocument } from './document';
import { createItem, deleteItem, listItems, moveItem, setItemStatus, updateItem } from './items';
import { createPlan, getPlan, listPlanYears, setPlanApproval } from './plans';
import { planSummary } from './summary';

export const workPlanHandlers: Handlers<typeof workPlanCalls> = {
  'workPlan.years': ({ db }) => listPlanYears(db),
  'workPlan.create': ({ db }, input) => createPlan(db, input),
  'workPlan.get': ({ db }, input) => getPlan(db, input),
  'workPlan.setApproval': ({ db }, input) => setPlanApproval(db, input),
  'workPlan.items': ({ db }, input) => listItems(db, input),
  'workPlan.createItem': ({ db }, input) => createItem(db, input),
  'workPlan.updateItem': ({ db }, input) => updateItem(db, input),
  'workPlan.deleteItem': ({ db }, input) => deleteItem(db, input),
  'workPlan.moveItem': ({ db }, input) => moveItem(db, input),
  'workPlan.setStatus': ({ db }, input) => setItemStatus(db, input),
  'workPlan.copyToNextYear': ({ db }, input) => copyToNextYear(db, input),
  'workPlan.summary': ({ db }, input) => planSummary(db, input),
  'workPlan.document': ({ db }, input) => planDocument(db, input),
  'workPlan.exportDocx': async ({ db }, input) =>
    toFileOutput(await renderPlanDocx(planDocument(db, input)), planFileName(input.year, 'docx'), DOCX_MIME),
  'workPlan.exportXlsx': async ({ db }, input) =>
    toFileOutput(await renderPlanXlsx(planDocument(db, input)), planFileName(input.year, 'xlsx'), XLSX_MIME),
};
