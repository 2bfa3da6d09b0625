import { z } from 'zod';
import { call, REFUSED } from './define';
import { id } from './common';
import { fileHash } from './files';
import type { Job } from './jobs';
import {
  IMPORT_ENCODINGS,
  IMPORT_FIELDS,
  IMPORT_TARGETS,
  TARGET_FIELDS,
  type ImportEncoding,
  type ImportOutcome,
  type ImportTarget,
} from './importEnums';

/**
 * Import of lists from files: the participants of an event, and organisations or people into
 * the registry. The file comes in through the file store (streamed upload or the window's
 * dialog, never as base64 in a call); the preview reads it and says for each row what the
 * import would do; the import writes every accepted row at once or nothing, as a job, and keeps
 * its report with the event or the registry.
 */

export * from './importEnums';

/** The most columns a list is read with: a wider sheet is not a list of people. */
export const MAX_IMPORT_COLUMNS = 200;

const mappingEntry = z
  .object({
    field: z.enum(IMPORT_FIELDS, { error: 'Неизвестное поле импорта' }),
    column: z
      .number({ error: 'Не указан столбец' })
      .int('Неверный столбец')
      .min(0, 'Неверный столбец')
      .max(MAX_IMPORT_COLUMNS - 1, 'Неверный столбец'),
  })
  .strict();
export type MappingEntry = z.infer<typeof mappingEntry>;

export const importSource = z
  .object({
    fileHash,
    target: z.enum(IMPORT_TARGETS, { error: 'Неизвестный вид импорта' }),
    /** The event whose participants are imported; null for the registry. */
    eventId: id.nullable().default(null),
    encoding: z.enum(IMPORT_ENCODINGS, { error: 'Неизвестная кодировка' }).default('auto'),
    /** Null: the mapping remembered for this header, or guessed from the header's words. */
    mapping: z.array(mappingEntry).max(IMPORT_FIELDS.length, 'Слишком много полей').nullable().default(null),
  })
  .strict()
  .refine((s) => (s.target === 'participants') === (s.eventId !== null), {
    message: 'Участников импортируют в мероприятие, специалистов и организации — в реестр',
    path: ['eventId'],
  })
  .refine((s) => s.mapping === null || new Set(s.mapping.map((m) => m.field)).size === s.mapping.length, {
    message: 'Одно поле выбрано для двух столбцов',
    path: ['mapping'],
  })
  .refine((s) => s.mapping === null || new Set(s.mapping.map((m) => m.column)).size === s.mapping.length, {
    message: 'Один столбец выбран для двух полей',
    path: ['mapping'],
  })
  .refine((s) => s.mapping === null || s.mapping.every((m) => TARGET_FIELDS[s.target].includes(m.field)), {
    message: 'Поле не относится к этому виду импорта',
    path: ['mapping'],
  });
export type ImportSource = z.output<typeof importSource>;
export type ImportSourceInput = z.input<typeof importSource>;

export interface ImportLine {
  /** The row's number in the file, as the spreadsheet shows it. */
  row: number;
  outcome: ImportOutcome;
  /** The row's record in a few words: «Иванова Мария Петровна, МБОУ СОШ № 1». */
  label: string;
  /** «совпадает с …», «новый человек», «отклонено: причина». */
  text: string;
}

export interface StrippedLine {
  row: number;
  codes: string[];
}

export interface ImportColumn {
  index: number;
  /** The header as read (two header rows joined: «ФИО. Фамилия»). */
  header: string;
  /** The first filled value under it, for the mapping dialog. */
  sample: string;
}

export interface ImportPreview {
  fileName: string;
  /** The encoding a CSV was read in; null for an .xlsx. */
  encoding: Exclude<ImportEncoding, 'auto'> | null;
  columns: ImportColumn[];
  mapping: MappingEntry[];
  /** The mapping was remembered from an earlier import of a file with this header. */
  remembered: boolean;
  lines: ImportLine[];
  matched: number;
  added: number;
  rejected: number;
  /** Rows left out before matching: empty rows, «Итого» rows. */
  skipped: { row: number; reason: string }[];
  stripped: StrippedLine[];
  /** Set when the mapping lacks what a row needs («Укажите, в каком столбце ФИО»): nothing can be imported yet. */
  mappingProblem: string | null;
}

export interface ImportReport {
  id: number;
  target: ImportTarget;
  eventId: number | null;
  fileName: string;
  encoding: Exclude<ImportEncoding, 'auto'> | null;
  importedAt: string;
  matched: number;
  added: number;
  rejected: number;
  lines: ImportLine[];
  skipped: { row: number; reason: string }[];
  stripped: StrippedLine[];
}

export type ImportReportSummary = Omit<ImportReport, 'lines' | 'skipped' | 'stripped'>;

export const importsCalls = {
  /** Reads the file and matches its rows, in a worker thread; writes nothing. */
  'imports.preview': call(importSource).reads('imports', 'events', 'people', 'organizations').returns<ImportPreview>(),
  /** Starts the import; the job answers the kept report. */
  'imports.run': call(importSource)
    .job(['jobs', 'imports', 'events', 'people', 'organizations', 'names'], REFUSED.add)
    .returns<Job<ImportReport>>(),
  'imports.reports': call(
    z
      .object({
        target: z.enum(IMPORT_TARGETS, { error: 'Неизвестный вид импорта' }),
        eventId: id.nullable().default(null),
      })
      .strict(),
  )
    .reads('imports')
    .returns<ImportReportSummary[]>(),
  'imports.report': call(z.object({ id }).strict()).reads('imports').returns<ImportReport>(),
  /**
   * The list's upload is dropped from the file store when its dialog closes without an import (a
   * refused file, a preview abandoned, a run cancelled): the import keeps its report, not the
   * file. Kept when anything else refers to the same content. Answers whether it was removed.
   */
  'imports.discard': call(z.object({ fileHash }).strict()).db(['files'], REFUSED.delete).returns<boolean>(),
};
