/**
 * The news items' fixed lists (kept apart from the contract so the schema does not pull in zod).
 * A news item is a draft until she records that it appeared on the website; «опубликовано» keeps
 * the day it appeared and the text as it was published.
 */
export const NEWS_STATUSES = ['draft', 'published'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];

export const NEWS_STATUS_LABELS: Record<NewsStatus, string> = { draft: 'Черновик', published: 'Опубликовано' };

/** What a news item is drafted from: a held meeting or a held event. */
export const NEWS_SOURCES = ['meeting', 'event'] as const;
export type NewsSourceKind = (typeof NEWS_SOURCES)[number];
