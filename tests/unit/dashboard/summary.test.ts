import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@main/services/app/demo';
import type { DashboardSummary } from '@shared/contract/dashboard';
import { currentYear, todayLocal } from '@shared/russian';
import { freshApi, type Api } from '@tests/unit/meetings/helpers';

/**
 * The home screen's figures on the demo data (seeds 001–003, entered through the services): each
 * equals what its register answers through its own calls — the screen the figure opens — and the
 * seed's own counts where the seed states them (seed 003: 3 meetings and 8 events attended in
 * 2017, 605 copies distributed); the demo's own seminars are of 2018.
 */
describe('the dashboard of the demo year', () => {
  let api: Api;
  let summary: DashboardSummary;
  let next: DashboardSummary;
  const year = 2017;
  const days = { from: `${year}-01-01`, to: `${year}-12-31` };
  const nextDays = { from: `${year + 1}-01-01`, to: `${year + 1}-12-31` };

  beforeAll(async () => {
    api = freshApi();
    seedDemo(api.db);
    summary = await api.call('dashboard.summary', { year });
    next = await api.call('dashboard.summary', { year: year + 1 });
  }, 120_000);
  afterAll(() => api.cleanup());

  it('counts the meetings held as the meetings register lists them (held or signed), 3 as in seed 003', async () => {
    const listed = await api.call('meetings.list', { year, limit: 500 });
    const held = listed.rows.filter((m) => m.status === 'held' || m.status === 'signed').length;
    expect(summary.figures.meetingsHeld).toBe(held);
    expect(summary.figures.meetingsHeld).toBe(3);
  });

  it('counts the events held and attended as the events statistics of the year do', async () => {
    for (const [shown, period] of [
      [summary, days],
      [next, nextDays],
    ] as const) {
      const stats = await api.call('events.statistics', period);
      const own = stats.byRole.filter((r) => r.key === 'organizer' || r.key === 'coOrganizer').reduce((t, r) => t + r.held, 0);
      expect(shown.figures.eventsHeld).toBe(own);
      expect(shown.figures.eventsAttended).toBe(stats.attendedByStaff.length);
      expect(shown.figures.eventsHeld + shown.figures.eventsAttended).toBe(stats.events.held);
    }
    expect(summary.figures.eventsAttended).toBe(8);
    expect(next.figures.eventsHeld).toBe(2);
  });

  it('counts those trained as the computed indicator «Специалисты прошли обучение» of each year does', async () => {
    const catalogue = await api.call('indicators.catalogue', {});
    const trained = catalogue.find((i) => i.name === 'Специалисты прошли обучение')!;
    const years = await api.call('indicators.yearOverYear', { indicatorId: trained.id });
    const of = (y: number) => years.years.find((f) => f.year === y)?.value ?? 0;
    expect(summary.figures.specialistsTrained).toBe(of(year));
    expect(next.figures.specialistsTrained).toBe(of(year + 1));
    expect(next.figures.specialistsTrained).toBeGreaterThan(0);
  });

  it('counts the copies distributed as the publications’ movement statement of the year does', async () => {
    const statement = await api.call('publications.statement', days);
    expect(summary.figures.copiesDistributed).toBe(statement.totals.distributed);
    expect(summary.figures.copiesDistributed).toBe(605);
  });

  it('states the plan’s execution as the plan’s summary does', async () => {
    const plan = await api.call('workPlan.summary', { year });
    expect(summary.figures.plan).toEqual({ done: plan.total.done, total: plan.total.total, donePercent: plan.total.donePercent });
  });

  it('lists the overdue assignments and the publications under their minimum as their registers do', async () => {
    const overdue = await api.call('assignments.list', { state: 'overdue', limit: 500 });
    expect(summary.overdueAssignments.total).toBe(overdue.total);
    expect(summary.overdueAssignments.rows.map((a) => a.id)).toEqual(overdue.rows.slice(0, 5).map((a) => a.id));
    expect(overdue.total).toBeGreaterThan(0);
    const low = await api.call('publications.list', { lowOnly: true, limit: 1000 });
    expect(summary.lowStock.total).toBe(low.total);
    expect(summary.lowStock.rows.map((p) => p.id)).toEqual(low.rows.slice(0, 5).map((p) => p.id));
  });

  it('lists a planned event still ahead, soonest first, and leaves out one that is over or cancelled', async () => {
    const before = summary.upcomingEvents.total;
    const [type] = (await api.call('lists.get', { list: 'eventTypes' })).values;
    const day = (years: number) => `${currentYear() + years}-06-15`;
    const event = (title: string, firstDay: string) =>
      api.call('events.create', {
        typeId: type!.id,
        centerRole: 'organizer',
        level: 'municipal',
        title,
        firstDay,
        lastDay: firstDay,
        timeStart: '',
        timeEnd: '',
      });
    const later = await event('Семинар через два года', day(2));
    const sooner = await event('Семинар через год', day(1));
    const cancelled = await event('Отменённый семинар', day(1));
    await api.call('events.setStatus', { id: cancelled.id, status: 'cancelled' });
    const next = await api.call('dashboard.summary', { year });
    expect(next.upcomingEvents.total).toBe(before + 2);
    const ids = next.upcomingEvents.rows.map((e) => e.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    expect(ids).not.toContain(cancelled.id);
  });

  it('draws its two charts as SVG with the year’s quarters, and opens on the latest plan’s year when none is asked', async () => {
    const charts = await api.call('dashboard.charts', { year });
    expect(charts.map((c) => c.title)).toEqual([`Прошли обучение в ${year} году`, `Распространено экземпляров в ${year} году`]);
    for (const chart of charts) {
      expect(chart.svg).toMatch(/^<svg/);
      expect(chart.svg).toContain('IV квартал');
    }
    const plans = await api.call('workPlan.years', {});
    const opened = await api.call('dashboard.summary', {});
    expect(opened.year).toBe(Math.max(...plans.map((p) => p.year).filter((y) => y <= Number(todayLocal().slice(0, 4)))));
    expect(opened.years).toContain(opened.year);
    // The charts asked with no year are of the year the summary opened on.
    expect((await api.call('dashboard.charts', {}))[0]!.title).toBe(`Прошли обучение в ${opened.year} году`);
  });

  it('refuses a year outside 2000–2100 in Russian', async () => {
    expect((await api.refusal('dashboard.summary', { year: 1999 })).message).toContain('2000');
  });
});
