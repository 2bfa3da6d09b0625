import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import {
  agendaItems,
  agendaSpeakers,
  assignmentOrganizations,
  assignmentPeople,
  assignments,
  decisions,
  discussionEntries,
  meetingAttendees,
  meetingGuests,
  meetings,
  meetingUnlocks,
  organizations,
  workingGroupMembers,
  workingGroups,
} from '@db/schema';
import type { AgendaItemView, AssignmentView, AttendeeView, MeetingDetail, PersonRef, SpeakerView } from '@shared/contract/meetings';
import { organizationDisplayName, sortedByKey, todayLocal } from '@shared/russian';
import { jobOf } from '@shared/documents/meetings/layout';
import { getItem } from '@main/services/workPlan';
import { agendaPlanItemIds, meetingPlanItemId } from './planLinks';
import { conflict, DomainError } from '@main/api/errors';
import { assignmentState, loadPeople, minutesLabel, requireMeeting, type MeetingRecord } from './shared';
import { signedCopy, type SignedCopy, type SignedMinutes } from './signedCopy';

/**
 * «Попова Л.А., социальный педагог ТОГБУ …»: how the minutes name a speaker from the registry,
 * the job title lower-cased inside the sentence (it is stored as typed).
 */
export function speakerLabel(person: PersonRef | undefined, name: string): string {
  if (!person) return name;
  const job = jobOf(person);
  return job ? `${person.short}, ${job}` : person.short;
}

/** Assignment views by decision id, with responsibles resolved. */
export function loadAssignments(db: AppDb, decisionIds: number[], today: string): Map<number, AssignmentView> {
  const result = new Map<number, AssignmentView>();
  if (decisionIds.length === 0) return result;
  const rows: (typeof assignments.$inferSelect)[] = [];
  for (let i = 0; i < decisionIds.length; i += 500) {
    rows.push(
      ...db
        .select()
        .from(assignments)
        .where(inArray(assignments.decisionId, decisionIds.slice(i, i + 500)))
        .all(),
    );
  }
  const ids = rows.map((r) => r.id);
  const personLinks: (typeof assignmentPeople.$inferSelect)[] = [];
  const orgLinks: { assignmentId: number; id: number; fullName: string; shortName: string }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    personLinks.push(...db.select().from(assignmentPeople).where(inArray(assignmentPeople.assignmentId, chunk)).all());
    orgLinks.push(
      ...db
        .select({
          assignmentId: assignmentOrganizations.assignmentId,
          id: organizations.id,
          fullName: organizations.fullName,
          shortName: organizations.shortName,
        })
        .from(assignmentOrganizations)
        .innerJoin(organizations, eq(organizations.id, assignmentOrganizations.organizationId))
        .where(inArray(assignmentOrganizations.assignmentId, chunk))
        .all(),
    );
  }
  const refs = loadPeople(
    db,
    personLinks.map((l) => l.personId),
  );
  for (const r of rows) {
    result.set(r.decisionId, {
      id: r.id,
      dueDate: r.dueDate,
      permanent: r.permanent,
      status: r.status,
      state: assignmentState(r, today),
      completionNote: r.completionNote,
      completedOn: r.completedOn,
      people: sortedByKey(
        personLinks
          .filter((l) => l.assignmentId === r.id)
          .map((l) => refs.get(l.personId))
          .filter((p): p is PersonRef => p !== undefined),
        (p) => p.fullName,
      ),
      organizations: sortedByKey(
        orgLinks.filter((l) => l.assignmentId === r.id).map((l) => ({ id: l.id, name: organizationDisplayName(l) })),
        (o) => o.name,
      ),
    });
  }
  return result;
}

/**
 * The frozen copy of signed minutes, read and upgraded (signedCopy.ts); null for minutes not
 * signed. A signed meeting whose copy is missing or cannot be read is refused in Russian: its
 * documents are never built from today's data under the old signature.
 */
export function readSignedCopy(m: MeetingRecord): SignedCopy | null {
  if (m.status !== 'signed') return null;
  const label = `${minutesLabel(m)} (подписан)`;
  if (m.signedSnapshot === null) {
    throw conflict(
      `${label}: зафиксированная при подписании копия отсутствует. Документ не будет построен из текущих данных: ` +
        'снимите подпись, указав причину, проверьте протокол и подпишите его снова — копия будет зафиксирована.',
    );
  }
  return signedCopy.read(m.signedSnapshot, label);
}

