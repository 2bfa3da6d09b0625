import type { Handlers } from '@main/api/dispatch';
import type { Person, registryCalls } from '@shared/contract/registry';
import { organizationDisplayName } from '@shared/russian';
import { createMunicipality, deleteMunicipality, listMunicipalities, updateMunicipality } from './municipalities';
import {
  centerOrganizationId,
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  organizationOptions,
  organizationOptionsByIds,
  updateOrganization,
} from './organizations';
import { createPerson, deletePerson, getPerson, listPeople, peopleOptions, peopleOptionsByIds, updatePerson } from './people';
import { getProfile, saveProfile } from './profile';

/**
 * What plans and minutes show of a person: the name (declined by gender), the position and
 * the organisation. A change of anything else (a phone, the consent) refreshes the registry's
 * screens only.
 */
const shownElsewhere = (p: Person) => JSON.stringify([p.lastName, p.firstName, p.middleName, p.gender, p.position, p.organizationId]);

export const registryHandlers: Handlers<typeof registryCalls> = {
  'center.getProfile': ({ db }) => getProfile(db),
  'center.saveProfile': ({ db }, input) => saveProfile(db, input),

  'municipalities.list': ({ db }) => listMunicipalities(db),
  'municipalities.create': ({ db }, input) => createMunicipality(db, input),
  'municipalities.update': ({ db }, { id, data }) => updateMunicipality(db, id, data),
  'municipalities.delete': ({ db }, { id }) => {
    deleteMunicipality(db, id);
    return null;
  },

  'organizations.list': ({ db }, input) => listOrganizations(db, input),
  'organizations.get': ({ db }, { id }) => getOrganization(db, id),
  'organizations.create': ({ db }, input) => createOrganization(db, input),
  'organizations.update': ({ db }, { id, data }, scope) => {
    const before = getOrganization(db, id);
    const after = updateOrganization(db, id, data);
    if (organizationDisplayName(before) !== organizationDisplayName(after) || before.fullName !== after.fullName) scope.changed('names');
    // The center's own organisation: its names and address are the profile's.
    if (centerOrganizationId(db) === id) scope.changed('profile');
    return after;
  },
  'organizations.delete': ({ db }, { id }) => {
    deleteOrganization(db, id);
    return null;
  },
  'organizations.options': ({ db }, input) => organizationOptions(db, input),
  'organizations.optionsByIds': ({ db }, { ids }) => organizationOptionsByIds(db, ids),

  'people.list': ({ db }, input) => listPeople(db, input),
  'people.get': ({ db }, { id }) => getPerson(db, id),
  'people.create': ({ db }, input) => createPerson(db, input),
  'people.update': ({ db }, { id, data }, scope) => {
    const before = getPerson(db, id);
    const after = updatePerson(db, id, data);
    if (shownElsewhere(before) !== shownElsewhere(after)) scope.changed('names');
    return after;
  },
  'people.delete': ({ db }, { id }) => {
    deletePerson(db, id);
    return null;
  },
  'people.options': ({ db }, input) => peopleOptions(db, input),
  'people.optionsByIds': ({ db }, { ids }) => peopleOptionsByIds(db, ids),
};
