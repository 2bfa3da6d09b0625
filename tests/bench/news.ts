import type Database from 'better-sqlite3';
import type { App } from '@main/api/app';
import type { NewsView } from '@shared/contract/news';
import { callTimer, type BenchRow } from './timing';

/**
 * News items (issue 24), for `npm run bench` and alone (`npx tsx tests/bench/news.ts`): drafting
 * the news item of the 13-question meeting of the reference data (speakers, decisions, attendees
 * by organisation and municipality) and of a held event of 100 participants (some of them
 * speakers and an organiser), on the reference-scale database. Drafting is one `news.draft`: the
 * meeting's or event's facts read through their registers, the text composed, the paragraphs
 * stored; the item is deleted between runs (not timed) so each run drafts anew. Also
 * `news.get`, which reads the facts again to mark what changed, and the list of every item.
 */
export const NEWS_TARGET_MS = 100;

export interface NewsSeed {
  meetingId: number;
  eventId: number;
}

/**
 * A held event of the reference data brought to 100 participants, all attended, three of them
 * speakers and one the organiser: the generator's events have 40 each.
 */
export function seedNewsEvent(sqlite: Database.Database): number {
  const eventId = sqlite
    .prepare(`SELECT id FROM events WHERE status = 'held' AND center_role = 'organizer' ORDER BY first_day DESC, id LIMIT 1 OFFSET 1`)
    .pluck()
    .get() as number;
  sqlite.transaction(() => {
    const count = () => sqlite.prepare('SELECT count(*) FROM event_participants WHERE event_id = ?').pluck().get(eventId) as number;
    const add = sqlite.prepare(
      `INSERT INTO event_participants (event_id, person_id, registration_number, role, status, organization_id, position)
       SELECT ?, p.id, ?, 'participant', 'attended', p.organization_id, p.position FROM people p
        WHERE p.organization_id IS NOT NULL AND p.id NOT IN (SELECT person_id FROM event_participants WHERE event_id = ?)
        ORDER BY p.id LIMIT 1 OFFSET ?`,
    );
    for (let n = count(); n < 100; n++) add.run(eventId, n + 1, eventId, n * 13);
    sqlite.prepare("UPDATE event_participants SET status = 'attended' WHERE event_id = ?").run(eventId);
    const set = sqlite.prepare('UPDATE event_participants SET role = ? WHERE event_id = ? AND registration_number = ?');
    set.run('organizer', eventId, 1);
    for (const n of [2, 3, 4]) set.run('speaker', eventId, n);
  })();
  return eventId;
}

async function ok(app: Pick<App, 'dispatch'>, name: Parameters<App['dispatch']>[0], input: unknown): Promise<unknown> {
  const result = await app.dispatch(name, input as never);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value;
}

/** The median of `runs` drafts (after three warm-up ones) of the record's news item, each deleted after it. */
async function timeDrafts(app: Pick<App, 'dispatch'>, kind: 'meeting' | 'event', recordId: number, runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const started = performance.now();
    const { id } = (await ok(app, 'news.draft', { kind, recordId })) as { id: number };
    const elapsed = performance.now() - started;
    if (i >= 3) samples.push(elapsed);
    await ok(app, 'news.delete', { id });
  }
  samples.sort((a, b) => a - b);
  return Math.round(samples[Math.floor(samples.length / 2)]! * 10) / 10;
}

export async function benchNews(app: Pick<App, 'dispatch'>, seeded: NewsSeed, runs = 15): Promise<BenchRow[]> {
  const row = (name: string, medianMs: number): BenchRow => ({ name, medianMs, targetMs: NEWS_TARGET_MS });
  const rows = [
    row('news.draft (the 13-question meeting)', await timeDrafts(app, 'meeting', seeded.meetingId, runs)),
    row('news.draft (a held event of 100 participants)', await timeDrafts(app, 'event', seeded.eventId, runs)),
  ];
  // Kept drafted for the reads (and for the list the rest of the bench may show).
  await ok(app, 'news.draft', { kind: 'meeting', recordId: seeded.meetingId });
  await ok(app, 'news.draft', { kind: 'event', recordId: seeded.eventId });
  // The timed work is the real one: the event's text counts its 100 participants, the meeting's has a paragraph per question.
  const view = async (kind: 'meeting' | 'event', recordId: number) => (await ok(app, 'news.get', { kind, recordId })) as NewsView;
  if (!/приняли участие 100 /.test((await view('event', seeded.eventId)).plain))
    throw new Error('the event drafted does not count 100 participants');
  const questions = (await view('meeting', seeded.meetingId)).paragraphs.filter((p) => p.place.startsWith('Вопрос')).length;
  if (questions !== 13) throw new Error(`the meeting drafted has ${questions} questions, not 13`);
  const time = callTimer(app, runs);
  rows.push(
    await time('news.get (the 13-question meeting)', 'news.get', { kind: 'meeting', recordId: seeded.meetingId }, NEWS_TARGET_MS),
    await time('news.get (the event of 100 participants)', 'news.get', { kind: 'event', recordId: seeded.eventId }, NEWS_TARGET_MS),
    await time('news.list (every item)', 'news.list', {}, NEWS_TARGET_MS),
  );
  return rows;
}

/** Run alone, in a fresh process: the registry, the meetings and the events at the reference scale, then the news items. */
async function main() {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { createApp } = await import('@main/api/app');
  const { generateReferenceData, scaledReference } = await import('./generate');
  const { scaledMeetings, seedMeetings, signSeeded } = await import('./meetings');
  const { scaledEvents, seedEvents } = await import('./events');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-news-'));
  const app = createApp({ dataDir });
  try {
    generateReferenceData(app.sqlite, 20170912, scaledReference(1));
    const meetings = seedMeetings(app.sqlite, 20170912, scaledMeetings(1));
    await signSeeded(app, scaledMeetings(1));
    seedEvents(app.sqlite, 20170912, scaledEvents(1));
    const eventId = seedNewsEvent(app.sqlite);
    const rows = await benchNews(app, { meetingId: meetings.thirteenItemMeetingId, eventId });
    console.log(`News items (load average ${os.loadavg()[0]!.toFixed(1)}):`);
    for (const r of rows) console.log(`${r.name}: ${r.medianMs} ms (target ${r.targetMs} ms)`);
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) await main();
