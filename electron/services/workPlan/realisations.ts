import { eq, sql, type SQL } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import {
  agendaItems,
  events,
  listValues,
  meetings,
  newsItems,
  planItemLinks,
  planItems,
  publicationMovements,
  publications,
  workPlans,
} from '@db/schema';
import type { Realisation } from '@shared/contract/workPlan';
import { MEETING_FINAL_STATUSES, meetingRecordLabel } from '@shared/contract/meetingEnums';
import { eventRecordLabel } from '@shared/contract/eventEnums';
import type { PlanStatus } from '@shared/enums';
import { reusedQuery } from '@db/reusedQuery';
import { formatDate } from '@shared/russian';

/**
 * The plan items' realising records, read from plan_item_links, and the status derived from
 * them. Nothing is written into the item when a meeting is held, re-dated or deleted: every read
 * sees the records as they are now. One entry per kind of realising record lives here; adding
 * events or publications adds their column to plan_item_links (see its comment) and their
 * branch below.
 */

/** The meeting a link row points at: directly, or through the agenda question that carries the item. */
const linkedMeeting = sql`coalesce(${planItemLinks.meetingId}, (SELECT ${agendaItems.meetingId} FROM ${agendaItems} WHERE ${agendaItems.id} = ${planItemLinks.agendaItemId}))`;

const FINAL_MEETING = sql.raw(MEETING_FINAL_STATUSES.map((s) => `'${s}'`).join(', '));

/**
 * A publication is final once a print run of it is received and counts (not reversed): the
 * ledger's rule (electron/services/publications/ledger.ts), over the link's publication.
 */
const printRunReceived = (publicationId: SQL | typeof planItemLinks.publicationId) =>
  sql`EXISTS (SELECT 1 FROM ${publicationMovements} m WHERE m.publication_id = ${publicationId} AND m.kind = 'receipt' AND NOT EXISTS (SELECT 1 FROM ${publicationMovements} r WHERE r.reverses_id = m.id))`;

/** Whether the item (the outer query's plan_items row) has a realising record in its final state. */
const hasFinalRecord = sql`EXISTS (SELECT 1 FROM ${planItemLinks} WHERE ${planItemLinks.planItemId} = ${planItems.id} AND ((SELECT ${meetings.status} FROM ${meetings} WHERE ${meetings.id} = ${linkedMeeting}) IN (${FINAL_MEETING}) OR (SELECT ${events.status} FROM ${events} WHERE ${events.id} = ${planItemLinks.eventId}) = 'held' OR (${planItemLinks.publicationId} IS NOT NULL AND ${printRunReceived(planItemLinks.publicationId)}) OR (SELECT ${newsItems.status} FROM ${newsItems} WHERE ${newsItems.id} = ${planItemLinks.newsItemId}) = 'published'))`;

/** One realising record does not close a recurring item or one due «в течение года»: she closes it herself. */
export const closedByRecord = (item: { recurring: boolean; termKind: string }) => !item.recurring && item.termKind !== 'year';

/**
 * The status the plan shows, in SQL, for filters and counts over plan_items: «выполнено» once a
 * realising record is final, unless the item closes only by hand; otherwise her own. A status she
 * set by hand never hides a held meeting.
 */
export const derivedStatus: SQL<PlanStatus> = sql<PlanStatus>`(CASE WHEN ${planItems.recurring} = 0 AND ${planItems.termKind} <> 'year' AND ${hasFinalRecord} THEN 'done' ELSE ${planItems.status} END)`;

/** The same rule in code, for an item whose realisations are loaded. */
export function statusShown(item: { status: PlanStatus; recurring: boolean; termKind: string }, realisations: Realisation[]): PlanStatus {
  return closedByRecord(item) && realisations.some((r) => r.final) ? 'done' : item.status;
}

/**
 * Realising records of the items matched by `where` (a filter of the items query, built once
 * per `shape` as its other parts are, see reusedQuery), by item id, each list by date: one entry
 * per meeting, however it is linked.
 */
