/** The fixed lists of the import (no zod: the schema reads them too). */

export const IMPORT_TARGETS = ['participants', 'people', 'organizations'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];
export const IMPORT_TARGET_LABELS: Record<ImportTarget, string> = {
  participants: 'Участники мероприятия',
  people: 'Специалисты',
  organizations: 'Организации',
};

/** `auto`: a BOM, then strict UTF-8, then cp1251 (Excel's «CSV» in a Russian Windows). */
export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'windows-1251'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];
export const IMPORT_ENCODING_LABELS: Record<Exclude<ImportEncoding, 'auto'>, string> = {
  'utf-8': 'UTF-8',
  'windows-1251': 'Windows-1251 (кириллица Windows)',
};

/** The columns a list of people can have. */
const PERSON_FIELDS = [
  'fullName',
  'lastName',
  'firstName',
  'middleName',
  'organization',
  'position',
  'phone',
  'email',
  'pdConsentDate',
] as const;
/** What a column of the file can be: a person's fields, then an organisation's own. */
export const IMPORT_FIELDS = [...PERSON_FIELDS, 'orgFullName', 'orgShortName', 'orgType', 'municipality', 'address'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  fullName: 'ФИО одной ячейкой',
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  organization: 'Организация (место работы)',
  position: 'Должность',
  phone: 'Телефон',
  email: 'Электронная почта',
  pdConsentDate: 'Дата согласия на обработку ПДн',
  orgFullName: 'Полное наименование',
  orgShortName: 'Краткое наименование',
  orgType: 'Тип организации',
  municipality: 'Муниципальное образование',
  address: 'Адрес',
};

/** The fields each kind of import can fill, in the order the mapping lists them. */
export const TARGET_FIELDS: Record<ImportTarget, readonly ImportField[]> = {
  participants: PERSON_FIELDS,
  people: PERSON_FIELDS,
  organizations: ['orgFullName', 'orgShortName', 'orgType', 'municipality', 'address', 'phone', 'email'],
};

/** What the import does with a row: finds its record, adds a new one, or leaves the row out. */
export const IMPORT_OUTCOMES = ['match', 'new', 'rejected'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];
