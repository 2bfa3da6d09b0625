import type { AppDb } from '@db/open';
import { reusedQuery } from '@db/reusedQuery';
import { centerOrganizationId } from '@main/services/registry';
import type { EventStatistics, HistoryRow, PersonHistory, StatisticsGroup } from '@shared/contract/events';
import { CENTER_ROLE_LABELS, EVENT_LEVEL_LABELS, type CenterRole, type EventLevel } from '@shared/contract/eventEnums';
import { ORGANIZATION_TYPE_LABELS, type OrganizationType } from '@shared/enums';
import { compareKeys, personFullName, sortKey } from '@shared/russian';
import { conflict } from '@main/api/errors';
import { completionRows } from './completion';

/**
 * Statistics of a period: an event belongs to the period of its first day, a cancelled one never
 * counts; participants are those who attended the center's own held events, and the specialists
 * reached leave out the center's own staff (its organisation of the registry).
 */

const OWN = `e.center_role IN ('organizer', 'coOrganizer')`;

const STATEMENTS = {
  events: `SELECT e.type_id AS typeId, lv.value AS type, e.center_role AS role, e.level AS level, m.name AS municipality, e.status AS status, count(*) AS n
    FROM events e JOIN list_values lv ON lv.id = e.type_id LEFT JOIN municipalities m ON m.id = e.municipality_id
    WHERE e.first_day BETWEEN @from AND @to AND e.status <> 'cancelled' GROUP BY 1, 3, 4, 5, 6`,
  participants: `SELECT o.type AS orgType, m.name AS municipality, count(*) AS n, count(DISTINCT p.person_id) AS people
    FROM event_participants p JOIN events e ON e.id = p.event_id
    LEFT JOIN organizations o ON o.id = p.organization_id LEFT JOIN municipalities m ON m.id = o.municipality_id
    WHERE e.first_day BETWEEN @from AND @to AND e.status = 'held' AND ${OWN} AND p.status = 'attended' GROUP BY 1, 2`,
  unique: `SELECT count(DISTINCT p.person_id) AS n FROM event_participants p JOIN events e ON e.id = p.event_id
    WHERE e.first_day BETWEEN @from AND @to AND e.status = 'held' AND ${OWN} AND p.status = 'attended' AND coalesce(p.organization_id, 0) <> @center`,
  staff: `SELECT id, title, first_day AS firstDay, last_day AS lastDay FROM events e
    WHERE e.first_day BETWEEN @from AND @to AND e.status = 'held' AND e.center_role IN ('participant', 'speaker') ORDER BY first_day, id`,
  programmes: `SELECT coalesce(sum(population_completed), 0) AS completed, coalesce(sum(population_registered), 0) AS registered FROM events e
    WHERE e.first_day BETWEEN @from AND @to AND e.status = 'held' AND e.audience = 'population'`,
  population: `SELECT lv.value AS category, sum(c.present) AS visits, count(DISTINCT c.session_id) AS sessions
    FROM session_counts c JOIN event_sessions s ON s.id = c.session_id JOIN events e ON e.id = s.event_id JOIN list_values lv ON lv.id = c.category_id
    WHERE e.first_day BETWEEN @from AND @to AND e.status = 'held' GROUP BY c.category_id ORDER BY lv.position`,
} as const;

function run<T>(db: AppDb, name: keyof typeof STATEMENTS, params: Record<string, unknown>): T[] {
  return reusedQuery(db, `events.statistics.${name}`, () => db.$client.prepare(STATEMENTS[name])).all(params) as T[];
}

function group(rows: { key: string; label: string; status: string; n: number }[], order?: readonly string[]): StatisticsGroup[] {
  const groups = new Map<string, StatisticsGroup>();
  for (const r of rows) {
    const g = groups.get(r.key) ?? { key: r.key, label: r.label, held: 0, planned: 0 };
    if (r.status === 'held') g.held += r.n;
    else g.planned += r.n;
    groups.set(r.key, g);
  }
  const list = [...groups.values()];
  return order
    ? list.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
    : list.sort((a, b) => b.held + b.planned - (a.held + a.planned) || compareKeys(sortKey(a.label), sortKey(b.label)));
}

