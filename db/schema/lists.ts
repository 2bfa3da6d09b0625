import { integer, sqliteTable, text, uniqueIndex, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { EDITABLE_LISTS, type EditableList } from '@shared/enums';
import { columnRules, orderedList, positionRules, timestamps } from './rules';
import type { TablePolicies } from './tablePolicy';

export { EDITABLE_LISTS, type EditableList } from '@shared/enums';

/**
 * A value of one of the lists the center edits itself (shared/enums.ts, EDITABLE_LISTS): the forms
 * of work of the plan now, event types, publication kinds and the indicator catalogue next.
 * Records refer to a value by its id (ON DELETE RESTRICT), so
 * - renaming a value («Мастер класс» → «Мастер-класс») reaches every record that uses it: it is
 *   the wording of one value, not a new one. Frozen documents (an approved plan, signed minutes)
 *   keep the text they printed, being copies;
 * - an archived value stays on the records that have it and is no longer offered by pickers;
 * - only a value no record uses can be deleted (and the deletion undone).
 * `folded_value` is the value's sort key (@shared/russian, derived in db/derived.ts): two values
 * that differ only in case, ё or punctuation are one value, refused as a duplicate.
 */
export const listValues = sqliteTable(
  'list_values',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    list: text('list', { enum: EDITABLE_LISTS }).notNull(),
    value: text('value').notNull(),
    foldedValue: text('folded_value').notNull(),
    /** The order the center chose; pickers and the list screen show values in it. */
    position: integer('position').notNull(),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex('list_values_folded_unique').on(t.list, t.foldedValue), ...positionRules(t.position, [t.list]), ...columnRules(t)],
);

export const listValueOrder = orderedList(listValues, listValues.position, [listValues.list]);

/**
 * A column holding a list value's id, declared by the register that has it, next to its table:
 * the list screen counts the records using a value (refusing its deletion with them), and a test
 * checks that every foreign key to list_values is declared.
 */
export interface ListReference {
  list: EditableList;
  column: SQLiteColumn;
  /** After «используется в»: «1 мероприятии плана», «2 мероприятиях плана», «5 мероприятиях плана». */
  inForms: readonly [one: string, few: string, many: string];
}

/** The center's own wording of its lists travels with the records that use it. */
export const listsTablePolicies: TablePolicies = {
  list_values: { label: 'Значения списков', package: 'all' },
};
