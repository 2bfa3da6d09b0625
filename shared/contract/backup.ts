import { call, REFUSED, REGISTERS } from './define';
import { z } from 'zod';
import { empty, pathText } from './common';

/** Local backups of the database beside it, with rotation, a copy on demand and restore. */

export interface BackupEntry {
  file: string;
  name: string;
  reason: string;
  reasonLabel: string;
  createdAt: string;
  size: number;
}

export interface RecordCount {
  table: string;
  /** Russian, as the preview shows it: «Специалисты». */
  label: string;
  count: number;
}

/** What a backup (or a package's database) holds, shown before anything is replaced. */
export interface RestorePreview {
  file: string;
  /** When the file was last written (its own date on the disk). */
  fileDate: string;
  centerName: string;
  /** The latest change recorded in the data; null when it holds none. */
  lastChange: string | null;
  /** Changes of the database structure the file has, and this version's: fewer means it is updated on restore. */
  level: number;
  known: number;
  records: RecordCount[];
  /** Attachments the data names that neither the file nor this PC has. */
  missingFiles: number;
}

export interface RestoreLogEntry {
  id: number;
  restoredAt: string;
  sourceFile: string;
  centerName: string;
  records: RecordCount[];
  safetyBackup: string;
  missingFiles: number;
}

export interface BackupList {
  dir: string;
  backups: BackupEntry[];
  /** Restores made on this PC, newest first. */
  restores: RestoreLogEntry[];
}

export interface RestoreResult {
  restoredFrom: string;
  /** The copy of the database as it was just before the restore. */
  safetyBackup: BackupEntry;
  preview: RestorePreview;
}

export const backupCalls = {
  'backup.list': call(empty).reads('backups').returns<BackupList>(),
  'backup.now': call(z.object({ targetFile: pathText('файл копии').optional() }).strict())
    .file(['backups'], REFUSED.backup)
    .returns<BackupEntry>(),
  /** Reads the file as a restore would (rebuilt in a private folder) and tells what it holds; replaces nothing. */
  'backup.preview': call(z.object({ file: pathText('файл копии') }).strict())
    .reads()
    .returns<RestorePreview>(),
  /** Replaces the database file: everything the UI shows may change. */
  'backup.restore': call(z.object({ file: pathText('файл копии') }).strict())
    .file(REGISTERS, REFUSED.restore)
    .returns<RestoreResult>(),
};
