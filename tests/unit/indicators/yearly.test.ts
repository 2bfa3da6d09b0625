import { describe, expect, it } from 'vitest';
import { yearFigure, yearFigures, type StoredFigure } from '@main/services/indicators';
import { sheetWarnings, type CheckedIndicator } from '@main/services/indicators/warnings';

const q = (year: number, quarter: number | null, municipalityId: number | null, value: number): StoredFigure => ({
  year,
  quarter,
  municipalityId,
  value,
});

describe('a year of an indicator', () => {
  it('is a whole year of the segment as the source gave it (the report’s 2014–2016)', () => {
    const figures = [q(2014, null, null, 28), q(2015, null, null, 43), q(2016, null, null, 54)];
    expect(yearFigures('sum', figures, 5).map((y) => [y.year, y.value, y.basis, y.complete])).toEqual([
      [2014, 28, 'за год по сегменту в целом', true],
      [2015, 43, 'за год по сегменту в целом', true],
      [2016, 54, 'за год по сегменту в целом', true],
    ]);
  });

  it('sums the quarters of every municipality when the indicator adds up (visits)', () => {
    const figures = [1, 2, 3, 4].flatMap((quarter) => [q(2018, quarter, 1, 10 * quarter), q(2018, quarter, 2, quarter)]);
    expect(yearFigure('sum', 2018, figures, 2)).toEqual({
      year: 2018,
      value: 110,
      basis: 'сумма за I–IV кварталы по 2 муниципальным образованиям',
      complete: true,
    });
  });

  it('takes the last quarter when it is a value at the end of the period (families on support)', () => {
    const figures = [q(2018, 1, 1, 30), q(2018, 1, 2, 9), q(2018, 2, 1, 31), q(2018, 2, 2, 8)];
    expect(yearFigure('end', 2018, figures, 2)).toEqual({
      year: 2018,
      value: 39,
      basis: 'на конец II квартала по 2 муниципальным образованиям',
      complete: false,
    });
  });

  it('says a year is incomplete when quarters or municipalities are missing, and names the quarters it has', () => {
    const figures = [q(2018, 1, 1, 5), q(2018, 3, 1, 7), q(2018, 3, 2, 1)];
    expect(yearFigure('sum', 2018, figures, 2)).toEqual({
      year: 2018,
      value: 13,
      basis: 'сумма за I и III кварталы по 2 муниципальным образованиям',
      complete: false,
    });
  });

  it('sums a year given by municipality (the cases closed in 2017) and knows when one is missing', () => {
    const figures = [q(2017, null, 1, 8), q(2017, null, 2, 4), q(2017, null, 3, 5), q(2017, null, 4, 2), q(2017, null, 5, 0)];
    expect(yearFigure('sum', 2017, figures, 5)).toMatchObject({
      value: 19,
      basis: 'за год по 5 муниципальным образованиям',
      complete: true,
    });
    expect(yearFigure('end', 2017, figures.slice(1), 5)).toMatchObject({ value: 11, complete: false });
  });

  it('has no figure for a year with nothing stored', () => {
    expect(yearFigure('sum', 2019, [q(2018, null, null, 1)], 5)).toBeNull();
  });
});

describe('warnings over a sheet', () => {
  const indicators: CheckedIndicator[] = [
    { id: 1, name: 'Случаи открыты', role: 'casesOpened', atLeastId: null },
    { id: 2, name: 'Дети в открытых случаях', role: null, atLeastId: 1 },
    { id: 3, name: 'Случаи закрыты', role: 'casesClosed', atLeastId: null },
    { id: 4, name: 'Случаи на сопровождении на конец периода', role: 'casesOnSupport', atLeastId: null },
  ];
  const sheet = (values: Record<string, number>, carried: number | null) => ({
    indicators,
    places: [
      { municipalityId: 10, name: 'город Уварово' },
      { municipalityId: 11, name: 'Уваровский район' },
    ],
    value: (id: number, m: number | null) => values[`${id}:${m}`] ?? null,
    carriedOver: () => carried,
  });

  it('warns of fewer children than cases, naming the place and both figures', () => {
    expect(sheetWarnings(sheet({ '1:10': 3, '2:10': 2, '1:11': 2, '2:11': 2 }, null))).toEqual([
      { indicatorId: 2, municipalityId: 10, message: '«Дети в открытых случаях» (город Уварово): 2 — меньше, чем «Случаи открыты» (3)' },
    ]);
  });

  it('warns of more cases closed than opened plus carried over, and not when the carried-over count is unknown', () => {
    expect(sheetWarnings(sheet({ '1:10': 1, '3:10': 5 }, 2))).toEqual([
      {
        indicatorId: 3,
        municipalityId: 10,
        message: '«Случаи закрыты» (город Уварово): 5 — больше, чем открыто за период (1) и перенесено с прошлого периода (2)',
      },
    ]);
    expect(sheetWarnings(sheet({ '1:10': 1, '3:10': 3 }, 2))).toEqual([]);
    expect(sheetWarnings(sheet({ '1:10': 1, '3:10': 5 }, null))).toEqual([]);
  });
});
