import { z } from 'zod';
import { EDITABLE_LISTS, type EditableList } from '@shared/enums';
import { call, REFUSED, type CallDef } from './define';
import { id, requiredText } from './common';

/**
 * The lists of values the center edits itself (shared/enums.ts, EDITABLE_LISTS): one screen and
 * one set of calls for all of them. Records keep a value's id: a rename reaches every record, an
 * archived value stays on the records that have it and is no longer offered for new ones.
 */

export interface ListValue {
  id: number;
  list: EditableList;
  value: string;
  position: number;
  archived: boolean;
  /** How many records use it: a used value can be archived, not deleted. */
  usedBy: number;
}

export interface EditableListView {
  list: EditableList;
  title: string;
  usedFor: string;
  valueAccusative: string;
  /** Every value in the center's order, archived ones included (marked). */
  values: ListValue[];
}

export interface EditableListSummary {
  list: EditableList;
  title: string;
  usedFor: string;
  active: number;
  archived: number;
}

const listKey = z.enum(EDITABLE_LISTS, { error: 'Неизвестный список' });
const valueText = requiredText('Значение', 200);

export const listsCalls = {
  'lists.all': call(z.object({}).strict().default({})).reads('lists').returns<EditableListSummary[]>(),
  'lists.get': call(z.object({ list: listKey }).strict())
    .reads('lists')
    .returns<EditableListView>(),
  'lists.create': call(z.object({ list: listKey, value: valueText }).strict())
    .db(['lists'], REFUSED.add)
    .returns<ListValue>(),
  /** Every record showing the value shows the new wording (frozen documents keep theirs). */
  'lists.rename': call(z.object({ id, value: valueText }).strict())
    .db(['lists'], REFUSED.save)
    .returns<ListValue>(),
  'lists.setArchived': call(z.object({ id, archived: z.boolean({ error: 'Укажите, в архиве ли значение' }) }).strict())
    .db(['lists'], REFUSED.save)
    .returns<ListValue>(),
  'lists.move': call(z.object({ id, to: z.enum(['up', 'down'], { error: 'Укажите, куда переместить' }) }).strict())
    .db(['lists'], REFUSED.move)
    .returns<null>(),
  /** Only a value no record uses; undone from the journal. */
  'lists.delete': call(z.object({ id }).strict()).db(['lists', 'undo'], REFUSED.delete).returns<null>(),
} satisfies Record<string, CallDef<z.ZodType, unknown>>;
