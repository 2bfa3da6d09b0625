import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDb } from '@db/open';
import { newsItems, planItemLinks } from '@db/schema';
import { inTransaction } from '@db/transaction';
import { recordDeletion } from '@db/journal';
import { conflict, DomainError, invalid } from '@main/api/errors';
import { meetingForNews, meetingsNamedForNews } from '@main/services/meetings';
import { eventForNews, eventsNamedForNews } from '@main/services/events';
import { getItem, planCandidates, planItemsNamed } from '@main/services/workPlan';
import type { PlanCandidate } from '@shared/contract/workPlan';
import type { NewsList, NewsParagraph, NewsRow, NewsSource, NewsSourceKind, NewsStatus, NewsView } from '@shared/contract/news';
import {
  changedFigures,
  narrativeText,
  readNarrative,
  remember,
  type LiveFigure,
  type Narrative,
  type NarrativePiece,
} from '@shared/narrative';
import { formatDate, todayLocal } from '@shared/russian';
import { draftNews, type Draft } from './draft';

type NewsRecord = typeof newsItems.$inferSelect;

/** A paragraph as stored: its narrative, where it stands, and whether she changed it. */
interface StoredParagraph extends Narrative {
  key: string;
  place: string;
  edited: boolean;
}

const storedSchema = z.array(
  z
    .object({
      key: z.string(),
      place: z.string(),
      text: z.string(),
      seen: z.record(z.string(), z.union([z.number(), z.string()])),
      edited: z.boolean(),
    })
    .strict(),
);
const publishedSchema = z.array(z.object({ key: z.string(), place: z.string(), text: z.string() }).strict());

const WHAT: Record<NewsSourceKind, string> = { meeting: 'заседанию', event: 'мероприятию' };

function sourceOf(db: AppDb, kind: NewsSourceKind, recordId: number): NewsSource {
  return kind === 'meeting' ? meetingForNews(db, recordId) : eventForNews(db, recordId);
}

const sourceOfRow = (db: AppDb, row: NewsRecord) =>
  row.meetingId !== null ? sourceOf(db, 'meeting', row.meetingId) : sourceOf(db, 'event', row.eventId!);

const toRow = (row: NewsRecord): NewsRow => ({ id: row.id, status: row.status, publishedOn: row.publishedOn });

function findBySource(db: AppDb, kind: NewsSourceKind, recordId: number): NewsRecord | undefined {
  const column = kind === 'meeting' ? newsItems.meetingId : newsItems.eventId;
  return db.select().from(newsItems).where(eq(column, recordId)).get();
}

function requireNews(db: AppDb, id: number): NewsRecord {
  const row = db.select().from(newsItems).where(eq(newsItems.id, id)).get();
  if (!row) throw new DomainError('not_found', 'Новость не найдена: возможно, её удалили.');
  return row;
}

function readStored(row: NewsRecord): StoredParagraph[] {
  const parsed = storedSchema.safeParse(JSON.parse(row.paragraphs));
  if (!parsed.success) throw conflict('Текст новости повреждён. Восстановите базу из резервной копии.');
  return parsed.data;
}

function requireDraft(row: NewsRecord, what: string): void {
  if (row.status === 'published') throw conflict(`Новость опубликована ${formatDate(row.publishedOn)}: ${what} нельзя.`);
}

/** The draft's paragraphs, each remembering the facts it names as they are now. */
function firstParagraphs(draft: Draft): StoredParagraph[] {
  return draft.paragraphs.map((p) => ({ key: p.key, place: p.place, edited: false, ...rememberAll(p.text, draft.facts) }));
}

function rememberAll(text: string, facts: ReadonlyMap<string, LiveFigure>): Narrative {
  const saved = remember(text, facts);
  // The draft names only its own facts; a field of no fact cannot arise here.
  return 'narrative' in saved ? saved.narrative : { text, seen: {} };
}

export function getNews(db: AppDb, kind: NewsSourceKind, recordId: number): NewsView | null {
  const row = findBySource(db, kind, recordId);
  return row ? viewOf(db, row) : null;
}

/** The plan item the news item's publication realises. */
function linkedPlanItem(db: AppDb, newsItemId: number): NewsView['planItem'] {
  const link = db
    .select({ planItemId: planItemLinks.planItemId })
    .from(planItemLinks)
    .where(eq(planItemLinks.newsItemId, newsItemId))
    .get();
  return link ? (planItemsNamed(db, [link.planItemId]).get(link.planItemId) ?? null) : null;
}

