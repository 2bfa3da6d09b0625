import type { AppDb } from '@db/open';
import { reusedQuery } from '@db/reusedQuery';

/**
 * «Завершили обучение», computed from the marks every time, never stored: the one SQL behind the
 * card, the list, the statistics, the Excel list and a person's history (and issue 19's
 * certificate guard). A participant completes when the event is held, they took part as a
 * participant and attended, and
 * - rule «share»: present at no less than N % of the sessions;
 * - rule «requiredSessions»: present at every session marked required (all of them when none is).
 * An excused absence is not attendance. `filter` picks the events by each table's own event_id,
 * so a 300-person event reads only its own rows.
 */
export type CompletionFilter =
  { kind: 'event'; eventId: number } | { kind: 'period'; from: string; to: string } | { kind: 'person'; personId: number };

export interface CompletionRow {
  participantId: number;
  eventId: number;
  present: number;
  sessions: number;
  /** Took part as a participant and attended: the «из» of «25 из 30». */
  counted: boolean;
  /** The event is held: only then is anyone «завершил». */
  held: boolean;
  completed: boolean;
}

const FILTERS = {
  event: (alias: string) => `${alias}event_id = @eventId`,
  period: (alias: string) => `${alias}event_id IN (SELECT id FROM events WHERE first_day BETWEEN @from AND @to)`,
  person: (alias: string) => `${alias}event_id IN (SELECT event_id FROM event_participants WHERE person_id = @personId)`,
} as const;

/** The one completion SQL, for a caller that aggregates it inside SQLite (trained.ts counts per year). */
export function completionSql(kind: keyof typeof FILTERS): string {
  const ev = FILTERS[kind];
  return `WITH st AS (SELECT event_id, count(*) AS sessions, sum(required) AS required FROM event_sessions WHERE ${ev('')} GROUP BY event_id),
pm AS (SELECT m.participant_id, sum(m.mark = 'present') AS present, sum(m.mark = 'present' AND s.required) AS required_present
       FROM session_marks m JOIN event_sessions s ON s.id = m.session_id WHERE ${ev('m.')} GROUP BY m.participant_id)
SELECT p.id AS participantId, p.event_id AS eventId, coalesce(pm.present, 0) AS present, st.sessions AS sessions,
  (p.role = 'participant' AND p.status = 'attended') AS counted, (e.status = 'held') AS held,
  (e.status = 'held' AND p.role = 'participant' AND p.status = 'attended' AND CASE e.completion_rule
     WHEN 'share' THEN coalesce(pm.present, 0) * 100 >= e.completion_percent * st.sessions
     ELSE CASE WHEN st.required > 0 THEN coalesce(pm.required_present, 0) = st.required
               ELSE coalesce(pm.present, 0) = st.sessions END END) AS completed
FROM event_participants p JOIN events e ON e.id = p.event_id JOIN st ON st.event_id = p.event_id
LEFT JOIN pm ON pm.participant_id = p.id WHERE ${ev('p.')}${kind === 'person' ? ' AND p.person_id = @personId' : ''}`;
}

export function completionRows(db: AppDb, filter: CompletionFilter): CompletionRow[] {
  const statement = reusedQuery(db, `events.completion:${filter.kind}`, () => db.$client.prepare(completionSql(filter.kind)));
  const params =
    filter.kind === 'event'
      ? { eventId: filter.eventId }
      : filter.kind === 'person'
        ? { personId: filter.personId }
        : { from: filter.from, to: filter.to };
  type Stored = Omit<CompletionRow, 'completed' | 'counted' | 'held'> & { completed: number; counted: number; held: number };
  return (statement.all(params) as Stored[]).map((r) => ({
    ...r,
    counted: r.counted === 1,
    held: r.held === 1,
    completed: r.completed === 1,
  }));
}

/** «25 из 30» per event: completers of those who attended as participants. */
export function completionTotals(rows: readonly CompletionRow[]): Map<number, { completed: number; attended: number }> {
  const byEvent = new Map<number, { completed: number; attended: number }>();
  for (const row of rows) {
    const t = byEvent.get(row.eventId) ?? { completed: 0, attended: 0 };
    if (row.counted) t.attended += 1;
    if (row.completed) t.completed += 1;
    byEvent.set(row.eventId, t);
  }
  return byEvent;
}
