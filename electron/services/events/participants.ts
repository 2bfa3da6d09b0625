import { and, eq, inArray, max } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { recordDeletion } from '@db/journal';
import { eventParticipants, eventSessions, people, sessionMarks } from '@db/schema';
import { conflict, invalid } from '@main/api/errors';
import { inChunks, inIdList, insertMany } from '@main/services/common/queries';
import { createPerson } from '@main/services/registry';
import type {
  AddedParticipants,
  EventDetail,
  MarkedByNumbers,
  MarksInput,
  ParticipantRole,
  ParticipantUpdateInput,
  WalkInInput,
} from '@shared/contract/events';
import { REGISTRATION_STATUS_LABELS, type ParticipantSource } from '@shared/contract/eventEnums';
import { parseRegistrationNumbers } from '@shared/contract/registrationNumbers';
import { formatDate, personFullName, todayLocal } from '@shared/russian';
import { getEvent } from './detail';
import { refuseIfCertified } from './completers';
import { requireEvent, requireParticipant, requireSession, requireSpecialists } from './shared';

/** The next registration number of the event: max + 1, so a number once printed is never reused for another person while it stands. */
function nextNumber(db: AppDb, eventId: number): number {
  return (
    (db
      .select({ n: max(eventParticipants.registrationNumber) })
      .from(eventParticipants)
      .where(eq(eventParticipants.eventId, eventId))
      .get()?.n ?? 0) + 1
  );
}

/**
 * What an import's matching read of the event, in a few aggregates: its audience and its list
 * (ids are AUTOINCREMENT, so a participant added after one removed still changes the largest).
 * Equal while nobody was added to or removed from the list and the event is still for specialists.
 */
export function participantListState(db: AppDb, eventId: number): string {
  return db.$client
    .prepare(
      `SELECT json_array(e.audience, count(p.id), max(p.id)) FROM events e LEFT JOIN event_participants p ON p.event_id = e.id WHERE e.id = ?`,
    )
    .pluck()
    .get(eventId) as string;
}

/** Registers people of the registry with their workplace and position as they are today. */
function register(
  db: AppDb,
  eventId: number,
  personIds: number[],
  role: ParticipantRole,
  origin: { source: ParticipantSource; importRunId?: number },
): AddedParticipants {
  const already = new Set(
    db
      .select({ personId: eventParticipants.personId })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, eventId), inIdList(eventParticipants.personId, personIds)))
      .all()
      .map((r) => r.personId),
  );
  const wanted = [...new Set(personIds)].filter((id) => !already.has(id));
  const found = db
    .select({ id: people.id, organizationId: people.organizationId, position: people.position })
    .from(people)
    .where(inIdList(people.id, wanted))
    .all();
  if (found.length !== wanted.length)
    throw conflict('Некоторые из выбранных специалистов не найдены в реестре: возможно, их удалили. Выберите участников ещё раз.');
  const byId = new Map(found.map((p) => [p.id, p]));
  let number = nextNumber(db, eventId);
  const rows = wanted.map((personId) => {
    const p = byId.get(personId)!;
    return {
      eventId,
      personId,
      registrationNumber: number++,
      role,
      organizationId: p.organizationId,
      position: p.position,
      source: origin.source,
      importRunId: origin.importRunId ?? null,
    };
  });
  // An imported list of thousands: a few prepared statements, not a query built per few hundred.
  insertMany(db, eventParticipants, rows);
  return { added: wanted.length, skipped: personIds.length - wanted.length };
}

export function addParticipants(db: AppDb, input: { eventId: number; personIds: number[]; role: ParticipantRole }): AddedParticipants {
  return inTransaction(db, () => {
    requireSpecialists(requireEvent(db, input.eventId));
    return register(db, input.eventId, input.personIds, input.role, { source: 'manual' });
  });
}

/**
 * The participants of an imported list (issue 17), in the list's order: numbered after those
 * already registered, with their workplace and position as the registry has them today, and
 * marked as brought by that import (its report's id), not as entered by hand.
 */
