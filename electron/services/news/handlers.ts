import type { newsCalls } from '@shared/contract/news';
import type { Handlers } from '@main/api/dispatch';
import { newsDocx, newsSpec } from './documents';
import {
  deleteNews,
  listNews,
  draftNewsItem,
  getNews,
  newsPlanCandidates,
  publishNews,
  regenerateNews,
  saveNewsParagraph,
  unpublishNews,
} from './news';

export const newsHandlers: Handlers<typeof newsCalls> = {
  'news.list': ({ db }, input) => listNews(db, input),
  'news.get': ({ db }, input) => getNews(db, input.kind, input.recordId),
  'news.draft': ({ db }, input) => draftNewsItem(db, input),
  'news.regenerate': ({ db }, input) => regenerateNews(db, input),
  'news.saveParagraph': ({ db }, input) => saveNewsParagraph(db, input),
  'news.publish': ({ db }, input) => publishNews(db, input),
  'news.unpublish': ({ db }, input) => unpublishNews(db, input),
  'news.planCandidates': ({ db }, input) => newsPlanCandidates(db, input.year),
  'news.delete': ({ db }, input) => deleteNews(db, input),
  'news.exportDocx': ({ db }, input) => newsDocx(db, input.id),
  'news.documentView': ({ db }, input) => newsSpec(db, input.id),
};
