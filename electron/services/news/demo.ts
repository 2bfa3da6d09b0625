import type { AppDb } from '@db/open';
import { draftNewsItem, publishNews } from './news';

/**
 * The demo's news items, through the services: the first held meeting's, published on the
 * website the day after it (the report of its year counts it), and the held seminar's, a draft
 * left to edit.
 */
export function seedDemoNews(db: AppDb): void {
  const meeting = db.$client
    .prepare(`SELECT id, date_start AS day FROM meetings WHERE status IN ('held', 'signed') ORDER BY date_start LIMIT 1`)
    .get() as { id: number; day: string } | undefined;
  if (meeting) {
    const news = draftNewsItem(db, { kind: 'meeting', recordId: meeting.id });
    const next = new Date(`${meeting.day}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    publishNews(db, { id: news.id, publishedOn: next.toISOString().slice(0, 10) });
  }
  const seminar = db.$client
    .prepare(`SELECT id FROM events WHERE status = 'held' AND center_role = 'organizer' ORDER BY first_day DESC LIMIT 1`)
    .get() as { id: number } | undefined;
  if (seminar) draftNewsItem(db, { kind: 'event', recordId: seminar.id });
}
