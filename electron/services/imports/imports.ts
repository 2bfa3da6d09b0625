import { and, desc, eq, isNull } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { withSearchIndexDeferred } from '@db/search';
import { importReports } from '@db/schema';
import { conflict, invalid } from '@main/api/errors';
import { getSetting, setSetting } from '@main/services/common/settings';
import { addImportedParticipants, participantListState } from '@main/services/events';
import { getStoredFile, readStoredFile } from '@main/services/files';
import { createOrganization, createPeople, registryState } from '@main/services/registry';
import type {
  ImportLine,
  ImportPreview,
  ImportReport,
  ImportReportSummary,
  ImportSource,
  ImportTarget,
  StrippedLine,
} from '@shared/contract/imports';
import { mappingKey, planImport, rememberNewPeople, type Plan } from './match';
import { readSheet, type ReadSheet } from './read';

/**
 * The import's steps, each taking the connection it runs on: reading the file (the slow part,
 * outside any transaction), the preview, and the write — the preview's plan while nothing it read
 * has changed, matching again otherwise, and writing every accepted row, the remembered mapping
 * and the report in one transaction.
 */

export interface LoadedFile {
  fileName: string;
  sheet: ReadSheet;
}

export async function loadFile(db: AppDb, dataDir: string, source: ImportSource): Promise<LoadedFile> {
  const stored = getStoredFile(db, source.fileHash);
  if (!stored) throw conflict('Файл не найден в хранилище приложения: выберите его ещё раз.');
  // The store names a file by its content's hash: the same hash read in the same encoding is the same
  // sheet. The name is the one stored now (the same bytes may have come again under another name).
  const kept = lastPreview;
  if (kept?.fileHash === source.fileHash && kept.encoding === source.encoding && kept.file.fileName === stored.originalName)
    return kept.file;
  const sheet = await readSheet(readStoredFile(db, dataDir, source.fileHash), stored.originalName, source.encoding);
  return { fileName: stored.originalName, sheet };
}

/**
 * The last preview this thread made, kept for the import that follows it in the same kept
 * worker (the dialog's «Импортировать» sends the source it previewed): the run reads the file
 * and matches its 10,000 rows again only when something the matching read has changed since —
 * the registry, the event's list, the mapping remembered for the header (`planState`). Matching
 * and reading were about half of the job the user waits for (tests/bench/imports.ts).
 */
let lastPreview: { fileHash: string; encoding: ImportSource['encoding']; file: LoadedFile; plan: Plan; state: string } | undefined;

/** Everything a plan was computed from besides the file: equal, the plan is the one a new matching would make. */
function planState(db: AppDb, source: ImportSource, signature: string): string {
  return JSON.stringify([
    db.$client.name,
    source,
    registryState(db),
    source.eventId === null ? null : participantListState(db, source.eventId),
    getSetting(db, mappingKey(signature)) ?? null,
  ]);
}

export function previewImport(db: AppDb, file: LoadedFile, source: ImportSource): ImportPreview {
  // One read transaction: the state kept beside the plan is of the same snapshot the matching read.
  const plan = db.$client.transaction(() => {
    const planned = planImport(db, file.sheet, source);
    lastPreview = {
      fileHash: source.fileHash,
      encoding: source.encoding,
      file,
      plan: planned,
      state: planState(db, source, planned.signature),
    };
    return planned;
  })();
  return { fileName: file.fileName, ...plan.preview };
}

/** The kept preview's plan when it was made of this file and nothing it read has changed; taken once. */
function previewedPlan(db: AppDb, file: LoadedFile, source: ImportSource): Plan | undefined {
  const kept = lastPreview;
  lastPreview = undefined;
  return kept?.file === file && kept.state === planState(db, source, kept.plan.signature) ? kept.plan : undefined;
}

/** How often the write reports its progress and looks whether it was cancelled: every few hundred rows. */
const STEP_ROWS = 500;

/**
 * Called inside one transaction: everything it writes lands together or not at all. `step` runs
 * between batches of rows with what is done so far — the job's progress, and its cancellation
 * check: a cancellation thrown there rolls the whole transaction back.
 */
