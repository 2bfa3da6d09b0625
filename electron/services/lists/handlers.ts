import type { Handlers } from '@main/api/dispatch';
import type { listsCalls } from '@shared/contract/lists';
import { createValue, deleteValue, listSummaries, listView, moveValue, renameValue, setArchived } from './values';

export const listsHandlers: Handlers<typeof listsCalls> = {
  'lists.all': ({ db }) => listSummaries(db),
  'lists.get': ({ db }, { list }) => listView(db, list),
  'lists.create': ({ db }, input) => createValue(db, input),
  'lists.rename': ({ db }, input) => renameValue(db, input),
  'lists.setArchived': ({ db }, input) => setArchived(db, input),
  'lists.move': ({ db }, input) => moveValue(db, input),
  'lists.delete': ({ db }, input) => deleteValue(db, input),
};