export function addImportedParticipants(db: AppDb, eventId: number, personIds: number[], importRunId: number): AddedParticipants {
  return inTransaction(db, () => {
    requireSpecialists(requireEvent(db, eventId));
    return register(db, eventId, personIds, 'participant', { source: 'import', importRunId });
  });
}

/** One step at the door: the person into the registry, onto the list, and marked present at the session given. */
export function addWalkIn(db: AppDb, input: WalkInInput, today = todayLocal()): EventDetail {
  return inTransaction(db, () => {
    const event = requireEvent(db, input.eventId);
    requireSpecialists(event);
    if (input.presentAt !== null && requireSession(db, input.presentAt).eventId !== event.id) {
      throw invalid('Занятие относится к другому мероприятию.', { presentAt: 'Занятие другого мероприятия' });
    }
    const person = createPerson(db, input.person);
    register(db, event.id, [person.id], input.role, { source: 'walkIn' });
    if (input.presentAt !== null) {
      const participant = db
        .select({ id: eventParticipants.id })
        .from(eventParticipants)
        .where(and(eq(eventParticipants.eventId, event.id), eq(eventParticipants.personId, person.id)))
        .get()!;
      writeMarks(db, event.id, input.presentAt, [{ participantId: participant.id, mark: 'present' }]);
    }
    return getEvent(db, event.id, today);
  });
}

/** Days a participant is marked present at, for a refusal that says which marks to take off. */
function presentDays(db: AppDb, participantId: number): string[] {
  return db
    .select({ day: eventSessions.day })
    .from(sessionMarks)
    .innerJoin(eventSessions, eq(eventSessions.id, sessionMarks.sessionId))
    .where(and(eq(sessionMarks.participantId, participantId), eq(sessionMarks.mark, 'present')))
    .orderBy(eventSessions.day)
    .all()
    .map((r) => formatDate(r.day).slice(0, 5));
}

export function updateParticipant(db: AppDb, input: ParticipantUpdateInput, today = todayLocal()): EventDetail {
  return inTransaction(db, () => {
    const p = requireParticipant(db, input.id);
    if (input.status === 'noShow' || input.status === 'cancelled') {
      const days = presentDays(db, p.id);
      if (days.length) {
        throw conflict(
          `Участник отмечен присутствовавшим (${days.join(', ')}): статус «${REGISTRATION_STATUS_LABELS[input.status]}» не подходит. Снимите отметки о присутствии или выберите другой статус.`,
          { status: 'Есть отметки о присутствии' },
        );
      }
    }
    db.update(eventParticipants)
      .set({ role: input.role, status: input.status, note: input.note })
      .where(eq(eventParticipants.id, p.id))
      .run();
    return getEvent(db, p.eventId, today);
  });
}

export function removeParticipant(db: AppDb, id: number, today = todayLocal()): EventDetail {
  return inTransaction(db, () => {
    const p = requireParticipant(db, id);
    const event = requireEvent(db, p.eventId);
    refuseIfCertified(db, { eventId: p.eventId, personId: p.personId }, 'регистрацию участника');
    const person = db.select().from(people).where(eq(people.id, p.personId)).get();
    recordDeletion(db, {
      table: eventParticipants,
      key: { id },
      label: `Удалена регистрация участника ${person ? personFullName(person) : ''} (№ ${p.registrationNumber}) на мероприятие «${event.title}»`,
    });
    db.delete(eventParticipants).where(eq(eventParticipants.id, id)).run();
    return getEvent(db, event.id, today);
  });
}

/**
 * Upserts or clears the marks of one session and settles the registrations: a «присутствовал»
 * turns «зарегистрирован» or «не явился» into «присутствовал» (and «отменил» is refused: the person
 * came after all — set the status first). An excused absence is not attendance.
 */
