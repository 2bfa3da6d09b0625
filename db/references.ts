import { meetingsReferences, registryReferences, workPlanReferences, type RegistryReference } from './schema';

/** Every register's references to people and organisations (see schema/references.ts), in the order a refusal names them. */
export const REGISTRY_REFERENCES: readonly RegistryReference[] = [...registryReferences, ...workPlanReferences, ...meetingsReferences];
