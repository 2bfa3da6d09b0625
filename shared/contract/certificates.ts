import { z } from 'zod';
import { call, REFUSED, type FileOutput } from './define';
import { id, optionalText, page, requiredText, search, year, type Page } from './common';
import { fileHash } from './files';
import { GENDERS, type Gender } from '@shared/russian';
import type { DocumentSpec } from '@shared/documents/model';

/**
 * Сертификаты участника (issue 19): issued only to those who completed an event by its rule,
 * numbered per year of issue, kept as printed. Never «удостоверение»: that word is reserved for
 * qualification courses of 16 hours or more.
 */

/** Where the name goes and in which case: «выдан Семёновой Ольге Ивановне» (dative) or «…, что Семёнова Ольга Ивановна …». */
export const CERTIFICATE_NAME_CASES = ['dative', 'nominative'] as const;
export type CertificateNameCase = (typeof CERTIFICATE_NAME_CASES)[number];
export const CERTIFICATE_NAME_CASE_LABELS: Record<CertificateNameCase, string> = {
  dative: 'кому? — «выдан Семёновой Ольге Ивановне»',
  nominative: 'кто? — «подтверждает, что Семёнова Ольга Ивановна»',
};

/** The words of the text the sentence may use; anything else in braces is refused when saved. */
export const CERTIFICATE_PLACEHOLDERS = {
  '{он}': '«он» или «она»',
  '{принял}': '«принял» или «приняла»',
  '{мероприятие}': 'название мероприятия в кавычках',
  '{даты}': 'дни мероприятия: «16–18 октября 2018 года»',
  '{часы}': '«в объёме 18 часов», если у мероприятия указаны часы',
} as const;

const templateText = (what: string, max: number) =>
  optionalText(what, max).superRefine((text, ctx) => {
    const unknown = (text.match(/\{[^}]*\}/g) ?? []).filter((p) => !(p in CERTIFICATE_PLACEHOLDERS));
    if (unknown.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `Неизвестная подстановка ${unknown[0]}: можно ${Object.keys(CERTIFICATE_PLACEHOLDERS).join(', ')}`,
      });
  });

/** The layout settings the center edits (Сертификаты → Оформление). */
export const certificateLayoutSettings = z
  .object({
    centerName: requiredText('Наименование центра', 300),
    /** Above the name: «Настоящий сертификат выдан». */
    lead: templateText('Текст перед именем', 200),
    nameCase: z.enum(CERTIFICATE_NAME_CASES, { error: 'Выберите падеж имени' }),
    /** After the name: «в том, что {он} {принял} участие в {мероприятие} {даты}{часы}.» */
    text: templateText('Текст после имени', 600),
    signerPosition: requiredText('Должность подписывающего', 200),
    signerName: requiredText('Подписывающий (И.О. Фамилия)', 100),
    /** «М.П.» at the seal's place beside the signature. */
    sealPlace: z.boolean({ error: 'Укажите, печатать ли «М.П.»' }),
    logoWidthMm: z
      .number({ error: 'Укажите ширину логотипа' })
      .int('Ширина логотипа — целое число миллиметров')
      .min(10, 'Логотип не уже 10 мм')
      .max(80, 'Логотип не шире 80 мм'),
    /** The export to the shared folder carries the certificates only when the center says so (they hold names). */
    exportWithDocuments: z.boolean({ error: 'Укажите, выгружать ли сертификаты' }),
  })
  .strict();
export type CertificateLayoutSettings = z.output<typeof certificateLayoutSettings>;

export interface CertificateLayout {
  settings: CertificateLayoutSettings;
  /** The logo from the file store (PNG or JPEG), or none. */
  logo: { hash: string; name: string } | null;
  /** False until the center first saves the layout: the defaults come from its profile. */
  saved: boolean;
}

export type CandidateState = 'eligible' | 'issued' | 'notCompleted';

export interface CertificateCandidate {
  participantId: number;
  personId: number;
  fullName: string;
  organizationName: string | null;
  state: CandidateState;
  /** Why not: «1 из 3 занятий (нужно не менее 60 %)», «роль — выступающий». */
  reason: string;
  /** The stored gender; null means the dialog must ask before issuing. */
  gender: Gender | null;
  /** The valid certificate's number when issued: «№ 2018-001». */
  numberLabel: string | null;
}

export interface CertificateCandidates {
  eventId: number;
  title: string;
  /** Null when certificates may be issued; otherwise why not for the whole event. */
  refusal: string | null;
  candidates: CertificateCandidate[];
}

