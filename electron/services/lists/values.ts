import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { recordDeletion } from '@db/journal';
import { listValueKeys, rederiveUsers } from '@db/derived';
import { closeGap, nextPosition, swapPositions } from '@db/positions';
import { LIST_REFERENCES } from '@db/references';
import { listValueOrder, listValues } from '@db/schema';
import { conflict, DomainError, invalid } from '@main/api/errors';
import { guardForeignKeys, nowStamp } from '@main/services/common/queries';
import type { EditableListSummary, EditableListView, ListValue } from '@shared/contract/lists';
import { EDITABLE_LIST_INFO, EDITABLE_LISTS, type EditableList } from '@shared/enums';
import { countOf } from '@shared/russian';

type Row = typeof listValues.$inferSelect;

/** How many records use each value of the list, by the registers' declarations (db/references.ts). */
function usage(db: AppDb, list: EditableList): Map<number, number> {
  const used = new Map<number, number>();
  for (const reference of LIST_REFERENCES.filter((r) => r.list === list)) {
    const rows = db.select({ id: reference.column, n: count() }).from(reference.column.table).groupBy(reference.column).all() as {
      id: number;
      n: number;
    }[];
    for (const r of rows) used.set(r.id, (used.get(r.id) ?? 0) + r.n);
  }
  return used;
}

/** «в 3 мероприятиях плана и в 1 мероприятии …» — where a value is used, for a refused deletion. */
function usagePhrase(db: AppDb, value: Row): string {
  return LIST_REFERENCES.filter((r) => r.list === value.list)
    .map((r) => {
      const n = db.select({ n: count() }).from(r.column.table).where(eq(r.column, value.id)).get()?.n ?? 0;
      return n ? `в ${countOf(n, r.inForms)}` : null;
    })
    .filter((x): x is string => x !== null)
    .join(' и ');
}

const toValue = (row: Row, used: Map<number, number>): ListValue => ({
  id: row.id,
  list: row.list,
  value: row.value,
  position: row.position,
  archived: row.archived,
  usedBy: used.get(row.id) ?? 0,
});

function requireRow(db: AppDb, id: number): Row {
  const row = db.select().from(listValues).where(eq(listValues.id, id)).get();
  if (!row) throw new DomainError('not_found', 'Значение списка не найдено или уже удалено');
  return row;
}

const valueOf = (db: AppDb, row: Row): ListValue => toValue(row, usage(db, row.list));

export function listView(db: AppDb, list: EditableList): EditableListView {
  const used = usage(db, list);
  const { title, usedFor, valueAccusative } = EDITABLE_LIST_INFO[list];
  const values = db.select().from(listValues).where(eq(listValues.list, list)).orderBy(asc(listValues.position)).all();
  return { list, title, usedFor, valueAccusative, values: values.map((v) => toValue(v, used)) };
}

export function listSummaries(db: AppDb): EditableListSummary[] {
  return EDITABLE_LISTS.map((list) => {
    const rows = db.select({ archived: listValues.archived }).from(listValues).where(eq(listValues.list, list)).all();
    const archived = rows.filter((r) => r.archived).length;
    const { title, usedFor } = EDITABLE_LIST_INFO[list];
    return { list, title, usedFor, active: rows.length - archived, archived };
  });
}

/** Two values one fold apart («Мастер-класс», «мастер класс») are one value. */
function refuseDuplicate(db: AppDb, list: EditableList, value: string, exceptId?: number): void {
  const { foldedValue } = listValueKeys({ value });
  const same = db
    .select()
    .from(listValues)
    .where(
      and(
        eq(listValues.list, list),
        eq(listValues.foldedValue, foldedValue),
        exceptId === undefined ? undefined : ne(listValues.id, exceptId),
      ),
    )
    .get();
  if (!same) return;
  const where = same.archived ? 'есть в архиве списка: верните его из архива' : 'уже есть в списке';
  const message = `«${same.value}» ${where} «${EDITABLE_LIST_INFO[list].title}»`;
  throw invalid(message, { value: message });
}

