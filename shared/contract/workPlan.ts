import { z } from 'zod';
import { DIRECTIONS, PLAN_STATUSES, type Direction, type PlanStatus } from '@shared/enums';
import { call, REFUSED, type CallDef, type FileOutput } from './define';
import { id, isoDate, optionalText, requiredText, search, year } from './common';
import type { DocumentSpec } from '@shared/documents/model';

/** The yearly work plan (план работы на год) and its items (мероприятия плана). */

/** When an item is due, as precisely as the methodologist knows it. */
export type Term =
  { kind: 'date'; date: string } | { kind: 'month'; month: number } | { kind: 'quarter'; quarter: number } | { kind: 'year' };

export interface WorkPlanSummaryRow {
  year: number;
  approvedOn: string | null;
  itemCount: number;
  doneCount: number;
}

export interface WorkPlan {
  id: number;
  year: number;
  /** Date of the director's approval (ISO), shown in the «УТВЕРЖДАЮ» block. */
  approvedOn: string | null;
  /** The copy for approval was frozen when the date was set: later edits do not reach it. */
  approvalFrozen: boolean;
  itemCount: number;
}

/**
 * The plan's Word documents: the copy for approval (the plan as planned, without the
 * execution column; frozen at approval) and the execution report (with it, as of today).
 */
export const PLAN_DOCUMENTS = ['approval', 'report'] as const;
export type PlanDocument = (typeof PLAN_DOCUMENTS)[number];

export interface PlanItemLink {
  id: number;
  label: string;
}

/** A record that realises the item (plan_item_links): today a meeting, later an event, a publication, a news item. */
export interface Realisation {
  /** A meeting, an event, a publication (realised once a print run of it is received), a news item (once published). */
  kind: 'meeting' | 'event' | 'publication' | 'newsItem';
  /** The realising record's id (the meeting's, also when it realises the item through an agenda question; the event's; the publication's). */
  id: number;
  /** «заседание №3 от 12.09.2017», «семинар, 16.10.2018 – 18.10.2018». */
  label: string;
  date: string;
  /** In its final state (a meeting held or signed): it closes an item that is not recurring. */
  final: boolean;
  /** A news item's meeting or event, where it opens. */
  newsOf?: { kind: 'meeting' | 'event'; recordId: number };
}

/** An item of the year's plan offered to another register's record (a meeting, an event) to realise. */
export interface PlanCandidate {
  id: number;
  title: string;
  direction: Direction;
  form: string;
  termLabel: string;
  termStart: string;
  status: PlanStatus;
  /** Already linked to a record of the kinds the asking register counts. */
  used: boolean;
}

export interface PlanItem {
  id: number;
  year: number;
  direction: Direction;
  position: number;
  /** «1.3»: the direction's number and the item's place in it, as printed in the plan. */
  number: string;
  title: string;
  /** The form of work: a value of the editable list «Формы работы», and its text. */
  formId: number;
  form: string;
  term: Term;
  /** The term in Russian: «12.09.2017», «сентябрь», «III квартал», «в течение года». */
  termLabel: string;
  termStart: string;
  termEnd: string;
  targetAudience: string;
  /**
   * What the plan shows: «выполнено» as soon as a realising record is final (unless the item
   * closes only by hand, see closedByRecord), otherwise her own status.
   */
  status: PlanStatus;
  /** The methodologist's own status, as she set it. */
  ownStatus: PlanStatus;
  /** Her own note; realising records are listed in `realisations`, never written into it. */
  resultNote: string;
  /** Marked as done several times over the year. */
  recurring: boolean;
  /** False for a recurring item or one due «в течение года»: realisations are counted, she closes it herself. */
  closedByRecord: boolean;
  /** The records realising the item, by date. */
  realisations: Realisation[];
  /** People as «Фамилия И.О.», in Russian alphabetical order. */
  responsibles: PlanItemLink[];
  partners: PlanItemLink[];
  /** Whether the item can move up / down within its direction. */
  isFirst: boolean;
  isLast: boolean;
}

