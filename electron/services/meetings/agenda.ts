import { and, asc, eq, gt, lt, ne, notInArray, or } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { recordDeletion } from '@db/journal';
import { agendaItemKeys, decisionKeys } from '@db/derived';
import { closeGap, nextPosition as nextIn, parkAll, swapPositions } from '@db/positions';
import {
  agendaItemOrder,
  agendaItems,
  agendaSpeakers,
  assignmentOrganizations,
  assignmentPeople,
  assignments,
  decisionOrder,
  decisions,
  discussionEntries,
  meetings,
} from '@db/schema';
import { conflict, invalid, notFound } from '@main/api/errors';
import { CONTROL_REVIEW_TITLE, type AgendaItemInput, type MeetingDetail } from '@shared/contract/meetings';
import { formatDate, todayLocal } from '@shared/russian';
import { openAssignmentsForMeeting } from './assignments';
import { getMeeting } from './detail';
import { planItemTitle } from './meetings';
import { agendaCarries, linkAgendaItem } from './planLinks';
import { MEETING_EDITABLE, requireEditable, requireOrganizations, requirePeople } from './shared';

type ItemRecord = typeof agendaItems.$inferSelect;

function requireItem(db: AppDb, id: number): ItemRecord {
  const row = db.select().from(agendaItems).where(eq(agendaItems.id, id)).get();
  if (!row) throw notFound('Запись о вопросе повестки');
  return row;
}

const inMeeting = (meetingId: number) => ({ meeting_id: meetingId });
const nextPosition = (db: AppDb, meetingId: number) => nextIn(db, agendaItemOrder, inMeeting(meetingId));

const inItem = (itemId: number) => ({ agenda_item_id: itemId });

/** `position`: the item's number, so a message names decision «2.1» as the minutes will. */
function checkItem(db: AppDb, meeting: { dateStart: string }, position: number, input: AgendaItemInput): void {
  requirePeople(
    db,
    input.speakers.map((s) => s.personId),
    'speakers',
  );
  requirePeople(
    db,
    input.discussion.map((s) => s.personId),
    'discussion',
  );
  input.decisions.forEach((d, i) => {
    if (!d.assignment) return;
    requirePeople(db, d.assignment.personIds, `decisions.${i}.assignment.personIds`);
    requireOrganizations(db, d.assignment.organizationIds, `decisions.${i}.assignment.organizationIds`);
    if (d.assignment.dueDate !== null && !d.assignment.permanent && d.assignment.dueDate < meeting.dateStart) {
      const message = `Срок исполнения решения ${position}.${i + 1} (${formatDate(d.assignment.dueDate)}) раньше даты заседания (${formatDate(meeting.dateStart)}).`;
      throw invalid(message, { [`decisions.${i}.assignment.dueDate`]: 'Срок раньше даты заседания' });
    }
  });
}

