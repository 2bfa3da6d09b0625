import { and, asc, count, desc, eq, exists, inArray, lt, max, ne, sql } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { recordDeletion } from '@db/journal';
import {
  agendaItems,
  assignments,
  decisions,
  meetingAttendees,
  meetingGuests,
  meetings,
  meetingUnlocks,
  PLAN_LINK_KINDS,
  planItems,
  workingGroups,
} from '@db/schema';
import { conflict, invalid } from '@main/api/errors';
import type { Page } from '@shared/contract/common';
import type { AttendanceInput, MeetingDetail, MeetingInput, MeetingRow, MinutesSettings, PlanCandidate } from '@shared/contract/meetings';
import { DEFAULT_ATTENDEE_THRESHOLD, type MeetingStatus } from '@shared/contract/meetings';
import { formatDate, todayLocal } from '@shared/russian';
import { getSetting, setSetting } from '@main/services/common/settings';
import { getProfile } from '@main/services/registry';
import { matchesAllWords } from '@main/services/common/queries';
import { getItem, planCandidates } from '@main/services/workPlan';
import { getMeeting, liveMeeting, readSignedCopy } from './detail';
import { signedCopy } from './signedCopy';
import { requireGroup } from './groups';
import { setMeetingPlanItem } from './planLinks';
import { minutesLabel, nowStamp, requireEditable, requireMeeting, requirePeople } from './shared';

const yearOf = (iso: string) => Number(iso.slice(0, 4));

export function nextNumber(db: AppDb, groupId: number, year: number): number {
  const row = db
    .select({ n: max(meetings.number) })
    .from(meetings)
    .where(and(eq(meetings.groupId, groupId), eq(meetings.year, year)))
    .get();
  return (row?.n ?? 0) + 1;
}

function requireFreeNumber(db: AppDb, groupId: number, year: number, number: number, exceptId: number | null): void {
  const clash = db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.groupId, groupId),
        eq(meetings.year, year),
        eq(meetings.number, number),
        exceptId === null ? undefined : ne(meetings.id, exceptId),
      ),
    )
    .get();
  if (clash) {
    const message = `Заседание №${number} за ${year} год у этой рабочей группы уже есть. Оставьте номер пустым, и он будет присвоен автоматически (следующий: №${nextNumber(db, groupId, year)}).`;
    throw conflict(message, { number: `Номер ${number} за ${year} год уже занят` });
  }
}

function requireNotFuture(dateStart: string, dateEnd: string | null, today: string): void {
  const last = dateEnd ?? dateStart;
  if (last > today) {
    const message = `Заседание не может быть проведено в будущем: дата ${formatDate(last)} ещё не наступила.`;
    throw invalid(message, { [dateEnd ? 'dateEnd' : 'dateStart']: message });
  }
}

/** A later date must not leave the meeting's own assignments due before it (the rule the agenda item keeps). */
function requireDueDatesAfter(db: AppDb, meetingId: number, dateStart: string): void {
  const early = db
    .select({ dueDate: assignments.dueDate, itemPosition: agendaItems.position, decisionPosition: decisions.position })
    .from(assignments)
    .innerJoin(decisions, eq(decisions.id, assignments.decisionId))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .where(and(eq(agendaItems.meetingId, meetingId), eq(assignments.permanent, false), lt(assignments.dueDate, dateStart)))
    .orderBy(asc(assignments.dueDate), asc(agendaItems.position), asc(decisions.position))
    .get();
  if (early) {
    const message = `Срок исполнения решения ${early.itemPosition}.${early.decisionPosition} (${formatDate(early.dueDate)}) раньше новой даты заседания (${formatDate(dateStart)}). Сначала измените срок поручения.`;
    throw invalid(message, { dateStart: 'Позже срока исполнения поручения' });
  }
}

