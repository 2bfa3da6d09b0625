import { QUARTER_LABELS, type YearFigure, type YearlyRule } from '@shared/contract/indicators';
import { countOf } from '@shared/russian';

/** A figure as stored: a quarter or the whole year (null), a municipality or the whole segment (null). */
export interface StoredFigure {
  year: number;
  quarter: number | null;
  municipalityId: number | null;
  value: number;
}

const MUNICIPALITY_FORMS = ['муниципальному образованию', 'муниципальным образованиям', 'муниципальным образованиям'] as const;
const QUARTER_GENITIVE = ['I квартала', 'II квартала', 'III квартала', 'IV квартала'] as const;

/** «I, II и IV кварталы», «I–IV кварталы». */
function quartersPhrase(quarters: number[]): string {
  if (quarters.length === 4) return 'I–IV кварталы';
  if (quarters.length === 1) return QUARTER_LABELS[quarters[0]! - 1]!;
  const names = quarters.map((q) => QUARTER_LABELS[q - 1]!.split(' ')[0]);
  return `${names.slice(0, -1).join(', ')} и ${names.at(-1)} кварталы`;
}

const sum = (figures: StoredFigure[]) => figures.reduce((total, f) => total + f.value, 0);

/**
 * One year's figure of an indicator from what is stored, at the grain it was stored in — a whole
 * year of the segment as it is, a year by municipality summed, quarters summed (`sum`) or the last
 * quarter entered (`end`: the value at the end of the period) — and what it rests on, so a
 * comparison between years says which grain each year has. `segmentSize` is the number of
 * municipalities of the segment: a year with fewer of them is marked incomplete.
 */
export function yearFigure(rule: YearlyRule, year: number, figures: StoredFigure[], segmentSize: number): YearFigure | null {
  const ofYear = figures.filter((f) => f.year === year);
  if (ofYear.length === 0) return null;
  const wholeSegmentYear = ofYear.find((f) => f.quarter === null && f.municipalityId === null);
  if (wholeSegmentYear) return { year, value: wholeSegmentYear.value, basis: 'за год по сегменту в целом', complete: true };
  const byMunicipalityYear = ofYear.filter((f) => f.quarter === null);
  if (byMunicipalityYear.length > 0) {
    return {
      year,
      value: sum(byMunicipalityYear),
      basis: `за год по ${countOf(byMunicipalityYear.length, MUNICIPALITY_FORMS)}`,
      complete: byMunicipalityYear.length >= segmentSize,
    };
  }
  const quarters = [...new Set(ofYear.map((f) => f.quarter!))].sort();
  const bySegment = ofYear.every((f) => f.municipalityId === null);
  const where = (n: number) => (bySegment ? 'по сегменту в целом' : `по ${countOf(n, MUNICIPALITY_FORMS)}`);
  const everyPlace = (part: StoredFigure[]) => bySegment || part.length >= segmentSize;
  if (rule === 'end') {
    const last = quarters.at(-1)!;
    const atEnd = ofYear.filter((f) => f.quarter === last);
    return {
      year,
      value: sum(atEnd),
      basis: `на конец ${QUARTER_GENITIVE[last - 1]} ${where(atEnd.length)}`,
      complete: last === 4 && everyPlace(atEnd),
    };
  }
  const places = new Set(ofYear.map((f) => f.municipalityId)).size;
  return {
    year,
    value: sum(ofYear),
    basis: `сумма за ${quartersPhrase(quarters)} ${where(places)}`,
    complete: quarters.length === 4 && quarters.every((q) => everyPlace(ofYear.filter((f) => f.quarter === q))),
  };
}

/** Every year that has figures, in order. */
export function yearFigures(rule: YearlyRule, figures: StoredFigure[], segmentSize: number): YearFigure[] {
  const years = [...new Set(figures.map((f) => f.year))].sort((a, b) => a - b);
  return years.map((y) => yearFigure(rule, y, figures, segmentSize)).filter((f): f is YearFigure => f !== null);
}

/** The grain of a figure, for refusing a year stored at two grains: «за год по сегменту в целом». */
export function grainPhrase(figure: Pick<StoredFigure, 'quarter' | 'municipalityId'>): string {
  const period = figure.quarter === null ? 'за год' : 'по кварталам';
  const place = figure.municipalityId === null ? 'по сегменту в целом' : 'по муниципальным образованиям';
  return `${period} ${place}`;
}

export const sameGrain = (a: Pick<StoredFigure, 'quarter' | 'municipalityId'>, b: Pick<StoredFigure, 'quarter' | 'municipalityId'>) =>
  (a.quarter === null) === (b.quarter === null) && (a.municipalityId === null) === (b.municipalityId === null);
