import { afterEach, describe, expect, it, vi } from 'vitest';
import { personInput } from '@shared/contract/registry';
import { currentYear, formatDate, formatDateLong, formatStampDate, formatStampDateTime, localDateOf, todayLocal } from '@shared/russian';
import { freshApi, segmentGroup } from '@tests/unit/meetings/helpers';

/**
 * Run by vitest.config.ts once per time zone, in worker processes started with TZ in their
 * environment. What each zone's clock says is written out here, not computed from the zone.
 */
const zone = process.env.EXPECTED_TZ ?? '';

// 2017-09-12T22:30Z: 08:30 on the 13th in Vladivostok, 00:30 on the 13th in Kaliningrad.
// 2017-09-12T21:30Z: 07:30 on the 13th in Vladivostok, 23:30 on the 12th in Kaliningrad.
const EXPECTED: Record<string, { offset: number; late: string; earlier: string; lateTime: string }> = {
  'Asia/Vladivostok': { offset: -600, late: '2017-09-13', earlier: '2017-09-13', lateTime: '13.09.2017 08:30' },
  'Europe/Kaliningrad': { offset: -120, late: '2017-09-13', earlier: '2017-09-12', lateTime: '13.09.2017 00:30' },
};

describe(`local dates in ${zone || 'an unknown zone'}`, () => {
  const expected = EXPECTED[zone];
  afterEach(() => vi.useRealTimers());

  it('runs in the zone its project set in the environment', () => {
    expect(Object.keys(EXPECTED)).toContain(zone);
    expect(process.env.TZ).toBe(zone);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
    expect(new Date('2017-09-12T12:00:00Z').getTimezoneOffset()).toBe(expected!.offset);
  });

  it('takes «today» from the local clock, not from UTC', () => {
    expect(todayLocal(new Date('2017-09-12T22:30:00Z'))).toBe(expected!.late);
    expect(todayLocal(new Date('2017-09-12T21:30:00Z'))).toBe(expected!.earlier);
    expect(currentYear(new Date('2017-12-31T21:30:00Z'))).toBe(zone === 'Asia/Vladivostok' ? 2018 : 2017);
  });

  it('shows a stored UTC timestamp as the local day: a signing at 08:30 on 13.09 in Vladivostok reads 13.09', () => {
    expect(localDateOf('2017-09-12T22:30:00.000Z')).toBe(expected!.late);
    expect(formatStampDate('2017-09-12T21:30:00.000Z')).toBe(expected!.earlier.split('-').reverse().join('.'));
    expect(formatStampDateTime('2017-09-12T22:30:00.000Z')).toBe(expected!.lateTime);
    expect(formatStampDate(null)).toBe('');
  });

  it('keeps calendar dates as they are in every zone', () => {
    expect(formatDate('2017-09-12')).toBe('12.09.2017');
    expect(formatDateLong('2017-03-20')).toBe('20 марта 2017 года');
  });

  it('lets the app call a day «today» as the local clock does: a consent and a meeting held this morning', async () => {
    // 08:30 on 13.09 in Vladivostok, 00:30 on 13.09 in Kaliningrad; still the 12th in UTC.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2017-09-12T22:30:00Z'));
    const consent = (date: string) =>
      personInput.safeParse({ lastName: 'Попова', firstName: 'Анна', pdConsent: true, pdConsentDate: date });
    expect(consent('2017-09-13').success).toBe(true);
    expect(consent('2017-09-14').success).toBe(false);

    const api = freshApi();
    try {
      const s = await segmentGroup(api);
      const m = await api.call('meetings.create', { groupId: s.group.id, kind: 'session', dateStart: '2017-09-13' });
      expect((await api.call('meetings.hold', { id: m.id })).status).toBe('held');
      const tomorrow = await api.call('meetings.create', { groupId: s.group.id, kind: 'session', dateStart: '2017-09-14' });
      expect((await api.refusal('meetings.hold', { id: tomorrow.id })).message).toContain('14.09.2017 ещё не наступила');
    } finally {
      api.cleanup();
    }
  });
});
