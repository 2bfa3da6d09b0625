import { z } from 'zod';
import { call, REFUSED } from './define';
import type { Job } from './jobs';
import { empty, id, page, pathText, year, type Page } from './common';
import { isDeviceName } from '@shared/paths';

/** Export to the shared network folder, the export log, local backups and restore. */

export interface ExchangeSettings {
  /** The export folder: a UNC path, a mapped drive or any local folder; empty until set. */
  folder: string;
  /** The center's code, the top folder of its exports on the share; empty until set. */
  centerCode: string;
}

export interface FolderCheckStep {
  step: string;
  /** `null`: not tried because an earlier step failed. */
  ok: boolean | null;
  message: string;
}

export interface FolderCheck {
  ok: boolean;
  folder: string;
  steps: FolderCheckStep[];
  /** One Russian sentence: what works and what does not. */
  summary: string;
}

export interface ExportKindOption {
  id: string;
  label: string;
}

export interface ExportedFile {
  kind: string;
  /** Relative to the export folder, with `/`. */
  path: string;
  size: number;
  sha256: string;
}

export type ExportStatus = 'running' | 'ok' | 'failed' | 'cancelled';

export interface ExportLogRow {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  kinds: string[];
  targetFolder: string;
  centerCode: string;
  year: number;
  status: ExportStatus;
  origin: string;
  files: ExportedFile[];
  errorMessage: string | null;
  retryOf: number | null;
}

/** What a finished export job answers (see `Job` in the jobs contract). */
export interface ExportResult {
  logId: number;
  files: ExportedFile[];
}

export interface PackageFileCheck {
  path: string;
  size: number;
  ok: boolean;
}

export interface PackageRecordCount {
  table: string;
  count: number;
}

export interface PackageSummary {
  manifestPath: string;
  localCopy: string;
  centerCode: string;
  centerName: string;
  year: number;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  files: PackageFileCheck[];
  records: PackageRecordCount[];
}

export const centerCode = z
  .string({ error: 'Укажите код центра' })
  .trim()
  .min(1, 'Укажите код центра')
  .max(32, 'Код центра длиннее 32 символов')
  .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, 'Код центра: только латинские буквы, цифры и дефис (например, RC-06)')
  // The code is the top folder of the center's exports on the share: «NUL» or «COM1» would be a device there.
  .refine((code) => !isDeviceName(code), 'Код центра совпадает с именем устройства Windows (CON, NUL, COM1, LPT1…): выберите другой');

export const exchangeCalls = {
  'exchange.settings': call(empty).reads('exchange').returns<ExchangeSettings>(),
  'exchange.saveSettings': call(z.object({ folder: pathText('папку выгрузки'), centerCode }).strict())
    .db(['exchange'], REFUSED.save)
    .returns<ExchangeSettings>(),
  /** Writes and removes a probe file in the folder: a check, but one that touches the share. */
  'exchange.checkFolder': call(z.object({ folder: pathText('папку выгрузки').optional() }).strict())
    .file([], REFUSED.check)
    .returns<FolderCheck>(),
  'exchange.kinds': call(empty).reads().returns<ExportKindOption[]>(),
  'exchange.export': call(
    z
      .object({
        year,
        kinds: z.array(z.string().min(1), { error: 'Выберите, что выгрузить' }).min(1, 'Выберите, что выгрузить').max(20),
      })
      .strict(),
  )
    .job(['exchange', 'jobs'], REFUSED.export)
    .returns<Job<ExportResult>>(),
  'exchange.log': call(z.object(page).strict()).reads('exchange').returns<Page<ExportLogRow>>(),
  'exchange.retry': call(z.object({ logId: id }).strict())
    .job(['exchange', 'jobs'], REFUSED.export)
    .returns<Job<ExportResult>>(),
  /** Checks a package and copies it into the data folder's `received/`. */
  'exchange.openPackage': call(z.object({ manifestPath: pathText('файл manifest.json пакета') }).strict())
    .file([], REFUSED.open)
    .returns<PackageSummary>(),
};