export function loadRealisations(db: AppDb, shape: string, where: () => SQL, values: Record<string, unknown>): Map<number, Realisation[]> {
  const rows = reusedQuery(db, `workPlan.realisations:${shape}`, () =>
    db
      .select({
        planItemId: planItemLinks.planItemId,
        id: meetings.id,
        kind: meetings.kind,
        number: meetings.number,
        dateStart: meetings.dateStart,
        status: meetings.status,
      })
      .from(planItemLinks)
      .innerJoin(planItems, eq(planItems.id, planItemLinks.planItemId))
      .innerJoin(meetings, sql`${meetings.id} = ${linkedMeeting}`)
      .where(where())
      .prepare(),
  ).all(values);
  // An event realises an item as a whole; «проведено» is its final state (cancelled or deleted: not, or no link).
  const eventRows = reusedQuery(db, `workPlan.realisations.events:${shape}`, () =>
    db
      .select({
        planItemId: planItemLinks.planItemId,
        id: events.id,
        type: listValues.value,
        firstDay: events.firstDay,
        lastDay: events.lastDay,
        status: events.status,
      })
      .from(planItemLinks)
      .innerJoin(planItems, eq(planItems.id, planItemLinks.planItemId))
      .innerJoin(events, eq(events.id, planItemLinks.eventId))
      .innerJoin(listValues, eq(listValues.id, events.typeId))
      .where(where())
      .prepare(),
  ).all(values);
  const result = new Map<number, Realisation[]>();
  for (const r of eventRows) {
    const list = result.get(r.planItemId) ?? [];
    list.push({ kind: 'event', id: r.id, label: eventRecordLabel(r), date: r.firstDay, final: r.status === 'held' });
    result.set(r.planItemId, list);
  }
  for (const r of rows) {
    const list = result.get(r.planItemId) ?? [];
    if (list.some((x) => x.kind === 'meeting' && x.id === r.id)) continue;
    list.push({
      kind: 'meeting',
      id: r.id,
      label: meetingRecordLabel(r),
      date: r.dateStart,
      final: (MEETING_FINAL_STATUSES as readonly string[]).includes(r.status),
    });
    result.set(r.planItemId, list);
  }
  const published = reusedQuery(db, `workPlan.publicationRealisations:${shape}`, () =>
    db
      .select({
        planItemId: planItemLinks.planItemId,
        id: publications.id,
        title: publications.title,
        kind: listValues.value,
        received: sql<
          string | null
        >`(SELECT min(m.date) FROM ${publicationMovements} m WHERE m.publication_id = ${publications.id} AND m.kind = 'receipt' AND NOT EXISTS (SELECT 1 FROM ${publicationMovements} r WHERE r.reverses_id = m.id))`,
        year: publications.year,
      })
      .from(planItemLinks)
      .innerJoin(planItems, eq(planItems.id, planItemLinks.planItemId))
      .innerJoin(publications, eq(publications.id, planItemLinks.publicationId))
      .innerJoin(listValues, eq(listValues.id, publications.kindId))
      .where(where())
      .prepare(),
  ).all(values);
  for (const r of published) {
    const list = result.get(r.planItemId) ?? [];
    list.push({
      kind: 'publication',
      id: r.id,
      label: r.received
        ? `${r.kind.toLowerCase()} «${r.title.replace(/^[^«]*«(.*)»$/, '$1')}», тираж получен ${formatDate(r.received)}`
        : `${r.kind.toLowerCase()} «${r.title.replace(/^[^«]*«(.*)»$/, '$1')}»`,
      date: r.received ?? `${r.year}-12-31`,
      final: r.received !== null,
    });
    result.set(r.planItemId, list);
  }
  // A news item (issue 24) realises an informational item once published: it counts toward an item
  // «в течение года» (closedByRecord) and closes one of a fixed term.
  const news = reusedQuery(db, `workPlan.newsRealisations:${shape}`, () =>
    db
      .select({
        planItemId: planItemLinks.planItemId,
        id: newsItems.id,
        meetingId: newsItems.meetingId,
        eventId: newsItems.eventId,
        status: newsItems.status,
        publishedOn: newsItems.publishedOn,
        createdAt: newsItems.createdAt,
      })
      .from(planItemLinks)
      .innerJoin(planItems, eq(planItems.id, planItemLinks.planItemId))
      .innerJoin(newsItems, eq(newsItems.id, planItemLinks.newsItemId))
      .where(where())
      .prepare(),
  ).all(values);
  for (const r of news) {
    const list = result.get(r.planItemId) ?? [];
    list.push({
      kind: 'newsItem',
      id: r.id,
      label: r.publishedOn ? `новость на сайте от ${formatDate(r.publishedOn)}` : 'новость для сайта',
      date: r.publishedOn ?? r.createdAt.slice(0, 10),
      final: r.status === 'published',
      newsOf: r.meetingId !== null ? { kind: 'meeting', recordId: r.meetingId } : { kind: 'event', recordId: r.eventId! },
    });
    result.set(r.planItemId, list);
  }
  for (const list of result.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  return result;
}

/** The plan item a meeting (as a whole) or an event realises, with its plan's year; null when it realises none. */
export function planItemRealisedBy(
  db: AppDb,
  record: { meetingId: number } | { eventId: number },
): { id: number; title: string; year: number } | null {
  const where = 'meetingId' in record ? eq(planItemLinks.meetingId, record.meetingId) : eq(planItemLinks.eventId, record.eventId);
  return (
    db
      .select({ id: planItems.id, title: planItems.title, year: workPlans.year })
      .from(planItemLinks)
      .innerJoin(planItems, eq(planItems.id, planItemLinks.planItemId))
      .innerJoin(workPlans, eq(workPlans.id, planItems.planId))
      .where(where)
      .get() ?? null
  );
}