export interface StatusCounts {
  total: number;
  planned: number;
  done: number;
  moved: number;
  cancelled: number;
  /** Done items as a whole percentage of all items (0 when there are none). */
  donePercent: number;
}

export interface PlanExecution {
  year: number;
  rows: (StatusCounts & { direction: Direction; label: string })[];
  total: StatusCounts;
}

export interface CopyResult {
  targetYear: number;
  /** Planned and moved items carried into the next year. */
  carried: number;
  /** Done and cancelled items left in the source year. */
  leftDone: number;
  leftCancelled: number;
}

/** Everything the Word and Excel documents and the print view show. */
export interface PlanDocumentData {
  year: number;
  approvedOn: string | null;
  centerFullName: string;
  centerShortName: string;
  directorName: string;
  directorPosition: string;
  groups: { direction: Direction; number: number; label: string; items: PlanItem[] }[];
}

const termMessage = 'Выберите, как указан срок: дата, месяц, квартал или весь год';

export const termInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('date'), date: isoDate('Срок') }).strict(),
    z
      .object({
        kind: z.literal('month'),
        month: z.number({ error: 'Выберите месяц' }).int('Выберите месяц').min(1, 'Выберите месяц').max(12, 'Выберите месяц'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('quarter'),
        quarter: z.number({ error: 'Выберите квартал' }).int('Выберите квартал').min(1, 'Выберите квартал').max(4, 'Выберите квартал'),
      })
      .strict(),
    z.object({ kind: z.literal('year') }).strict(),
  ],
  { error: termMessage },
);

const ids = (what: string) => z.array(id).max(50, `Слишком много записей в поле «${what}»`).default([]);

export const planItemInput = z
  .object({
    direction: z.enum(DIRECTIONS, { error: 'Выберите направление' }),
    title: requiredText('Мероприятие', 1000),
    formId: z.number({ error: 'Выберите форму' }).int('Выберите форму').positive('Выберите форму'),
    term: termInput,
    responsibleIds: ids('Ответственные'),
    partnerIds: ids('Партнёры'),
    targetAudience: optionalText('Целевая аудитория', 1000),
    status: z.enum(PLAN_STATUSES, { error: 'Выберите статус' }).default('planned'),
    resultNote: optionalText('Отметка о выполнении', 2000),
    recurring: z.boolean().default(false),
  })
  .strict();

/** How many items a first answer holds, at most; null: all of them. */
const firstItems = z
  .number({ error: 'Укажите, сколько мероприятий показать' })
  .int('Укажите, сколько мероприятий показать')
  .min(1, 'Укажите, сколько мероприятий показать')
  .max(500, 'Не больше 500 мероприятий в первом ответе')
  .nullable()
  .default(null);

export const planItemsFilter = z
  .object({
    year,
    direction: z.enum(DIRECTIONS, { error: 'Неизвестное направление' }).nullable().default(null),
    status: z.enum(PLAN_STATUSES, { error: 'Неизвестный статус' }).nullable().default(null),
    quarter: z.number({ error: 'Выберите квартал' }).int().min(1, 'Квартал от 1 до 4').max(4, 'Квартал от 1 до 4').nullable().default(null),
    responsibleId: id.nullable().default(null),
    search,
    /**
     * Only the first this many matching items, in plan order: the screen's first paint asks for
     * the rows a window shows, then for the rest (a year holds 2,000 items at ten years of data).
     */
    first: firstItems,
  })
  .strict();

/** The plan screen's first paint: see `workPlan.opening`. */
export interface PlanOpening {
  years: WorkPlanSummaryRow[];
  /** The first of `preferred` that has a plan, else the latest plan's year; null with no plans. */
  year: number | null;
  plan: WorkPlan | null;
  /** The year's items with no filter, as `workPlan.items` gives them (with `first`: the first that many). */
  items: PlanItem[];
}

