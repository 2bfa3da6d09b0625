import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { NEWS_STATUSES } from '@shared/contract/newsEnums';
import { events } from './events';
import { meetings } from './meetings';
import { columnRules, jsonText, timestamps } from './rules';
import type { TablePolicies } from './tablePolicy';

/**
 * Новость для сайта (issue 24): the news item a center publishes after a held meeting or event,
 * drafted from what the register holds and edited here. One per meeting or event, its own part
 * (CASCADE: it goes with the record it tells of). The paragraphs are `Narrative`s
 * (shared/narrative) whose fields are the record's facts, so drafting it again keeps the edited
 * text and marks every fact that changed underneath it. Publishing keeps the day it appeared on
 * the website and the text as published, so a later edit of the meeting changes nothing already
 * out.
 */
export const newsItems = sqliteTable(
  'news_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
    status: text('status', { enum: NEWS_STATUSES }).notNull().default('draft'),
    /** `[{key, text, seen, edited}]`, zod-parsed on read (electron/services/news/news.ts). */
    paragraphs: jsonText('paragraphs', { shape: 'array' }).notNull(),
    publishedOn: text('published_on'),
    /** The paragraphs' printed text when published: `[{key, text}]`; null for a draft. */
    publishedText: jsonText('published_text', { shape: 'array' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('news_items_meeting_unique').on(t.meetingId),
    uniqueIndex('news_items_event_unique').on(t.eventId),
    index('news_items_published').on(t.publishedOn),
    check('news_items_source', sql`(${t.meetingId} IS NOT NULL) + (${t.eventId} IS NOT NULL) = 1`),
    check(
      'news_items_publication',
      sql`(${t.status} = 'draft' AND ${t.publishedOn} IS NULL AND ${t.publishedText} IS NULL) OR (${t.status} = 'published' AND ${t.publishedOn} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND ${t.publishedText} IS NOT NULL)`,
    ),
    ...columnRules(t),
  ],
);

/** A news item is public text: it travels with the data package like its meeting or event. */
export const newsTablePolicies: TablePolicies = {
  news_items: { label: 'Новости для сайта', package: 'all' },
};
