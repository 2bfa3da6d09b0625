import { sql } from 'drizzle-orm';
import { organizations, people } from '@db/schema';

/**
 * The SQL twins of @shared/russian names.ts, for queries that order or join by a name: the same
 * text the TypeScript writes (tests/unit/registry/names.test.ts holds them together).
 */

/** organizationDisplayName: the short name when given, else the full one. Null when the join found none. */
export const organizationNameSql = sql<string | null>`coalesce(nullif(${organizations.shortName}, ''), ${organizations.fullName})`;

/** personFullName: «Фамилия Имя Отчество» without gaps for a missing part. */
export const personFullNameSql = sql<string>`trim(${people.lastName} || iif(${people.firstName} = '', '', ' ' || ${people.firstName}) || iif(${people.middleName} = '', '', ' ' || ${people.middleName}))`;