function writeMarks(db: AppDb, eventId: number, sessionId: number, marks: MarksInput['marks']): void {
  const ids = marks.map((m) => m.participantId);
  if (new Set(ids).size !== ids.length) throw invalid('Один и тот же участник отмечен дважды.');
  const rows = inChunks(ids, (chunk) =>
    db
      .select({
        id: eventParticipants.id,
        eventId: eventParticipants.eventId,
        status: eventParticipants.status,
        number: eventParticipants.registrationNumber,
      })
      .from(eventParticipants)
      .where(inArray(eventParticipants.id, chunk))
      .all(),
  );
  if (rows.length !== ids.length || rows.some((r) => r.eventId !== eventId)) {
    throw conflict('Некоторые участники не зарегистрированы на это мероприятие: обновите список и отметьте ещё раз.');
  }
  const status = new Map(rows.map((r) => [r.id, r]));
  const cancelled = marks.filter((m) => m.mark === 'present' && status.get(m.participantId)!.status === 'cancelled');
  if (cancelled.length) {
    throw conflict(
      `Регистрация отменена (№ ${cancelled.map((m) => status.get(m.participantId)!.number).join(', ')}): чтобы отметить присутствие, сначала верните статус «Зарегистрирован».`,
    );
  }
  const upsert = db.$client.prepare(
    'INSERT INTO session_marks (event_id, session_id, participant_id, mark) VALUES (?, ?, ?, ?) ON CONFLICT (session_id, participant_id) DO UPDATE SET mark = excluded.mark',
  );
  const clear = db.$client.prepare('DELETE FROM session_marks WHERE session_id = ? AND participant_id = ?');
  const attend = db.$client.prepare(
    `UPDATE event_participants SET status = 'attended' WHERE id = ? AND status IN ('registered', 'noShow')`,
  );
  for (const m of marks) {
    if (m.mark === null) clear.run(sessionId, m.participantId);
    else upsert.run(eventId, sessionId, m.participantId, m.mark);
    if (m.mark === 'present') attend.run(m.participantId);
  }
}

export function setMarks(db: AppDb, input: MarksInput, today = todayLocal()): EventDetail {
  return inTransaction(db, () => {
    const session = requireSession(db, input.sessionId);
    requireSpecialists(requireEvent(db, session.eventId));
    writeMarks(db, session.eventId, session.id, input.marks);
    return getEvent(db, session.eventId, today);
  });
}

/**
 * «Отметить по номерам»: the numbers typed from the signed registration sheet are marked present
 * at the session (and, if asked, everyone else not cancelled absent), in one transaction; a number
 * nobody on this event's list has is refused by name, and nothing is marked.
 */
export function markByNumbers(
  db: AppDb,
  input: { sessionId: number; numbers: string; othersAbsent: boolean },
  today = todayLocal(),
): MarkedByNumbers {
  return inTransaction(db, () => {
    const session = requireSession(db, input.sessionId);
    requireSpecialists(requireEvent(db, session.eventId));
    const parsed = parseRegistrationNumbers(input.numbers);
    if (!parsed.ok) throw invalid(parsed.message, { numbers: parsed.message });
    const listed = db
      .select({ id: eventParticipants.id, number: eventParticipants.registrationNumber, status: eventParticipants.status })
      .from(eventParticipants)
      .where(eq(eventParticipants.eventId, session.eventId))
      .all();
    const byNumber = new Map(listed.map((p) => [p.number, p]));
    const unknown = parsed.numbers.filter((n) => !byNumber.has(n));
    if (unknown.length) {
      const shown = unknown.length > 10 ? `${unknown.slice(0, 10).join(', ')} и ещё ${unknown.length - 10}` : unknown.join(', ');
      const message =
        unknown.length === 1
          ? `Участника с номером ${shown} в списке этого мероприятия нет. Ничего не отмечено.`
          : `Участников с номерами ${shown} в списке этого мероприятия нет. Ничего не отмечено.`;
      throw invalid(message, { numbers: message });
    }
    const present = new Set(parsed.numbers);
    const marks: MarksInput['marks'] = parsed.numbers.map((n) => ({ participantId: byNumber.get(n)!.id, mark: 'present' }));
    if (input.othersAbsent) {
      for (const p of listed) if (!present.has(p.number) && p.status !== 'cancelled') marks.push({ participantId: p.id, mark: 'absent' });
    }
    writeMarks(db, session.eventId, session.id, marks);
    return { detail: getEvent(db, session.eventId, today), marked: parsed.numbers.length };
  });
}