function requirePlanItem(db: AppDb, planItemId: number | null): void {
  if (planItemId === null) return;
  if (!db.select({ id: planItems.id }).from(planItems).where(eq(planItems.id, planItemId)).get()) {
    throw conflict('Выбранное мероприятие плана не найдено: возможно, его удалили.', { planItemId: 'Мероприятие плана не найдено' });
  }
}

function checkInput(db: AppDb, input: MeetingInput): void {
  requireGroup(db, input.groupId);
  requirePeople(db, [input.chairId], 'chairId');
  requirePeople(db, [input.secretaryId], 'secretaryId');
  requirePlanItem(db, input.planItemId);
}

/** The stored columns the form sets, with the series the date puts the meeting in (the plan item is a link row). */
function columns(input: MeetingInput, year: number, number: number) {
  const { groupId, kind, dateStart, dateEnd, time, town, address, chairId, secretaryId } = input;
  return { groupId, kind, year, number, dateStart, dateEnd, time, town, address, chairId, secretaryId };
}

export function createMeeting(db: AppDb, input: MeetingInput, today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    checkInput(db, input);
    const group = requireGroup(db, input.groupId);
    const year = yearOf(input.dateStart);
    const number = input.number ?? nextNumber(db, input.groupId, year);
    requireFreeNumber(db, input.groupId, year, number, null);
    const row = db
      .insert(meetings)
      .values({
        ...columns(input, year, number),
        // A new meeting is chaired and minuted by the group's officers unless the form says otherwise.
        chairId: input.chairId ?? group.chairId,
        secretaryId: input.secretaryId ?? group.secretaryId,
      })
      .returning({ id: meetings.id })
      .get();
    setMeetingPlanItem(db, row.id, input.planItemId);
    return getMeeting(db, row.id, today);
  });
}

export function updateMeeting(db: AppDb, id: number, input: MeetingInput, today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    const existing = requireEditable(db, id);
    checkInput(db, input);
    const year = yearOf(input.dateStart);
    // Moving a meeting to another group or year puts it into that series under its next number.
    // The editor sends the form back whole, so the old number arriving unchanged means «not
    // chosen» for the new series, not a wish to keep №5 in a year that has only №1.
    const sameSeries = existing.groupId === input.groupId && existing.year === year;
    const chosen = sameSeries || input.number !== existing.number ? input.number : null;
    const number = chosen ?? (sameSeries ? existing.number : nextNumber(db, input.groupId, year));
    requireFreeNumber(db, input.groupId, year, number, id);
    if (existing.status !== 'draft') requireNotFuture(input.dateStart, input.dateEnd, today);
    if (input.dateStart > existing.dateStart) requireDueDatesAfter(db, id, input.dateStart);
    db.update(meetings)
      .set({ ...columns(input, year, number), updatedAt: nowStamp })
      .where(eq(meetings.id, id))
      .run();
    setMeetingPlanItem(db, id, input.planItemId);
    return getMeeting(db, id, today);
  });
}

export function deleteMeeting(db: AppDb, id: number): void {
  inTransaction(db, () => {
    const m = requireEditable(db, id);
    if (m.status !== 'draft') {
      throw conflict(`${minutesLabel(m)}: заседание уже проведено, его запись удалить нельзя. Удалить можно только черновик.`);
    }
    recordDeletion(db, { table: meetings, key: { id }, label: `Удалён черновик заседания: ${minutesLabel(m)}` });
    db.delete(meetings).where(eq(meetings.id, id)).run();
  });
}

/** Any status but «signed» drops the frozen copy: the documents follow the record again. */
function setStatus(db: AppDb, id: number, status: MeetingStatus): void {
  db.update(meetings)
    .set({ status, signedAt: status === 'signed' ? nowStamp : null, signedSnapshot: null, updatedAt: nowStamp })
    .where(eq(meetings.id, id))
    .run();
}

/**
 * Freezes what the documents show at the signature: a person, an organisation, the group or
 * the center renamed later, or a new attendee threshold, must not change signed minutes.
 */
