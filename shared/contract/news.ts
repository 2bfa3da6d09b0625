import { z } from 'zod';
import { call, REFUSED, type FileOutput } from './define';
import { id, isoDate, optionalText, year } from './common';
import type { PlanCandidate } from './workPlan';
import type { DocumentSpec } from '@shared/documents/model';
import type { NarrativePiece } from '@shared/narrative';
import type { OrganizationType } from '@shared/enums';
import type { Gender, MunicipalityNameParts, PersonName } from '@shared/russian';
import { NEWS_SOURCES, NEWS_STATUSES, type NewsSourceKind, type NewsStatus } from './newsEnums';

export * from './newsEnums';

/**
 * Новость для сайта (issue 24): drafted from a held meeting or event in the register of the
 * center's own news (seeds 000, 001, 002, 004), edited in the app, copied for the website's
 * editor as plain text or HTML, saved as Word, and recorded as published.
 */

/**
 * A person named in a news item in their official capacity: the chair, a speaker, an organiser.
 * `name` null for a speaker typed in the minutes by name only (then `typed` is what was typed).
 */
export interface NewsPerson {
  name: PersonName | null;
  typed: string;
  gender: Gender | null;
  position: string;
  /** The organisation's name as the registry shows it (the short one when given). */
  organization: string | null;
}

/** The organisation of a participant: what the participants' sentence groups them by. */
export interface NewsOrganization {
  id: number;
  type: OrganizationType;
  municipality: (MunicipalityNameParts & { id: number; sortKey: string }) | null;
}

/** A question of the agenda, or a session of an event. */
export interface NewsPart {
  /** Stable across drafts: `item-12`, `session-4`. */
  key: string;
  number: number;
  title: string;
  /** The session's day, for an event of several days. */
  day: string | null;
  speakers: NewsPerson[];
  discussion: NewsPerson[];
  decisions: string[];
}

/**
 * What a news item is drafted from, as the meeting's or the event's register gives it (each
 * register's public module: `meetingForNews`, `eventForNews`): nothing here is typed again.
 */
export interface NewsSource {
  kind: NewsSourceKind;
  recordId: number;
  /** Held (an event «проведено», a meeting held or signed): only then is there news to tell. */
  held: boolean;
  firstDay: string;
  lastDay: string;
  /** «Круглый стол», «Заседание»: the event type or the meeting's kind, as labelled. */
  typeLabel: string;
  /** The event's title; for a meeting, the group's name in the genitive. */
  title: string;
  /** A meeting of a series that has met before this year («очередное заседание»). */
  regular: boolean;
  remote: boolean;
  /** «МУ «Центр «Светлячок»»: the venue or the meeting's address, as typed. */
  venue: string;
  /** Where it took place, when the registry knows the municipality (its stored forms). */
  municipality: MunicipalityNameParts | null;
  /** The organiser of an event of others («комитет по социальной защите населения …»). */
  organizer: string | null;
  chair: NewsPerson | null;
  /** The people who ran it (an event's participants in the role of organiser or moderator). */
  hosts: NewsPerson[];
  /** Everyone present, named or not: the count of the participants' sentence. */
  participantCount: number;
  /** The noun of the count: specialists of the registry, or people of the population. */
  population: boolean;
  organizations: NewsOrganization[];
  parts: NewsPart[];
  /** Speakers of an event (role «выступающий»); a meeting's speakers are in its parts. */
  speakers: NewsPerson[];
  programme: string | null;
  planItem: { title: string; year: number } | null;
}

/** A paragraph of a news item as the editor shows it: its text with fields and how it reads now. */
export interface NewsParagraph {
  key: string;
  /** «Начало», «Вопрос 1»: where it stands. */
  place: string;
  text: string;
  pieces: NarrativePiece[];
  /** She changed it: drafting again keeps it as she wrote it. */
  edited: boolean;
}

