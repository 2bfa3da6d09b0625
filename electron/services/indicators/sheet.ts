import { and, between, eq, isNull } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { indicatorValues } from '@db/schema';
import { invalid } from '@main/api/errors';
import { nowStamp } from '@main/services/common/queries';
import { listMunicipalities } from '@main/services/registry';
import {
  QUARTER_LABELS,
  type Indicator,
  type SaveSheetResult,
  type Sheet,
  type SheetColumn,
  type SheetRow,
  type SheetScope,
} from '@shared/contract/indicators';
import { parseFigure } from '@shared/russian';
import { listIndicators } from './catalogue';
import { sheetWarnings } from './warnings';
import { grainPhrase, sameGrain, type StoredFigure } from './yearly';
import { findSource, originPhrase, outsideColumns, periodDays } from './sources';

export interface SheetKey {
  year: number;
  quarter: number | null;
  scope: SheetScope;
}

export const segmentMunicipalities = (db: AppDb) => listMunicipalities(db).filter((m) => m.inSegment);

export function sheetColumns(db: AppDb, scope: SheetScope): SheetColumn[] {
  if (scope === 'segment') return [{ municipalityId: null, name: 'Сегмент в целом' }];
  return segmentMunicipalities(db).map((m) => ({ municipalityId: m.id, name: m.name }));
}

export const periodLabel = (year: number, quarter: number | null) =>
  quarter === null ? `${year} год` : `${QUARTER_LABELS[quarter - 1]} ${year} года`;

type ValueRow = typeof indicatorValues.$inferSelect;

function figuresOfYear(db: AppDb, year: number): ValueRow[] {
  return db.select().from(indicatorValues).where(eq(indicatorValues.year, year)).all();
}

const cellKey = (indicatorId: number, municipalityId: number | null) => `${indicatorId}:${municipalityId ?? 0}`;

/** The figures of a sheet's cells: this period, this kind of place. */
function sheetCells(rows: ValueRow[], key: SheetKey): Map<string, ValueRow> {
  const place = (r: ValueRow) => (key.scope === 'segment' ? r.municipalityId === null : r.municipalityId !== null);
  return new Map(rows.filter((r) => r.quarter === key.quarter && place(r)).map((r) => [cellKey(r.indicatorId, r.municipalityId), r]));
}

const sheetGrain = (key: SheetKey) => ({ quarter: key.quarter, municipalityId: key.scope === 'segment' ? null : 1 });

/** The other grain this indicator's year is stored at, if any: then the sheet does not take it. */
function otherGrainOf(rows: ValueRow[], indicatorId: number, key: SheetKey): string | null {
  const other = rows.find((r) => r.indicatorId === indicatorId && !sameGrain(r, sheetGrain(key)));
  return other ? `уже введено ${grainPhrase(other)}` : null;
}

/**
 * One period's figures as a grid: the catalogue's indicators down (active ones, and archived ones
 * that have figures here), the segment's municipalities — or the whole segment — across.
 */
export function getSheet(db: AppDb, key: SheetKey): Sheet {
  const columns = sheetColumns(db, key.scope);
  const rows = figuresOfYear(db, key.year);
  const cells = sheetCells(rows, key);
  const indicators = listIndicators(db).filter((i) => !i.archived || columns.some((c) => cells.has(cellKey(i.id, c.municipalityId))));
  return {
    year: key.year,
    quarter: key.quarter,
    scope: key.scope,
    periodLabel: periodLabel(key.year, key.quarter),
    columns,
    rows: indicators.map((i) => {
      const row = {
        indicatorId: i.id,
        name: i.name,
        unit: i.unit,
        group: i.group,
        whole: i.whole,
        rule: i.rule,
        values: columns.map((c) => cells.get(cellKey(i.id, c.municipalityId))?.value ?? null),
        otherGrain: otherGrainOf(rows, i.id, key),
        computed: null,
      };
      return i.rule === 'computed' ? { ...row, ...computedRow(db, i, key, columns) } : row;
    }),
  };
}

