import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDb } from '@db/open';
import { reports } from '@db/schema';
import { inTransaction } from '@db/transaction';
import { conflict, DomainError, invalid } from '@main/api/errors';
import { yearsChart } from '@main/services/indicators';
import type { Block } from '@shared/documents/model';
import type { ChartSpec } from '@shared/documents/chart';
import type { ReportPeriod, ReportRow, ReportStep, ReportUnlock, ReportView } from '@shared/contract/reports';
import { changedFigures, narrativeText, readNarrative, remember, type LiveFigure, type Narrative } from '@shared/narrative';
import { formatDate, todayLocal } from '@shared/russian';
import { assembleReport, periodLabel, type ReportData } from './assemble';
import { approvedReport, type ApprovedReport } from './approval';
import { figureRows, liveFigures } from './figures';
import { reportDocument } from './layout';
import { PARAGRAPHS, paragraphDef } from './paragraphs';

type ReportRecord = typeof reports.$inferSelect;

const narrativeSchema = z.record(z.string(), z.object({ text: z.string(), seen: z.record(z.string(), z.number()) }).strict());
const unlocksSchema = z.array(z.object({ reason: z.string(), on: z.string() }).strict());

const stored = (quarter: number | null) => quarter ?? 0;
const byPeriod = (p: ReportPeriod) => and(eq(reports.year, p.year), eq(reports.quarter, stored(p.quarter)));

/** «Отчёт за 2017 год», «Отчёт за I квартал 2017 года»: how a refusal names the report. */
const reportName = (p: ReportPeriod) => `Отчёт за ${periodLabel(p)}`;

function findRecord(db: AppDb, p: ReportPeriod): ReportRecord | undefined {
  return db.select().from(reports).where(byPeriod(p)).get();
}

function requireRecord(db: AppDb, p: ReportPeriod): ReportRecord {
  const row = findRecord(db, p);
  if (!row) throw new DomainError('not_found', `${reportName(p)} ещё не сформирован: нажмите «Сформировать отчёт»`);
  return row;
}

function readStoredNarrative(row: ReportRecord): Record<string, Narrative> {
  const parsed = narrativeSchema.safeParse(JSON.parse(row.narrative));
  if (!parsed.success) throw conflict(`${reportName(periodOf(row))}: текст абзацев повреждён. Восстановите базу из резервной копии.`);
  return parsed.data;
}

const periodOf = (row: ReportRecord): ReportPeriod => ({ year: row.year, quarter: row.quarter === 0 ? null : row.quarter });

const toRow = (row: ReportRecord): ReportRow => ({
  ...periodOf(row),
  periodLabel: periodLabel(periodOf(row)),
  status: row.status,
  approvedOn: row.approvedOn,
});

export function listReports(db: AppDb): ReportRow[] {
  return db
    .select()
    .from(reports)
    .orderBy(sql`${reports.year} DESC`, asc(reports.quarter))
    .all()
    .map(toRow);
}

/** A paragraph's stored text, or its first text (a paragraph a later version added). */
function narrativeOf(
  stored: Record<string, Narrative>,
  key: string,
  data: ReportData,
  figures: ReadonlyMap<string, LiveFigure>,
): Narrative {
  const own = stored[key];
  if (own) return own;
  const first = remember(paragraphDef(key)!.first(data, figures), figures);
  return 'narrative' in first ? first.narrative : { text: '', seen: {} };
}

/** The trend charts: the indicators with at least three years to compare, the first three of the catalogue. */
function chartSpecs(data: ReportData): ChartSpec[] {
  return data.indicators
    .filter((r) => r.value !== null && r.earlier.length >= 2)
    .slice(0, 3)
    .map((r) => yearsChart(r.indicator, [...r.earlier, { year: data.year, value: r.value!, basis: r.basis, complete: r.complete }]));
}

/** The live report of a draft: data, paragraphs as they read now, the document without its pictures. */
function liveReport(db: AppDb, row: ReportRecord, today: string) {
  const data = assembleReport(db, periodOf(row), today);
  const figures = liveFigures(data);
  const storedNarrative = readStoredNarrative(row);
  const paragraphs = PARAGRAPHS.map((def) => {
    const narrative = narrativeOf(storedNarrative, def.key, data, figures);
    return { key: def.key, place: def.place, text: narrative.text, pieces: readNarrative(narrative, figures) };
  });
  const printed = new Map(paragraphs.map((p) => [p.key, narrativeText(p.pieces)]));
  const document = reportDocument(data, printed, [], true);
  // The charts stand after the monitoring section, before the events: where the layout leaves room.
  const at = chartPlace(document.blocks);
  return { data, figures, paragraphs, document, charts: chartSpecs(data).map((spec) => ({ at, spec })) };
}

