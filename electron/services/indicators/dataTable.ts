import { asc } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { indicatorValues } from '@db/schema';
import { renderSheet } from '@main/documents/render';
import { listMunicipalities } from '@main/services/registry';
import { YEARLY_RULE_LABELS, type Indicator } from '@shared/contract/indicators';
import type { SheetCell } from '@shared/documents/sheet';
import { todayLocal } from '@shared/russian';
import { listIndicators } from './catalogue';
import { segmentMunicipalities } from './sheet';
import { ended, findSource, type ComputedSource } from './sources';

export const INDICATORS_TABLE_NAME = 'indicators.xlsx';

/**
 * Every stored figure as one flat table for the regional coordinator, who puts several centers'
 * packages side by side: one row per figure at its own grain (an empty quarter is the whole year,
 * an empty municipality the whole segment), numbers as numbers, ids beside the names so a renamed
 * indicator is still matched. Excel rather than CSV: a Russian Excel reads a CSV's commas and
 * decimal points its own way, a typed cell is read the same everywhere. The last column says how a
 * figure was got: typed, or counted from a register (see `computedFigures`).
 */
export async function indicatorsDataTable(db: AppDb): Promise<Buffer> {
  const indicators = new Map(listIndicators(db).map((i) => [i.id, i]));
  const segment = segmentMunicipalities(db);
  const places = new Map(listMunicipalities(db).map((m) => [m.id, m.name]));
  const typed: TableRow[] = db
    .select()
    .from(indicatorValues)
    .orderBy(asc(indicatorValues.year), asc(indicatorValues.indicatorId), asc(indicatorValues.quarter), asc(indicatorValues.municipalityId))
    .all()
    .map((r) => ({ ...r, origin: TYPED }));
  const computed = [...indicators.values()].flatMap((indicator) => {
    const source =
      indicator.rule === 'computed' && indicator.source && !indicator.source.missing ? findSource(indicator.source.key) : undefined;
    return source
      ? computedFigures(
          db,
          indicator,
          source,
          segment.map((m) => m.id),
        )
      : [];
  });
  const position = (id: number) => [...indicators.keys()].indexOf(id);
  // A stable sort: within a year and an indicator the rows keep their quarter and place order.
  const rows = [...typed, ...computed].sort((a, b) => a.year - b.year || position(a.indicatorId) - position(b.indicatorId));
  return renderSheet({
    fileName: 'indicators',
    sheetName: 'Показатели',
    title: [],
    orientation: 'landscape',
    columns: [
      { title: 'Год', width: 8, align: 'center' },
      { title: 'Квартал', width: 9, align: 'center' },
      { title: 'Код показателя', width: 11, align: 'center' },
      { title: 'Показатель', width: 44 },
      { title: 'Группа', width: 28 },
      { title: 'Единица', width: 13 },
      { title: 'За год', width: 18 },
      { title: 'Код МО', width: 9, align: 'center' },
      { title: 'Муниципальное образование', width: 26 },
      { title: 'Значение', width: 12 },
      { title: 'Как получено', width: 40 },
    ],
    rows: rows.map((r): SheetCell[] => {
      const indicator = indicators.get(r.indicatorId);
      return [
        r.year,
        r.quarter,
        r.indicatorId,
        indicator?.name ?? '',
        indicator?.group ?? '',
        indicator?.unit ?? '',
        indicator ? YEARLY_RULE_LABELS[indicator.rule] : '',
        r.municipalityId,
        r.municipalityId === null
          ? r.origin === TYPED || r.wholeSegment
            ? 'Сегмент в целом'
            : NO_PLACE
          : (places.get(r.municipalityId) ?? ''),
        r.value,
        r.origin,
      ];
    }),
  });
}

const TYPED = 'введено';
const NO_PLACE = 'Без муниципального образования';

interface TableRow {
  year: number;
  quarter: number | null;
  indicatorId: number;
  municipalityId: number | null;
  value: number;
  origin: string;
  /** A computed row of a source that does not divide by municipality: the segment as a whole. */
  wholeSegment?: boolean;
}

/**
 * A computed indicator's figures at the grain its register gives: a quarter, and a municipality
 * where the register knows one (a municipality of the segment, another one named as it is, or
 * «Без муниципального образования» for events recorded without one), else the segment as a whole.
 * From the first quarter the register counts anything up to the last quarter that has ended (a
 * quarter under way is no reported figure); a quarter since then with nothing is a real 0 for each
 * place of the segment. Counted in one grouped query per source.
 */
function computedFigures(db: AppDb, indicator: Indicator, source: ComputedSource, segment: number[]): TableRow[] {
  const today = todayLocal();
  const counts = source.countByQuarter(db, { from: '0001-01-01', to: today }).filter((c) => ended(c.year, c.quarter, today));
  if (counts.length === 0) return [];
  const origin = `вычислено из реестра «${source.register}»`;
  const key = (year: number, quarter: number) => year * 4 + quarter - 1;
  const first = key(counts[0]!.year, counts[0]!.quarter);
  const thisYear = Number(today.slice(0, 4));
  let last = key(thisYear, 4);
  while (last >= first && !ended(Math.floor(last / 4), (last % 4) + 1, today)) last -= 1;
  const rows: TableRow[] = [];
  for (let k = first; k <= last; k++) {
    const year = Math.floor(k / 4);
    const quarter = (k % 4) + 1;
    const here = counts.filter((c) => c.year === year && c.quarter === quarter);
    const valueAt = (place: number | null) => here.filter((c) => (c.municipalityId ?? null) === place).reduce((t, c) => t + c.value, 0);
    const base = { year, quarter, indicatorId: indicator.id, origin };
    if (!source.byMunicipality) {
      rows.push({ ...base, municipalityId: null, value: valueAt(null), wholeSegment: true });
      continue;
    }
    for (const place of segment) rows.push({ ...base, municipalityId: place, value: valueAt(place) });
    const others = [...new Set(here.map((c) => c.municipalityId ?? null))].filter((p) => p === null || !segment.includes(p));
    for (const place of others.sort((a, b) => (a ?? 0) - (b ?? 0))) rows.push({ ...base, municipalityId: place, value: valueAt(place) });
  }
  return rows;
}
