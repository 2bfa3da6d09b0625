import type { AppDb } from '@db/open';
import { specialistsTrained, specialistsTrainedByQuarter } from '@main/services/events';
import { copiesDistributed, copiesDistributedByQuarter } from '@main/services/publications';
import type { ComputedSourceInfo, YearFigure } from '@shared/contract/indicators';

/** What a source counts for a period, by municipality (null: the segment without a municipality). */
export type PlacedFigures = { municipalityId: number | null; value: number }[];

/** One quarter's count, by municipality where the source knows it (absent or null: none). */
export interface QuarterFigure {
  year: number;
  quarter: number;
  municipalityId?: number | null;
  value: number;
}

/**
 * A figure a register contributes to the monitoring: counted from its records for any period,
 * never typed. The register exposes the count from its public module; this list names it.
 */
export interface ComputedSource extends ComputedSourceInfo {
  count: (db: AppDb, period: { from: string; to: string }) => PlacedFigures;
  /** The same count for a span of years in one grouped query, a row per quarter (and place) that has any. */
  countByQuarter: (db: AppDb, period: { from: string; to: string }) => QuarterFigure[];
}

/**
 * The sources a `computed` indicator may name (`indicator_definitions.source`). A register adds
 * its own with one entry. The ledger does not know a copy's municipality (a distribution goes to
 * an organisation, a person or an event), so the copies count for the segment as a whole.
 */
export const COMPUTED_SOURCES: readonly ComputedSource[] = [
  {
    key: 'events.trained',
    register: 'Мероприятия',
    label: 'Завершили обучение на мероприятиях, проведённых центром',
    unit: 'человек',
    byMunicipality: true,
    count: specialistsTrained,
    countByQuarter: specialistsTrainedByQuarter,
  },
  {
    key: 'publications.distributed',
    register: 'Печатная продукция',
    label: 'Распространено экземпляров по книге движения',
    unit: 'экз.',
    byMunicipality: false,
    count: (db, period) => [{ municipalityId: null, value: copiesDistributed(db, period) }],
    countByQuarter: copiesDistributedByQuarter,
  },
];

export const sourceInfo = ({ key, register, label, unit, byMunicipality }: ComputedSource): ComputedSourceInfo => ({
  key,
  register,
  label,
  unit,
  byMunicipality,
});

export const findSource = (key: string | null): ComputedSource | undefined => COMPUTED_SOURCES.find((s) => s.key === key);

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A quarter or the whole year (null) as the days it covers, ISO. */
export function periodDays(year: number, quarter: number | null): { from: string; to: string } {
  const first = quarter === null ? 1 : quarter * 3 - 2;
  const last = quarter === null ? 12 : quarter * 3;
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** Read aloud: «в первом», «во втором», «в третьем», «в четвёртом» квартале. */
const IN_QUARTER = ['в I квартале', 'во II квартале', 'в III квартале', 'в IV квартале'] as const;

/** «реестр «Мероприятия»: завершили обучение на мероприятиях, проведённых центром, — в I квартале 2017 года». */
export function originPhrase(source: ComputedSource, year: number, quarter: number | null): string {
  const when = quarter === null ? `в ${year} году` : `${IN_QUARTER[quarter - 1]} ${year} года`;
  return `из реестра «${source.register}»: ${source.label.toLowerCase()}, ${when}`;
}

/** A period has ended when its last day is before today: only then is its count final. */
export const ended = (year: number, quarter: number | null, today: string) => periodDays(year, quarter).to < today;

/**
 * The source's figure of each year, from the first year it counts anything up to this one (a year
 * before the register was kept is unknown, not zero; a year since then with nothing is a real 0).
 * `since` is the earliest year worth asking about: the first year any indicator has figures, or
 * ten years back. The current year is incomplete until it ends.
 */
export function computedYears(db: AppDb, source: ComputedSource, since: number, today: string, until?: number): YearFigure[] {
  const thisYear = Math.min(Number(today.slice(0, 4)), until ?? Infinity);
  const first = Math.min(since, thisYear);
  const counted = new Map<number, number>();
  const span = { from: periodDays(first, null).from, to: periodDays(thisYear, null).to };
  for (const { year, value } of source.countByQuarter(db, span)) counted.set(year, (counted.get(year) ?? 0) + value);
  const years: YearFigure[] = [];
  for (let year = first; year <= thisYear; year += 1) {
    const value = counted.get(year) ?? 0;
    if (years.length === 0 && value === 0) continue;
    const complete = ended(year, null, today);
    years.push({ year, value, basis: originPhrase(source, year, null), complete });
  }
  return years;
}

/** How much of a count has no municipality of the segment, for the sheet's note. */
export function outsideColumns(figures: PlacedFigures, columns: readonly (number | null)[]): string | null {
  const outside = figures.filter((f) => !columns.includes(f.municipalityId)).reduce((t, f) => t + f.value, 0);
  return outside > 0 ? `ещё ${outside} — без муниципального образования сегмента (в «Итого» они входят)` : null;
}
