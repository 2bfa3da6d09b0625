import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { columnRules, jsonText } from './rules';
import type { TablePolicies } from './tablePolicy';

/**
 * The undo journal: what a change removed or overwrote, so it can be taken back in one
 * transaction, also after a restart (see db/journal.ts). `payload` holds the row images as
 * JSON. Entries are kept for a limited time: a deleted person's data must not linger.
 */
export const undoJournal = sqliteTable(
  'undo_journal',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    /** Russian, shown as is: «Удалён специалист Иванова Мария Петровна». */
    label: text('label').notNull(),
    payload: jsonText('payload', { shape: 'object' }).notNull(),
    undoneAt: text('undone_at'),
  },
  (t) => [index('undo_journal_created').on(t.createdAt), ...columnRules(t)],
);

/** The journal holds deleted personal data for a while: it never leaves the PC. */
export const undoTablePolicies: TablePolicies = {
  undo_journal: { package: 'none' },
};