function viewOf(db: AppDb, row: NewsRecord): NewsView {
  const base = {
    id: row.id,
    kind: (row.meetingId !== null ? 'meeting' : 'event') as NewsSourceKind,
    recordId: row.meetingId ?? row.eventId!,
    planItem: linkedPlanItem(db, row.id),
  };
  if (row.status === 'published') {
    const published = publishedSchema.parse(JSON.parse(row.publishedText!));
    const paragraphs: NewsParagraph[] = published.map((p) => ({ ...p, pieces: [{ kind: 'text', text: p.text }], edited: true }));
    return { ...base, ...toRow(row), paragraphs, facts: [], changed: 0, ...forWebsite(published) };
  }
  const draft = draftNews(sourceOfRow(db, row));
  const paragraphs = readStored(row).map((p) => ({
    key: p.key,
    place: p.place,
    text: p.text,
    edited: p.edited,
    pieces: readNarrative(p, draft.facts),
  }));
  return {
    ...base,
    ...toRow(row),
    paragraphs,
    facts: [...draft.facts.values()].map((f) => ({ key: f.key, text: f.text })),
    changed: paragraphs.reduce((t, p) => t + changedFigures(p.pieces).length, 0),
    ...forWebsite(printed(paragraphs)),
  };
}

const printed = (paragraphs: { key: string; place: string; pieces: NarrativePiece[] }[]) =>
  paragraphs.map((p) => ({ key: p.key, place: p.place, text: narrativeText(p.pieces).trim() }));

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/**
 * The text for the website's editor: the headline, then the paragraphs (empty ones left out), as
 * plain text and as HTML (`<h2>` and `<p>`), every character of the text escaped — a name typed
 * «<b>» is printed, never taken for markup.
 */
export function forWebsite(paragraphs: readonly { key: string; text: string }[]): { plain: string; html: string } {
  const filled = paragraphs.filter((p) => p.text !== '');
  return {
    plain: filled.map((p) => p.text).join('\n\n'),
    html: filled.map((p) => (p.key === 'headline' ? `<h2>${escapeHtml(p.text)}</h2>` : `<p>${escapeHtml(p.text)}</p>`)).join('\n'),
  };
}

/** The headline and paragraphs as printed now (the Word file's text), and the day it was published. */
export function newsText(db: AppDb, id: number): { paragraphs: { key: string; text: string }[]; publishedOn: string | null } {
  const view = viewOf(db, requireNews(db, id));
  return { paragraphs: view.paragraphs.map((p) => ({ key: p.key, text: narrativeText(p.pieces).trim() })), publishedOn: view.publishedOn };
}

/** The news items published in a year, in the order they went out: what the export carries. */
export const publishedInYear = (db: AppDb, year: number): number[] =>
  db.$client
    .prepare('SELECT id FROM news_items WHERE status = ? AND published_on BETWEEN ? AND ? ORDER BY published_on, id')
    .pluck()
    .all('published', `${year}-01-01`, `${year}-12-31`) as number[];

/** Drafts the news item of a held meeting or event, in the seeds' register; one per record. */
export function draftNewsItem(db: AppDb, input: { kind: NewsSourceKind; recordId: number }): NewsRow {
  return inTransaction(db, () => {
    const source = sourceOf(db, input.kind, input.recordId);
    if (!source.held)
      throw conflict(
        input.kind === 'meeting'
          ? 'Новость готовится по проведённому заседанию: сначала отметьте заседание проведённым.'
          : 'Новость готовится по проведённому мероприятию: сначала отметьте мероприятие проведённым.',
      );
    if (findBySource(db, input.kind, input.recordId)) throw conflict(`Новость по этому ${WHAT[input.kind]} уже есть: откройте её.`);
    const paragraphs = firstParagraphs(draftNews(source));
    db.insert(newsItems)
      .values({
        meetingId: input.kind === 'meeting' ? input.recordId : null,
        eventId: input.kind === 'event' ? input.recordId : null,
        paragraphs: JSON.stringify(paragraphs),
      })
      .run();
    return toRow(findBySource(db, input.kind, input.recordId)!);
  });
}

const touched = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * Drafts the text again from the record as it is now. A paragraph she edited stays as she wrote
 * it (its facts read live, a changed one marked); one she did not follows the record — a new
 * question gets its paragraph, a removed one loses it —, still remembering the facts it saw, so
 * what changed is marked in it too. An edited paragraph whose question is gone stays where it stood.
 */