function writeParts(db: AppDb, itemId: number, input: AgendaItemInput): void {
  db.delete(agendaSpeakers).where(eq(agendaSpeakers.agendaItemId, itemId)).run();
  db.delete(discussionEntries).where(eq(discussionEntries.agendaItemId, itemId)).run();
  if (input.speakers.length) {
    db.insert(agendaSpeakers)
      .values(
        input.speakers.map((s, i) => ({
          agendaItemId: itemId,
          position: i + 1,
          personId: s.personId,
          name: s.personId === null ? s.name : '',
        })),
      )
      .run();
  }
  if (input.discussion.length) {
    db.insert(discussionEntries)
      .values(
        input.discussion.map((s, i) => ({
          agendaItemId: itemId,
          position: i + 1,
          personId: s.personId,
          name: s.personId === null ? s.name : '',
          text: s.text,
        })),
      )
      .run();
  }

  // Decisions are matched by id so an assignment keeps its progress when the item is edited. The
  // kept ones are parked first: saved in a new order, each then takes a place another just left.
  const existing = db
    .select({ id: decisions.id })
    .from(decisions)
    .where(eq(decisions.agendaItemId, itemId))
    .all()
    .map((d) => d.id);
  const keptIds = input.decisions.map((d) => d.id).filter((x): x is number => x !== null);
  const foreign = keptIds.filter((x) => !existing.includes(x));
  if (foreign.length) throw conflict('Решение не найдено в этом вопросе: обновите страницу и повторите.');
  db.delete(decisions)
    .where(and(eq(decisions.agendaItemId, itemId), keptIds.length ? notInArray(decisions.id, keptIds) : undefined))
    .run();
  parkAll(db, decisionOrder, inItem(itemId), input.decisions.length);
  input.decisions.forEach((d, i) => {
    const values = {
      agendaItemId: itemId,
      position: i + 1,
      text: d.text,
      ...decisionKeys(d),
      votesFor: d.votesFor,
      votesAgainst: d.votesAgainst,
      votesAbstained: d.votesAbstained,
    };
    let decisionId: number;
    if (d.id === null) {
      decisionId = db.insert(decisions).values(values).returning({ id: decisions.id }).get().id;
    } else {
      decisionId = d.id;
      db.update(decisions).set(values).where(eq(decisions.id, decisionId)).run();
    }
    const current = db.select().from(assignments).where(eq(assignments.decisionId, decisionId)).get();
    if (!d.assignment) {
      if (current) db.delete(assignments).where(eq(assignments.id, current.id)).run();
      return;
    }
    const due = { dueDate: d.assignment.permanent ? null : d.assignment.dueDate, permanent: d.assignment.permanent };
    let assignmentId: number;
    if (current) {
      assignmentId = current.id;
      db.update(assignments).set(due).where(eq(assignments.id, assignmentId)).run();
      db.delete(assignmentPeople).where(eq(assignmentPeople.assignmentId, assignmentId)).run();
      db.delete(assignmentOrganizations).where(eq(assignmentOrganizations.assignmentId, assignmentId)).run();
    } else {
      assignmentId = db
        .insert(assignments)
        .values({ decisionId, ...due })
        .returning({ id: assignments.id })
        .get().id;
    }
    const personIds = [...new Set(d.assignment.personIds)];
    const organizationIds = [...new Set(d.assignment.organizationIds)];
    if (personIds.length)
      db.insert(assignmentPeople)
        .values(personIds.map((personId) => ({ assignmentId, personId })))
        .run();
    if (organizationIds.length)
      db.insert(assignmentOrganizations)
        .values(organizationIds.map((organizationId) => ({ assignmentId, organizationId })))
        .run();
  });
}

function insertItem(
  db: AppDb,
  meetingId: number,
  input: AgendaItemInput,
  extra: { planItemId?: number | null; controlReview?: boolean } = {},
): number {
  const id = db
    .insert(agendaItems)
    .values({
      meetingId,
      position: nextPosition(db, meetingId),
      title: input.title,
      ...agendaItemKeys(input),
      plannedMinutes: input.plannedMinutes,
      heardText: input.heardText,
      reportAttached: input.reportAttached,
      controlReview: extra.controlReview ?? false,
    })
    .returning({ id: agendaItems.id })
    .get().id;
  if (extra.planItemId) linkAgendaItem(db, id, extra.planItemId);
  writeParts(db, id, input);
  return id;
}

const blankItem = (title: string, heardText = ''): AgendaItemInput => ({
  title,
  plannedMinutes: null,
  speakers: [],
  heardText,
  reportAttached: false,
  discussion: [],
  decisions: [],
});

export function createAgendaItem(db: AppDb, meetingId: number, input: AgendaItemInput, today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    const meeting = requireEditable(db, meetingId);
    checkItem(db, meeting, nextPosition(db, meetingId), input);
    insertItem(db, meetingId, input);
    return getMeeting(db, meetingId, today);
  });
}

/** Several questions at once, in the order given, after the questions already there. */
export function createAgendaItems(db: AppDb, meetingId: number, titles: string[], today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    requireEditable(db, meetingId);
    for (const title of titles) insertItem(db, meetingId, blankItem(title));
    return getMeeting(db, meetingId, today);
  });
}

export function updateAgendaItem(db: AppDb, id: number, input: AgendaItemInput, today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    const item = requireItem(db, id);
    const meeting = requireEditable(db, item.meetingId);
    checkItem(db, meeting, item.position, input);
    db.update(agendaItems)
      .set({
        title: input.title,
        ...agendaItemKeys(input),
        plannedMinutes: input.plannedMinutes,
        heardText: input.heardText,
        reportAttached: input.reportAttached,
      })
      .where(eq(agendaItems.id, id))
      .run();
    writeParts(db, id, input);
    return getMeeting(db, item.meetingId, today);
  });
}

export function deleteAgendaItem(db: AppDb, id: number, today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    const item = requireItem(db, id);
    requireEditable(db, item.meetingId);
    recordDeletion(db, {
      table: agendaItems,
      key: { id },
      label: `Удалён вопрос повестки «${item.title}»`,
      sequence: { column: agendaItemOrder.column, scope: agendaItemOrder.scope },
      guard: { name: MEETING_EDITABLE, args: { meetingId: item.meetingId } },
    });
    db.delete(agendaItems).where(eq(agendaItems.id, id)).run();
    closeGap(db, agendaItemOrder, inMeeting(item.meetingId), item.position);
    return getMeeting(db, item.meetingId, today);
  });
}

