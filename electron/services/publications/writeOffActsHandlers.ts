import type { Handlers } from '@main/api/dispatch';
import type { writeOffActsCalls } from '@shared/contract/writeOffActs';
import { writeOffActDocx } from './documents';
import { centerStaff, createAct, deleteAct, getAct, listActs, signAct, updateAct } from './writeOffActs';

export const writeOffActsHandlers: Handlers<typeof writeOffActsCalls> = {
  'writeOffActs.list': ({ db }, input) => listActs(db, input),
  'writeOffActs.get': ({ db }, input) => getAct(db, input),
  'writeOffActs.staff': ({ db }) => centerStaff(db),
  'writeOffActs.create': ({ db }, input) => createAct(db, input),
  'writeOffActs.update': ({ db }, input) => updateAct(db, input),
  'writeOffActs.delete': ({ db }, input) => deleteAct(db, input),
  'writeOffActs.sign': ({ db }, input) => signAct(db, input),
  'writeOffActs.docx': ({ db }, input) => writeOffActDocx(db, input),
};
