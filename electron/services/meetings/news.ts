import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import {
  agendaItems,
  agendaSpeakers,
  decisions,
  discussionEntries,
  meetingAttendees,
  meetingGuests,
  meetings,
  people,
  workingGroups,
} from '@db/schema';
import { inChunks } from '@main/services/common/queries';
import { municipalityOfTown, organizationsPlaced, peopleInCapacity } from '@main/services/registry';
import { planItemRealisedBy } from '@main/services/workPlan';
import type { NewsPerson, NewsSource } from '@shared/contract/news';
import { MEETING_FINAL_STATUSES, MEETING_KIND_LABELS, meetingRecordLabel } from '@shared/contract/meetingEnums';
import { requireMeeting } from './shared';

/** A speaker of the minutes: a person of the registry in their capacity, or the name as typed. */
function speakersOf(db: AppDb, rows: { personId: number | null; name: string }[]): NewsPerson[] {
  const named = peopleInCapacity(
    db,
    rows.flatMap((r) => (r.personId === null ? [] : [{ personId: r.personId }])),
  );
  let at = 0;
  return rows.map((r) =>
    r.personId === null ? { name: null, typed: r.name, gender: null, position: '', organization: null } : named[at++]!,
  );
}

/**
 * A meeting as its news item tells it (issue 24): the day and place, the group, the chair, who
 * was present (counted, grouped by their organisations), and each question of the agenda with its
 * speakers, those who spoke in the discussion and the decisions. The control question of earlier
 * assignments is the group's own business and is left out.
 */
export function meetingForNews(db: AppDb, id: number): NewsSource {
  const m = requireMeeting(db, id);
  const group = db.select().from(workingGroups).where(eq(workingGroups.id, m.groupId)).get()!;
  const present = db
    .select({ personId: meetingAttendees.personId })
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.meetingId, id), eq(meetingAttendees.present, true)))
    .all()
    .map((r) => r.personId);
  const guests = db
    .select({ personId: meetingGuests.personId })
    .from(meetingGuests)
    .where(eq(meetingGuests.meetingId, id))
    .all()
    .map((r) => r.personId);
  const everyone = [...new Set([...present, ...guests])];
  const orgIds =
    everyone.length === 0
      ? []
      : db
          .select({ organizationId: people.organizationId })
          .from(people)
          .where(inArray(people.id, everyone))
          .all()
          .flatMap((r) => (r.organizationId === null ? [] : [r.organizationId]));
  const items = db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, id), eq(agendaItems.controlReview, false)))
    .orderBy(asc(agendaItems.position))
    .all();
  const parts = items.map((item, i) => ({
    key: `item-${item.id}`,
    number: i + 1,
    title: item.title,
    day: null,
    speakers: speakersOf(
      db,
      db.select().from(agendaSpeakers).where(eq(agendaSpeakers.agendaItemId, item.id)).orderBy(asc(agendaSpeakers.position)).all(),
    ),
    discussion: speakersOf(
      db,
      db.select().from(discussionEntries).where(eq(discussionEntries.agendaItemId, item.id)).orderBy(asc(discussionEntries.position)).all(),
    ),
    decisions: db
      .select({ text: decisions.text })
      .from(decisions)
      .where(eq(decisions.agendaItemId, item.id))
      .orderBy(asc(decisions.position))
      .all()
      .map((d) => d.text),
  }));
  return {
    kind: 'meeting',
    recordId: id,
    held: (MEETING_FINAL_STATUSES as readonly string[]).includes(m.status),
    firstDay: m.dateStart,
    lastDay: m.dateEnd ?? m.dateStart,
    typeLabel: MEETING_KIND_LABELS[m.kind],
    title: group.nameGenitive,
    regular: m.kind === 'session' && m.number > 1,
    remote: false,
    venue: m.address,
    municipality: municipalityOfTown(db, m.town),
    organizer: null,
    chair: m.chairId === null ? null : (peopleInCapacity(db, [{ personId: m.chairId }])[0] ?? null),
    hosts: [],
    participantCount: everyone.length,
    population: false,
    organizations: organizationsPlaced(db, orgIds),
    parts,
    speakers: [],
    programme: null,
    planItem: planItemRealisedBy(db, { meetingId: id }),
  };
}

/**
 * The meetings a list of news items tells of, as its rows name them («заседание №3 от
 * 12.09.2017, Межрайонная рабочая группа») with their days: the news register reads them here
 * rather than joining the meetings' tables itself.
 */
export function meetingsNamedForNews(
  db: AppDb,
  ids: readonly number[],
): Map<number, { firstDay: string; lastDay: string; source: string }> {
  const rows = inChunks([...new Set(ids)], (chunk) =>
    db
      .select({
        id: meetings.id,
        kind: meetings.kind,
        number: meetings.number,
        dateStart: meetings.dateStart,
        dateEnd: meetings.dateEnd,
        group: workingGroups.name,
      })
      .from(meetings)
      .innerJoin(workingGroups, eq(workingGroups.id, meetings.groupId))
      .where(inArray(meetings.id, chunk))
      .all(),
  );
  return new Map(
    rows.map((m) => [m.id, { firstDay: m.dateStart, lastDay: m.dateEnd ?? m.dateStart, source: `${meetingRecordLabel(m)}, ${m.group}` }]),
  );
}
