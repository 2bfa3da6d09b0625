import type { RegisterUi } from './register';
import { registryUi } from '@renderer/registers/registry';
import { workPlanUi } from '@renderer/registers/workPlan';
import { meetingsUi } from '@renderer/registers/meetings';
import { eventsUi } from '@renderer/registers/events';
import { certificatesUi } from '@renderer/registers/certificates';
import { publicationsUi } from '@renderer/registers/publications';
import { exchangeUi } from '@renderer/registers/exchange';
import { settingsUi } from '@renderer/registers/settings';
import { indicatorsUi } from '@renderer/registers/indicators';
import { reportsUi } from '@renderer/registers/reports';

/** The registers in navigation order. */
export const registers: RegisterUi[] = [
  workPlanUi,
  meetingsUi,
  eventsUi,
  certificatesUi,
  indicatorsUi,
  publicationsUi,
  reportsUi,
  registryUi,
  exchangeUi,
  settingsUi,
];
