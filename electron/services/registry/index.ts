/** The registry of organisations and people that every register refers to, and the center's profile. */
export { registryHandlers } from './handlers';
export { createDuplicatesHandlers } from './duplicatesHandlers';
export type { RecordTitle, RecordTitles } from './recordTitles';
export {
  loadPeople,
  personDuplicateFinder,
  registryState,
  type PersonDuplicateFinder,
  type PersonRecord,
  type PossibleDuplicate,
} from './duplicates';
export { organizationVerdict, personVerdict, type OrganizationFacts, type PersonFacts } from './duplicateRules';
export { createMunicipality, listMunicipalities } from './municipalities';
export { organizationNameSql, personFullNameSql } from './names';
// Issue 18: a person as a document names them, one reader for the minutes, certificates and news.
export { peopleAsNamed, type NamedPerson } from './named';
export { centerOrganizationId, createOrganization, getOrganization } from './organizations';
export { createPeople, createPerson, setPersonGender } from './people';
export { getProfile, saveProfile } from './profile';
// Issue 24: people and organisations as a news item names them.
export { municipalityOfTown, municipalityParts, organizationsPlaced, peopleInCapacity, type CapacityEntry } from './capacity';
