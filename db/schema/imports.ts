import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { IMPORT_TARGETS } from '@shared/contract/importEnums';
import { events } from './events';
import { columnRules, jsonText, stamp } from './rules';
import type { TablePolicies } from './tablePolicy';

/**
 * The reports of imports from files (issue 17), kept with the event whose participants came in
 * or with the registry: what each row of the file became — found, added, or left out and why.
 * A report is written in the same transaction as the rows it describes.
 */
export const importReports = sqliteTable(
  'import_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    target: text('target', { enum: IMPORT_TARGETS }).notNull(),
    /** The event's own part: its participants' import goes with it. */
    eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** The encoding a CSV was read in; null for an .xlsx. */
    encoding: text('encoding'),
    matched: integer('matched').notNull(),
    added: integer('added').notNull(),
    rejected: integer('rejected').notNull(),
    /** ImportLine[] (shared/contract/imports.ts). */
    lines: jsonText('lines', { shape: 'array' }).notNull(),
    skipped: jsonText('skipped', { shape: 'array' }).notNull(),
    stripped: jsonText('stripped', { shape: 'array' }).notNull(),
    importedAt: text('imported_at').notNull().default(stamp),
  },
  (t) => [
    index('import_reports_event').on(t.eventId),
    check('import_reports_event_target', sql`(${t.target} = 'participants') = (${t.eventId} IS NOT NULL)`),
    check('import_reports_counts', sql`${t.matched} >= 0 AND ${t.added} >= 0 AND ${t.rejected} >= 0`),
    ...columnRules(t),
  ],
);

export const importsTablePolicies: TablePolicies = {
  // The center's own log, with people's names and contacts as the file had them: it stays on the PC.
  import_reports: { label: 'Отчёты об импорте', package: 'none' },
};