/**
 * A signed meeting as it was signed: registry renames after signing do not reach it. Only what
 * keeps moving after the signature and is not part of the minutes is read live: execution of
 * the assignments, the linked plan item's status, the unlock history.
 */
function frozenMeeting(db: AppDb, m: MeetingRecord, frozen: SignedMinutes, today: string): MeetingDetail {
  const decisionIds = frozen.items.flatMap((i) => i.decisions.filter((d) => d.assignment !== null).map((d) => d.id));
  const live = loadAssignments(db, decisionIds, today);
  // Minutes signed before the control item was marked by a column have no mark in their copy.
  const controlItems = new Set(
    db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, m.id), eq(agendaItems.controlReview, true)))
      .all()
      .map((r) => r.id),
  );
  const items = frozen.items.map((item) => ({
    ...item,
    controlReview: controlItems.has(item.id),
    decisions: item.decisions.map((d) => {
      const now = live.get(d.id);
      if (!d.assignment || !now) return d;
      const { status, state, completionNote, completedOn } = now;
      return { ...d, assignment: { ...d.assignment, status, state, completionNote, completedOn } };
    }),
  }));
  return {
    ...frozen,
    items,
    status: m.status,
    signedAt: m.signedAt,
    planItem: planItemOf(db, m),
    unlocks: unlocksOf(db, m.id),
    copyProblem: null,
  };
}

/** The plan item the meeting realises, with the status the plan shows now (held: done). */
function planItemOf(db: AppDb, m: MeetingRecord): MeetingDetail['planItem'] {
  const planItemId = meetingPlanItemId(db, m.id);
  if (planItemId === null) return null;
  const item = getItem(db, { id: planItemId });
  return { id: item.id, title: item.title, status: item.status };
}

function unlocksOf(db: AppDb, meetingId: number): MeetingDetail['unlocks'] {
  return db
    .select({ reason: meetingUnlocks.reason, at: meetingUnlocks.unlockedAt })
    .from(meetingUnlocks)
    .where(eq(meetingUnlocks.meetingId, meetingId))
    .orderBy(asc(meetingUnlocks.id))
    .all();
}

/** The meeting for the documents: a signed one as frozen at signing, refused when its copy cannot be read. */
export function documentMeeting(db: AppDb, id: number, today = todayLocal()): MeetingDetail {
  const m = requireMeeting(db, id);
  const copy = readSignedCopy(m);
  return copy ? frozenMeeting(db, m, copy.minutes, today) : liveMeeting(db, m, today);
}

/**
 * The meeting for the editor: as `documentMeeting`, except that signed minutes whose copy cannot
 * be read are shown as recorded now with the reason (`copyProblem`), so the secretary can unlock
 * them and sign again; their documents stay refused.
 */
export function getMeeting(db: AppDb, id: number, today = todayLocal()): MeetingDetail {
  try {
    return documentMeeting(db, id, today);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'conflict') throw error;
    return { ...liveMeeting(db, requireMeeting(db, id), today), copyProblem: error.message };
  }
}

