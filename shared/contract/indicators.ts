import { z } from 'zod';
import { call, REFUSED, type CallDef, type FileOutput } from './define';
import type { DocumentSpec } from '@shared/documents/model';
import { id, optionalText, requiredText, year } from './common';
import { INDICATOR_ROLES, YEARLY_RULES, type IndicatorRole, type YearlyRule } from './indicatorEnums';

export * from './indicatorEnums';

/**
 * Monitoring indicators (показатели мониторинга): the catalogue (a value of the editable list
 * «Показатели мониторинга» with its unit, group and yearly rule) and the figures the segment
 * reports, kept at the grain their source gave (a quarter or a whole year; a municipality or the
 * whole segment), never split into invented parts.
 */

/** A figure a register contributes to the monitoring (electron/services/indicators/sources.ts). */
export interface ComputedSourceInfo {
  /** «events.trained»: what `indicator_definitions.source` names. */
  key: string;
  /** The register it is counted from, as the navigation names it: «Мероприятия». */
  register: string;
  /** What is counted: «Завершили обучение на мероприятиях, проведённых центром». */
  label: string;
  unit: string;
  /** Whether the register knows the municipality of what it counts. */
  byMunicipality: boolean;
}

export interface Indicator {
  id: number;
  name: string;
  unit: string;
  group: string;
  rule: YearlyRule;
  whole: boolean;
  role: IndicatorRole | null;
  atLeastId: number | null;
  atLeastName: string | null;
  /** A `computed` indicator's source; `missing` when the key names no source this version has. */
  source: (ComputedSourceInfo & { missing?: false }) | { key: string; missing: true } | null;
  archived: boolean;
}

/** Where the figures of a sheet lie: by municipality of the segment, or one for the whole segment. */
export const SHEET_SCOPES = ['municipalities', 'segment'] as const;
export type SheetScope = (typeof SHEET_SCOPES)[number];

export interface SheetColumn {
  /** Null: the whole segment. */
  municipalityId: number | null;
  name: string;
}

export interface SheetRow {
  indicatorId: number;
  name: string;
  unit: string;
  group: string;
  whole: boolean;
  rule: YearlyRule;
  /** One per column, null where nothing is entered. */
  values: (number | null)[];
  /** «введено за год по сегменту»: the year already holds this indicator at another grain. */
  otherGrain: string | null;
  /**
   * A computed indicator's row: read-only, its values counted from a register for this period.
   * `total` includes what has no municipality of the segment; `origin` says where it comes from.
   */
  computed: { origin: string; total: number; note: string | null } | null;
}

export interface Sheet {
  year: number;
  quarter: number | null;
  scope: SheetScope;
  /** «I квартал 2017 года», «2017 год». */
  periodLabel: string;
  columns: SheetColumn[];
  rows: SheetRow[];
}

/** A figure that contradicts another one: the user confirms it or corrects it. */
export interface SheetWarning {
  indicatorId: number;
  municipalityId: number | null;
  message: string;
}

export interface SaveSheetResult {
  /** False when warnings wait for confirmation: nothing was written. */
  saved: boolean;
  warnings: SheetWarning[];
  /** Figures written, changed or cleared. */
  changed: number;
}

/** How a year's total was obtained: its grain, and whether every part was there. */
export interface YearFigure {
  year: number;
  value: number;
  /** «сумма I–IV кварталов по 5 муниципальным образованиям», «за год по сегменту». */
  basis: string;
  complete: boolean;
}

export interface YearOverYear {
  indicator: Indicator;
  years: YearFigure[];
  /** The chart, drawn in the main process (ECharts SSR), as SVG markup shown as an image. */
  chartSvg: string | null;
}

/** A quarter 1–4, or null for the whole year (the annual report's period too). */
export const quarter = z
  .number({ error: 'Укажите квартал' })
  .int('Квартал — число от 1 до 4')
  .min(1, 'Квартал — число от 1 до 4')
  .max(4, 'Квартал — число от 1 до 4')
  .nullable();
const scope = z.enum(SHEET_SCOPES, { error: 'Укажите, по муниципальным образованиям или по сегменту' });
const sheetKey = { year, quarter, scope };

const cell = z
  .object({
    indicatorId: id,
    municipalityId: id.nullable(),
    /** As typed or pasted: the service reads it the Russian way (shared/russian/numberInput.ts). */
    text: z.string({ error: 'Значение должно быть текстом' }).max(40, 'Значение длиннее 40 символов'),
  })
  .strict();

/** «Показатели мониторинга за год»: the table of the year and one indicator's year-over-year chart. */
const yearDocument = z.object({ year, chartIndicatorId: id.nullable().default(null) }).strict();
const YEAR_DOCUMENT_READS = ['indicators', 'lists', 'municipalities', 'events', 'profile'] as const;

export const indicatorsCalls = {
  'indicators.catalogue': call(z.object({}).strict().default({})).reads('indicators', 'lists').returns<Indicator[]>(),
  'indicators.describe': call(
    z
      .object({
        id,
        unit: requiredText('Единица', 40),
        group: optionalText('Группа', 120),
        rule: z.enum(YEARLY_RULES, { error: 'Укажите, как показатель складывается за год' }),
        whole: z.boolean({ error: 'Укажите, целые ли числа' }),
        role: z.enum(INDICATOR_ROLES).nullable().default(null),
        atLeastId: id.nullable().default(null),
        /** The source of a `computed` one: a key of `indicators.sources`. */
        source: z.string({ error: 'Источник — строка' }).max(60, 'Источник не найден').nullable().default(null),
      })
      .strict()
      .refine((d) => d.rule !== 'computed' || d.source !== null, {
        path: ['source'],
        message: 'Укажите, из какого реестра вычисляется показатель',
      }),
  )
    .db(['indicators'], REFUSED.save)
    .returns<Indicator>(),
  'indicators.sheet': call(z.object(sheetKey).strict()).reads('indicators', 'lists', 'municipalities', 'events').returns<Sheet>(),
  'indicators.saveSheet': call(
    z
      .object({
        ...sheetKey,
        cells: z.array(cell).max(2000, 'Слишком много значений за один раз'),
        /** The user saw the warnings and keeps the figures. */
        confirmed: z.boolean().default(false),
      })
      .strict(),
  )
    .db(['indicators'], REFUSED.save)
    .returns<SaveSheetResult>(),
  'indicators.yearDocumentView': call(yearDocument)
    .reads(...YEAR_DOCUMENT_READS)
    .returns<DocumentSpec>(),
  'indicators.yearDocx': call(yearDocument)
    .reads(...YEAR_DOCUMENT_READS)
    .returns<FileOutput>(),
  'indicators.yearXlsx': call(yearDocument)
    .reads(...YEAR_DOCUMENT_READS)
    .returns<FileOutput>(),
  'indicators.sources': call(z.object({}).strict().default({})).reads('indicators').returns<ComputedSourceInfo[]>(),
  'indicators.yearOverYear': call(z.object({ indicatorId: id }).strict())
    .reads('indicators', 'lists', 'municipalities', 'events')
    .returns<YearOverYear>(),
} satisfies Record<string, CallDef<z.ZodType, unknown>>;
