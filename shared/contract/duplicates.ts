import { z } from 'zod';
import { call, REFUSED, type CallDef } from './define';
import { id, page, type Page } from './common';

/**
 * Duplicate people and organisations of the registry (issue 18): pairs found field by field,
 * merged with every reference re-pointed, the merge undone in one step from the undo journal.
 */

export const DUPLICATE_TARGETS = ['person', 'organization'] as const;
export type DuplicateTarget = (typeof DUPLICATE_TARGETS)[number];

/** совпадает / различается / неизвестно (one side empty, or only an initial to go by). */
export type FieldVerdict = 'same' | 'different' | 'unknown';
export const FIELD_VERDICT_LABELS: Record<FieldVerdict, string> = {
  same: 'совпадает',
  different: 'различается',
  unknown: 'неизвестно',
};

export const PERSON_FIELDS = ['lastName', 'firstName', 'middleName', 'organizationId', 'phone', 'email'] as const;
export const ORGANIZATION_FIELDS = ['fullName', 'shortName', 'municipalityId', 'type'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export type OrganizationField = (typeof ORGANIZATION_FIELDS)[number];

export interface FieldComparison {
  field: PersonField | OrganizationField;
  /** «Фамилия», «Имя», «Муниципальное образование». */
  label: string;
  /** The values as shown, '' for an empty one. */
  left: string;
  right: string;
  verdict: FieldVerdict;
  /** Why, when the verdict is not plain: «только инициал», «не указано у второй записи». */
  note?: string;
}

/** «вероятно, один человек» / «возможно, один человек». */
export type CandidateLevel = 'likely' | 'possible';

export interface DuplicateSide {
  id: number;
  /** «Иванова Мария Петровна», «МБОУ «СОШ №1»». */
  label: string;
  /** Position and organisation, or the organisation's municipality. */
  description: string;
  /** How many records refer to it: «в 3 заседаниях (участник)…», '' when none. */
  usage: string;
}

export interface DuplicatePair {
  target: DuplicateTarget;
  left: DuplicateSide;
  right: DuplicateSide;
  level: CandidateLevel;
  /** The rule that made it a candidate, in words: «фамилия, имя и отчество совпадают». */
  reason: string;
  fields: FieldComparison[];
}

/** A row each of the two would have in one record (both attended one meeting): one must go. */
export interface MergeConflict {
  /** The referring table and the unique key the two rows share, to name the resolution. */
  key: string;
  /** «Заседание № 3 от 12.09.2017 (участник)». */
  record: string;
  /** What each row says beyond the key, for choosing: «отмечен присутствующим», «рег. № 5». */
  keptRow: string;
  mergedRow: string;
  /** What happens beyond deleting one row, whichever stays: «Председатель комиссии останется председателем…». */
  note?: string;
}

/** A field of the record as each of the two has it, for choosing whose value the kept record gets. */
export interface MergeField {
  field: PersonMergeField | OrganizationMergeField;
  /** «Должность», «Согласие на обработку персональных данных». */
  label: string;
  /** As shown, '' for an empty one: «учитель», «дано 12.03.2024». */
  kept: string;
  merged: string;
}

export interface MergePreview {
  pair: DuplicatePair;
  /** Every field the merge can take from either record, the kept record's orientation. */
  fields: MergeField[];
  conflicts: MergeConflict[];
  /** What re-pointing moves, in words: «в 2 заседаниях (участник) и в 1 мероприятии (участник)». */
  moves: string;
}

export interface MergeResult {
  keptId: number;
  /** «Объединены специалисты …». */
  label: string;
}

/** A pair she declared two records («Это разные люди», «Это разные организации»): listed to revoke. */
export interface DistinctPair {
  target: DuplicateTarget;
  left: DuplicateSide;
  right: DuplicateSide;
  /** When it was declared, an ISO stamp. */
  declaredAt: string;
}

/** Two records of one kind, in either order: the service stores them lower id first. */
const twoRecords = z
  .object({ target: z.enum(DUPLICATE_TARGETS), leftId: id, rightId: id })
  .strict()
  .refine((i) => i.leftId !== i.rightId, { message: 'Запись не может отличаться сама от себя', path: ['rightId'] });
export type TwoRecordsInput = z.output<typeof twoRecords>;

const pair = {
  /** The record that stays. */
  keepId: id,
  /** The record merged into it and removed. */
  mergeId: id,
};

/** For each conflict, whose row stays: the kept record's or the merged one's. */
const resolutions = z
  .array(z.object({ key: z.string().min(1).max(300), keep: z.enum(['kept', 'merged']) }).strict())
  .max(2000)
  .default([]);

const chosen = <F extends readonly [string, ...string[]]>(fields: F) =>
  z
    .array(z.enum(fields, { error: 'Неизвестное поле записи' }))
    .max(fields.length)
    .default([]);

export const mergePeopleInput = z
  .object({
    ...pair,
    /** The fields taken from the merged person; every other field stays the kept one's. */
    fromMerged: chosen([...PERSON_FIELDS, 'position', 'pdConsent', 'gender']),
    resolutions,
  })
  .strict()
  .refine((i) => i.keepId !== i.mergeId, { message: 'Нельзя объединить запись саму с собой', path: ['mergeId'] });

export const mergeOrganizationsInput = z
  .object({
    ...pair,
    fromMerged: chosen([...ORGANIZATION_FIELDS, 'address', 'phone', 'email']),
    resolutions,
  })
  .strict()
  .refine((i) => i.keepId !== i.mergeId, { message: 'Нельзя объединить запись саму с собой', path: ['mergeId'] });

export type MergePeopleInput = z.output<typeof mergePeopleInput>;
export type MergeOrganizationsInput = z.output<typeof mergeOrganizationsInput>;
export type PersonMergeField = MergePeopleInput['fromMerged'][number];
export type OrganizationMergeField = MergeOrganizationsInput['fromMerged'][number];

export const duplicatesCalls = {
  /** Candidate pairs, the likely ones first, then in the Russian order of the first record's name. */
  'registry.duplicateCandidates': call(z.object({ target: z.enum(DUPLICATE_TARGETS), ...page }).strict())
    .reads('people', 'organizations', 'municipalities', 'names')
    .returns<Page<DuplicatePair>>(),
  /** The pair compared, and the rows that would collide if `mergeId` were merged into `keepId`. */
  'registry.mergePreview': call(z.object({ target: z.enum(DUPLICATE_TARGETS), ...pair }).strict())
    .reads('people', 'organizations', 'municipalities', 'names', 'workPlan', 'meetings', 'events', 'certificates', 'publications')
    .returns<MergePreview>(),
  /**
   * «Это разные люди» / «разные организации»: the pair is never a candidate again (nor in an
   * import's preview); undoable, and revoked from the list of such pairs.
   */
  'registry.declareDistinct': call(twoRecords)
    .db(['undo'], REFUSED.save, { mayChange: ['people', 'organizations'] })
    .returns<null>(),
  'registry.revokeDistinct': call(twoRecords)
    .db(['undo'], REFUSED.cancel, { mayChange: ['people', 'organizations'] })
    .returns<null>(),
  /** The pairs declared distinct, the latest first. */
  'registry.distinctPairs': call(z.object({ target: z.enum(DUPLICATE_TARGETS), ...page }).strict())
    .reads('people', 'organizations', 'municipalities', 'names')
    .returns<Page<DistinctPair>>(),
  'registry.mergePeople': call(mergePeopleInput)
    .db(['people', 'names', 'undo', 'workPlan', 'meetings', 'events', 'certificates', 'publications'], REFUSED.merge)
    .returns<MergeResult>(),
  'registry.mergeOrganizations': call(mergeOrganizationsInput)
    .db(['organizations', 'people', 'names', 'profile', 'undo', 'workPlan', 'meetings', 'events', 'publications'], REFUSED.merge)
    .returns<MergeResult>(),
} satisfies Record<string, CallDef<z.ZodType, unknown>>;