/** The meeting from the current registry data: what «Подписать» freezes. */
export function liveMeeting(db: AppDb, m: MeetingRecord, today = todayLocal()): MeetingDetail {
  const id = m.id;
  const group = db.select().from(workingGroups).where(eq(workingGroups.id, m.groupId)).get()!;
  const attendance = db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, id)).all();
  const members = db
    .select({ personId: workingGroupMembers.personId })
    .from(workingGroupMembers)
    .where(eq(workingGroupMembers.groupId, m.groupId))
    .all();
  const guests = db.select().from(meetingGuests).where(eq(meetingGuests.meetingId, id)).all();
  const items = db.select().from(agendaItems).where(eq(agendaItems.meetingId, id)).orderBy(asc(agendaItems.position)).all();
  const itemIds = items.map((i) => i.id);
  const fromPlan = agendaPlanItemIds(db, itemIds);
  const speakers = itemIds.length
    ? db.select().from(agendaSpeakers).where(inArray(agendaSpeakers.agendaItemId, itemIds)).orderBy(asc(agendaSpeakers.position)).all()
    : [];
  const discussion = itemIds.length
    ? db
        .select()
        .from(discussionEntries)
        .where(inArray(discussionEntries.agendaItemId, itemIds))
        .orderBy(asc(discussionEntries.position))
        .all()
    : [];
  const decisionRows = itemIds.length
    ? db.select().from(decisions).where(inArray(decisions.agendaItemId, itemIds)).orderBy(asc(decisions.position)).all()
    : [];
  const assignmentViews = loadAssignments(
    db,
    decisionRows.map((d) => d.id),
    today,
  );
  const carriedIds = items.map((i) => i.carriedFromMeetingId).filter((x): x is number => x !== null);
  const carried = carriedIds.length
    ? new Map(
        db
          .select({ id: meetings.id, number: meetings.number, dateStart: meetings.dateStart })
          .from(meetings)
          .where(inArray(meetings.id, carriedIds))
          .all()
          .map((r) => [r.id, r]),
      )
    : new Map<number, { id: number; number: number; dateStart: string }>();

  const refs = loadPeople(db, [
    m.chairId,
    m.secretaryId,
    ...attendance.map((a) => a.personId),
    ...members.map((a) => a.personId),
    ...guests.map((g) => g.personId),
    ...speakers.map((s) => s.personId),
    ...discussion.map((s) => s.personId),
  ]);

  const memberIds = new Set(members.map((x) => x.personId));
  const recorded = new Map(attendance.map((a) => [a.personId, a]));
  const attendeeIds = new Set([...memberIds, ...recorded.keys()]);
  const attendees: AttendeeView[] = sortedByKey(
    [...attendeeIds]
      .map((pid) => {
        const person = refs.get(pid);
        if (!person) return null;
        const a = recorded.get(pid);
        return {
          person,
          present: a?.present ?? false,
          absenceReason: a?.absenceReason ?? '',
          late: a?.late ?? false,
          member: memberIds.has(pid),
          recorded: a !== undefined,
        };
      })
      .filter((a): a is AttendeeView => a !== null),
    (a) => a.person.fullName,
  );

  const toSpeaker = (s: { personId: number | null; name: string }): SpeakerView => ({
    personId: s.personId,
    name: s.name,
    label: speakerLabel(s.personId === null ? undefined : refs.get(s.personId), s.name),
  });

  const itemViews: AgendaItemView[] = items.map((item) => {
    const from = item.carriedFromMeetingId === null ? undefined : carried.get(item.carriedFromMeetingId);
    return {
      id: item.id,
      position: item.position,
      title: item.title,
      plannedMinutes: item.plannedMinutes,
      heardText: item.heardText,
      reportAttached: item.reportAttached,
      carriedFrom: from
        ? { meetingId: from.id, label: `перенесён с заседания: ${minutesLabel(from).replace('Протокол ', 'протокол ')}` }
        : null,
      planItemId: fromPlan.get(item.id) ?? null,
      controlReview: item.controlReview,
      speakers: speakers.filter((s) => s.agendaItemId === item.id).map(toSpeaker),
      discussion: discussion.filter((s) => s.agendaItemId === item.id).map((s) => ({ ...toSpeaker(s), text: s.text })),
      decisions: decisionRows
        .filter((d) => d.agendaItemId === item.id)
        .map((d) => ({
          id: d.id,
          position: d.position,
          number: `${item.position}.${d.position}`,
          text: d.text,
          votesFor: d.votesFor,
          votesAgainst: d.votesAgainst,
          votesAbstained: d.votesAbstained,
          assignment: assignmentViews.get(d.id) ?? null,
        })),
    };
  });

  return {
    id: m.id,
    group: { id: group.id, name: group.name, nameGenitive: group.nameGenitive },
    kind: m.kind,
    year: m.year,
    number: m.number,
    dateStart: m.dateStart,
    dateEnd: m.dateEnd,
    time: m.time,
    town: m.town,
    address: m.address,
    chair: m.chairId === null ? null : (refs.get(m.chairId) ?? null),
    secretary: m.secretaryId === null ? null : (refs.get(m.secretaryId) ?? null),
    status: m.status,
    signedAt: m.signedAt,
    planItem: planItemOf(db, m),
    unlocks: unlocksOf(db, id),
    copyProblem: null,
    attendees,
    guests: sortedByKey(
      guests.map((g) => refs.get(g.personId)).filter((p): p is PersonRef => p !== undefined),
      (p) => p.fullName,
    ),
    items: itemViews,
    title: minutesLabel(m),
  };
}
