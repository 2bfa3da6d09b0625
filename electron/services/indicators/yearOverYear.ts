import type { AppDb } from '@db/open';
import type { Indicator, YearOverYear } from '@shared/contract/indicators';
import type { ChartSpec } from '@shared/documents/chart';
import { requireIndicator } from './catalogue';
import { figuresOf, segmentMunicipalities } from './sheet';
import { yearFigures } from './yearly';
import { computedYears, findSource } from './sources';
import { firstFigureYear } from './sheet';
import { todayLocal } from '@shared/russian';

/** The years a computed indicator's register counts, from the first year the monitoring has figures (or ten years back). */
function computedYearsOf(db: AppDb, indicator: Indicator) {
  const source = indicator.source && !indicator.source.missing ? findSource(indicator.source.key) : undefined;
  if (!source) return [];
  const today = todayLocal();
  const tenBack = Number(today.slice(0, 4)) - 10;
  return computedYears(db, source, Math.min(firstFigureYear(db) ?? tenBack, tenBack), today);
}

/**
 * An indicator year by year («2014 – 28, 2015 – 43, 2016 – 54»), each year at the grain it was
 * stored, with the chart drawn in the main process.
 */
export async function yearOverYear(db: AppDb, input: { indicatorId: number }): Promise<YearOverYear> {
  const indicator = requireIndicator(db, input.indicatorId);
  const years =
    indicator.rule === 'computed'
      ? computedYearsOf(db, indicator)
      : yearFigures(indicator.rule, figuresOf(db, indicator.id), segmentMunicipalities(db).length);
  const chart: ChartSpec = {
    title: `${indicator.name}: по годам`,
    categories: years.map((y) => `${y.year}${y.complete ? '' : '*'}`),
    series: [{ name: indicator.name, values: years.map((y) => y.value) }],
    unit: indicator.unit,
  };
  // Loaded on the first chart: the export's worker thread, which reaches this register for its
  // data table, never loads ECharts (its bundle leaves it out, electron/api/jobs/workerBuild.ts).
  const { chartSvg } = await import('@main/documents/chart');
  return { indicator, years, chartSvg: years.length > 0 ? chartSvg(chart) : null };
}
