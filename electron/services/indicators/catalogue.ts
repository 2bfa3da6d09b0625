import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { indicatorDefinitions, indicatorValues, listValues } from '@db/schema';
import { DomainError, invalid } from '@main/api/errors';
import { nowStamp } from '@main/services/common/queries';
import { formatFigure } from '@shared/russian';
import type { z } from 'zod';
import type { Indicator, indicatorsCalls } from '@shared/contract/indicators';
import { findSource, sourceInfo } from './sources';

function sourceOf(key: string | null): Indicator['source'] {
  if (key === null) return null;
  const found = findSource(key);
  return found ? sourceInfo(found) : { key, missing: true };
}

/** Every indicator of the catalogue in the center's order, archived ones included. */
export function listIndicators(db: AppDb): Indicator[] {
  const rows = db
    .select({ value: listValues, definition: indicatorDefinitions })
    .from(listValues)
    .leftJoin(indicatorDefinitions, eq(indicatorDefinitions.indicatorId, listValues.id))
    .where(eq(listValues.list, 'indicators'))
    .orderBy(asc(listValues.position))
    .all();
  const names = new Map(rows.map((r) => [r.value.id, r.value.value]));
  return rows.map(({ value, definition }) => ({
    id: value.id,
    name: value.value,
    // A value added on the lists screen is not described yet: a count, summed over the quarters.
    unit: definition?.unit ?? 'ед.',
    group: definition?.groupName ?? '',
    rule: definition?.rule ?? 'sum',
    whole: definition?.whole ?? true,
    role: definition?.role ?? null,
    atLeastId: definition?.atLeastId ?? null,
    atLeastName: definition?.atLeastId ? (names.get(definition.atLeastId) ?? null) : null,
    source: sourceOf(definition?.source ?? null),
    archived: value.archived,
  }));
}

export function requireIndicator(db: AppDb, id: number): Indicator {
  const found = listIndicators(db).find((i) => i.id === id);
  if (!found) throw new DomainError('not_found', 'Показатель не найден в списке «Показатели мониторинга»: возможно, его удалили');
  return found;
}

/** The call's input after its schema: one declaration of the description's fields. */
export type DescribeInput = z.output<(typeof indicatorsCalls)['indicators.describe']['input']>;

/** The unit, group, yearly rule and checks of an indicator. */
export function describeIndicator(db: AppDb, input: DescribeInput): Indicator {
  return inTransaction(db, () => {
    requireIndicator(db, input.id);
    if (input.whole) {
      const fraction = db
        .select({ year: indicatorValues.year, value: indicatorValues.value })
        .from(indicatorValues)
        .where(and(eq(indicatorValues.indicatorId, input.id), sql`${indicatorValues.value} <> round(${indicatorValues.value})`))
        .get();
      if (fraction)
        throw invalid(
          `Среди значений показателя есть дробные (${formatFigure(fraction.value)} за ${fraction.year} год): исправьте их или оставьте дробные числа`,
          {
            whole: 'Есть дробные значения',
          },
        );
    }
    const source = input.rule === 'computed' ? input.source : null;
    if (source !== null) {
      if (!findSource(source)) throw invalid('Такого источника нет: выберите реестр из списка', { source: 'Источник не найден' });
      const typed = db.select({ year: indicatorValues.year }).from(indicatorValues).where(eq(indicatorValues.indicatorId, input.id)).get();
      if (typed)
        throw invalid(
          `У показателя есть введённые значения (за ${typed.year} год): вычисляемый показатель не вводится. Очистите их в «Вводе показателей» или заведите новый показатель`,
          { rule: 'Есть введённые значения' },
        );
      if (input.role !== null || input.atLeastId !== null)
        throw invalid('Вычисляемый показатель не участвует в проверках введённых значений: уберите роль и «не меньше, чем»', {
          atLeastId: 'Не для вычисляемого показателя',
        });
    }
    if (input.atLeastId !== null) {
      if (input.atLeastId === input.id)
        throw invalid('Показатель не может сравниваться сам с собой', { atLeastId: 'Выберите другой показатель' });
      requireIndicator(db, input.atLeastId);
    }
    if (input.role !== null) {
      const taken = db
        .select({ id: indicatorDefinitions.indicatorId })
        .from(indicatorDefinitions)
        .where(and(eq(indicatorDefinitions.role, input.role), ne(indicatorDefinitions.indicatorId, input.id)))
        .get();
      if (taken)
        throw invalid(`Эта роль в проверках уже у показателя «${requireIndicator(db, taken.id).name}»`, { role: 'Роль уже занята' });
    }
    const values = {
      unit: input.unit,
      groupName: input.group,
      rule: input.rule,
      whole: input.whole,
      role: input.role,
      atLeastId: input.atLeastId,
      source,
    };
    db.insert(indicatorDefinitions)
      .values({ indicatorId: input.id, ...values })
      .onConflictDoUpdate({ target: indicatorDefinitions.indicatorId, set: { ...values, updatedAt: nowStamp } })
      .run();
    return requireIndicator(db, input.id);
  });
}