export function eventStatistics(db: AppDb, period: { from: string; to: string }): EventStatistics {
  const params = { from: period.from, to: period.to };
  const rows = run<{
    typeId: number;
    type: string;
    role: CenterRole;
    level: EventLevel;
    municipality: string | null;
    status: string;
    n: number;
  }>(db, 'events', params);
  const participants = run<{ orgType: OrganizationType | null; municipality: string | null; n: number; people: number }>(
    db,
    'participants',
    params,
  );
  const byOrgType = new Map<string, { label: string; participations: number; people: number }>();
  const byMunicipality = new Map<string, { label: string; participations: number; people: number }>();
  for (const p of participants) {
    const t = p.orgType ? ORGANIZATION_TYPE_LABELS[p.orgType] : 'Без организации';
    const m = p.municipality ?? 'Не указано';
    for (const [map, label] of [
      [byOrgType, t],
      [byMunicipality, m],
    ] as const) {
      // A person counted in two groups of one table is still one person in each; the sums over groups are participations.
      const g = map.get(label) ?? { label, participations: 0, people: 0 };
      g.participations += p.n;
      g.people += p.people;
      map.set(label, g);
    }
  }
  const completion = completionRows(db, { kind: 'period', ...params });
  const programmes = run<{ completed: number; registered: number }>(db, 'programmes', params)[0] ?? { completed: 0, registered: 0 };
  const byCount = (a: { participations: number; label: string }, b: { participations: number; label: string }) =>
    b.participations - a.participations || compareKeys(sortKey(a.label), sortKey(b.label));
  return {
    ...params,
    events: {
      held: rows.filter((r) => r.status === 'held').reduce((s, r) => s + r.n, 0),
      planned: rows.filter((r) => r.status !== 'held').reduce((s, r) => s + r.n, 0),
    },
    byType: group(rows.map((r) => ({ key: String(r.typeId), label: r.type, status: r.status, n: r.n }))),
    byRole: group(
      rows.map((r) => ({ key: r.role, label: CENTER_ROLE_LABELS[r.role], status: r.status, n: r.n })),
      Object.keys(CENTER_ROLE_LABELS),
    ),
    byLevel: group(
      rows.map((r) => ({ key: r.level, label: EVENT_LEVEL_LABELS[r.level], status: r.status, n: r.n })),
      Object.keys(EVENT_LEVEL_LABELS),
    ),
    byMunicipality: group(
      rows.map((r) => ({ key: r.municipality ?? '', label: r.municipality ?? 'Не указано', status: r.status, n: r.n })),
    ),
    byOrganizationType: [...byOrgType.values()].sort(byCount),
    byParticipantMunicipality: [...byMunicipality.values()].sort(byCount),
    uniqueSpecialists: run<{ n: number }>(db, 'unique', { ...params, center: centerOrganizationId(db) ?? 0 })[0]?.n ?? 0,
    attendedByStaff: run(db, 'staff', params),
    completion: {
      completed: completion.filter((c) => c.completed).length,
      of: completion.filter((c) => c.counted && c.held).length,
      populationCompleted: programmes.completed,
      populationRegistered: programmes.registered,
    },
    population: run(db, 'population', params),
  };
}

const HISTORY = `SELECT e.id AS eventId, e.title, lv.value AS type, e.first_day AS firstDay, e.last_day AS lastDay, e.status,
  p.id AS participantId, p.role, p.status AS registration
  FROM event_participants p JOIN events e ON e.id = p.event_id JOIN list_values lv ON lv.id = e.type_id
  WHERE p.person_id = @personId ORDER BY e.first_day DESC, e.id DESC`;

/** A person's history: which events, in which role, with which result. */
export function personHistory(db: AppDb, personId: number): PersonHistory {
  const person = db.$client
    .prepare('SELECT last_name AS lastName, first_name AS firstName, middle_name AS middleName FROM people WHERE id = ?')
    .get(personId) as { lastName: string; firstName: string; middleName: string } | undefined;
  if (!person) throw conflict('Специалист не найден в реестре: возможно, его удалили.');
  const rows = reusedQuery(db, 'events.history', () => db.$client.prepare(HISTORY)).all({ personId }) as (Omit<
    HistoryRow,
    'present' | 'sessions' | 'completed'
  > & { participantId: number })[];
  const completion = new Map(completionRows(db, { kind: 'person', personId }).map((c) => [c.participantId, c]));
  return {
    personId,
    fullName: personFullName(person),
    rows: rows.map(({ participantId, ...r }) => {
      const c = completion.get(participantId);
      return { ...r, present: c?.present ?? 0, sessions: c?.sessions ?? 0, completed: c?.completed ?? false };
    }),
  };
}
