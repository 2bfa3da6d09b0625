import {
  certificatesReferences,
  eventsListReferences,
  eventsReferences,
  meetingsReferences,
  publicationsListReferences,
  publicationsReferences,
  writeOffActsReferences,
  registryReferences,
  workPlanListReferences,
  indicatorsListReferences,
  workPlanReferences,
  type ListReference,
  type RegistryReference,
} from './schema';

/** Every register's references to people and organisations (see schema/references.ts), in the order a refusal names them. */
export const REGISTRY_REFERENCES: readonly RegistryReference[] = [
  ...registryReferences,
  ...workPlanReferences,
  ...meetingsReferences,
  ...eventsReferences,
  ...certificatesReferences,
  ...publicationsReferences,
  ...writeOffActsReferences,
];

/** Every register's references to values of the editable lists (schema/lists.ts). */
export const LIST_REFERENCES: readonly ListReference[] = [
  ...workPlanListReferences,
  ...eventsListReferences,
  ...indicatorsListReferences,
  ...publicationsListReferences,
];
