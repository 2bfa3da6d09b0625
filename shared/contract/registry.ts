import { z } from 'zod';
import { ORGANIZATION_TYPES, type OrganizationType } from '@shared/enums';
import { GENDERS, MUNICIPALITY_TYPE_KEYS, todayLocal, type Gender, type MunicipalityType, type ProperForms } from '@shared/russian';
import { call, REFUSED, type CallDef } from './define';
import { empty, id, isoDate, optionalText, page, requiredText, search, sortDir, type Page } from './common';

/** The registry of organisations and people, the municipalities of the segment, and the center's own profile. */

/**
 * The center's requisites. The center is an organisation of the registry (of the type «ресурсный
 * центр»): `fullName`, `shortName` and `address` are that organisation's, edited here or in the
 * registry alike.
 */
export interface CenterProfile {
  /** The center's organisation; null until the profile is first saved. */
  organizationId: number | null;
  fullName: string;
  shortName: string;
  address: string;
  directorName: string;
  directorPosition: string;
  segment: string;
}

export interface Municipality {
  id: number;
  /** The whole name in the nominative, composed from the parts: «Моршанский район». */
  name: string;
  type: MunicipalityType;
  /** «Моршанский», «Уварово». */
  properName: string;
  /** The proper part in the oblique cases, as the user confirmed them (or as prefilled, see formsConfirmed). */
  forms: ProperForms;
  /** False for forms only prefilled by rule (e.g. after an upgrade): the list asks for a check. */
  formsConfirmed: boolean;
  inSegment: boolean;
  /** Organisations that refer to it; a used municipality cannot be deleted. */
  organizationCount: number;
}

export interface Organization {
  id: number;
  fullName: string;
  shortName: string;
  type: OrganizationType;
  municipalityId: number | null;
  municipalityName: string | null;
  address: string;
  phone: string;
  email: string;
  peopleCount: number;
}

export interface Person {
  id: number;
  lastName: string;
  firstName: string;
  middleName: string;
  position: string;
  organizationId: number | null;
  organizationName: string | null;
  phone: string;
  email: string;
  pdConsent: boolean;
  pdConsentDate: string | null;
  /** Null until known: not in the patronymic and not chosen in the form. */
  gender: Gender | null;
}

/** A short entry for pickers: id and the text to show. */
export interface Option {
  id: number;
  label: string;
  /** Secondary text, e.g. position and organisation of a person. */
  description?: string;
}

const email = z
  .string()
  .trim()
  .max(200, 'Адрес электронной почты длиннее 200 символов')
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'Адрес электронной почты указан неверно')
  .default('');
const phone = z
  .string()
  .trim()
  .max(100, 'Телефон длиннее 100 символов')
  .refine((s) => s === '' || /^[\d\s()+\-,;доб.]+$/i.test(s), 'Телефон может содержать только цифры, пробелы, скобки, «+» и «-»')
  .default('');

export const profileInput = z
  .object({
    /** The center's organisation in the registry; null: the one the profile has, or a new one made from the names below. */
    organizationId: id.nullable().default(null),
    fullName: requiredText('Полное наименование', 1000),
    shortName: requiredText('Краткое наименование', 300),
    address: optionalText('Адрес', 500),
    directorName: optionalText('Руководитель', 200),
    directorPosition: optionalText('Должность руководителя', 200),
    segment: optionalText('Сегмент', 300),
  })
  .strict();

const caseForm = (what: string) => requiredText(what, 200);

export const properFormsInput = z
  .object({
    genitive: caseForm('Родительный падеж'),
    dative: caseForm('Дательный падеж'),
    accusative: caseForm('Винительный падеж'),
    instrumental: caseForm('Творительный падеж'),
    prepositional: caseForm('Предложный падеж'),
  })
  .strict();

export const municipalityInput = z
  .object({
    type: z.enum(MUNICIPALITY_TYPE_KEYS, { error: 'Выберите тип муниципального образования' }),
    properName: requiredText('Название', 200),
    /** The forms the user confirmed; null: prefill them by rule, to be checked later. */
    forms: properFormsInput.nullable().default(null),
    inSegment: z.boolean().default(true),
  })
  .strict();

export const organizationInput = z
  .object({
    fullName: requiredText('Полное наименование', 1000),
    shortName: optionalText('Краткое наименование', 300),
    type: z.enum(ORGANIZATION_TYPES, { error: 'Выберите тип организации' }),
    municipalityId: id.nullable().default(null),
    address: optionalText('Адрес', 500),
    phone,
    email,
  })
  .strict();

