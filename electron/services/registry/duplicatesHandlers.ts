import type { Handlers } from '@main/api/dispatch';
import type { duplicatesCalls } from '@shared/contract/duplicates';
import { duplicateCandidates } from './duplicates';
import { mergeOrganizations, mergePeople, mergePreview } from './merge';

export const duplicatesHandlers: Handlers<typeof duplicatesCalls> = {
  'registry.duplicateCandidates': ({ db }, input) => duplicateCandidates(db, input),
  'registry.mergePreview': ({ db }, input) => mergePreview(db, input),
  'registry.mergePeople': ({ db }, input) => mergePeople(db, input),
  'registry.mergeOrganizations': ({ db }, input) => mergeOrganizations(db, input),
};
