/**
 * How people and organisations are named, written once. The SQL twins (the same names computed in
 * a query, for ordering and for joins) are in the registry's services, `names.ts`, and a test
 * holds both to the same results.
 */

export interface PersonName {
  lastName: string;
  firstName: string;
  middleName: string;
}

export interface OrganizationNames {
  fullName: string;
  shortName: string;
}

/** «Фамилия Имя Отчество», without gaps for a missing part. */
export const personFullName = (p: PersonName): string => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

const initials = (firstName: string, middleName: string) =>
  [firstName, middleName]
    .filter(Boolean)
    .map((n) => `${n.trim()[0]?.toUpperCase() ?? ''}.`)
    .join('');

/** «Иванова М.П.»: lists, the plan's «ответственные». */
export function surnameWithInitials(p: PersonName): string {
  const i = initials(p.firstName, p.middleName);
  return i ? `${p.lastName} ${i}` : p.lastName;
}

/** «М.П. Иванова»: the order under a signature. */
export function initialsThenSurname(p: PersonName): string {
  const i = initials(p.firstName, p.middleName);
  return i ? `${i} ${p.lastName}` : p.lastName;
}

/** The name lists, pickers and documents show for an organisation: the short one when given. */
export const organizationDisplayName = (o: OrganizationNames): string => o.shortName || o.fullName;