export function regenerateNews(db: AppDb, input: { id: number }): NewsRow {
  return inTransaction(db, () => {
    const row = requireNews(db, input.id);
    requireDraft(row, 'составлять её заново');
    const draft = draftNews(sourceOfRow(db, row));
    const old = readStored(row);
    const oldByKey = new Map(old.map((p) => [p.key, p]));
    const next: StoredParagraph[] = draft.paragraphs.map((p) => {
      const before = oldByKey.get(p.key);
      if (before?.edited) return { ...before, place: p.place };
      const fresh = rememberAll(p.text, draft.facts);
      const seen = Object.fromEntries(
        Object.entries(fresh.seen).map(([k, v]) => [k, before && Object.hasOwn(before.seen, k) ? before.seen[k]! : v]),
      );
      return { key: p.key, place: p.place, edited: false, text: fresh.text, seen };
    });
    // Edited paragraphs the draft no longer has, after the paragraph they followed.
    old.forEach((p, i) => {
      if (!p.edited || draft.paragraphs.some((d) => d.key === p.key)) return;
      const after = old.slice(0, i).findLast((q) => next.some((n) => n.key === q.key));
      next.splice(after ? next.findIndex((n) => n.key === after.key) + 1 : 0, 0, p);
    });
    db.update(newsItems)
      .set({ paragraphs: JSON.stringify(next), updatedAt: touched })
      .where(eq(newsItems.id, row.id))
      .run();
    return toRow(requireNews(db, row.id));
  });
}

/**
 * Saves a paragraph as she edited it: it remembers the facts it names as they are now (saving it
 * unchanged is how she confirms a changed fact), and counts as edited when it differs from the
 * draft's own text, so drafting again keeps it.
 */
export function saveNewsParagraph(db: AppDb, input: { id: number; key: string; text: string }): NewsRow {
  return inTransaction(db, () => {
    const row = requireNews(db, input.id);
    requireDraft(row, 'менять текст');
    const stored = readStored(row);
    const at = stored.findIndex((p) => p.key === input.key);
    if (at === -1) throw invalid('Такого абзаца в новости нет', { key: 'Такого абзаца в новости нет' });
    const draft = draftNews(sourceOfRow(db, row));
    const saved = remember(input.text, draft.facts);
    if ('unknown' in saved) {
      const message = `В тексте есть поле, которого в новости нет: {{${saved.unknown[0]}}}. Вставьте поле из списка фактов или уберите фигурные скобки.`;
      throw invalid(message, { text: message });
    }
    const first = draft.paragraphs.find((p) => p.key === input.key)?.text;
    stored[at] = { ...stored[at]!, ...saved.narrative, edited: first === undefined || first !== input.text };
    db.update(newsItems)
      .set({ paragraphs: JSON.stringify(stored), updatedAt: touched })
      .where(eq(newsItems.id, row.id))
      .run();
    return toRow(requireNews(db, row.id));
  });
}

/**
 * Records that the news item appeared on the website on that day, with the text as it went out.
 * Refused while a fact changed under the text since it was saved: she would publish a sentence
 * nobody reread.
 */
export function publishNews(
  db: AppDb,
  input: { id: number; publishedOn: string; planItemId?: number | null },
  today = todayLocal(),
): NewsRow {
  return inTransaction(db, () => {
    const row = requireNews(db, input.id);
    if (row.status === 'published') throw conflict(`Новость уже опубликована ${formatDate(row.publishedOn)}.`);
    if (input.publishedOn > today)
      throw invalid('Дата публикации не может быть позже сегодняшней', { publishedOn: 'Дата публикации не может быть позже сегодняшней' });
    const view = viewOf(db, row);
    const changed = view.paragraphs.filter((p) => changedFigures(p.pieces).length > 0);
    if (changed.length > 0)
      throw conflict(
        `Факты изменились после правки текста в абзацах: ${changed.map((p) => `«${p.place}»`).join(', ')}. Проверьте эти абзацы и сохраните их, затем публикуйте.`,
      );
    const source = sourceOfRow(db, row);
    if (input.publishedOn < source.firstDay)
      throw invalid('Новость не может выйти раньше, чем прошло то, о чём она', {
        publishedOn: `Дата публикации раньше дня проведения (${formatDate(source.firstDay)})`,
      });
    if (input.planItemId !== undefined && input.planItemId !== null) realisePlanItem(db, row.id, input.planItemId, input.publishedOn);
    db.update(newsItems)
      .set({
        status: 'published',
        publishedOn: input.publishedOn,
        publishedText: JSON.stringify(printed(view.paragraphs)),
        updatedAt: touched,
      })
      .where(eq(newsItems.id, row.id))
      .run();
    return toRow(requireNews(db, row.id));
  });
}

/**
 * Снять с публикации: the news item is a draft again, its paragraphs as they were saved before it
 * went out (the published text is dropped with the day), and the plan item it realised no longer
 * counts it — the link goes, so an item of a fixed term it closed is open again (the plan reads
 * its status from its records, workPlan/realisations.ts). Publishing again asks for the item anew.
 */
