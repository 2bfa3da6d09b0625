import type { Handlers } from '@main/api/dispatch';
import type { publicationsCalls } from '@shared/contract/publications';
import { statementDocx, statementXlsx, stockDocx, stockXlsx } from './documents';
import { balanceChart } from './chart';
import { eventHandout, handOutAtEvent } from './eventHandout';
import { recordMovement, reverseMovement } from './movements';
import {
  createPublication,
  deletePublication,
  getPublication,
  listPublications,
  listTopics,
  planCandidates,
  updatePublication,
} from './records';
import { movementStatement, stockOnDate } from './statements';
import { attachFile, printFile } from './files';

export const publicationsHandlers: Handlers<typeof publicationsCalls> = {
  'publications.list': ({ db }, input) => listPublications(db, input),
  'publications.topics': ({ db }) => listTopics(db),
  'publications.get': ({ db }, input) => getPublication(db, input),
  'publications.create': ({ db }, input) => createPublication(db, input),
  'publications.update': ({ db }, input) => updatePublication(db, input),
  'publications.delete': ({ db }, input) => deletePublication(db, input),
  'publications.recordMovement': ({ db }, input) => recordMovement(db, input),
  'publications.reverseMovement': ({ db }, input) => reverseMovement(db, input),
  'publications.planCandidates': ({ db }, input) => planCandidates(db, input),
  'publications.balanceChart': ({ db }, input) => balanceChart(db, input),
  'publications.eventHandout': ({ db }, input) => eventHandout(db, input),
  'publications.handOutAtEvent': ({ db }, input) => handOutAtEvent(db, input),
  'publications.stockOnDate': ({ db }, input) => stockOnDate(db, input),
  'publications.statement': ({ db }, input) => movementStatement(db, input),
  'publications.stockDocx': ({ db }, input) => stockDocx(db, input),
  'publications.stockXlsx': ({ db }, input) => stockXlsx(db, input),
  'publications.statementDocx': ({ db }, input) => statementDocx(db, input),
  'publications.statementXlsx': ({ db }, input) => statementXlsx(db, input),
  'publications.attachFile': ({ db }, input) => attachFile(db, input),
  'publications.printFile': ({ db, env }, input) => printFile(db, env, input),
};
