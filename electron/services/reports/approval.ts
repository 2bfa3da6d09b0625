import { z } from 'zod';
import { frozenKind } from '@main/services/common/frozen';
import { documentSpecSchema, type DocumentSpec } from '@shared/documents/model';
import type { ChartSpec } from '@shared/documents/chart';
import type { ReportFigureRow } from '@shared/contract/reports';

/**
 * What an approved report says, frozen at approval (version 1): the document as it printed that
 * day — its charts kept as their data and drawn again when the file is made, so the row stays
 * small — and its figures for the coordinator's table. Every later download and export renders
 * this, never the registers as they are now.
 */
export interface ApprovedReport {
  document: DocumentSpec;
  /** The charts and the block index they stand at. */
  charts: { at: number; spec: ChartSpec }[];
  figures: ReportFigureRow[];
}

const chartSpec = z
  .object({
    title: z.string(),
    categories: z.array(z.string()),
    series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) }).strict()),
    unit: z.string(),
  })
  .strict();

const figureRow = z
  .object({ section: z.string(), figure: z.string(), place: z.string(), value: z.number().nullable(), unit: z.string() })
  .strict();

const schema = z
  .object({
    document: documentSpecSchema,
    charts: z.array(z.object({ at: z.number().int().nonnegative(), spec: chartSpec }).strict()),
    figures: z.array(figureRow),
  })
  .strict() satisfies z.ZodType<ApprovedReport>;

export const approvedReport = frozenKind({ version: 1, schema });