const byYear = z.object({ year }).strict();
const planDocument = z.object({ year, doc: z.enum(PLAN_DOCUMENTS, { error: 'Неизвестный документ плана' }) }).strict();
const byId = z.object({ id }).strict();

export const workPlanCalls = {
  /** Every year that has a plan, with how many items it holds. */
  'workPlan.years': call(z.object({}).strict().default({})).reads('workPlan').returns<WorkPlanSummaryRow[]>(),
  'workPlan.create': call(byYear).db(['workPlan'], REFUSED.create).returns<WorkPlan>(),
  'workPlan.get': call(byYear).reads('workPlan').returns<WorkPlan>(),
  /**
   * Everything the plan screen shows first, in one round trip: the years, the year to show (the
   * window asks for the one in its address, the one it last showed, this year — in that order),
   * its plan and its items. Otherwise the items wait for the years to arrive.
   */
  'workPlan.opening': call(z.object({ preferred: z.array(year).max(3, 'Не больше трёх лет').default([]), first: firstItems }).strict())
    .reads('workPlan', 'names', 'lists')
    .returns<PlanOpening>(),
  /** Setting the date freezes the copy for approval; clearing it lets the copy follow the plan again. */
  'workPlan.setApproval': call(z.object({ year, approvedOn: isoDate('Дата утверждения').nullable() }).strict())
    .db(['workPlan'], REFUSED.save)
    .returns<WorkPlan>(),
  /** The year's items matching the filters, ordered by direction, then by their place in it. */
  'workPlan.items': call(planItemsFilter).reads('workPlan', 'names', 'lists').returns<PlanItem[]>(),
  'workPlan.createItem': call(planItemInput.extend({ year }).strict()).db(['workPlan'], REFUSED.save).returns<PlanItem>(),
  'workPlan.updateItem': call(z.object({ id, data: planItemInput }).strict())
    .db(['workPlan'], REFUSED.save)
    .returns<PlanItem>(),
  /** A meeting or an agenda item that realised it loses the link, so meetings change too. */
  'workPlan.deleteItem': call(byId).db(['workPlan', 'meetings', 'events', 'news', 'undo'], REFUSED.delete).returns<null>(),
  'workPlan.moveItem': call(z.object({ id, to: z.enum(['up', 'down'], { error: 'Укажите, куда переместить' }) }).strict())
    .db(['workPlan'], REFUSED.move)
    .returns<null>(),
  'workPlan.setStatus': call(
    z
      .object({
        id,
        status: z.enum(PLAN_STATUSES, { error: 'Выберите статус' }),
        resultNote: optionalText('Отметка о выполнении', 2000),
      })
      .strict(),
  )
    .db(['workPlan'], REFUSED.save)
    .returns<PlanItem>(),
  /** Carries the unfinished items (planned, moved) into the next year's plan. */
  'workPlan.copyToNextYear': call(byYear).db(['workPlan'], REFUSED.copy).returns<CopyResult>(),
  'workPlan.summary': call(byYear).reads('workPlan').returns<PlanExecution>(),
  /** A plan document for the print view: the same blocks the Word file is rendered from. */
  'workPlan.documentView': call(planDocument).reads('workPlan', 'names', 'profile', 'lists').returns<DocumentSpec>(),
  'workPlan.exportDocx': call(planDocument).reads('workPlan', 'names', 'profile', 'lists').returns<FileOutput>(),
  /** The working copy in Excel: one row per item, to sort and filter. */
  'workPlan.exportXlsx': call(byYear).reads('workPlan', 'names', 'profile', 'lists').returns<FileOutput>(),
} satisfies Record<string, CallDef<z.ZodType, unknown>>;

export type PlanItemInput = z.input<typeof planItemInput>;
export type PlanItemData = z.output<typeof planItemInput>;
export type TermInput = z.output<typeof termInput>;
