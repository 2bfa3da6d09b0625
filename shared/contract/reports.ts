import { z } from 'zod';
import { call, REFUSED, type FileOutput } from './define';
import { isoDate, optionalText, requiredText, year } from './common';
import type { DocumentSpec } from '@shared/documents/model';
import type { NarrativePiece } from '@shared/narrative';
import type { ReportStatus } from './reportEnums';
import type { Job } from './jobs';
import { quarter } from './indicators';

export * from './reportEnums';

/**
 * Отчёт о работе за год (issue 23) and its quarterly variant: assembled from the registers every
 * time it is read (meetings and the questions considered, the plan's execution, events, the
 * specialists trained, publications, the monitoring figures, assignments), with the narrative
 * paragraphs people edit between the sections (their figures are live fields, shared/narrative),
 * frozen when approved.
 */

/** The period of a report: a year, or a quarter of it (null: the whole year). */
export interface ReportPeriod {
  year: number;
  quarter: number | null;
}

export interface ReportUnlock {
  reason: string;
  /** The day it was unlocked, ISO. */
  on: string;
}

/** One editable paragraph: where it stands, its text with fields, and how it reads now. */
export interface ReportParagraph {
  key: string;
  /** «Перед списком заседаний». */
  place: string;
  text: string;
  pieces: NarrativePiece[];
}

/** A figure a paragraph may name as a field, `{{label}}`: the editor's list to insert from. */
export interface ReportFigureChoice {
  key: string;
  text: string;
}

/** A figure of the report as the coordinator's table has it (one row per figure and place). */
export interface ReportFigureRow {
  section: string;
  figure: string;
  /** The municipality, or «по сегменту в целом». */
  place: string;
  value: number | null;
  unit: string;
}

export interface ReportView extends ReportPeriod {
  /** «2017 год», «I квартал 2017 года». */
  periodLabel: string;
  status: ReportStatus;
  approvedOn: string | null;
  unlocks: ReportUnlock[];
  paragraphs: ReportParagraph[];
  figures: ReportFigureChoice[];
  /** Figures that changed under the saved paragraphs since they were saved (0 when approved: the copy is frozen). */
  changed: number;
  /** The document as it prints: live for a draft, the frozen copy once approved. */
  document: DocumentSpec;
}

export interface ReportRow extends ReportPeriod {
  periodLabel: string;
  status: ReportStatus;
  approvedOn: string | null;
}

const period = { year, quarter };
const byPeriod = z.object(period).strict();

/** The key of a paragraph: the report's own names («intro», «meetings»…), never free text. */
const paragraphKey = z.string({ error: 'Не указан абзац' }).regex(/^[a-z][A-Za-z]{0,39}$/, 'Такого абзаца в отчёте нет');

const approvalDay = isoDate('Дата утверждения').refine(
  (d) => d >= '2000-01-01' && d <= '2100-12-31',
  'Дата в поле «Дата утверждения» должна быть между 2000 и 2100 годом',
);

const reads = [
  'reports',
  'meetings',
  'workPlan',
  'events',
  'publications',
  'indicators',
  'news',
  'names',
  'profile',
  'municipalities',
] as const;

export const reportsCalls = {
  'reports.list': call(z.object({}).strict().default({})).reads('reports').returns<ReportRow[]>(),
  /** Null while the period has no report yet. */
  'reports.get': call(byPeriod)
    .reads(...reads)
    .returns<ReportView | null>(),
  // The changes answer the row: the screen reads the view again (its document is drawn with the charts).
  'reports.create': call(byPeriod).db(['reports'], REFUSED.create).returns<ReportRow>(),
  'reports.saveParagraph': call(z.object({ ...period, key: paragraphKey, text: optionalText('Текст абзаца', 4000) }).strict())
    .db(['reports'], REFUSED.save)
    .returns<ReportRow>(),
  'reports.approve': call(z.object({ ...period, approvedOn: approvalDay }).strict())
    .db(['reports'], REFUSED.approve)
    .returns<ReportRow>(),
  'reports.unlock': call(z.object({ ...period, reason: requiredText('Причина', 500) }).strict())
    .db(['reports'], REFUSED.unlockReport)
    .returns<ReportRow>(),
  /**
   * Builds the Word file with its charts as a job in the worker (the steps of REPORT_STEPS as its
   * progress); the finished job answers the file. Refused at once for a period without a report.
   */
  'reports.buildDocx': call(byPeriod).job(['jobs'], REFUSED.prepare).returns<Job<FileOutput>>(),
};
