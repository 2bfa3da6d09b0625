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
import { dashboardUi } from '@renderer/registers/dashboard';
import { newsUi } from '@renderer/registers/news';

/** The registers in navigation order: the first one's first entry is the screen the window opens on. */
export const registers: RegisterUi[] = [
  dashboardUi,
  workPlanUi,
  meetingsUi,
  eventsUi,
  certificatesUi,
  indicatorsUi,
  publicationsUi,
  reportsUi,
  newsUi,
  registryUi,
  exchangeUi,
  settingsUi,
];