export function createValue(db: AppDb, input: { list: EditableList; value: string }): ListValue {
  return inTransaction(db, () => {
    refuseDuplicate(db, input.list, input.value);
    const row = db
      .insert(listValues)
      .values({
        list: input.list,
        value: input.value,
        ...listValueKeys(input),
        position: nextPosition(db, listValueOrder, { list: input.list }),
      })
      .returning()
      .get();
    return valueOf(db, row);
  });
}

/** The wording of one value: every record showing it shows the new one, and is found by it. */
export function renameValue(db: AppDb, input: { id: number; value: string }): ListValue {
  return inTransaction(db, () => {
    const row = requireRow(db, input.id);
    refuseDuplicate(db, row.list, input.value, row.id);
    db.update(listValues)
      .set({ value: input.value, ...listValueKeys(input), updatedAt: nowStamp })
      .where(eq(listValues.id, row.id))
      .run();
    rederiveUsers(
      db,
      LIST_REFERENCES.filter((r) => r.list === row.list),
      row.id,
    );
    return valueOf(db, requireRow(db, row.id));
  });
}

export function setArchived(db: AppDb, input: { id: number; archived: boolean }): ListValue {
  return inTransaction(db, () => {
    requireRow(db, input.id);
    db.update(listValues).set({ archived: input.archived, updatedAt: nowStamp }).where(eq(listValues.id, input.id)).run();
    return valueOf(db, requireRow(db, input.id));
  });
}

export function moveValue(db: AppDb, input: { id: number; to: 'up' | 'down' }): null {
  inTransaction(db, () => {
    const row = requireRow(db, input.id);
    const target = row.position + (input.to === 'up' ? -1 : 1);
    const neighbour = db
      .select({ id: listValues.id })
      .from(listValues)
      .where(and(eq(listValues.list, row.list), eq(listValues.position, target)))
      .get();
    if (neighbour) swapPositions(db, listValueOrder, { list: row.list }, row.id, neighbour.id);
  });
  return null;
}

export function deleteValue(db: AppDb, input: { id: number }): null {
  inTransaction(db, () => {
    const row = requireRow(db, input.id);
    const where = usagePhrase(db, row);
    const refusal = `Нельзя удалить «${row.value}» из списка «${EDITABLE_LIST_INFO[row.list].title}»: значение указано ${where || 'в других записях'}. Переведите его в архив: в этих записях оно останется, а в выборе больше не появится.`;
    if (where) throw conflict(refusal);
    recordDeletion(db, {
      table: listValues,
      key: { id: row.id },
      label: `Удалено «${row.value}» из списка «${EDITABLE_LIST_INFO[row.list].title}»`,
      sequence: { column: listValueOrder.column, scope: listValueOrder.scope },
    });
    guardForeignKeys(refusal, () => db.delete(listValues).where(eq(listValues.id, row.id)).run());
    closeGap(db, listValueOrder, { list: row.list }, row.position);
  });
  return null;
}

/**
 * The value a record of another register is saved with: it must be in that list, and an archived
 * one only if the record already had it (archiving keeps old records as they are, new ones pick
 * from the active values). Answers its text, for the record's derived columns.
 */
export function requireListValue(db: AppDb, list: EditableList, id: number, field: string, current?: number): string {
  const row = db.select().from(listValues).where(eq(listValues.id, id)).get();
  const title = EDITABLE_LIST_INFO[list].title;
  if (!row || row.list !== list) {
    const message = `Значение не найдено в списке «${title}»: возможно, его удалили. Выберите другое.`;
    throw invalid(message, { [field]: message });
  }
  if (row.archived && row.id !== current) {
    const message = `«${row.value}» в архиве списка «${title}»: выберите другое значение или верните это из архива.`;
    throw invalid(message, { [field]: message });
  }
  return row.value;
}

/** A value of the list by its text, added at the end when missing: for demo data and imports. */
export function listValueByText(db: AppDb, list: EditableList, value: string): number {
  const { foldedValue } = listValueKeys({ value });
  const found = db
    .select({ id: listValues.id })
    .from(listValues)
    .where(and(eq(listValues.list, list), eq(listValues.foldedValue, foldedValue)))
    .get();
  return found?.id ?? createValue(db, { list, value }).id;
}