export interface NewsView {
  id: number;
  kind: NewsSourceKind;
  recordId: number;
  status: NewsStatus;
  publishedOn: string | null;
  paragraphs: NewsParagraph[];
  /** The facts the text may name, to insert as fields. */
  facts: { key: string; text: string }[];
  /** The plan item its publication realises. */
  planItem: { id: number; title: string; year: number } | null;
  /** Facts changed under the saved text since it was saved (0 once published: the text is kept as it went out). */
  changed: number;
  /** For the website's editor: the headline and paragraphs as plain text, and as HTML with every character of the text escaped. */
  plain: string;
  html: string;
}

export interface NewsRow {
  id: number;
  status: NewsStatus;
  publishedOn: string | null;
}

/** A row of the list of news items. */
export interface NewsListRow {
  id: number;
  kind: NewsSourceKind;
  recordId: number;
  /** The first day of the meeting or event it tells of: its year is the row's year. */
  day: string;
  /** «заседание №3 от 12.09.2017, Межрайонная рабочая группа», «семинар «…», 12.03.2024». */
  source: string;
  status: NewsStatus;
  publishedOn: string | null;
  /** The headline as it went out (a draft's reads the record each time: open it). */
  headline: string | null;
  planItem: { id: number; title: string; year: number } | null;
}

export interface NewsList {
  rows: NewsListRow[];
  /** The years that have news items, the latest first: the filter's choices. */
  years: number[];
}

const source = z
  .object({
    kind: z.enum(NEWS_SOURCES, { error: 'Укажите, заседание это или мероприятие' }),
    recordId: id,
  })
  .strict();
const byId = z.object({ id }).strict();

/** A paragraph's key: the draft's own names («opening», «item-12»), never free text. */
const paragraphKey = z.string({ error: 'Не указан абзац' }).regex(/^[a-z][a-z0-9-]{0,39}$/, 'Такого абзаца в новости нет');

const publishedDay = isoDate('Дата публикации').refine(
  (d) => d >= '2000-01-01' && d <= '2100-12-31',
  'Дата в поле «Дата публикации» должна быть между 2000 и 2100 годом',
);

const reads = ['news', 'meetings', 'events', 'names', 'organizations', 'municipalities', 'lists', 'workPlan'] as const;

export const newsCalls = {
  /** The center's news items, of a year (of what they tell of) or all, the latest first. */
  'news.list': call(
    z
      .object({
        year: year.nullable().default(null),
        status: z.enum(NEWS_STATUSES, { error: 'Неизвестное состояние новости' }).nullable().default(null),
      })
      .strict(),
  )
    .reads('news', 'meetings', 'events', 'lists', 'workPlan')
    .returns<NewsList>(),
  /** The news item of a meeting or an event; null while none is drafted. */
  'news.get': call(source)
    .reads(...reads)
    .returns<NewsView | null>(),
  'news.draft': call(source).db(['news'], REFUSED.create).returns<NewsRow>(),
  /** Drafts again from the record: paragraphs she edited stay as written, the others follow the facts. */
  'news.regenerate': call(byId).db(['news'], REFUSED.save).returns<NewsRow>(),
  'news.saveParagraph': call(z.object({ id, key: paragraphKey, text: optionalText('Текст абзаца', 4000) }).strict())
    .db(['news'], REFUSED.save)
    .returns<NewsRow>(),
  /** Published on the website; it may be recorded as the realisation of an informational item of that year's plan. */
  'news.publish': call(z.object({ id, publishedOn: publishedDay, planItemId: id.nullable().default(null) }).strict())
    .db(['news', 'workPlan'], REFUSED.publish)
    .returns<NewsRow>(),
  /** Снять с публикации: a draft again, and the plan item it realised no longer counts it. */
  'news.unpublish': call(byId).db(['news', 'workPlan'], REFUSED.reopen).returns<NewsRow>(),
  /** The informational items of the year's plan a published news item may realise. */
  'news.planCandidates': call(z.object({ year }).strict()).reads('workPlan', 'news', 'lists').returns<PlanCandidate[]>(),
  'news.delete': call(byId).db(['news', 'undo'], REFUSED.delete).returns<{ id: number }>(),
  'news.exportDocx': call(byId)
    .reads(...reads)
    .returns<FileOutput>(),
  /** The same blocks as the Word file, for the print view (PDF from the window). */
  'news.documentView': call(byId)
    .reads(...reads)
    .returns<DocumentSpec>(),
};