export function writeImport(
  db: AppDb,
  file: LoadedFile,
  source: ImportSource,
  step: (done: number, total: number) => void = () => {},
): ImportReport {
  const plan = previewedPlan(db, file, source) ?? planImport(db, file.sheet, source);
  const { preview } = plan;
  if (preview.mappingProblem) throw invalid(preview.mappingProblem);
  if (plan.rows.length === 0) {
    throw invalid(
      preview.lines.length === 0
        ? 'В файле не найдено ни одной строки списка: проверьте, тот ли это файл.'
        : 'Ни одну строку файла импортировать нельзя: причины — в предпросмотре.',
    );
  }
  const total = plan.rows.length;
  step(0, total);
  // The report first: the participants it brings carry its id as their origin.
  const stored = {
    target: source.target,
    eventId: source.eventId,
    fileName: file.fileName,
    encoding: preview.encoding,
    matched: preview.matched,
    added: preview.added,
    rejected: preview.rejected,
    lines: JSON.stringify(preview.lines),
    skipped: JSON.stringify(preview.skipped),
    stripped: JSON.stringify(preview.stripped),
  };
  const saved = db.insert(importReports).values(stored).returning({ id: importReports.id, importedAt: importReports.importedAt }).get();
  const newRows = plan.rows.flatMap((row) => (row.kind === 'newPerson' ? [row] : []));
  const newPeople = newRows.map((row) => row.person);
  const created = createPeople(db, newPeople, (done) => step(done, total));
  let next = 0;
  const personIds = plan.rows.flatMap((row) =>
    row.kind === 'person' ? [row.personId] : row.kind === 'newPerson' ? [created[next++]!] : [],
  );
  step(newPeople.length, total);
  let organizationsDone = 0;
  // Indexed for search once at the end, not by the trigger row by row (db/search.ts).
  withSearchIndexDeferred(db.$client, ['organizations'], () => {
    for (const row of plan.rows) {
      if (row.kind !== 'newOrganization') continue;
      createOrganization(db, row.organization);
      if (++organizationsDone % STEP_ROWS === 0) step(organizationsDone, total);
    }
  });
  // The registry's only change (organisations are imported on their own): the kept indexes follow it.
  if (source.target !== 'organizations')
    rememberNewPeople(
      db,
      plan,
      newRows.map((row, i) => ({ id: created[i]!, row })),
    );
  if (source.target === 'participants') addImportedParticipants(db, source.eventId!, personIds, saved.id);
  setSetting(db, mappingKey(plan.signature), preview.mapping);
  step(total, total);
  // The report as stored, from what was just written rather than read back: parsing the 10,000 lines again cost tens of ms.
  return { ...summaryOf({ ...stored, ...saved }), lines: preview.lines, skipped: preview.skipped, stripped: preview.stripped };
}

type ReportRow = typeof importReports.$inferSelect;

const summaryOf = (r: ReportRow): ImportReportSummary => ({
  id: r.id,
  target: r.target,
  eventId: r.eventId,
  fileName: r.fileName,
  encoding: r.encoding === 'utf-8' || r.encoding === 'windows-1251' ? r.encoding : null,
  importedAt: r.importedAt,
  matched: r.matched,
  added: r.added,
  rejected: r.rejected,
});

export function getImportReport(db: AppDb, id: number): ImportReport {
  const r = db.select().from(importReports).where(eq(importReports.id, id)).get();
  if (!r) throw conflict('Отчёт об импорте не найден: возможно, его удалили вместе с мероприятием.');
  return {
    ...summaryOf(r),
    lines: JSON.parse(r.lines) as ImportLine[],
    skipped: JSON.parse(r.skipped) as ImportReport['skipped'],
    stripped: JSON.parse(r.stripped) as StrippedLine[],
  };
}

export function listImportReports(db: AppDb, input: { target: ImportTarget; eventId: number | null }): ImportReportSummary[] {
  return db
    .select()
    .from(importReports)
    .where(
      and(
        eq(importReports.target, input.target),
        input.eventId === null ? isNull(importReports.eventId) : eq(importReports.eventId, input.eventId),
      ),
    )
    .orderBy(desc(importReports.id))
    .all()
    .map(summaryOf);
}
