import type { Handlers } from '@main/api/dispatch';
import type { duplicatesCalls } from '@shared/contract/duplicates';
import { declareDistinct, revokeDistinct } from './distinct';
import { duplicateCandidates, distinctPairs } from './duplicates';
import { mergeOrganizations, mergePeople, mergePreview } from './merge';

export const duplicatesHandlers: Handlers<typeof duplicatesCalls> = {
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
  'registry.mergePreview': ({ db }, input) => mergePreview(db, input),
  'registry.mergePeople': ({ db }, input) => mergePeople(db, input),
  'registry.mergeOrganizations': ({ db }, input) => mergeOrganizations(db, input),
};