/** The charts' place: before the first block of the events' paragraph or what follows the monitoring table. */
function chartPlace(blocks: Block[]): number {
  const lastTable = blocks.findLastIndex((b) => b.kind === 'table');
  return lastTable === -1 ? blocks.length : lastTable + 1;
}

/** What a long build says of its steps (the report's job, REPORT_STEPS): the step, and how far it is into it. */
export type ReportProgress = (step: ReportStep, done?: number, total?: number) => void;

/** The frozen copy's document with its charts drawn again (PNG for Word). */
export async function withCharts(copy: Pick<ApprovedReport, 'document' | 'charts'>, progress: ReportProgress = () => {}) {
  if (copy.charts.length === 0) return copy.document;
  const { chartImage } = await import('@main/documents/chart');
  const images: { at: number; block: Block }[] = [];
  // One after another: each is a synchronous drawing, and the progress says which one is being drawn.
  for (const [i, c] of copy.charts.entries()) {
    progress('charts', i, copy.charts.length);
    images.push({ at: c.at, block: await chartImage(c.spec, { widthMm: 160, caption: `Рисунок ${i + 1} – ${c.spec.title}` }) });
  }
  const blocks = [...copy.document.blocks];
  for (const { at, block } of [...images].reverse()) blocks.splice(at, 0, block);
  return { ...copy.document, blocks };
}

function readApproved(row: ReportRecord): ApprovedReport {
  return approvedReport.read(row.approvedCopy!, reportName(periodOf(row)));
}

export async function getReport(db: AppDb, p: ReportPeriod, today = todayLocal()): Promise<ReportView | null> {
  const row = findRecord(db, p);
  if (!row) return null;
  const unlocks = unlocksSchema.parse(JSON.parse(row.unlocks)) satisfies ReportUnlock[];
  const base = { ...toRow(row), unlocks };
  if (row.status === 'approved') {
    const copy = readApproved(row);
    return { ...base, paragraphs: [], figures: [], changed: 0, document: await withCharts(copy) };
  }
  const live = liveReport(db, row, today);
  return {
    ...base,
    paragraphs: live.paragraphs,
    figures: [...live.figures.values()].map((f) => ({ key: f.key, text: f.text })),
    changed: live.paragraphs.reduce((t, par) => t + changedFigures(par.pieces).length, 0),
    document: await withCharts(live),
  };
}

/** The document a download gives: the frozen copy once approved, the live draft («ПРОЕКТ» on every page) before. */
export async function reportDocumentOf(db: AppDb, p: ReportPeriod, today = todayLocal(), progress: ReportProgress = () => {}) {
  const row = requireRecord(db, p);
  // resvg's WebAssembly compiles on a thread of V8's own while the registers are read below: a fresh
  // worker (the job's) has both to do, and the charts then start at once. A failure shows at the first chart.
  const { prepareCharts } = await import('@main/documents/chart');
  prepareCharts().catch(() => undefined);
  progress('data');
  const copy = row.status === 'approved' ? readApproved(row) : liveReport(db, row, today);
  return withCharts(copy, progress);
}

/** Refuses at once, before any job starts, a period that has no report yet. */
export function requireReport(db: AppDb, p: ReportPeriod): ReportRow {
  return toRow(requireRecord(db, p));
}

/** Creates the period's report with its first paragraphs, each remembering the figures it names. */
export function createReport(db: AppDb, p: ReportPeriod, today = todayLocal()): ReportRow {
  return inTransaction(db, () => {
    if (findRecord(db, p)) throw conflict(`${reportName(p)} уже сформирован: откройте его в списке отчётов`);
    const data = assembleReport(db, p, today);
    const figures = liveFigures(data);
    const narrative: Record<string, Narrative> = {};
    for (const def of PARAGRAPHS) narrative[def.key] = narrativeOf({}, def.key, data, figures);
    db.insert(reports)
      .values({ year: p.year, quarter: stored(p.quarter), narrative: JSON.stringify(narrative) })
      .run();
    return toRow(requireRecord(db, p));
  });
}

