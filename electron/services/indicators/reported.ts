import type { AppDb } from '@db/open';
import type { Indicator, YearFigure } from '@shared/contract/indicators';
import { municipalityName, todayLocal } from '@shared/russian';
import { listIndicators } from './catalogue';
import { figuresOfYears, segmentMunicipalities } from './sheet';
import { findSource, periodDays } from './sources';
import { yearsOf } from './yearOverYear';
import { yearFigures } from './yearly';

/** A municipality's line of an indicator: null where nothing was entered for it (not the same as 0). */
export interface ReportedPlace {
  municipalityId: number;
  name: string;
  /** «по Уваровскому району»'s «Уваровскому району»: the name after «по». */
  dative: string;
  value: number | null;
}

/** An indicator as a report of a year or a quarter states it. */
export interface ReportedIndicator {
  indicator: Indicator;
  /** The period's figure; null when nothing is known for it. */
  value: number | null;
  /** How it was obtained («за год по сегменту в целом»); empty for a quarter's sum. */
  basis: string;
  complete: boolean;
  /** Earlier years (a yearly report: the three before it, those that have figures), oldest first. */
  earlier: YearFigure[];
  /** Every municipality of the segment — also those with 0 or nothing — when the period has figures by municipality. */
  places: ReportedPlace[] | null;
}

const EARLIER_YEARS = 3;

/**
 * The monitoring figures of a year (quarter null) or a quarter, for every indicator of the
 * catalogue that is not archived, in the catalogue's order: the period's figure at the grain it was
 * stored, the earlier years to compare with, and the breakdown by municipality with every
 * municipality of the segment listed (the report's «0 «случаев» по Мучкапскому району»).
 */
export function reportedIndicators(db: AppDb, year: number, quarter: number | null, today = todayLocal()): ReportedIndicator[] {
  const segment = segmentMunicipalities(db);
  const range = { from: quarter === null ? year - EARLIER_YEARS : year, to: year };
  // Every stored figure of the years read at once; the computed ones are counted by their registers (yearsOf).
  const figures = figuresOfYears(db, range);
  return listIndicators(db)
    .filter((i) => !i.archived)
    .map((indicator) => {
      const ofRange = indicator.rule === 'computed' ? [] : (figures.get(indicator.id) ?? []);
      const stored = ofRange.filter((f) => f.year === year && (f.quarter === quarter || quarter === null));
      let value: number | null = null;
      let basis = '';
      let complete = true;
      let earlier: YearFigure[] = [];
      if (quarter === null) {
        const years = indicator.rule === 'computed' ? yearsOf(db, indicator, range) : yearFigures(indicator.rule, ofRange, segment.length);
        const own = years.find((y) => y.year === year);
        value = own?.value ?? null;
        basis = own?.basis ?? '';
        complete = own?.complete ?? false;
        earlier = years.filter((y) => y.year < year);
      } else if (indicator.rule === 'computed') {
        const source = indicator.source && !indicator.source.missing ? findSource(indicator.source.key) : undefined;
        const period = periodDays(year, quarter);
        if (source) {
          value = source.count(db, period).reduce((t, f) => t + f.value, 0);
          complete = period.to < today;
        }
      } else if (stored.length > 0) {
        value = stored.reduce((t, f) => t + f.value, 0);
        complete = stored.every((f) => f.municipalityId === null) || new Set(stored.map((f) => f.municipalityId)).size >= segment.length;
      }
      // A figure «at the end of the period» is the last quarter's, never a sum of the quarters.
      const lastQuarter = Math.max(0, ...stored.map((f) => f.quarter ?? 0));
      const placed = stored.filter((f) => f.municipalityId !== null && (indicator.rule !== 'end' || (f.quarter ?? 0) === lastQuarter));
      const places =
        placed.length === 0
          ? null
          : segment.map((m) => {
              const own = placed.filter((f) => f.municipalityId === m.id);
              return {
                municipalityId: m.id,
                name: m.name,
                dative: municipalityName(m, 'dative'),
                value: own.length === 0 ? null : own.reduce((t, f) => t + f.value, 0),
              };
            });
      return { indicator, value, basis, complete, earlier, places };
    });
}