function freezeSigned(db: AppDb, id: number, today: string): void {
  const record = requireMeeting(db, id);
  const snapshot = signedCopy.freeze({ minutes: liveMeeting(db, record, today), settings: liveMinutesSettings(db, record.groupId) });
  db.update(meetings).set({ signedSnapshot: snapshot }).where(eq(meetings.id, id)).run();
}

const liveMinutesSettings = (db: AppDb, groupId: number): MinutesSettings => ({
  centerFullName: getProfile(db).fullName,
  threshold: getAttendeeThreshold(db),
  quorum: requireGroup(db, groupId).quorum,
});

/**
 * The center's name, the attendee threshold and the group's quorum rule the documents use: for
 * signed minutes, those at signing (minutes signed before the quorum rule was kept have none).
 */
export function minutesSettings(db: AppDb, id: number): MinutesSettings {
  const record = requireMeeting(db, id);
  return readSignedCopy(record)?.settings ?? liveMinutesSettings(db, record.groupId);
}

export function holdMeeting(db: AppDb, id: number, today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    const m = requireEditable(db, id);
    if (m.status === 'held') throw conflict(`${minutesLabel(m)}: заседание уже отмечено как проведённое.`);
    requireNotFuture(m.dateStart, m.dateEnd, today);
    // The plan items it realises read as done from now on (plan_item_links): nothing to write.
    setStatus(db, id, 'held');
    return getMeeting(db, id, today);
  });
}

export function reopenMeeting(db: AppDb, id: number, today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    const m = requireEditable(db, id);
    if (m.status === 'draft') throw conflict('Заседание и так в черновиках.');
    setStatus(db, id, 'draft');
    return getMeeting(db, id, today);
  });
}

export function signMeeting(db: AppDb, id: number, today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    const m = requireEditable(db, id);
    if (m.status !== 'held') throw conflict('Подписать можно только проведённое заседание: сначала нажмите «Провести».');
    const missing: string[] = [];
    if (m.chairId === null) missing.push('председателя');
    if (m.secretaryId === null) missing.push('секретаря');
    if (missing.length) throw invalid(`Чтобы подписать протокол, укажите ${missing.join(' и ')} заседания.`);
    const items = db.select({ n: count() }).from(agendaItems).where(eq(agendaItems.meetingId, id)).get()?.n ?? 0;
    if (items === 0) throw invalid('Чтобы подписать протокол, добавьте в повестку хотя бы один вопрос.');
    const present =
      db
        .select({ n: count() })
        .from(meetingAttendees)
        .where(and(eq(meetingAttendees.meetingId, id), eq(meetingAttendees.present, true)))
        .get()?.n ?? 0;
    if (present === 0) throw invalid('Чтобы подписать протокол, отметьте присутствовавших на заседании.');
    setStatus(db, id, 'signed');
    freezeSigned(db, id, today);
    return getMeeting(db, id, today);
  });
}

export function unlockMeeting(db: AppDb, id: number, reason: string, today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    const m = requireMeeting(db, id);
    if (m.status !== 'signed') throw conflict('Протокол не подписан: снимать подпись не нужно.');
    db.insert(meetingUnlocks).values({ meetingId: id, reason }).run();
    setStatus(db, id, 'held');
    return getMeeting(db, id, today);
  });
}