function requireDraft(row: ReportRecord, what: string): void {
  if (row.status === 'approved')
    throw conflict(
      `${reportName(periodOf(row))} утверждён ${formatDate(row.approvedOn)}: ${what} нельзя. Снимите утверждение, указав причину.`,
    );
}

/**
 * Saves a paragraph as edited: the text keeps its fields and remembers the value of each as the
 * writer sees it now, so a later change of a figure underneath is marked. Saving the same text
 * again is how the writer confirms the new figures.
 */
export function saveParagraph(db: AppDb, input: ReportPeriod & { key: string; text: string }, today = todayLocal()): ReportRow {
  return inTransaction(db, () => {
    const row = requireRecord(db, input);
    requireDraft(row, 'менять текст');
    const def = paragraphDef(input.key);
    if (!def) throw invalid('Такого абзаца в отчёте нет', { key: 'Такого абзаца в отчёте нет' });
    const figures = liveFigures(assembleReport(db, input, today));
    const saved = remember(input.text, figures);
    if ('unknown' in saved) {
      const message = `В тексте есть поле, которого в отчёте нет: {{${saved.unknown[0]}}}. Вставьте поле из списка чисел отчёта или уберите фигурные скобки.`;
      throw invalid(message, { text: message });
    }
    const narrative = { ...readStoredNarrative(row), [def.key]: saved.narrative };
    db.update(reports)
      .set({ narrative: JSON.stringify(narrative), updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
      .where(eq(reports.id, row.id))
      .run();
    return toRow(requireRecord(db, input));
  });
}

/**
 * Approves the report: what it says today is frozen. Refused while a paragraph names a figure that
 * changed since the text was saved — the director would sign a sentence nobody reread.
 */
export function approveReport(db: AppDb, input: ReportPeriod & { approvedOn: string }, today = todayLocal()): ReportRow {
  return inTransaction(db, () => {
    const row = requireRecord(db, input);
    if (row.status === 'approved') throw conflict(`${reportName(input)} уже утверждён ${formatDate(row.approvedOn)}`);
    if (input.approvedOn > today)
      throw invalid('Дата утверждения не может быть позже сегодняшней', { approvedOn: 'Дата утверждения не может быть позже сегодняшней' });
    const live = liveReport(db, row, today);
    const changed = live.paragraphs.filter((par) => changedFigures(par.pieces).length > 0);
    if (changed.length > 0) {
      throw conflict(
        `Числа изменились после правки текста в абзацах: ${changed.map((c) => `«${c.place}»`).join(', ')}. ` +
          'Проверьте эти абзацы и сохраните их, затем утверждайте.',
      );
    }
    const copy: ApprovedReport = { document: { ...live.document, draft: false }, charts: live.charts, figures: figureRows(live.data) };
    db.update(reports)
      .set({ status: 'approved', approvedOn: input.approvedOn, approvedCopy: approvedReport.freeze(copy) })
      .where(eq(reports.id, row.id))
      .run();
    return toRow(requireRecord(db, input));
  });
}

/** Unlocks an approved report for changes; the reason is kept with the report, as with signed minutes. */
export function unlockReport(db: AppDb, input: ReportPeriod & { reason: string }, today = todayLocal()): ReportRow {
  return inTransaction(db, () => {
    const row = requireRecord(db, input);
    if (row.status !== 'approved') throw conflict(`${reportName(input)} не утверждён: снимать утверждение не нужно.`);
    const unlocks = [...unlocksSchema.parse(JSON.parse(row.unlocks)), { reason: input.reason, on: today }];
    db.update(reports)
      .set({ status: 'draft', approvedOn: null, approvedCopy: null, unlocks: JSON.stringify(unlocks) })
      .where(eq(reports.id, row.id))
      .run();
    return toRow(requireRecord(db, input));
  });
}

/** The approved reports of a year (the yearly one and its quarters), frozen copies only: the export's. */
export function approvedOfYear(db: AppDb, year: number): { period: ReportPeriod; copy: ApprovedReport }[] {
  return db
    .select()
    .from(reports)
    .where(and(eq(reports.year, year), eq(reports.status, 'approved')))
    .orderBy(asc(reports.quarter))
    .all()
    .map((row) => ({ period: periodOf(row), copy: readApproved(row) }));
}
