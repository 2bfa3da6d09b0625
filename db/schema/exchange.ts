import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { columnRules, jsonText } from './rules';
import type { TablePolicies } from './tablePolicy';

export const EXPORT_STATUSES = ['running', 'ok', 'failed', 'cancelled'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** Who started an export: the window or a scheduled command line. */
export const EXPORT_ORIGINS = ['ui', 'cli'] as const;
export type ExportOrigin = (typeof EXPORT_ORIGINS)[number];

/**
 * Every export to the shared folder, kept so the user sees what left the PC, when and where,
 * and can retry a failed one. `files` holds the JSON list of files written (and, while the
 * export runs, the temporary names it uses), so the next export can remove its own leftovers.
 */
export const exportLog = sqliteTable(
  'export_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    startedAt: text('started_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    finishedAt: text('finished_at'),
    /** JSON array of kinds (`plan`, `minutes`, `data`, …). */
    kinds: jsonText('kinds', { shape: 'array' }).notNull(),
    targetFolder: text('target_folder').notNull(),
    centerCode: text('center_code').notNull(),
    year: integer('year').notNull(),
    status: text('status', { enum: EXPORT_STATUSES }).notNull().default('running'),
    /** A scheduled export shows up in the same log. */
    origin: text('origin', { enum: EXPORT_ORIGINS }).notNull().default('ui'),
    /** JSON array of written files, see `ExportedFile` in the exchange contract. */
    files: jsonText('files', { shape: 'array' }).notNull().default('[]'),
    /** JSON array of paths (relative to the folder) this export created and must remove if it does not finish. */
    leftovers: jsonText('leftovers', { shape: 'array' }).notNull().default('[]'),
    /** Russian, shown as is. */
    errorMessage: text('error_message'),
    /** The failed export this one repeats. */
    retryOf: integer('retry_of').references((): AnySQLiteColumn => exportLog.id, { onDelete: 'set null' }),
    /**
     * The process running this export (the app or a scheduled command line, both on this PC):
     * while it lives, another process must not take the row for an interrupted export.
     */
    ownerPid: integer('owner_pid'),
    /** Renewed while the export runs: a process id Windows handed to another program does not keep a dead row alive. */
    heartbeatAt: text('heartbeat_at'),
  },
  (t) => [index('export_log_started').on(t.startedAt), ...columnRules(t)],
);

/** The export log says what left this PC, where to: the center's own record, not the coordinator's. */
export const exchangeTablePolicies: TablePolicies = {
  export_log: { label: 'Журнал выгрузок', package: 'none' },
};
