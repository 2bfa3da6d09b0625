import { z } from 'zod';
import { call, REFUSED, type CallDef } from './define';
import { id, optionalText, requiredText, year } from './common';
import { INDICATOR_ROLES, YEARLY_RULES, type IndicatorRole, type YearlyRule } from './indicatorEnums';

export * from './indicatorEnums';

/**
 * Monitoring indicators (показатели мониторинга): the catalogue (a value of the editable list
 * «Показатели мониторинга» with its unit, group and yearly rule) and the figures the segment
 * reports, kept at the grain their source gave (a quarter or a whole year; a municipality or the
 * whole segment), never split into invented parts.
 */

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

const quarter = z
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
      })
      .strict(),
  )
    .db(['indicators'], REFUSED.save)
    .returns<Indicator>(),
  'indicators.sheet': call(z.object(sheetKey).strict()).reads('indicators', 'lists', 'municipalities').returns<Sheet>(),
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
  'indicators.yearOverYear': call(z.object({ indicatorId: id }).strict())
    .reads('indicators', 'lists', 'municipalities')
    .returns<YearOverYear>(),
} satisfies Record<string, CallDef<z.ZodType, unknown>>;
