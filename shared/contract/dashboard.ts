import { z } from 'zod';
import { call } from './define';
import { year } from './common';

/**
 * The home screen (issue 23): the year's key figures, what needs attention today (overdue
 * assignments, upcoming events, publications under their minimum) and two charts, each read from
 * its register through the register's public module — the same figure the register's own screen
 * shows, so a figure opens the screen it came from and reads the same there.
 */

/** The figures of the chosen year, as the registers count them. */
export interface DashboardFigures {
  /** Meetings of every working group held in the year (their first day in it). */
  meetingsHeld: number;
  /** Events the center organised or co-organised, held in the year (events.statistics «по роли центра»). */
  eventsHeld: number;
  /** Others' events the center's staff attended («Участие специалистов центра»). */
  eventsAttended: number;
  /** «Завершили обучение» over the year, by each event's completion rule. */
  specialistsTrained: number;
  /** Copies handed out in the year, from the publications' ledger. */
  copiesDistributed: number;
  /** The year's plan: items done of all, null when the year has no plan. */
  plan: { done: number; total: number; donePercent: number } | null;
}

export interface DashboardAssignment {
  id: number;
  meetingId: number;
  /** «Протокол № 2 от 20.03.2017». */
  meetingLabel: string;
  text: string;
  dueDate: string | null;
  /** The responsible people and organisations, as the assignments' register names them. */
  responsible: string;
}

export interface DashboardEvent {
  id: number;
  title: string;
  type: string;
  firstDay: string;
  lastDay: string;
}

export interface DashboardPublication {
  id: number;
  title: string;
  balance: number;
  minStock: number;
}

/** A list on the home screen: its first rows and how many there are in all. */
export interface DashboardList<T> {
  rows: T[];
  total: number;
}

export interface DashboardChart {
  title: string;
  /** Drawn in the main process by the one chart pipeline (ECharts SSR), shown as an image: no chart library in the window. */
  svg: string;
}

export interface DashboardSummary {
  year: number;
  /** The years the picker offers: the plans' years and the last fifteen, newest first. */
  years: number[];
  /** The day «overdue» and «upcoming» are counted from, ISO. */
  today: string;
  figures: DashboardFigures;
  overdueAssignments: DashboardList<DashboardAssignment>;
  upcomingEvents: DashboardList<DashboardEvent>;
  lowStock: DashboardList<DashboardPublication>;
}

/** How many rows each list of the home screen shows; «все N» opens the register. */
export const DASHBOARD_ROWS = 5;

export const dashboardCalls = {
  /** Null year: the latest year with a plan up to this one, or this year when there is none. */
  'dashboard.summary': call(z.object({ year: year.nullable().default(null) }).strict())
    .reads('meetings', 'events', 'publications', 'workPlan', 'names', 'lists')
    .returns<DashboardSummary>(),
  /**
   * The summary's two charts, of the same year (null: the same default). A call of their own: the
   * first drawing after a start loads the chart pipeline (150–400 ms), and the figures, the first
   * thing the window shows, do not wait for it.
   */
  'dashboard.charts': call(z.object({ year: year.nullable().default(null) }).strict())
    .reads('events', 'publications', 'workPlan')
    .returns<DashboardChart[]>(),
};
