import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { INDICATOR_ROLES, YEARLY_RULES } from '@shared/contract/indicatorEnums';
import { listValues, type ListReference } from './lists';
import { municipalities } from './registry';
import { columnRules, timestamps } from './rules';
import type { TablePolicies } from './tablePolicy';

export { INDICATOR_ROLES, YEARLY_RULES, type IndicatorRole, type YearlyRule } from '@shared/contract/indicatorEnums';

/**
 * What the catalogue says of an indicator beyond its name: the indicator itself is a value of the
 * editable list «Показатели мониторинга» (list_values, list = 'indicators'), so it is renamed,
 * ordered, archived and guarded against deletion like every list value; this row is its own part
 * (CASCADE) and comes back with it when a deletion is undone. A value added on the lists screen has
 * no row yet: it reads as a sum of quarters in «ед.» until the catalogue sets it.
 */
export const indicatorDefinitions = sqliteTable(
  'indicator_definitions',
  {
    indicatorId: integer('indicator_id')
      .primaryKey()
      .references(() => listValues.id, { onDelete: 'cascade' }),
    /** After a number, in the genitive plural: «случаев», «детей», «посещений». */
    unit: text('unit').notNull().default('ед.'),
    /** The heading it is shown under: «Замещающие семьи». */
    groupName: text('group_name').notNull().default(''),
    rule: text('rule', { enum: YEARLY_RULES }).notNull().default('sum'),
    /** Only whole non-negative numbers (counts); otherwise a fraction is accepted. */
    whole: integer('whole', { mode: 'boolean' }).notNull().default(true),
    /** What a contradiction check knows it as (cases opened, closed, on support). */
    role: text('role', { enum: INDICATOR_ROLES }),
    /** The indicator this one is never below in the same cell: children in cases ≥ cases. */
    atLeastId: integer('at_least_id').references(() => listValues.id, { onDelete: 'restrict' }),
    /**
     * A `computed` indicator's source: a key of the sources the registers contribute
     * (electron/services/indicators/sources.ts, «events.trained»). Plain text, checked by the
     * service against that list, so a register adding a source needs no table rebuild.
     */
    source: text('source'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('indicator_definitions_role_unique').on(t.role),
    check('indicator_definitions_source', sql.raw(`(rule = 'computed') = (source IS NOT NULL)`)),
    ...columnRules(t),
  ],
);

/**
 * A figure as its source gave it, never split: a quarter or a whole year (`quarter` null), for one
 * municipality of the segment or for the whole segment (`municipality_id` null). The seed's 2014–2016
 * figures are whole years of the whole segment; the curators' quarterly forms are quarters by
 * municipality. One figure per indicator, year, quarter and municipality.
 */
export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => listValues.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    quarter: integer('quarter'),
    municipalityId: integer('municipality_id').references(() => municipalities.id, { onDelete: 'restrict' }),
    value: real('value').notNull(),
    ...timestamps(),
  },
  (t) => [
    // One figure per cell. The quarter and the municipality may each be absent (a whole year, the
    // whole segment), and NULLs are distinct in a unique index: one partial index per grain.
    uniqueIndex('indicator_values_cell_unique')
      .on(t.indicatorId, t.year, t.quarter, t.municipalityId)
      .where(sql.raw('quarter IS NOT NULL AND municipality_id IS NOT NULL')),
    uniqueIndex('indicator_values_segment_quarter_unique')
      .on(t.indicatorId, t.year, t.quarter)
      .where(sql.raw('quarter IS NOT NULL AND municipality_id IS NULL')),
    uniqueIndex('indicator_values_municipality_year_unique')
      .on(t.indicatorId, t.year, t.municipalityId)
      .where(sql.raw('quarter IS NULL AND municipality_id IS NOT NULL')),
    uniqueIndex('indicator_values_segment_year_unique')
      .on(t.indicatorId, t.year)
      .where(sql.raw('quarter IS NULL AND municipality_id IS NULL')),
    index('indicator_values_year').on(t.year),
    check('indicator_values_quarter', sql.raw('quarter IS NULL OR quarter BETWEEN 1 AND 4')),
    check('indicator_values_year_range', sql.raw('year BETWEEN 1990 AND 2100')),
    check('indicator_values_value', sql.raw('value >= 0')),
    ...columnRules(t),
  ],
);

export const indicatorsListReferences: ListReference[] = [
  {
    list: 'indicators',
    column: indicatorDefinitions.atLeastId,
    inForms: ['проверке показателя', 'проверках показателей', 'проверках показателей'],
  },
  {
    list: 'indicators',
    column: indicatorValues.indicatorId,
    inForms: ['значении мониторинга', 'значениях мониторинга', 'значениях мониторинга'],
  },
];

/** The figures are what the regional coordinator collects: all of them travel in the package. */
export const indicatorsTablePolicies: TablePolicies = {
  indicator_definitions: { label: 'Показатели мониторинга', package: 'all' },
  indicator_values: { label: 'Значения показателей мониторинга', package: 'all' },
};