export function setAttendance(db: AppDb, input: AttendanceInput, today = todayLocal()): MeetingDetail {
  return inTransaction(db, () => {
    requireEditable(db, input.meetingId);
    const personIds = input.attendees.map((a) => a.personId);
    if (new Set(personIds).size !== personIds.length) throw invalid('Один и тот же специалист указан в списке дважды.');
    requirePeople(db, personIds, 'attendees');
    requirePeople(db, input.guestIds, 'guestIds');
    const both = input.guestIds.filter((g) => personIds.includes(g) && input.attendees.find((a) => a.personId === g)?.present);
    if (both.length > 0) {
      throw invalid('Один и тот же человек отмечен и присутствующим членом группы, и приглашённым. Оставьте его в одном списке.', {
        guestIds: 'Уже отмечен среди присутствующих',
      });
    }
    for (const a of input.attendees) {
      if (!a.present && a.late)
        throw invalid('Опоздавший не может быть отмечен отсутствующим.', { attendees: 'Опоздавший отмечен отсутствующим' });
    }
    db.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, input.meetingId)).run();
    db.delete(meetingGuests).where(eq(meetingGuests.meetingId, input.meetingId)).run();
    if (input.attendees.length) {
      db.insert(meetingAttendees)
        .values(
          input.attendees.map((a) => ({
            meetingId: input.meetingId,
            personId: a.personId,
            present: a.present,
            absenceReason: a.present ? '' : a.absenceReason,
            late: a.late,
          })),
        )
        .run();
    }
    if (input.guestIds.length) {
      db.insert(meetingGuests)
        .values([...new Set(input.guestIds)].map((personId) => ({ meetingId: input.meetingId, personId })))
        .run();
    }
    return getMeeting(db, input.meetingId, today);
  });
}

export function listMeetings(
  db: AppDb,
  input: { groupId: number | null; year: number | null; status: MeetingStatus | null; search: string; offset: number; limit: number },
): Page<MeetingRow> {
  const where = and(
    input.groupId === null ? undefined : eq(meetings.groupId, input.groupId),
    input.year === null ? undefined : eq(meetings.year, input.year),
    input.status === null ? undefined : eq(meetings.status, input.status),
    input.search
      ? exists(
          db
            .select({ one: sql`1` })
            .from(agendaItems)
            .where(and(eq(agendaItems.meetingId, meetings.id), matchesAllWords(agendaItems.searchText, input.search))),
        )
      : undefined,
  );
  const rows = db
    .select({
      id: meetings.id,
      groupId: meetings.groupId,
      groupName: workingGroups.name,
      kind: meetings.kind,
      year: meetings.year,
      number: meetings.number,
      dateStart: meetings.dateStart,
      dateEnd: meetings.dateEnd,
      town: meetings.town,
      status: meetings.status,
    })
    .from(meetings)
    .innerJoin(workingGroups, eq(workingGroups.id, meetings.groupId))
    .where(where)
    .orderBy(desc(meetings.dateStart), desc(meetings.number), asc(meetings.id))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const total = db.select({ n: count() }).from(meetings).where(where).get()?.n ?? 0;
  const ids = rows.map((r) => r.id);
  const titles = ids.length
    ? db
        .select({ meetingId: agendaItems.meetingId, title: agendaItems.title })
        .from(agendaItems)
        .where(inArray(agendaItems.meetingId, ids))
        .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position))
        .all()
    : [];
  const byMeeting = new Map<number, string[]>();
  for (const t of titles) byMeeting.set(t.meetingId, [...(byMeeting.get(t.meetingId) ?? []), t.title]);
  return {
    rows: rows.map((r) => ({ ...r, topics: byMeeting.get(r.id) ?? [], itemCount: byMeeting.get(r.id)?.length ?? 0 })),
    total,
  };
}

/** The year's plan items, with those any record realises already (or an agenda holds) marked. */
export const meetingPlanCandidates = (db: AppDb, year: number): PlanCandidate[] => planCandidates(db, year, PLAN_LINK_KINDS);

export function planItemTitle(db: AppDb, planItemId: number): string {
  return getItem(db, { id: planItemId }).title;
}

const THRESHOLD_KEY = 'meetings.attendeeThreshold';

export function getAttendeeThreshold(db: AppDb): number {
  return getSetting<number>(db, THRESHOLD_KEY) ?? DEFAULT_ATTENDEE_THRESHOLD;
}

export function setAttendeeThreshold(db: AppDb, value: number): number {
  setSetting(db, THRESHOLD_KEY, value);
  return value;
}
