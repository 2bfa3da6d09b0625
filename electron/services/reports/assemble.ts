import type { AppDb } from '@db/open';
import { assignmentsGiven, meetingsHeld, type ReportedAssignments, type ReportedMeeting } from '@main/services/meetings';
import { eventsHeld, type ReportedEvent } from '@main/services/events';
import { copiesDistributed, publicationsIssued, type IssuedPublication } from '@main/services/publications';
import { reportedIndicators, type ReportedIndicator } from '@main/services/indicators';
import { findPlan, planSummary } from '@main/services/workPlan';
import { getProfile } from '@main/services/registry';
import { newsPublished } from '@main/services/news';
import type { PlanExecution } from '@shared/contract/workPlan';
import type { CenterProfile } from '@shared/contract/registry';
import type { ReportPeriod } from '@shared/contract/reports';
import { QUARTERS_ROMAN, todayLocal } from '@shared/russian';

/**
 * Everything a report of a period states, read from each register through its public module:
 * nothing here is typed twice. A yearly report adds the plan's execution, the assignments of the
 * year's signed minutes and the earlier years of every figure; a quarterly one keeps to the
 * quarter's meetings, events, distributions and indicators.
 */
export interface ReportData extends ReportPeriod {
  periodLabel: string;
  /** «за 2017 год», «за I квартал 2017 года». */
  periodPhrase: string;
  profile: CenterProfile;
  meetings: ReportedMeeting[];
  /** The genitive name of the working group whose meetings these are, when it is one group. */
  groupGenitive: string | null;
  plan: PlanExecution | null;
  events: ReportedEvent[];
  trained: number;
  issued: IssuedPublication[];
  distributed: number;
  /** The news items published on the website in the period (issue 24): the informational work. */
  newsPublished: number;
  indicators: ReportedIndicator[];
  assignments: ReportedAssignments | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function reportPeriodDays({ year, quarter }: ReportPeriod): { from: string; to: string } {
  if (quarter === null) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const last = quarter * 3;
  return { from: `${year}-${pad(last - 2)}-01`, to: `${year}-${pad(last)}-${pad(new Date(Date.UTC(year, last, 0)).getUTCDate())}` };
}

export const periodLabel = ({ year, quarter }: ReportPeriod) =>
  quarter === null ? `${year} год` : `${QUARTERS_ROMAN[quarter - 1]} квартал ${year} года`;
export const periodPhrase = ({ year, quarter }: ReportPeriod) =>
  quarter === null ? `за ${year} год` : `за ${QUARTERS_ROMAN[quarter - 1]} квартал ${year} года`;

/** A year without a plan reports no execution. */
const planOf = (db: AppDb, year: number): PlanExecution | null => (findPlan(db, year) ? planSummary(db, { year }) : null);

export function assembleReport(db: AppDb, period: ReportPeriod, today = todayLocal()): ReportData {
  const days = reportPeriodDays(period);
  const yearly = period.quarter === null;
  const meetings = meetingsHeld(db, days);
  const groups = [...new Set(meetings.map((m) => m.groupNameGenitive))];
  const events = eventsHeld(db, days);
  return {
    ...period,
    periodLabel: periodLabel(period),
    periodPhrase: periodPhrase(period),
    profile: getProfile(db),
    meetings,
    groupGenitive: groups.length === 1 ? groups[0]! : null,
    plan: yearly ? planOf(db, period.year) : null,
    events,
    // The completers of the center's own held events: what specialistsTrained counts, read from the list already made.
    trained: events.filter((e) => e.own).reduce((t, e) => t + e.completed, 0),
    issued: publicationsIssued(db, days),
    distributed: copiesDistributed(db, days),
    newsPublished: newsPublished(db, days),
    indicators: reportedIndicators(db, period.year, period.quarter, today),
    assignments: yearly ? assignmentsGiven(db, days, today) : null,
  };
}