export function moveAgendaItem(db: AppDb, id: number, to: 'up' | 'down', today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    const item = requireItem(db, id);
    requireEditable(db, item.meetingId);
    const neighbour = db
      .select()
      .from(agendaItems)
      .where(
        and(
          eq(agendaItems.meetingId, item.meetingId),
          to === 'up' ? lt(agendaItems.position, item.position) : gt(agendaItems.position, item.position),
        ),
      )
      .orderBy(to === 'up' ? agendaItems.position : asc(agendaItems.position))
      .all();
    const other = to === 'up' ? neighbour.at(-1) : neighbour[0];
    if (other) swapPositions(db, agendaItemOrder, inMeeting(item.meetingId), item.id, other.id);
    return getMeeting(db, item.meetingId, today);
  });
}

export function addFromPlan(db: AppDb, meetingId: number, planItemId: number, today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    requireEditable(db, meetingId);
    if (agendaCarries(db, meetingId, planItemId)) throw conflict('Это мероприятие плана уже есть в повестке заседания.');
    insertItem(db, meetingId, blankItem(planItemTitle(db, planItemId)), { planItemId });
    return getMeeting(db, meetingId, today);
  });
}

/** «О ходе исполнения решений предыдущих заседаний» with the group's open assignments listed as the report. */
export function addControlReview(db: AppDb, meetingId: number, today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    const meeting = requireEditable(db, meetingId);
    const present = db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.controlReview, true)))
      .get();
    // Known by its mark, however the secretary has worded it since.
    if (present) throw conflict('Вопрос о ходе исполнения решений предыдущих заседаний уже есть в повестке.');
    // The minutes state what was overdue at the meeting: minutes typed up later must not call
    // overdue what fell due after it; for a meeting still ahead, today is as far as is known.
    const asOf = meeting.dateStart < today ? meeting.dateStart : today;
    const open = openAssignmentsForMeeting(db, meetingId, meeting.dateStart, asOf);
    const lines = open.map((a) => {
      // «Попова Л.А.» already ends with a dot.
      const who = [...a.organizations.map((o) => o.name), ...a.people.map((p) => p.short)].join(', ').replace(/\.$/, '');
      const due = a.permanent ? 'постоянно' : `до ${formatDate(a.dueDate)}`;
      const late = a.state === 'overdue' ? ' (просрочено)' : '';
      return `${a.decisionNumber} (${a.meetingLabel.replace('Протокол ', 'протокол ')}): ${a.text.replace(/[.\s]+$/, '')}. Ответственные: ${who}. Срок: ${due}${late}.`;
    });
    const heard = lines.length
      ? `На контроле ${lines.length === 1 ? 'находится поручение' : 'находятся поручения'}:\n${lines.join('\n')}`
      : 'Неисполненных поручений предыдущих заседаний нет.';
    insertItem(db, meetingId, blankItem(CONTROL_REVIEW_TITLE, heard), { controlReview: true });
    return getMeeting(db, meetingId, today);
  });
}

/** Moves an item the meeting did not reach to the group's next draft meeting, noting where it came from. */
export function carryToNext(db: AppDb, id: number, today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    const item = requireItem(db, id);
    const source = requireEditable(db, item.meetingId);
    const decided = db.select({ id: decisions.id }).from(decisions).where(eq(decisions.agendaItemId, id)).get();
    if (decided)
      throw conflict(
        'По этому вопросу уже записаны решения: рассмотренный вопрос не переносят. Удалите решения, если вопрос не рассматривался.',
      );
    const next = db
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.groupId, source.groupId),
          eq(meetings.status, 'draft'),
          ne(meetings.id, source.id),
          or(gt(meetings.dateStart, source.dateStart), and(eq(meetings.dateStart, source.dateStart), gt(meetings.id, source.id))),
        ),
      )
      .orderBy(asc(meetings.dateStart), asc(meetings.id))
      .get();
    if (!next) {
      throw conflict('Следующее заседание этой рабочей группы ещё не запланировано. Создайте его, затем перенесите вопрос.');
    }
    db.update(agendaItems)
      .set({ meetingId: next.id, position: nextPosition(db, next.id), carriedFromMeetingId: source.id })
      .where(eq(agendaItems.id, id))
      .run();
    closeGap(db, agendaItemOrder, inMeeting(source.id), item.position);
    return getMeeting(db, next.id, today);
  });
}
