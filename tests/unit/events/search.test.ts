import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '@shared/contract';
import type { EventDetail } from '@shared/contract/events';
import { appApi } from '@tests/unit/meetings/helpers';

/**
 * The events list's search goes through the search index (migration 0015, db/search.ts): an
 * event is found by its own words as it is created, renamed and deleted, and by the names of
 * its participants; case and ё/е do not matter, and FTS5 syntax typed in is only text.
 */

let api: ReturnType<typeof appApi>;
const one = <T>(sql: string, ...params: unknown[]) => api.app.sqlite.prepare(sql).get(...params) as T;

beforeAll(async () => {
  api = appApi();
  await api.call('app.initialize', { mode: 'demo' });
});
afterAll(() => api.cleanup());

const typeId = () => one<{ id: number }>(`SELECT id FROM list_values WHERE list = 'eventTypes' AND value = 'Семинар'`).id;

const found = async (search: string, year: number | null = null) =>
  (await api.call('events.list', { search, year, offset: 0, limit: 200 })).rows.map((r) => r.title);

const input = (e: EventDetail, title: string): CallInput<'events.update'>['data'] => ({
  typeId: e.typeId,
  centerRole: e.centerRole,
  title,
  level: e.level,
  format: e.format,
  audience: e.audience,
  municipalityId: e.municipalityId,
  venue: e.venue,
  organizerId: e.organizerId,
  organizerName: e.organizerName,
  programmeId: e.programmeId,
  completionRule: e.completionRule,
  completionPercent: e.completionPercent,
  hours: e.hours,
  notes: e.notes,
  planItemId: e.planItem?.id ?? null,
});

describe('the events search index', () => {
  it('finds an event once created, under its new title once renamed, and no more once deleted', async () => {
    const e = await api.call('events.create', {
      typeId: typeId(),
      centerRole: 'organizer',
      title: 'Школа приёмных родителей: ёлочные встречи',
      level: 'municipal',
      venue: 'Зал «Сосновый бор»',
      firstDay: '2019-12-20',
      lastDay: '2019-12-20',
    });
    // Case and ё/е, a word of three letters and more, of one or two, and several words at once
    // (the demo has no event in 2019; «приёмных» alone would find its «Форум приемных семей»).
    for (const q of ['ЕЛОЧНЫЕ', 'ЁЛОЧ встреч', 'сосновый БОР']) expect(await found(q), q).toEqual([e.title]);
    for (const q of ['приемных', 'ш', 'ро']) expect(await found(q, 2019), q).toEqual([e.title]);
    expect(await found('ёлочные концерты')).toEqual([]);
    // FTS5 syntax is text, never a query error: the marks are left out, the words are searched.
    for (const q of ['"ёлочные', 'ёлоч*', '(ёлочные)']) expect(await found(q), q).toEqual([e.title]);
    for (const q of ['NEAR(ёлочные)', 'ёлочные OR зал']) expect(await found(q), q).toEqual([]);

    await api.call('events.update', { id: e.id, data: input(e, 'Клуб замещающих семей «Берёзка»') });
    expect(await found('ёлочные')).toEqual([]);
    expect(await found('березка')).toEqual(['Клуб замещающих семей «Берёзка»']);

    await api.call('events.delete', { id: e.id });
    expect(await found('березка')).toEqual([]);
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM events_fts WHERE events_fts MATCH '"березка"'`).n).toBe(0);
  });

  it('finds the events a person was registered for by her name, and follows a rename in the registry', async () => {
    const person = await api.call('people.create', {
      lastName: 'Ёжикова',
      firstName: 'Алёна',
      middleName: 'Петровна',
      position: 'социальный педагог',
    });
    const titles = ['Семинар «Медиация в школе»', 'Круглый стол «Профилактика буллинга»'];
    for (const [i, title] of titles.entries()) {
      const e = await api.call('events.create', {
        typeId: typeId(),
        centerRole: 'organizer',
        title,
        level: 'municipal',
        firstDay: `2019-11-0${i + 1}`,
        lastDay: `2019-11-0${i + 1}`,
      });
      await api.call('participants.add', { eventId: e.id, personIds: [person.id] });
    }
    // The list is by date, latest first.
    expect(await found('ежикова алена')).toEqual([...titles].reverse());
    expect(await found('ЁЖИКОВА медиация')).toEqual([]);
    await api.call('people.update', { id: person.id, data: { lastName: 'Смолякова', firstName: 'Алёна', middleName: 'Петровна' } });
    expect(await found('ежикова')).toEqual([]);
    expect(await found('смолякова')).toEqual([...titles].reverse());
  });

  it('answers the same as a scan of the stored texts over the demo', async () => {
    const scan = (q: string) =>
      (
        api.app.sqlite
          .prepare(
            `SELECT e.title FROM events e WHERE e.search_text LIKE ? OR EXISTS (SELECT 1 FROM event_participants p JOIN people pe ON pe.id = p.person_id WHERE p.event_id = e.id AND pe.search_text LIKE ?) ORDER BY e.first_day DESC, e.sort_key, e.id`,
          )
          .all(`%${q}%`, `%${q}%`) as { title: string }[]
      ).map((r) => r.title);
    for (const q of ['семинар', 'конференц', 'ов', 'а', 'профилактик', 'тамбов']) {
      const expected = scan(q);
      expect(await found(q), q).toEqual(expected);
    }
    expect((await found('семинар')).length).toBeGreaterThan(0);
  });
});
