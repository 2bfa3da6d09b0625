import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DIRECTIONS, PLAN_STATUSES, TERM_KINDS } from '@shared/enums';
import { organizations, people } from './registry';
import { listValues, type ListReference } from './lists';
import { linkReference, type RegistryReference } from './references';
import { columnRules, jsonText, orderedList, positionRules, timestamps } from './rules';
import type { TablePolicies } from './tablePolicy';

export { DIRECTIONS, PLAN_STATUSES, TERM_KINDS, type Direction, type PlanStatus, type TermKind } from '@shared/enums';

export const workPlans = sqliteTable(
  'work_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull().unique(),
    /** Date of the director's approval shown in the «УТВЕРЖДАЮ» block, if set. */
    approvedOn: text('approved_on'),
    /**
     * The copy for approval as it was when the approval date was set (a frozen document, JSON with
     * its version): the approved plan prints from it, whatever is edited later. Null while not approved.
     */
    approvedSnapshot: jsonText('approved_snapshot', { shape: 'object' }),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [...columnRules(t)],
);

export const planItems = sqliteTable(
  'plan_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => workPlans.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: DIRECTIONS }).notNull(),
    /** Order within the direction, as the methodologist arranged it. */
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** «Семинар»: a value of the list of plan forms (Настройки → Списки). */
    formId: integer('form_id')
      .notNull()
      .references(() => listValues.id, { onDelete: 'restrict' }),
    termKind: text('term_kind', { enum: TERM_KINDS }).notNull(),
    /** The term as given: `YYYY-MM-DD` for a date, `1`–`12` for a month, `1`–`4` for a quarter, empty for the year. */
    termValue: text('term_value').notNull().default(''),
    /** First and last day the term covers, derived from kind and value, for filtering by quarter and sorting. */
    termStart: text('term_start').notNull(),
    termEnd: text('term_end').notNull(),
    targetAudience: text('target_audience').notNull().default(''),
    /**
     * The methodologist's own status. What the plan shows is derived when read: «выполнено» once
     * a realising record (plan_item_links) is final, unless the item is recurring.
     */
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('planned'),
    /** Her own note; the realising records are listed beside it, never written into it. */
    resultNote: text('result_note').notNull().default(''),
    /**
     * Done several times over the year (a monthly consultation): one realising record does not
     * close it. An item whose term is «в течение года» is treated the same way.
     */
    recurring: integer('recurring', { mode: 'boolean' }).notNull().default(false),
    searchText: text('search_text').notNull(),
    ...timestamps(),
  },
  (t) => [
    ...positionRules(t.position, [t.planId, t.direction]),
    index('plan_items_term').on(t.planId, t.termStart),
    index('plan_items_form').on(t.formId),
    ...columnRules(t),
  ],
);

export const planItemOrder = orderedList(planItems, planItems.position, [planItems.planId, planItems.direction]);

export const planItemResponsibles = sqliteTable(
  'plan_item_responsibles',
  {
    planItemId: integer('plan_item_id')
      .notNull()
      .references(() => planItems.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.planItemId, t.personId] }), index('plan_item_responsibles_person').on(t.personId)],
);

export const planItemPartners = sqliteTable(
  'plan_item_partners',
  {
    planItemId: integer('plan_item_id')
      .notNull()
      .references(() => planItems.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.planItemId, t.organizationId] }), index('plan_item_partners_org').on(t.organizationId)],
);

const PLAN_ITEM = ['мероприятии плана работы', 'мероприятиях плана работы', 'мероприятиях плана работы'] as const;

export const workPlanReferences: RegistryReference[] = [
  linkReference('person', planItemResponsibles.personId, planItemResponsibles.planItemId, 'planItem', PLAN_ITEM, 'ответственный'),
  linkReference('organization', planItemPartners.organizationId, planItemPartners.planItemId, 'planItem', PLAN_ITEM, 'партнёр'),
];

export const workPlanListReferences: ListReference[] = [
  { list: 'planForms', column: planItems.formId, inForms: ['мероприятии плана', 'мероприятиях плана', 'мероприятиях плана'] },
];

export const workPlanTablePolicies: TablePolicies = {
  work_plans: { label: 'Планы работы', package: 'all' },
  plan_items: { label: 'Мероприятия планов', package: 'all' },
  plan_item_responsibles: { package: 'all' },
  plan_item_partners: { package: 'all' },
};