export const personInput = z
  .object({
    lastName: requiredText('Фамилия', 100),
    firstName: requiredText('Имя', 100),
    middleName: optionalText('Отчество', 100),
    position: optionalText('Должность', 300),
    organizationId: id.nullable().default(null),
    phone,
    email,
    pdConsent: z.boolean().default(false),
    pdConsentDate: isoDate('Дата согласия').nullable().default(null),
    /** Null: from the patronymic if it says, otherwise unknown. */
    gender: z.enum(GENDERS, { error: 'Укажите пол: мужской или женский' }).nullable().default(null),
  })
  .strict()
  .refine((p) => !p.pdConsent || p.pdConsentDate !== null, {
    message: 'Укажите дату согласия на обработку персональных данных',
    path: ['pdConsentDate'],
  })
  // A consent dated ahead is a mistyped year, and it would read as a valid consent for years.
  // Today on the user's own clock: a consent given this evening is today's, whatever UTC says.
  .refine((p) => !p.pdConsent || p.pdConsentDate === null || p.pdConsentDate <= todayLocal(), {
    message: 'Дата согласия не может быть позже сегодняшнего дня',
    path: ['pdConsentDate'],
  });

export const organizationListInput = z
  .object({
    search,
    type: z.enum(ORGANIZATION_TYPES).nullable().default(null),
    municipalityId: id.nullable().default(null),
    sort: z.enum(['name', 'type', 'municipality']).default('name'),
    dir: sortDir,
    ...page,
  })
  .strict();

export const personListInput = z
  .object({
    search,
    organizationId: id.nullable().default(null),
    organizationType: z.enum(ORGANIZATION_TYPES).nullable().default(null),
    municipalityId: id.nullable().default(null),
    sort: z.enum(['name', 'organization', 'position']).default('name'),
    dir: sortDir,
    ...page,
  })
  .strict();

const byId = z.object({ id }).strict();
const optionsInput = z.object({ search, limit: z.number().int().min(1).max(100).default(30) }).strict();

export const registryCalls = {
  'center.getProfile': call(empty).reads('profile', 'organizations').returns<CenterProfile>(),
  /** The center's own organisation is saved with it: its names are the registry's. */
  'center.saveProfile': call(profileInput).db(['profile', 'organizations', 'names'], REFUSED.save).returns<CenterProfile>(),

  'municipalities.list': call(empty).reads('municipalities', 'organizations').returns<Municipality[]>(),
  'municipalities.create': call(municipalityInput).db(['municipalities'], REFUSED.save).returns<Municipality>(),
  'municipalities.update': call(z.object({ id, data: municipalityInput }).strict())
    .db(['municipalities'], REFUSED.save)
    .returns<Municipality>(),
  'municipalities.delete': call(byId).db(['municipalities', 'undo'], REFUSED.delete).returns<null>(),

  'organizations.list': call(organizationListInput).reads('organizations', 'municipalities', 'people').returns<Page<Organization>>(),
  'organizations.get': call(byId).reads('organizations', 'municipalities', 'people').returns<Organization>(),
  'organizations.create': call(organizationInput).db(['organizations'], REFUSED.save).returns<Organization>(),
  /** The center's own organisation is also the profile's names. */
  'organizations.update': call(z.object({ id, data: organizationInput }).strict())
    .db(['organizations'], REFUSED.save, {
      mayChange: ['names', 'profile'],
    })
    .returns<Organization>(),
  'organizations.delete': call(byId).db(['organizations', 'undo'], REFUSED.delete).returns<null>(),
  /** Pickers: matching organisations by name, Russian order. */
  'organizations.options': call(optionsInput).reads('organizations').returns<Option[]>(),

  'people.list': call(personListInput).reads('people', 'organizations').returns<Page<Person>>(),
  'people.get': call(byId).reads('people', 'organizations').returns<Person>(),
  'people.create': call(personInput).db(['people'], REFUSED.save).returns<Person>(),
  'people.update': call(z.object({ id, data: personInput }).strict())
    .db(['people'], REFUSED.save, { mayChange: ['names'] })
    .returns<Person>(),
  'people.delete': call(byId).db(['people', 'undo'], REFUSED.delete).returns<null>(),
  /** Pickers: matching people by name, with position and organisation as description. */
  'people.options': call(optionsInput).reads('people', 'organizations').returns<Option[]>(),
  /** Labels of chosen ids, so a picker can show what a record already refers to. */
  'people.optionsByIds': call(z.object({ ids: z.array(id).max(500) }).strict())
    .reads('people', 'organizations')
    .returns<Option[]>(),
  'organizations.optionsByIds': call(z.object({ ids: z.array(id).max(500) }).strict())
    .reads('organizations')
    .returns<Option[]>(),
} satisfies Record<string, CallDef<z.ZodType, unknown>>;

export type OrganizationInput = z.input<typeof organizationInput>;
export type PersonInput = z.input<typeof personInput>;
export type MunicipalityInput = z.input<typeof municipalityInput>;