export interface IssuedCertificates {
  issued: { id: number; numberLabel: string; fullName: string }[];
  /** Skipped: they already hold a valid certificate of this event. */
  alreadyIssued: string[];
}

export const CERTIFICATE_STATUSES = ['valid', 'annulled'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export interface CertificateRow {
  id: number;
  year: number;
  number: number;
  /** «№ 2018-017». */
  numberLabel: string;
  issuedOn: string;
  fullName: string;
  organizationName: string;
  eventId: number;
  eventTitle: string;
  eventDates: string;
  status: CertificateStatus;
  annulledOn: string | null;
  annulReason: string;
  /** The number that replaced this one, or the one this one replaced. */
  replacedBy: string | null;
  replaces: string | null;
}

export const CERTIFICATE_SORTS = ['number', 'name', 'event'] as const;

const genders = z
  .record(z.string().regex(/^\d+$/, 'Неверный идентификатор специалиста'), z.enum(GENDERS, { error: 'Укажите пол: мужской или женский' }))
  .refine((r) => Object.keys(r).length <= 500, 'Слишком много записей')
  .default({});

const ids = (max: number) =>
  z
    .array(id, { error: 'Выберите сертификаты' })
    .min(1, 'Выберите хотя бы один сертификат')
    .max(max, `Не больше ${max} сертификатов за раз`);

export const certificatesCalls = {
  'certificates.candidates': call(z.object({ eventId: id }).strict())
    .reads('events', 'certificates', 'names')
    .returns<CertificateCandidates>(),
  /**
   * Issues certificates to the participants given, all or none: refused, with nothing written,
   * if anyone of them did not complete the event by its rule or has no gender on record and none
   * is given (the dialog asks; lvovich's guess is never used). Genders given are saved to the registry.
   */
  'certificates.issue': call(
    z
      .object({
        eventId: id,
        participantIds: z
          .array(id, { error: 'Выберите участников' })
          .min(1, 'Выберите хотя бы одного участника')
          .max(500, 'Не больше 500 сертификатов за раз'),
        genders,
      })
      .strict(),
  )
    .db(['certificates'], REFUSED.issue, { mayChange: ['people', 'names'] })
    .returns<IssuedCertificates>(),
  /**
   * «Выдать взамен»: the certificate is annulled with its reason and a new one, with a new
   * number of this year, is issued from today's data (a corrected name). Printing the same
   * certificate again is just its download.
   */
  'certificates.reissue': call(z.object({ id, reason: requiredText('Причина', 300) }).strict())
    .db(['certificates'], REFUSED.issue)
    .returns<{ id: number; numberLabel: string }>(),
  'certificates.list': call(
    z
      .object({
        ...page,
        search,
        year: year.nullable().default(null),
        eventId: id.nullable().default(null),
        sort: z.enum(CERTIFICATE_SORTS).default('number'),
        dir: z.enum(['asc', 'desc']).default('desc'),
      })
      .strict(),
  )
    .reads('certificates')
    .returns<Page<CertificateRow>>(),
  'certificates.years': call(z.object({}).strict().default({})).reads('certificates').returns<number[]>(),
  /** One Word file, a page per certificate, in the order given (the issue order: alphabetical). */
  'certificates.docx': call(z.object({ ids: ids(1000) }).strict())
    .reads('certificates')
    .returns<FileOutput>(),
  /** The same pages for the print view; `images` are the logos as data: URIs by their hash. */
  'certificates.view': call(z.object({ ids: ids(1000) }).strict())
    .reads('certificates')
    .returns<{ spec: DocumentSpec; images: Record<string, string> }>(),
  /** A PDF of the same pages, made by the Electron window (refused in the browser, which prints to PDF itself). */
  'certificates.pdf': call(z.object({ ids: ids(1000) }).strict())
    .reads('certificates')
    .returns<FileOutput>(),
  'certificates.registerXlsx': call(z.object({ year }).strict()).reads('certificates').returns<FileOutput>(),
  'certificates.layout': call(z.object({}).strict().default({})).reads('certificates', 'profile', 'files').returns<CertificateLayout>(),
  'certificates.setLayout': call(z.object({ settings: certificateLayoutSettings, logoHash: fileHash.nullable() }).strict())
    .db(['certificates'], REFUSED.save)
    .returns<CertificateLayout>(),
};
