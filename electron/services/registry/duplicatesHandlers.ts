import type { Handlers } from '@main/api/dispatch';
import type { duplicatesCalls } from '@shared/contract/duplicates';
import { declareDistinct, revokeDistinct } from './distinct';
import { duplicateCandidates, distinctPairs } from './duplicates';
import { mergeOrganizations, mergePeople, mergePreview } from './merge';
import type { RecordTitles } from './recordTitles';

/** The duplicates calls, with the registers' names of their records (for a merge's conflicts) gathered by the application. */
export const createDuplicatesHandlers = (titles: RecordTitles): Handlers<typeof duplicatesCalls> => ({
  'registry.duplicateCandidates': ({ db }, input) => duplicateCandidates(db, input),
  'registry.declareDistinct': ({ db }, input, scope) => {
    scope.changed(input.target === 'person' ? 'people' : 'organizations');
    return declareDistinct(db, input);
  },
  'registry.revokeDistinct': ({ db }, input, scope) => {
    scope.changed(input.target === 'person' ? 'people' : 'organizations');
    return revokeDistinct(db, input);
  },
  'registry.distinctPairs': ({ db }, input) => distinctPairs(db, input),
  'registry.mergePreview': ({ db }, input) => mergePreview(db, titles, input),
  'registry.mergePeople': ({ db }, input) => mergePeople(db, titles, input),
  'registry.mergeOrganizations': ({ db }, input) => mergeOrganizations(db, titles, input),
});
