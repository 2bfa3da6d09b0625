export * from './app';
export * from './registry';
export * from './lists';
export * from './workPlan';
export * from './meetings';
export * from './events';
export * from './planItemLinks';
export * from './exchange';
export * from './references';
export * from './undo';
export * from './rules';
export * from './files';
export * from './search';
export * from './indicators';
export * from './publications';
export * from './certificates';
export * from './imports';

import { listValueOrder } from './lists';
import { agendaItemOrder, agendaSpeakerOrder, decisionOrder, discussionEntryOrder } from './meetings';
import { planItemOrder } from './workPlan';
import { writeOffActLineOrder, writeOffActMemberOrder } from './publications';

/** Every ordered list of the schema (positions unique within a parent): db/positions.ts moves them. */
export const ORDERED_LISTS = [
  planItemOrder,
  agendaItemOrder,
  decisionOrder,
  agendaSpeakerOrder,
  discussionEntryOrder,
  listValueOrder,
  // Issue 22: an act of write-off's commission and lines.
  writeOffActMemberOrder,
  writeOffActLineOrder,
];
export * from './reports';
export * from './news';
