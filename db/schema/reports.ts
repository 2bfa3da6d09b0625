import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { REPORT_STATUSES } from '@shared/contract/reportEnums';
import { columnRules, jsonText, stamp } from './rules';
import type { TablePolicies } from './tablePolicy';

/**
 * Отчёт о работе за год (issue 23), and its quarterly variant: one row per period. The sections
 * are read from the registers every time, never stored; what the row keeps is what people add —
 * the narrative paragraphs with the figures they saw (shared/narrative) — and, once approved, the
 * frozen copy (electron/services/reports/approval.ts) every later download renders. Unlocking an
 * approved report keeps its reason in `unlocks`, as signed minutes keep theirs.
 */
export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    /** 0: the whole year; 1–4: a quarter. */
    quarter: integer('quarter').notNull().default(0),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    /** Paragraph key → `Narrative` ({text, seen}), zod-parsed on read. */
    narrative: jsonText('narrative', { shape: 'object' }).notNull(),
    approvedOn: text('approved_on'),
    /** The frozen copy: `{version, data}` of reports/approval.ts. */
    approvedCopy: jsonText('approved_copy', { shape: 'object' }),
    /** Every unlock of an approved report: `[{reason, on, at}]`. */
    unlocks: jsonText('unlocks', { shape: 'array' })
      .notNull()
      .default(sql`'[]'`),
    createdAt: text('created_at').notNull().default(stamp),
    updatedAt: text('updated_at').notNull().default(stamp),
  },
  (t) => [
    uniqueIndex('reports_period_unique').on(t.year, t.quarter),
    check('reports_year', sql`${t.year} BETWEEN 2000 AND 2100`),
    check('reports_quarter', sql`${t.quarter} BETWEEN 0 AND 4`),
    check(
      'reports_approval',
      sql`(${t.status} = 'draft' AND ${t.approvedOn} IS NULL AND ${t.approvedCopy} IS NULL) OR (${t.status} = 'approved' AND ${t.approvedOn} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND ${t.approvedCopy} IS NOT NULL)`,
    ),
    ...columnRules(t),
  ],
);

export const reportsTablePolicies: TablePolicies = {
  reports: { label: 'Отчёты о работе', package: 'all' },
};
