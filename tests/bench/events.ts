import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp, type App } from '@main/api/app';
import { eventKeys } from '@db/derived';
import { generateReferenceData, Random } from './generate';
import { callTimer, type BenchRow } from './timing';

/**
 * The events register at the reference scale, for `npm run bench`: 1,500 events over ten years
 * (150 a year; 70 % of one day, the rest of two or three), 60,000 participations of the
 * reference's 20,000 people, and one seminar of 300 participants × 3 sessions, all marked. Raw
 * prepared inserts that store what db/derived.ts computes, as the services would.
 */

export const EVENTS_SCALE = { events: 1500, participations: 60000, bigEvent: 300, firstYear: 2016, years: 10 };

export function scaledEvents(factor: number): typeof EVENTS_SCALE {
  return {
    ...EVENTS_SCALE,
    events: Math.max(20, Math.round(EVENTS_SCALE.events * factor)),
    participations: Math.max(400, Math.round(EVENTS_SCALE.participations * factor)),
  };
}

export const EVENT_TARGET_MS = 100;

export interface EventsSeed {
  bigEventId: number;
  year: number;
  personId: number;
}

const TITLES = [
  'Семинар «Межведомственное взаимодействие при выявлении семейного неблагополучия»',
  'Круглый стол «Профилактика социального сиротства»',
  'Мастер-класс «Тренинговые занятия с подростками группы риска»',
  'Конференция «Защита семьи и ребенка – наше общее дело»',
  'Тренинг для кандидатов в замещающие родители',
  'Вебинар «Работа с семьёй в трудной жизненной ситуации»',
];

const day = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10);

export function seedEvents(sqlite: Database.Database, seed: number, scale: typeof EVENTS_SCALE): EventsSeed {
  const random = new Random(seed + 16);
  const types = sqlite.prepare(`SELECT id, value FROM list_values WHERE list = 'eventTypes' ORDER BY position`).all() as {
    id: number;
    value: string;
  }[];
  const people = sqlite.prepare('SELECT id, organization_id AS org, position FROM people ORDER BY id').all() as {
    id: number;
    org: number | null;
    position: string;
  }[];
  const insertEvent = sqlite.prepare(
    `INSERT INTO events (type_id, center_role, title, status, first_day, last_day, level, completion_percent, search_text, sort_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSession = sqlite.prepare('INSERT INTO event_sessions (event_id, day, time_start, time_end) VALUES (?, ?, ?, ?)');
  const insertParticipant = sqlite.prepare(
    `INSERT INTO event_participants (event_id, person_id, registration_number, role, status, organization_id, position) VALUES (?, ?, ?, 'participant', ?, ?, ?)`,
  );
  const insertMark = sqlite.prepare('INSERT INTO session_marks (event_id, session_id, participant_id, mark) VALUES (?, ?, ?, ?)');
  const perEvent = Math.max(1, Math.round((scale.participations - scale.bigEvent) / scale.events));
  let bigEventId = 0;
  const lastYear = scale.firstYear + scale.years - 1;
  sqlite.transaction(() => {
    for (let i = 0; i < scale.events; i++) {
      const year = scale.firstYear + (i % scale.years);
      const big = i === scale.events - 1;
      const type = random.pick(types);
      const title = big ? 'Семинар для специалистов органов системы профилактики (300 участников)' : random.pick(TITLES);
      const days = big ? 3 : random.chance(0.7) ? 1 : random.int(2, 3);
      const start = random.int(10, 340);
      const first = day(big ? lastYear : year, start);
      const last = day(big ? lastYear : year, start + days - 1);
      const held = year < lastYear || big;
      const role = random.chance(0.7) ? 'organizer' : random.pick(['coOrganizer', 'participant', 'speaker']);
      const keys = eventKeys({
        title,
        type: type.value,
        programme: null,
        venue: '',
        organizerName: '',
        notes: '',
        firstSession: first,
        lastSession: last,
      });
      const eventId = Number(
        insertEvent.run(
          type.id,
          role,
          title,
          held ? 'held' : 'planned',
          keys.firstDay,
          keys.lastDay,
          'municipal',
          60,
          keys.searchText,
          keys.sortKey,
        ).lastInsertRowid,
      );
      if (big) bigEventId = eventId;
      const sessions = Array.from({ length: days }, (_, d) =>
        Number(insertSession.run(eventId, day(big ? lastYear : year, start + d), '10:00', '15:00').lastInsertRowid),
      );
      const count = big ? scale.bigEvent : perEvent;
      const offset = random.int(0, people.length - 1);
      for (let n = 0; n < count; n++) {
        const p = people[(offset + n * 7) % people.length]!;
        const attended = held && random.chance(0.9);
        const participantId = Number(
          insertParticipant.run(eventId, p.id, n + 1, attended ? 'attended' : 'registered', p.org, p.position).lastInsertRowid,
        );
        if (attended) for (const s of sessions) if (random.chance(0.85)) insertMark.run(eventId, s, participantId, 'present');
      }
    }
  })();
  return { bigEventId, year: lastYear - 1, personId: people[0]!.id };
}

export async function benchEvents(app: Pick<App, 'dispatch'>, seeded: EventsSeed, runs = 20): Promise<BenchRow[]> {
  const time = callTimer(app, runs);
  const y = seeded.year;
  return [
    await time('events.get (300 participants × 3)', 'events.get', { id: seeded.bigEventId }, EVENT_TARGET_MS),
    await time('events.statistics (a year)', 'events.statistics', { from: `${y}-01-01`, to: `${y}-12-31` }, EVENT_TARGET_MS),
    await time('events.list (a year, first page)', 'events.list', { year: y }, EVENT_TARGET_MS),
    await time('events.list (search «семинар»)', 'events.list', { search: 'семинар' }, EVENT_TARGET_MS),
    await time('events.personHistory', 'events.personHistory', { personId: seeded.personId }, EVENT_TARGET_MS),
  ];
}

/** Run alone (`npx tsx tests/bench/events.ts`): the reference registry and the events, then the rows. */
async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-events-'));
  const app = createApp({ dataDir });
  try {
    generateReferenceData(app.sqlite);
    const seeded = seedEvents(app.sqlite, 20170912, EVENTS_SCALE);
    const counts = app.sqlite
      .prepare(
        'SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM event_participants) AS participations, (SELECT count(*) FROM people) AS people',
      )
      .get();
    console.log(JSON.stringify(counts));
    for (const r of await benchEvents(app, seeded))
      console.log(
        `${r.medianMs <= r.targetMs ? 'ok  ' : 'SLOW'} ${r.name.padEnd(36)} ${String(r.medianMs).padStart(8)} ms (target ${r.targetMs} ms)`,
      );
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
