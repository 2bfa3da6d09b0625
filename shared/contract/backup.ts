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

export interface BackupList {
  dir: string;
  backups: BackupEntry[];
}

export interface RestoreResult {
  restoredFrom: string;
  /** The copy of the database as it was just before the restore. */
  safetyBackup: BackupEntry;
}

export const backupCalls = {
  'backup.list': call(empty).reads('backups').returns<BackupList>(),
  'backup.now': call(z.object({ targetFile: pathText('файл копии').optional() }).strict())
    .file(['backups'], REFUSED.backup)
    .returns<BackupEntry>(),
  /** Replaces the database file: everything the UI shows may change. */
  'backup.restore': call(z.object({ file: pathText('файл копии') }).strict())
    .file(REGISTERS, REFUSED.restore)
    .returns<RestoreResult>(),
};
