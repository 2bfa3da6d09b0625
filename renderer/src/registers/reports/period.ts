import { currentYear } from '@shared/russian';

/** The period of the screen's address: `?year=2017&quarter=1` (no quarter: the whole year); last year by default. */
export function periodOf(params: URLSearchParams): { year: number; quarter: number | null } {
  const year = Number(params.get('year'));
  const quarter = Number(params.get('quarter'));
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : currentYear() - 1,
    quarter: [1, 2, 3, 4].includes(quarter) ? quarter : null,
  };
}

export const periodQuery = (p: { year: number; quarter: number | null }) =>
  `year=${p.year}${p.quarter === null ? '' : `&quarter=${p.quarter}`}`;
