import type { AppDb } from '@db/open';
import type { Indicator, YearFigure, YearOverYear } from '@shared/contract/indicators';
import type { ChartSpec } from '@shared/documents/chart';
import { todayLocal } from '@shared/russian';
import { requireIndicator } from './catalogue';
import { figuresOf, firstFigureYear, segmentMunicipalities } from './sheet';
import { computedYears, findSource } from './sources';
import { yearFigures } from './yearly';

/**
 * The years of an indicator: a typed one at the grain each year was stored, a computed one counted
 * from its register from the first year it has anything (asked from the first year the monitoring
 * has figures, or ten years back).
 */
export function yearsOf(db: AppDb, indicator: Indicator, range?: { from: number; to: number }): YearFigure[] {
  if (indicator.rule !== 'computed')
    return yearFigures(indicator.rule, figuresOf(db, indicator.id, range), segmentMunicipalities(db).length);
  const source = indicator.source && !indicator.source.missing ? findSource(indicator.source.key) : undefined;
  if (!source) return [];
  const today = todayLocal();
  const tenBack = Number(today.slice(0, 4)) - 10;
  // Within a range (a document's two years) the register is asked for those years only.
  const since = range ? range.from : Math.min(firstFigureYear(db) ?? tenBack, tenBack);
  return computedYears(db, source, since, today, range?.to);
}

/** The year-over-year chart of an indicator; an incomplete year is starred. */
export const yearsChart = (indicator: Indicator, years: YearFigure[]): ChartSpec => ({
  title: `${indicator.name}: по годам`,
  categories: years.map((y) => `${y.year}${y.complete ? '' : '*'}`),
  series: [{ name: indicator.name, values: years.map((y) => y.value) }],
  unit: indicator.unit,
});

/**
 * An indicator year by year («2014 – 28, 2015 – 43, 2016 – 54»), each year at the grain it was
 * stored, with the chart drawn in the main process.
 */
export async function yearOverYear(db: AppDb, input: { indicatorId: number }): Promise<YearOverYear> {
  const indicator = requireIndicator(db, input.indicatorId);
  const years = yearsOf(db, indicator);
  // Loaded on the first chart: the export's worker thread, which reaches this register for its
  // data table, never loads ECharts (its bundle leaves it out, electron/api/jobs/workerBuild.ts).
  const { chartSvg } = await import('@main/documents/chart');
  return { indicator, years, chartSvg: years.length > 0 ? chartSvg(yearsChart(indicator, years)) : null };
}
