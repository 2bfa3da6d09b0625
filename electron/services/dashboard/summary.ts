import type { AppDb } from '@db/open';
import { heldEventCounts, specialistsTrainedByQuarter, upcomingEvents } from '@main/services/events';
import { listAssignments, meetingsHeldCount } from '@main/services/meetings';
import { copiesDistributed, copiesDistributedByQuarter, listPublications } from '@main/services/publications';
import { listPlanYears, planSummary } from '@main/services/workPlan';
import type { ChartSpec } from '@shared/documents/chart';
import { DASHBOARD_ROWS, type DashboardChart, type DashboardFigures, type DashboardSummary } from '@shared/contract/dashboard';
import { currentYear, QUARTERS_ROMAN, todayLocal } from '@shared/russian';

/** How far back the year picker reaches beside the plans' years. */
const PICKER_YEARS = 15;

/** The year the home screen opens on: the latest plan's up to this year (the center's working year), else this year. */
function defaultYear(planYears: number[], today: string): number {
  const thisYear = Number(today.slice(0, 4));
  return planYears.filter((y) => y <= thisYear).sort((a, b) => b - a)[0] ?? thisYear;
}

const yearDays = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

type QuarterCount = { year: number; quarter: number; value: number };

function yearFigures(db: AppDb, year: number, planYears: number[], trained: QuarterCount[]): DashboardFigures {
  const days = yearDays(year);
  // The events' statistics screen of the same year states these figures: the figure links there.
  const events = heldEventCounts(db, days);
  const plan = planYears.includes(year) ? planSummary(db, { year }).total : null;
  return {
    meetingsHeld: meetingsHeldCount(db, days),
    eventsHeld: events.own,
    eventsAttended: events.attended,
    // The indicator «Специалисты прошли обучение» and the annual report count the same: completers of the center's own events.
    specialistsTrained: trained.reduce((t, r) => t + r.value, 0),
    copiesDistributed: copiesDistributed(db, days),
    plan: plan ? { done: plan.done, total: plan.total, donePercent: plan.donePercent } : null,
  };
}

/** A quarterly count of the year as a bar chart: the four quarters, a quarter with nothing at 0. */
function quarterChart(title: string, unit: string, rows: QuarterCount[], year: number): ChartSpec {
  const values = [0, 0, 0, 0];
  for (const r of rows) if (r.year === year) values[r.quarter - 1]! += r.value;
  return { title, categories: QUARTERS_ROMAN.map((q) => `${q} квартал`), series: [{ name: title, values }], unit };
}

/** The home screen's charts are smaller than a document's: two stand side by side at 1366 px. */
const CHART_SIZE = { width: 520, height: 260 };

/** The year asked, or the one the home screen opens on; the summary and its charts resolve it alike. */
function chosenYear(db: AppDb, input: { year: number | null }, today: string) {
  const planYears = listPlanYears(db).map((p) => p.year);
  return { planYears, year: input.year ?? defaultYear(planYears, today) };
}

export async function dashboardCharts(db: AppDb, input: { year: number | null }, today = todayLocal()): Promise<DashboardChart[]> {
  const { year } = chosenYear(db, input, today);
  const trained = specialistsTrainedByQuarter(db, yearDays(year));
  const specs = [
    quarterChart(`Прошли обучение в ${year} году`, 'человек', trained, year),
    quarterChart(`Распространено экземпляров в ${year} году`, 'экз.', copiesDistributedByQuarter(db, yearDays(year)), year),
  ];
  // The chart pipeline loads on first use: the window's first chunk never carries it, nor does a call that draws nothing.
  const { chartSvg } = await import('@main/documents/chart');
  return specs.map((spec) => ({ title: spec.title, svg: drawn(spec, () => chartSvg(spec, CHART_SIZE)) }));
}

/**
 * The SVGs drawn lately, by their spec: the same figures draw the same picture, and the home screen
 * asks for its year's charts again after every change anywhere (10–40 ms a chart at the reference
 * scale, against the call's 100 ms). A changed figure is a new spec, drawn anew.
 */
const DRAWN_KEPT = 16;
const drawnCharts = new Map<string, string>();
function drawn(spec: ChartSpec, draw: () => string): string {
  const key = JSON.stringify(spec);
  const svg = drawnCharts.get(key) ?? draw();
  drawnCharts.delete(key);
  drawnCharts.set(key, svg);
  if (drawnCharts.size > DRAWN_KEPT) drawnCharts.delete(drawnCharts.keys().next().value!);
  return svg;
}

export function dashboardSummary(db: AppDb, input: { year: number | null }, today = todayLocal()): DashboardSummary {
  const { planYears, year } = chosenYear(db, input, today);
  const trained = specialistsTrainedByQuarter(db, yearDays(year));
  const recent = Array.from({ length: PICKER_YEARS }, (_, i) => currentYear() - i);
  const years = [...new Set([...planYears, ...recent, year])].sort((a, b) => b - a);
  const overdue = listAssignments(
    db,
    { state: 'overdue', organizationId: null, personId: null, groupId: null, search: '', offset: 0, limit: DASHBOARD_ROWS },
    today,
  );
  const low = listPublications(
    db,
    { kindId: null, topic: null, year: null, archive: 'active', lowOnly: true, search: '', offset: 0, limit: DASHBOARD_ROWS },
    today,
  );
  return {
    year,
    years,
    today,
    figures: yearFigures(db, year, planYears, trained),
    overdueAssignments: {
      total: overdue.total,
      rows: overdue.rows.map((a) => ({
        id: a.id,
        meetingId: a.meetingId,
        meetingLabel: a.meetingLabel,
        text: a.text,
        dueDate: a.dueDate,
        responsible: [...a.organizations.map((o) => o.name), ...a.people.map((p) => p.short)].join(', '),
      })),
    },
    upcomingEvents: upcomingEvents(db, today, DASHBOARD_ROWS),
    lowStock: {
      total: low.total,
      rows: low.rows.map((p) => ({ id: p.id, title: p.title, balance: p.balance, minStock: p.minStock })),
    },
  };
}
