import type { NewsSourceKind } from '@shared/contract/news';

/** A news item's own page, under the meeting or event it tells of. */
export const newsPath = (n: { kind: NewsSourceKind; recordId: number }) => `/news/${n.kind}/${n.recordId}`;

/** The page of the meeting or event a news item tells of. */
export const sourcePath = (n: { kind: NewsSourceKind; recordId: number }) =>
  n.kind === 'meeting' ? `/meetings/list/${n.recordId}` : `/events/list/${n.recordId}`;
