import { z } from 'zod';
import { appCalls } from './app';
import { mergeGroups, type AnyCallDef } from './define';
import { registryCalls } from './registry';
import { duplicatesCalls } from './duplicates';
import { listsCalls } from './lists';
import { workPlanCalls } from './workPlan';
import { meetingsCalls } from './meetings';
import { eventsCalls } from './events';
import { exchangeCalls } from './exchange';
import { backupCalls } from './backup';
import { jobsCalls } from './jobs';
import { undoCalls } from './undo';
import { filesCalls } from './files';
import { indicatorsCalls } from './indicators';
import { publicationsCalls } from './publications';
import { certificatesCalls } from './certificates';
import { importsCalls } from './imports';
import { writeOffActsCalls } from './writeOffActs';
import { reportsCalls } from './reports';
import { dashboardCalls } from './dashboard';
import { newsCalls } from './news';

/**
 * The whole API between the UI and the main process. A register adds its group here;
 * mergeGroups refuses a name defined twice.
 */
export const contract = mergeGroups(
  appCalls,
  registryCalls,
  duplicatesCalls,
  listsCalls,
  workPlanCalls,
  meetingsCalls,
  eventsCalls,
  exchangeCalls,
  backupCalls,
  jobsCalls,
  undoCalls,
  filesCalls,
  indicatorsCalls,
  publicationsCalls,
  certificatesCalls,
  importsCalls,
  writeOffActsCalls,
  reportsCalls,
  dashboardCalls,
  newsCalls,
);

export type Contract = typeof contract;
export type CallName = keyof Contract & string;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Contract[K] extends { output?: infer O } ? O : never;

/** The kind and the read or change sets of every call, for the dispatcher and the UI's refresh. */
export const callDef = (name: CallName) => contract[name] as AnyCallDef;
