import type { DocumentKind } from '@main/services/common/documentKind';
import { minutesExportKind } from '@main/services/meetings';
import { eventsExportKind } from '@main/services/events';
import { planExportKind } from '@main/services/workPlan';
import { publicationsExportKind, writeOffActsExportKind } from '@main/services/publications';
import { certificatesExportKind } from '@main/services/certificates';
import { indicatorsExportKind } from '@main/services/indicators';
import { reportsExportKind } from '@main/services/reports';
import { newsExportKind } from '@main/services/news';

/** The documents an export can carry: each register declares its kinds, listed here in the export's order. */
export const documentCatalog = {
  plan: planExportKind,
  minutes: minutesExportKind,
  events: eventsExportKind,
  publications: publicationsExportKind,
  writeOffActs: writeOffActsExportKind,
  certificates: certificatesExportKind,
  indicators: indicatorsExportKind,
  reports: reportsExportKind,
  news: newsExportKind,
} satisfies Record<string, DocumentKind>;
