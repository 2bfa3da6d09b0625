import type { Contract } from '@shared/contract';
import { appHandlers } from '@main/services/app';
import { backupHandlers } from '@main/services/backup';
import { exchangeHandlers } from '@main/services/exchange';
import { createDuplicatesHandlers, registryHandlers, type RecordTitles } from '@main/services/registry';
import { listsHandlers } from '@main/services/lists';
import { workPlanHandlers, workPlanRecordTitles } from '@main/services/workPlan';
import { meetingsHandlers, meetingsRecordTitles, meetingsUndoGuards } from '@main/services/meetings';
import { eventsHandlers, eventsRecordTitles } from '@main/services/events';
import { createUndoHandlers } from '@main/services/undo';
import { filesHandlers } from '@main/services/files';
import { indicatorsHandlers } from '@main/services/indicators';
import { publicationsHandlers, writeOffActsHandlers, writeOffActsRecordTitles } from '@main/services/publications';
import { certificatesHandlers } from '@main/services/certificates';
import { importsHandlers } from '@main/services/imports';
import { reportsHandlers } from '@main/services/reports';
import { dashboardHandlers } from '@main/services/dashboard';
import { newsHandlers } from '@main/services/news';
import { mergeHandlers, type Handlers } from './dispatch';
import { jobsHandlers } from './jobs';

/** Each register's names of its records, for the registry's merge to name a conflict's record. */
export const RECORD_TITLES: RecordTitles = {
  ...workPlanRecordTitles,
  ...meetingsRecordTitles,
  ...eventsRecordTitles,
  ...writeOffActsRecordTitles,
};

/** Every call's implementation, one group per register, checked against the contract's names and types. */
export const handlers: Handlers<Contract> = mergeHandlers(
  appHandlers,
  registryHandlers,
  createDuplicatesHandlers(RECORD_TITLES),
  listsHandlers,
  workPlanHandlers,
  meetingsHandlers,
  eventsHandlers,
  exchangeHandlers,
  backupHandlers,
  jobsHandlers,
  filesHandlers,
  indicatorsHandlers,
  publicationsHandlers,
  certificatesHandlers,
  importsHandlers,
  writeOffActsHandlers,
  reportsHandlers,
  dashboardHandlers,
  newsHandlers,
  // Each register's own conditions for taking a change back, by name.
  createUndoHandlers({ ...meetingsUndoGuards }),
);
