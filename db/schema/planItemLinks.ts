import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agendaItems, meetings } from './meetings';
import { events } from './events';
import { planItems } from './workPlan';
import { publications } from './publications';
import { newsItems } from './news';
import { columnRules } from './rules';
import type { TablePolicies } from './tablePolicy';

/**
 * «Реализует»: a record of another register that carries out a plan item, kept as a row. Today a
 * meeting realises an item, either as a whole (the meeting form's «мероприятие плана») or through
 * a question of its agenda taken from the plan; events, publications and news items will follow.
 *
 * Why one nullable foreign key per kind and not (kind, record_id): a real foreign key lets SQLite
 * remove the link in the same statement that deletes the meeting or the agenda question (CASCADE),
 * and follows an agenda question carried to another meeting without any code. A bare record_id
 * cannot reference several tables, so every register would have to remember to delete its links
 * — the very kind of fact that went stale when it was a sentence in the result note. A later
 * kind is added by a migration that adds its column (`event_id … REFERENCES events(id) ON DELETE
 * CASCADE`), its value in PLAN_LINK_KINDS and its branch of the CHECK (drizzle-kit rebuilds the
 * table for the changed CHECK), and its entry in the work plan's realisation kinds.
 */
export const PLAN_LINK_KINDS = [
  'meeting',
  'agendaItem',
  'event',
  // A publication realises its plan item once a print run of it is received (issue 21).
  'publication',
  // A news item realises an informational item once it is published (issue 24).
  'newsItem',
] as const;
export type PlanLinkKind = (typeof PLAN_LINK_KINDS)[number];

export const planItemLinks = sqliteTable(
  'plan_item_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planItemId: integer('plan_item_id')
      .notNull()
      .references(() => planItems.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: PLAN_LINK_KINDS }).notNull(),
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id, { onDelete: 'cascade' }),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
    publicationId: integer('publication_id').references(() => publications.id, { onDelete: 'cascade' }),
    newsItemId: integer('news_item_id').references(() => newsItems.id, { onDelete: 'cascade' }),
  },
  (t) => [
    // Exactly the column of its kind is set.
    check(
      'plan_item_links_kind',
      sql`((${t.meetingId} IS NOT NULL) + (${t.agendaItemId} IS NOT NULL) + (${t.eventId} IS NOT NULL) + (${t.publicationId} IS NOT NULL) + (${t.newsItemId} IS NOT NULL) = 1) AND ((${t.kind} = 'meeting' AND ${t.meetingId} IS NOT NULL) OR (${t.kind} = 'agendaItem' AND ${t.agendaItemId} IS NOT NULL) OR (${t.kind} = 'event' AND ${t.eventId} IS NOT NULL) OR (${t.kind} = 'publication' AND ${t.publicationId} IS NOT NULL) OR (${t.kind} = 'newsItem' AND ${t.newsItemId} IS NOT NULL))`,
    ),
    uniqueIndex('plan_item_links_meeting_unique').on(t.planItemId, t.meetingId),
    uniqueIndex('plan_item_links_agenda_item_unique').on(t.planItemId, t.agendaItemId),
    index('plan_item_links_by_meeting').on(t.meetingId),
    index('plan_item_links_by_agenda_item').on(t.agendaItemId),
    // An event realises one plan item (NULLs never collide).
    uniqueIndex('plan_item_links_event_unique').on(t.eventId),
    uniqueIndex('plan_item_links_publication_unique').on(t.planItemId, t.publicationId),
    index('plan_item_links_by_publication').on(t.publicationId),
    // A news item realises one plan item.
    uniqueIndex('plan_item_links_news_item_unique').on(t.newsItemId),
    ...columnRules(t),
  ],
);

export const planItemLinkTablePolicies: TablePolicies = {
  plan_item_links: { package: 'all' },
};