export function unpublishNews(db: AppDb, input: { id: number }): NewsRow {
  return inTransaction(db, () => {
    const row = requireNews(db, input.id);
    if (row.status !== 'published') throw conflict('Новость ещё не опубликована: снимать с публикации нечего.');
    db.delete(planItemLinks).where(eq(planItemLinks.newsItemId, row.id)).run();
    db.update(newsItems)
      .set({ status: 'draft', publishedOn: null, publishedText: null, updatedAt: touched })
      .where(eq(newsItems.id, row.id))
      .run();
    return toRow(requireNews(db, row.id));
  });
}

/**
 * Records the news item as the realisation of an item of the informational direction of the plan
 * of the year it was published in. It counts toward an item «в течение года» (the plan's rule,
 * workPlan/realisations.ts: a record never closes such an item) and closes one of a fixed term.
 */
function realisePlanItem(db: AppDb, newsItemId: number, planItemId: number, publishedOn: string): void {
  const refuse = (message: string) => invalid(message, { planItemId: message });
  let item;
  try {
    item = getItem(db, { id: planItemId });
  } catch {
    throw refuse('Мероприятие плана не найдено: возможно, его удалили.');
  }
  const year = Number(publishedOn.slice(0, 4));
  if (item.year !== year) throw refuse(`Новость опубликована в ${year} году: выберите мероприятие плана на ${year} год.`);
  if (item.direction !== 'informational') throw refuse('Новость реализует только мероприятие информационно-аналитической деятельности.');
  db.insert(planItemLinks).values({ planItemId, kind: 'newsItem', newsItemId }).run();
}

/** The informational items of the year's plan, for the publishing dialog. */
export function newsPlanCandidates(db: AppDb, year: number): PlanCandidate[] {
  return planCandidates(db, year, ['newsItem']).filter((c) => c.direction === 'informational');
}

export function deleteNews(db: AppDb, input: { id: number }): { id: number } {
  return inTransaction(db, () => {
    const row = requireNews(db, input.id);
    recordDeletion(db, { table: newsItems, key: { id: row.id }, label: 'Удалена новость для сайта' });
    db.delete(newsItems).where(eq(newsItems.id, row.id)).run();
    return { id: row.id };
  });
}

/**
 * The list of news items: the items and the plan items their publications realise (a news item
 * realises at most one), named by the registers they belong to. A draft's headline is not read
 * here: it is drafted from the record each time, which the list must not do for every row.
 */
export function listNews(db: AppDb, input: { year: number | null; status: NewsStatus | null }): NewsList {
  const items = db
    .select({
      id: newsItems.id,
      meetingId: newsItems.meetingId,
      eventId: newsItems.eventId,
      status: newsItems.status,
      publishedOn: newsItems.publishedOn,
      publishedText: newsItems.publishedText,
      planItemId: planItemLinks.planItemId,
    })
    .from(newsItems)
    .leftJoin(planItemLinks, eq(planItemLinks.newsItemId, newsItems.id))
    .all();
  const meetings = meetingsNamedForNews(
    db,
    items.flatMap((r) => (r.meetingId === null ? [] : [r.meetingId])),
  );
  const events = eventsNamedForNews(
    db,
    items.flatMap((r) => (r.eventId === null ? [] : [r.eventId])),
  );
  const planItems = planItemsNamed(
    db,
    items.flatMap((r) => (r.planItemId === null ? [] : [r.planItemId])),
  );
  const rows = items
    .map((r) => ({ ...r, record: r.meetingId !== null ? meetings.get(r.meetingId)! : events.get(r.eventId!)! }))
    // The latest first, as the list shows them.
    .sort((a, b) => (a.record.firstDay === b.record.firstDay ? b.id - a.id : a.record.firstDay < b.record.firstDay ? 1 : -1));
  const yearOf = (r: (typeof rows)[number]) => Number(r.record.firstDay.slice(0, 4));
  const years = [...new Set(rows.map(yearOf))];
  const shown = rows.filter(
    (r) => (input.year === null || yearOf(r) === input.year) && (input.status === null || r.status === input.status),
  );
  return {
    years,
    rows: shown.map((r) => ({
      id: r.id,
      kind: r.meetingId !== null ? 'meeting' : 'event',
      recordId: r.meetingId ?? r.eventId!,
      day: r.record.firstDay,
      source: r.record.source,
      status: r.status,
      publishedOn: r.publishedOn,
      headline:
        r.publishedText === null
          ? null
          : (publishedSchema.parse(JSON.parse(r.publishedText)).find((p) => p.key === 'headline')?.text ?? null),
      planItem: r.planItemId === null ? null : (planItems.get(r.planItemId) ?? null),
    })),
  };
}

/** News items published in a period: what the report's informational section counts. */
export function newsPublished(db: AppDb, period: { from: string; to: string }): number {
  return db.$client
    .prepare('SELECT count(*) FROM news_items WHERE status = ? AND published_on BETWEEN ? AND ?')
    .pluck()
    .get('published', period.from, period.to) as number;
}
