import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { columnRules, jsonText, stamp } from './rules';
import type { TablePolicies } from './tablePolicy';

/**
 * The file store's index (electron/services/files): every attachment (a publication's file, a
 * certificate's logo, later photos) kept once under its SHA-256 in `<dataDir>/files/ab/abcdef…`,
 * whatever number of records and versions refer to it. A register refers to a file by a `hash`
 * column with a foreign key to this table and declares it in `fileReferences` below.
 */
export const storedFiles = sqliteTable(
  'stored_files',
  {
    /** SHA-256 of the content, 64 lower-case hex digits: also the file's name in the store. */
    hash: text('hash').primaryKey(),
    size: integer('size').notNull(),
    /** Sniffed from the content, not taken from the name or from the sender. */
    mime: text('mime').notNull(),
    /** The name the file had when it came (shown, offered when saving it again); never a path. */
    originalName: text('original_name').notNull(),
    createdAt: text('created_at').notNull().default(stamp),
  },
  (t) => [
    check('stored_files_hash', sql`length(${t.hash}) = 64 AND ${t.hash} NOT GLOB '*[^0-9a-f]*'`),
    check('stored_files_size', sql`${t.size} >= 0`),
    ...columnRules(t),
  ],
);

/** A register's column that refers to a stored file, and whether the file goes in the data package with its row. */
export interface FileReference {
  table: string;
  column: string;
  inPackage: boolean;
}

/** Every column referring to a stored file; a register that attaches files adds its own here. */
export const fileReferences: FileReference[] = [
  // The certificates' logo: the center's own layout, not sent in the package (certificate_layout is 'none').
  { table: 'certificate_layout', column: 'logo_hash', inPackage: false },
  // A publication's printed file (issue 22): in backups and restore through the store, not in the package.
  { table: 'publication_files', column: 'file_hash', inPackage: false },
];

/**
 * What happened on this PC: restores from a backup or a package. Kept across restores (the
 * rebuild carries these rows over from the database being replaced), never in the package.
 */
export const restoreLog = sqliteTable(
  'restore_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    restoredAt: text('restored_at').notNull(),
    /** The file chosen, as the user named it. */
    sourceFile: text('source_file').notNull(),
    /** SHA-256 of the chosen file (and its -wal, if any), to tell later which file it was. */
    sourceSha256: text('source_sha256').notNull(),
    /** Migrations the file had applied (its level), against those of this version. */
    sourceLevel: integer('source_level').notNull(),
    centerName: text('center_name').notNull().default(''),
    /** JSON list of {table, label, count} of what the file held. */
    records: jsonText('records', { shape: 'array' }).notNull().default('[]'),
    /** The copy of the database as it was before (`backups/before-restore/…`). */
    safetyBackup: text('safety_backup').notNull(),
    /** Attachments the restored data names but neither the file nor this PC had. */
    missingFiles: integer('missing_files').notNull().default(0),
  },
  (t) => [check('restore_log_level', sql`${t.sourceLevel} >= 0`), ...columnRules(t)],
);

export const filesTablePolicies: TablePolicies = {
  // Rows go in the package only for files a register's package-bound column names (db/tables.ts).
  stored_files: { label: 'Вложенные файлы', package: 'all' },
  restore_log: { label: 'Журнал восстановлений', package: 'none', restore: 'local' },
};
