import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '@shared/contract';
import type { EventDetail } from '@shared/contract/events';
import { copiesDistributed } from '@main/services/publications';
import { appApi } from '@tests/unit/meetings/helpers';

/**
 * «Выдать материалы» on an event's page (issue 21), through the real dispatcher on the demo data:
 * the proposal of one copy per attendee, several publications written in one transaction with the
 * ledger's check, a cancelled event refused, and the distributions by event on the card and in the
 * statement; and the ledger's «распространено экземпляров» for the indicators.
 */

const api = appApi();
beforeAll(() => api.call('app.initialize', { mode: 'demo' }), 120_000);
afterAll(() => api.cleanup());
const { one, all } = api;

const typeId = () => one<{ id: number }>(`SELECT id FROM list_values WHERE list = 'eventTypes' AND value = 'Семинар'`).id;
const personIds = (n: number, offset = 5) =>
  all<{ id: number }>('SELECT id FROM people ORDER BY id LIMIT ? OFFSET ?', n, offset).map((r) => r.id);
const publicationId = (start: string) => one<{ id: number }>('SELECT id FROM publications WHERE title LIKE ?', `${start}%`).id;

async function seminar(extra: Partial<CallInput<'events.create'>> = {}): Promise<EventDetail> {
  return api.call('events.create', {
    typeId: typeId(),
    centerRole: 'organizer',
    title: 'Семинар для классных руководителей',
    level: 'municipal',
    firstDay: '2018-03-20',
    lastDay: '2018-03-21',
    ...extra,
  });
}

const refusedUnchanged: typeof api.refusedUnchanged = (name, input) => api.refusedUnchanged(name, input);

