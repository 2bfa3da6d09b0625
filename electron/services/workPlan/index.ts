/** The work plan: what the other registers and the export may use. */
export { seedDemoWorkPlan } from './demo';
export { planExportKind } from './documents';
export { workPlanHandlers } from './handlers';
export { getItem, listItems, setItemStatus } from './items';
export { findPlan } from './plans';
export { planCandidates } from './candidates';
// Issue 23: the plan's execution as the annual report states it.
export { planSummary } from './summary';
export { listPlanYears } from './plans';
// Issue 24: the plan item a news item names.
export { planItemRealisedBy } from './realisations';
// Issue 18: the plan's records as the registry's merge names them.
export { planItemsNamed, workPlanRecordTitles } from './recordTitles';