/** A computed indicator's row: counted from its register for the sheet's period, never typed. */
function computedRow(db: AppDb, indicator: Indicator, key: SheetKey, columns: SheetColumn[]): Pick<SheetRow, 'values' | 'computed'> {
  const source = indicator.source && !indicator.source.missing ? findSource(indicator.source.key) : undefined;
  if (!source)
    return {
      values: columns.map(() => null),
      computed: { origin: 'источник показателя не найден в этой версии программы', total: 0, note: null },
    };
  const figures = source.count(db, periodDays(key.year, key.quarter));
  const total = figures.reduce((t, f) => t + f.value, 0);
  const values =
    key.scope === 'segment'
      ? [total]
      : source.byMunicipality
        ? columns.map((c) => figures.filter((f) => f.municipalityId === c.municipalityId).reduce((t, f) => t + f.value, 0))
        : columns.map(() => null);
  const note =
    key.scope === 'segment'
      ? null
      : source.byMunicipality
        ? outsideColumns(
            figures,
            columns.map((c) => c.municipalityId),
          )
        : `реестр не делит их по муниципальным образованиям: по сегменту в целом ${total}`;
  return { values, computed: { origin: originPhrase(source, key.year, key.quarter), total, note } };
}

export interface SaveSheetInput extends SheetKey {
  cells: { indicatorId: number; municipalityId: number | null; text: string }[];
  confirmed: boolean;
}

/** Cases on support at the end of the period before this one, per place: what was carried over. */
function carriedOver(db: AppDb, onSupport: Indicator | undefined, key: SheetKey) {
  const previous =
    key.quarter === null || key.quarter === 1 ? { year: key.year - 1, quarter: 4 } : { year: key.year, quarter: key.quarter - 1 };
  const rows = onSupport
    ? db
        .select()
        .from(indicatorValues)
        .where(and(eq(indicatorValues.indicatorId, onSupport.id), eq(indicatorValues.year, previous.year)))
        .all()
    : [];
  return (municipalityId: number | null): number | null => {
    const at = (quarter: number | null) => rows.find((r) => r.quarter === quarter && r.municipalityId === municipalityId)?.value;
    // The year before, stored as a whole year, ends where its year figure is.
    return at(previous.quarter) ?? (previous.year < key.year ? at(null) : undefined) ?? null;
  };
}

/**
 * Saves the cells of one sheet in one transaction: each text read the Russian way (an empty cell
 * clears the figure). Refused whole, in Russian, for a figure that is not a number, a fraction of a
 * count, a place outside the segment, or a year already stored at another grain. Figures that
 * contradict others are answered as warnings and written only once the user confirms them.
 */