describe('handing out materials at an event', () => {
  it('proposes one copy per person marked present (per registered one before anyone is marked), of every publication on hand', async () => {
    const e = await seminar();
    await api.call('participants.add', { eventId: e.id, personIds: personIds(5) });
    let proposal = await api.call('publications.eventHandout', { eventId: e.id });
    expect([proposal.attendees, proposal.attendeesBasis, proposal.date]).toEqual([5, 'registered', '2018-03-20']);
    const detail = await api.call('events.get', { id: e.id });
    for (const p of detail.participants.slice(0, 3)) await api.call('participants.update', { id: p.id, role: p.role, status: 'attended' });
    proposal = await api.call('publications.eventHandout', { eventId: e.id });
    expect([proposal.attendees, proposal.attendeesBasis]).toEqual([3, 'attended']);
    // Today every demo publication has copies left: the collection 35, the leaflet 50 …
    expect(proposal.publications.find((p) => p.id === publicationId('Сборник'))).toMatchObject({ balance: 35, kind: 'Сборник' });
    expect(proposal.handedOut).toEqual([]);
  });

  it('writes every publication’s distribution to the event in one call, and the card and the statement group them by event', async () => {
    const e = await seminar({ title: 'Семинар «Профилактика буллинга»' });
    const collection = publicationId('Сборник');
    const leaflet = publicationId('Листовка');
    const result = await api.call('publications.handOutAtEvent', {
      eventId: e.id,
      date: '2018-03-21',
      lines: [
        { publicationId: collection, quantity: 12 },
        { publicationId: leaflet, quantity: 20 },
        { publicationId: publicationId('Памятка'), quantity: 0 },
      ],
    });
    expect(result).toMatchObject({ movements: 2, copies: 32 });
    const movements = all<{ publication_id: number; event_id: number; date: string; quantity: number; organization_id: number | null }>(
      'SELECT publication_id, event_id, date, quantity, organization_id FROM publication_movements WHERE event_id = ? ORDER BY publication_id',
      e.id,
    );
    expect(movements).toEqual(
      [
        { publication_id: collection, event_id: e.id, date: '2018-03-21', quantity: 12, organization_id: null },
        { publication_id: leaflet, event_id: e.id, date: '2018-03-21', quantity: 20, organization_id: null },
      ].sort((a, b) => a.publication_id - b.publication_id),
    );
    const card = await api.call('publications.get', { id: collection });
    expect(card.byEvent[0]).toMatchObject({ eventId: e.id, title: 'Семинар «Профилактика буллинга»', copies: 12 });
    expect(card.history.find((m) => m.recipient?.kind === 'event' && m.recipient.id === e.id)!.recipient!.label).toBe(
      'на мероприятии «Семинар «Профилактика буллинга»», 20.03.2018 – 21.03.2018',
    );
    const statement = await api.call('publications.statement', { from: '2018-01-01', to: '2018-12-31' });
    expect(statement.byEvent).toContainEqual(expect.objectContaining({ eventId: e.id, copies: 32 }));
    expect((await api.call('publications.eventHandout', { eventId: e.id })).handedOut.map((h) => h.copies).sort()).toEqual([12, 20]);
  });

  it('refuses the whole hand-out when one publication has too few copies, naming it and the shortfall', async () => {
    const e = await seminar({ title: 'Семинар для социальных педагогов' });
    const error = await refusedUnchanged('publications.handOutAtEvent', {
      eventId: e.id,
      date: '2018-03-20',
      lines: [
        { publicationId: publicationId('Листовка'), quantity: 5 },
        { publicationId: publicationId('Методические'), quantity: 500 },
      ],
    });
    expect(error.message).toMatch(/^«Методические рекомендации .*»: На 20\.03\.2018 остаток 15 экз\., не хватает 485$/);
    expect(error.fields).toEqual({ 'lines.1.quantity': 'На 20.03.2018 остаток 15 экз., не хватает 485' });
  });

  it('refuses a cancelled event, a day outside the event and an empty hand-out, with a Russian message, writing nothing', async () => {
    const e = await seminar({ title: 'Семинар, который отменили' });
    await api.call('events.setStatus', { id: e.id, status: 'cancelled' });
    const line = [{ publicationId: publicationId('Листовка'), quantity: 3 }];
    expect((await refusedUnchanged('publications.handOutAtEvent', { eventId: e.id, date: '2018-03-20', lines: line })).message).toBe(
      'Мероприятие «Семинар, который отменили» отменено: выдать на нём материалы нельзя.',
    );
    // The single movement of the card refuses it too.
    expect(
      (
        await refusedUnchanged('publications.recordMovement', {
          publicationId: publicationId('Листовка'),
          kind: 'distribution',
          date: '2018-03-20',
          quantity: 3,
          eventId: e.id,
        })
      ).message,
    ).toContain('отменено');
    const open = await seminar({ title: 'Семинар в марте' });
    expect((await refusedUnchanged('publications.handOutAtEvent', { eventId: open.id, date: '2018-03-25', lines: line })).fields).toEqual({
      date: 'Выдача на мероприятии — в его дни, с 20.03.2018 по 21.03.2018',
    });
    expect(
      (
        await refusedUnchanged('publications.handOutAtEvent', {
          eventId: open.id,
          date: '2018-03-20',
          lines: [{ ...line[0]!, quantity: 0 }],
        })
      ).message,
    ).toContain('хотя бы для одного издания');
  });

  it('keeps an event with hand-outs: its deletion is refused with a Russian message', async () => {
    const e = await seminar({ title: 'Семинар с раздачей' });
    await api.call('publications.handOutAtEvent', {
      eventId: e.id,
      date: '2018-03-20',
      lines: [{ publicationId: publicationId('Буклет'), quantity: 2 }],
    });
    expect((await refusedUnchanged('events.delete', { id: e.id })).message).toContain('на нём выдавали печатную продукцию');
  });
});

describe('«распространено экземпляров» from the ledger', () => {
  it('sums the counted distributions of the period over the segment, a reversed one netted out', async () => {
    // The demo's 2017: about 600 copies (seed 003), as the movement statement says.
    const db = api.app.db;
    expect(copiesDistributed(db, { from: '2017-01-01', to: '2017-12-31' })).toBe(605);
    expect(copiesDistributed(db, { from: '2017-11-28', to: '2017-11-28' })).toBe(30 + 35 + 25);
    const wrong = await api.call('publications.recordMovement', {
      publicationId: publicationId('Памятка'),
      kind: 'distribution',
      date: '2017-12-01',
      quantity: 7,
      organizationId: one<{ id: number }>('SELECT id FROM organizations ORDER BY id LIMIT 1').id,
    });
    expect(copiesDistributed(db, { from: '2017-01-01', to: '2017-12-31' })).toBe(612);
    await api.call('publications.reverseMovement', { movementId: wrong.id, reason: 'Внесено дважды' });
    expect(copiesDistributed(db, { from: '2017-01-01', to: '2017-12-31' })).toBe(605);
    expect(copiesDistributed(db, { from: '2016-01-01', to: '2016-12-31' })).toBe(0);
  });
});
