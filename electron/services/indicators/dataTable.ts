import { asc } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { indicatorValues } from '@db/schema';
import { renderSheet } from '@main/documents/xlsx';
import { YEARLY_RULE_LABELS } from '@shared/contract/indicators';
import type { SheetCell } from '@shared/documents/sheet';
import { listIndicators } from './catalogue';
import { segmentMunicipalities } from './sheet';

export const INDICATORS_TABLE_NAME = 'indicators.xlsx';

/**
 * Every stored figure as one flat table for the regional coordinator, who puts several centers'
 * packages side by side: one row per figure at its own grain (an empty quarter is the whole year,
 * an empty municipality the whole segment), numbers as numbers, ids beside the names so a renamed
 * indicator is still matched. Excel rather than CSV: a Russian Excel reads a CSV's commas and
 * decimal points its own way, a typed cell is read the same everywhere.
 */
export async function indicatorsDataTable(db: AppDb): Promise<Buffer> {
  const indicators = new Map(listIndicators(db).map((i) => [i.id, i]));
  const places = new Map(segmentMunicipalities(db).map((m) => [m.id, m.name]));
  const rows = db
    .select()
    .from(indicatorValues)
    .orderBy(asc(indicatorValues.year), asc(indicatorValues.indicatorId), asc(indicatorValues.quarter), asc(indicatorValues.municipalityId))
    .all();
  const position = (id: number) => [...indicators.keys()].indexOf(id);
  rows.sort((a, b) => a.year - b.year || position(a.indicatorId) - position(b.indicatorId));
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
        r.municipalityId === null ? 'Сегмент в целом' : (places.get(r.municipalityId) ?? ''),
        r.value,
      ];
    }),
  });
}