export function saveSheet(db: AppDb, input: SaveSheetInput): SaveSheetResult {
  return inTransaction(db, () => {
    const columns = sheetColumns(db, input.scope);
    const places = new Map(columns.map((c) => [c.municipalityId, c.name]));
    const catalogue = listIndicators(db);
    const byId = new Map(catalogue.map((i) => [i.id, i]));
    const rows = figuresOfYear(db, input.year);
    const cells = sheetCells(rows, input);
    const problems: string[] = [];
    const fields: Record<string, string> = {};
    const parsed = new Map<string, { indicator: Indicator; municipalityId: number | null; value: number | null }>();
    for (const cell of input.cells) {
      const indicator = byId.get(cell.indicatorId);
      if (!indicator) {
        problems.push('Показатель не найден в списке «Показатели мониторинга»: возможно, его удалили. Обновите таблицу');
        continue;
      }
      if (!places.has(cell.municipalityId)) {
        problems.push(
          input.scope === 'segment'
            ? `«${indicator.name}»: значение по сегменту в целом не относится к муниципальному образованию`
            : `«${indicator.name}»: муниципальное образование не входит в сегмент (проверьте профиль центра и список муниципальных образований)`,
        );
        continue;
      }
      if (indicator.rule === 'computed') {
        // Nothing typed is kept for it: an empty cell is no change, a figure is refused.
        if (cell.text.trim() !== '')
          problems.push(
            `«${indicator.name}» вычисляется ${indicator.source && !indicator.source.missing ? `из реестра «${indicator.source.register}»` : 'из реестра'} и не вводится`,
          );
        continue;
      }
      const figure = parseFigure(cell.text, indicator.whole);
      const place = places.get(cell.municipalityId)!;
      if (!figure.ok) {
        const message = `«${indicator.name}», ${place}: ${figure.message}`;
        problems.push(message);
        fields[cellKey(cell.indicatorId, cell.municipalityId)] = figure.message;
        continue;
      }
      if (figure.value !== null && indicator.archived && !cells.has(cellKey(indicator.id, cell.municipalityId))) {
        problems.push(`«${indicator.name}» в архиве списка «Показатели мониторинга»: верните его из архива, чтобы вводить значения`);
        continue;
      }
      if (figure.value !== null) {
        const other = otherGrainOf(rows, indicator.id, input);
        if (other) {
          problems.push(
            `«${indicator.name}» за ${input.year} год ${other}: значения одного года хранятся так, как их дал источник, и не делятся. Вводите в том же виде или очистите те значения`,
          );
          continue;
        }
      }
      parsed.set(cellKey(cell.indicatorId, cell.municipalityId), { indicator, municipalityId: cell.municipalityId, value: figure.value });
    }
    if (problems.length > 0) {
      const shown = [...new Set(problems)];
      const more = shown.length > 5 ? ` и ещё ${shown.length - 5}` : '';
      throw invalid(`${shown.slice(0, 5).join('; ')}${more}. Ничего не сохранено.`, fields);
    }

    const valueAfter = (indicatorId: number, municipalityId: number | null): number | null => {
      const key = cellKey(indicatorId, municipalityId);
      const typed = parsed.get(key);
      return typed ? typed.value : (cells.get(key)?.value ?? null);
    };
    const warnings = sheetWarnings({
      indicators: catalogue,
      places: columns.map((c) => ({ municipalityId: c.municipalityId, name: input.scope === 'segment' ? '' : c.name })),
      value: valueAfter,
      carriedOver: carriedOver(
        db,
        catalogue.find((i) => i.role === 'casesOnSupport'),
        input,
      ),
    });
    const changedCells = [...parsed.values()].filter(
      (p) => (cells.get(cellKey(p.indicator.id, p.municipalityId))?.value ?? null) !== p.value,
    );
    // Only warnings about what this save touches hold it up; old ones were confirmed before.
    const touched = new Set(changedCells.map((p) => p.municipalityId));
    const relevant = warnings.filter((w) => touched.has(w.municipalityId));
    if (relevant.length > 0 && !input.confirmed) return { saved: false, warnings: relevant, changed: 0 };

    for (const p of changedCells) {
      const where = and(
        eq(indicatorValues.indicatorId, p.indicator.id),
        eq(indicatorValues.year, input.year),
        input.quarter === null ? isNull(indicatorValues.quarter) : eq(indicatorValues.quarter, input.quarter),
        p.municipalityId === null ? isNull(indicatorValues.municipalityId) : eq(indicatorValues.municipalityId, p.municipalityId),
      );
      if (p.value === null) db.delete(indicatorValues).where(where).run();
      else if (cells.has(cellKey(p.indicator.id, p.municipalityId)))
        db.update(indicatorValues).set({ value: p.value, updatedAt: nowStamp }).where(where).run();
      else
        db.insert(indicatorValues)
          .values({
            indicatorId: p.indicator.id,
            year: input.year,
            quarter: input.quarter,
            municipalityId: p.municipalityId,
            value: p.value,
          })
          .run();
    }
    return { saved: true, warnings: relevant, changed: changedCells.length };
  });
}

/** Every stored figure of one indicator, for the year-over-year comparison. */
export function figuresOf(db: AppDb, indicatorId: number, years?: { from: number; to: number }): StoredFigure[] {
  return db
    .select({
      year: indicatorValues.year,
      quarter: indicatorValues.quarter,
      municipalityId: indicatorValues.municipalityId,
      value: indicatorValues.value,
    })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorId, indicatorId), years ? between(indicatorValues.year, years.from, years.to) : undefined))
    .all();
}

/**
 * figuresOf for every indicator at once, by indicator: one read of the years' rows (the index on
 * the year), where the report asked once per indicator and read the same rows each time.
 */
export function figuresOfYears(db: AppDb, years: { from: number; to: number }): Map<number, StoredFigure[]> {
  const rows = db
    .select({
      indicatorId: indicatorValues.indicatorId,
      year: indicatorValues.year,
      quarter: indicatorValues.quarter,
      municipalityId: indicatorValues.municipalityId,
      value: indicatorValues.value,
    })
    .from(indicatorValues)
    .where(between(indicatorValues.year, years.from, years.to))
    .all();
  const byIndicator = new Map<number, StoredFigure[]>();
  for (const { indicatorId, ...figure } of rows) {
    const own = byIndicator.get(indicatorId);
    if (own) own.push(figure);
    else byIndicator.set(indicatorId, [figure]);
  }
  return byIndicator;
}

/** The first year any indicator has a stored figure: how far back a computed one is worth counting. */
export function firstFigureYear(db: AppDb): number | null {
  return (db.$client.prepare('SELECT min(year) AS y FROM indicator_values').get() as { y: number | null }).y;
}
