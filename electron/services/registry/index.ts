/** The registry of organisations and people that every register refers to, and the center's profile. */
export { registryHandlers } from './handlers';
export { createMunicipality } from './municipalities';
export { createOrganization, getOrganization } from './organizations';
export { createPerson, organizationName } from './people';
export { getProfile, saveProfile } from './profile';
