import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedCopy } from '@main/services/meetings/signedCopy';
import { appApi, textOf } from './helpers';

/**
 * Signed minutes are a frozen document with a versioned schema of what they print
 * (electron/services/meetings/signedCopy.ts). The copies main wrote before it (version 0, the
 * screen's type) are read through an explicit upgrade — a real one, frozen by main's demo data,
 * is committed —; a copy that cannot be read is refused in Russian and never replaced by today's data.
 */

const V0 = readFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'frozen', 'minutes-v0-main-273fa78.json'), 'utf8');

let api: ReturnType<typeof appApi>;
beforeEach(async () => {
  api = appApi();
  await api.call('app.initialize', { mode: 'demo' });
});
afterEach(() => api.cleanup());

const sqlite = () => api.app.sqlite;
/** The demo's second signed meeting of 2017, the one main's copy was frozen from. */
const meetingId = () => sqlite().prepare('SELECT id FROM meetings WHERE year = 2017 AND number = 2').pluck().get() as number;
const store = (json: string | null) => sqlite().prepare('UPDATE meetings SET signed_snapshot = ? WHERE id = ?').run(json, meetingId());
const fullMinutes = async () => textOf(await api.call('meetings.minutesDocx', { id: meetingId(), form: 'full' }));

describe('the version 0 copy main froze', () => {
  it('is upgraded to version 1 and validated: the minutes, the people as named then, the settings', () => {
    const copy = signedCopy.read(V0, 'Протокол №2');
    expect(copy.minutes.title).toBe('Протокол №2 от 14.09.2017');
    expect(copy.minutes.chair?.signature).toBe('И.В. Орлова');
    expect(copy.minutes.items).toHaveLength(5);
    expect(copy.minutes.items.every((i) => typeof i.controlReview === 'boolean')).toBe(true);
    expect(copy.settings).toEqual({
      centerFullName:
        'Тамбовское областное государственное бюджетное учреждение «Центр по оказанию психолого-педагогических услуг «Доверие»',
      threshold: 15,
      // Frozen before the group's quorum rule was kept: the minutes state no verdict.
      quorum: null,
    });
    // The live parts of the old screen type are not part of the copy.
    expect(copy.minutes).not.toHaveProperty('status');
    expect(copy.minutes).not.toHaveProperty('unlocks');
  });

  it('prints the minutes as signed, whatever the registry says since', async () => {
    store(V0);
    const before = await fullMinutes();
    expect(before).toContain('И.В. Орлова');
    expect(before).not.toContain('Кворум');
    const chair = JSON.parse(V0).meeting.chair.id as number;
    const { middleName, position, organizationId } = await api.call('people.get', { id: chair });
    await api.call('people.update', {
      id: chair,
      data: { lastName: 'Кузнецова', firstName: 'Ирина', middleName, position, organizationId },
    });
    expect(await fullMinutes()).toBe(before);
    expect((await api.call('meetings.get', { id: meetingId() })).chair?.signature).toBe('И.В. Орлова');
  });
});

describe('a copy that cannot be read', () => {
  const refusedWith = async (json: string | null, why: RegExp) => {
    store(json);
    const error = await api.refusal('meetings.minutesDocx', { id: meetingId(), form: 'full' });
    expect(error.message).toMatch(/Протокол №2 от 14\.09\.2017 \(подписан\)/);
    expect(error.message).toMatch(why);
    expect(error.message).toMatch(/не будет построен из текущих данных/);
    // The print view and the extracts are refused alike.
    expect(
      (await api.refusal('meetings.documentView', { id: meetingId(), doc: 'agenda', itemId: null, organizationId: null })).message,
    ).toBe(error.message);
    // The editor shows the record as it is now, saying why, so it can be unlocked and signed again.
    const shown = await api.call('meetings.get', { id: meetingId() });
    expect(shown.copyProblem).toBe(error.message);
    expect(shown.status).toBe('signed');
  };

  it('is refused when a field was renamed (the screen type changed under the copy)', async () => {
    const renamed = JSON.parse(V0) as { meeting: { items: Record<string, unknown>[] } };
    const { heardText, ...item } = renamed.meeting.items[0]!;
    renamed.meeting.items[0] = { ...item, heard: heardText };
    await refusedWith(JSON.stringify(renamed), /данные не соответствуют описанию документа/);
  });

  it('is refused when it is missing, damaged or of a newer version', async () => {
    await refusedWith(null, /копия отсутствует/);
    await refusedWith('{"version": 1, "data": {"minutes": 1}}', /данные не соответствуют описанию документа/);
    await refusedWith('{"version": 7, "data": {}}', /версия 7 записана более новой версией программы/);
  });

  it('is written anew by signing again after «Снять подпись», as version 1', async () => {
    store(null);
    await api.call('meetings.unlock', { id: meetingId(), reason: 'Копия протокола не сохранилась' });
    await api.call('meetings.sign', { id: meetingId() });
    const stored = JSON.parse(sqlite().prepare('SELECT signed_snapshot FROM meetings WHERE id = ?').pluck().get(meetingId()) as string);
    expect(stored).toMatchObject({ version: 1, data: { minutes: { title: 'Протокол №2 от 14.09.2017' }, settings: { threshold: 15 } } });
    expect((await api.call('meetings.get', { id: meetingId() })).copyProblem).toBeNull();
    // Frozen with today's group: the quorum rule is stated again.
    expect(await fullMinutes()).toContain('Кворум имеется');
  });
});
