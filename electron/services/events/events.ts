import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { recordDeletion } from '@db/journal';
import { eventKeys } from '@db/derived';
import { eventParticipants, events, eventSessions, listValues, municipalities, planItemLinks } from '@db/schema';
import { invalid } from '@main/api/errors';
import { guardForeignKeys, nowStamp } from '@main/services/common/queries';
import { indexedSearch } from '@main/services/common/search';
import { requireListValue } from '@main/services/lists';
import { getItem, planCandidates } from '@main/services/workPlan';
import type { Page } from '@shared/contract/common';
import type { PlanCandidate } from '@shared/contract/workPlan';
import type { CopyResult, EventCreateInput, EventDetail, EventInput, EventListInput, EventRow, EventStatus } from '@shared/contract/events';
import { eventDates } from '@shared/contract/eventEnums';
import { todayLocal } from '@shared/russian';
import { completionRows, completionTotals } from './completion';
import { getEvent } from './detail';
import { refuseIfCertified } from './completers';
import {
  eventPlanItemId,
  rederiveEvent,
  requireEvent,
  requireHeldAllowed,
  requireMunicipalityOrNull,
  requireOrganizationOrNull,
  type EventRecord,
} from './shared';

/** A span of days made into one session each: a three-day seminar; a club's season gains sessions later. */
const MAX_CREATED_DAYS = 14;

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOfDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
export const shiftDay = (iso: string, days: number) => isoOfDay(dayNumber(iso) + days);

/**
 * The plan item the event realises: it must exist, be of the plan of the event's first year, and
 * not be realised by another event already (one event per item; a recurring item gets several
 * by being linked from each — refused here, she marks those by hand).
 */
function requirePlanItem(db: AppDb, planItemId: number | null, firstDay: string, eventId: number | null): void {
  if (planItemId === null) return;
  const item = (() => {
    try {
      return getItem(db, { id: planItemId });
    } catch {
      throw invalid('Выбранное мероприятие плана не найдено: возможно, его удалили.', { planItemId: 'Мероприятие плана не найдено' });
    }
  })();
  const year = Number(firstDay.slice(0, 4));
  if (item.year !== year) {
    const message = `Мероприятие ${year} года не может выполнять пункт плана на ${item.year} год.`;
    throw invalid(message, { planItemId: message });
  }
  const other = db
    .select({ eventId: planItemLinks.eventId })
    .from(planItemLinks)
    .where(and(eq(planItemLinks.kind, 'event'), eq(planItemLinks.planItemId, planItemId)))
    .all()
    .find((l) => l.eventId !== eventId);
  if (other && !item.recurring && item.term.kind !== 'year') {
    const message = `Пункт плана «${item.title}» уже выполняет другое мероприятие.`;
    throw invalid(message, { planItemId: message });
  }
}

function setPlanItem(db: AppDb, eventId: number, planItemId: number | null): void {
  if (eventPlanItemId(db, eventId) === planItemId) return;
  db.delete(planItemLinks)
    .where(and(eq(planItemLinks.kind, 'event'), eq(planItemLinks.eventId, eventId)))
    .run();
  if (planItemId !== null) db.insert(planItemLinks).values({ planItemId, kind: 'event', eventId }).run();
}

function checkInput(db: AppDb, input: EventInput, existing: EventRecord | null): { type: string; programme: string | null } {
  const type = requireListValue(db, 'eventTypes', input.typeId, 'typeId', existing?.typeId);
  const programme =
    input.programmeId === null
      ? null
      : requireListValue(db, 'eventProgrammes', input.programmeId, 'programmeId', existing?.programmeId ?? undefined);
  requireMunicipalityOrNull(db, input.municipalityId, 'municipalityId');
  requireOrganizationOrNull(db, input.organizerId, 'organizerId');
  return { type, programme };
}

/** The stored columns of the form (the plan item is a link row, the days are the sessions'). */
function columns(input: EventInput) {
  const { planItemId: _link, ...rest } = input;
  return rest;
}

export function createEvent(db: AppDb, input: EventCreateInput, today = todayLocal()): EventDetail {
  return inTransaction(db, () => {
    const names = checkInput(db, input, null);
    const days = dayNumber(input.lastDay) - dayNumber(input.firstDay) + 1;
    if (days > MAX_CREATED_DAYS) {
      const message = `Не больше ${MAX_CREATED_DAYS} дней подряд: у клуба или курса добавьте занятия на вкладке «Занятия» после создания.`;
      throw invalid(message, { lastDay: message });
    }
    requirePlanItem(db, input.planItemId, input.firstDay, null);
    const { firstDay, lastDay, timeStart, timeEnd, ...data } = input;
    const row = db
      .insert(events)
      .values({
        ...columns(data),
        ...eventKeys({ ...data, ...names, firstSession: firstDay, lastSession: lastDay }),
      })
      .returning({ id: events.id })
      .get();
    db.insert(eventSessions)
      .values(Array.from({ length: days }, (_, i) => ({ eventId: row.id, day: shiftDay(firstDay, i), timeStart, timeEnd })))
      .run();
    setPlanItem(db, row.id, input.planItemId);
    return getEvent(db, row.id, today);
  });
}

export function updateEvent(db: AppDb, id: number, input: EventInput, today = todayLocal()): EventDetail {
  return inTransaction(db, () => {
    const existing = requireEvent(db, id);
    checkInput(db, input, existing);
    if (existing.audience !== input.audience) {
      const named = db.select({ n: count() }).from(eventParticipants).where(eq(eventParticipants.eventId, id)).get()?.n ?? 0;
      if (input.audience === 'population' && named > 0) {
        throw invalid(
          `У мероприятия ${named} зарегистрированных специалистов: мероприятием для населения оно стать не может (там считают, а не записывают по именам).`,
          { audience: 'Есть зарегистрированные участники' },
        );
      }
    }
    requirePlanItem(db, input.planItemId, existing.firstDay, id);
    db.update(events)
      .set({
        ...columns(input),
        ...(input.audience === 'specialists' ? { populationRegistered: null, populationCompleted: null } : {}),
        updatedAt: nowStamp,
      })
      .where(eq(events.id, id))
      .run();
    rederiveEvent(db, id);
    setPlanItem(db, id, input.planItemId);
    return getEvent(db, id, today);
  });
}

/**
 * «Запланировано», «Проведено», «Отменено», set by the user. Nothing is written into the plan
 * item: it reads as done while its event is held (workPlan/realisations.ts), so cancelling undoes it.
 */
export function setEventStatus(db: AppDb, id: number, status: EventStatus, today = todayLocal()): EventDetail {
  return inTransaction(db, () => {
    const existing = requireEvent(db, id);
    if (existing.status === status) return getEvent(db, id, today);
    if (status === 'held') requireHeldAllowed(existing.lastDay, today);
    db.update(events).set({ status, updatedAt: nowStamp }).where(eq(events.id, id)).run();
    return getEvent(db, id, today);
  });
}

/** A yearly seminar: the same event on new days, planned, its sessions shifted; optionally the same people, registered again. */
export function copyEvent(db: AppDb, input: { id: number; firstDay: string; withParticipants: boolean }): CopyResult {
  return inTransaction(db, () => {
    const source = requireEvent(db, input.id);
    const shift = dayNumber(input.firstDay) - dayNumber(source.firstDay);
    if (shiftDay(source.lastDay, shift) > '2100-12-31') {
      throw invalid('Копия закончилась бы после 2100 года: выберите более раннюю дату.', { firstDay: 'Слишком поздняя дата' });
    }
    const { id: _id, createdAt: _c, updatedAt: _u, status: _s, populationRegistered: _r, populationCompleted: _p, ...rest } = source;
    const row = db
      .insert(events)
      .values({
        ...rest,
        status: 'planned',
        copiedFromId: source.id,
        firstDay: shiftDay(source.firstDay, shift),
        lastDay: shiftDay(source.lastDay, shift),
      })
      .returning({ id: events.id })
      .get();
    const sessions = db.select().from(eventSessions).where(eq(eventSessions.eventId, source.id)).orderBy(asc(eventSessions.day)).all();
    db.insert(eventSessions)
      .values(sessions.map(({ id: _sid, eventId: _e, day, ...s }) => ({ ...s, eventId: row.id, day: shiftDay(day, shift) })))
      .run();
    if (input.withParticipants) {
      const people = db.select().from(eventParticipants).where(eq(eventParticipants.eventId, source.id)).all();
      const kept = people.filter((p) => p.status !== 'cancelled');
      if (kept.length) {
        db.insert(eventParticipants)
          .values(
            kept.map((p) => ({
              eventId: row.id,
              personId: p.personId,
              registrationNumber: p.registrationNumber,
              role: p.role,
              organizationId: p.organizationId,
              position: p.position,
              source: p.source,
            })),
          )
          .run();
      }
    }
    rederiveEvent(db, row.id);
    return { id: row.id };
  });
}

export function deleteEvent(db: AppDb, id: number): void {
  inTransaction(db, () => {
    const e = requireEvent(db, id);
    refuseIfCertified(db, { eventId: id }, `мероприятие «${e.title}»`);
    // The plan item's link cascades with it: the item no longer reads as done.
    recordDeletion(db, { table: events, key: { id }, label: `Удалено мероприятие «${e.title}» ${eventDates(e)}` });
    // Issue 21: copies handed out at the event refer to it (RESTRICT): their ledger keeps the event.
    guardForeignKeys(
      'Мероприятие не удалено: на нём выдавали печатную продукцию, и журнал выдачи ссылается на него. Если мероприятие внесено по ошибке, сначала сторнируйте эти выдачи в карточках изданий.',
      () => db.delete(events).where(eq(events.id, id)).run(),
    );
  });
}

const municipalityName = sql<
  string | null
>`(SELECT ${municipalities.name} FROM ${municipalities} WHERE ${municipalities.id} = ${events.municipalityId})`;

/**
 * The search through the index (db/search.ts): an event whose own text (title, type, programme,
 * venue, organiser, notes) has every word, or that has a participant whose name, position or
 * e-mail has every word — «Сидорова» finds the seminars she was registered for. Both conditions
 * take the same words, so they share the index's parameters.
 */
function eventSearch(db: AppDb, query: string): { where: SQL | undefined; values: Record<string, unknown> } {
  const own = indexedSearch(db, 'events', query);
  if (!own.active) return { where: undefined, values: {} };
  const person = indexedSearch(db, 'people', query);
  const byParticipant = sql`${events.id} IN (SELECT ${eventParticipants.eventId} FROM ${eventParticipants} WHERE ${person.where(eventParticipants.personId)})`;
  return { where: sql`(${own.where(events.id)} OR ${byParticipant})`, values: { ...person.values, ...own.values } };
}

export function listEvents(db: AppDb, input: EventListInput): Page<EventRow> {
  const search = eventSearch(db, input.search);
  const where: SQL | undefined = and(
    input.year === null ? undefined : sql`${events.firstDay} BETWEEN ${`${input.year}-01-01`} AND ${`${input.year}-12-31`}`,
    input.typeId === null ? undefined : eq(events.typeId, input.typeId),
    input.centerRole === null ? undefined : eq(events.centerRole, input.centerRole),
    input.status === null ? undefined : eq(events.status, input.status),
    input.audience === null ? undefined : eq(events.audience, input.audience),
    search.where,
  );
  const rows = db
    .select({
      id: events.id,
      title: events.title,
      type: listValues.value,
      centerRole: events.centerRole,
      level: events.level,
      status: events.status,
      audience: events.audience,
      firstDay: events.firstDay,
      lastDay: events.lastDay,
      venue: events.venue,
      municipalityName,
      sessionCount: sql<number>`(SELECT count(*) FROM ${eventSessions} WHERE ${eventSessions.eventId} = ${events.id})`,
      participantCount: sql<number>`(SELECT count(*) FROM ${eventParticipants} WHERE ${eventParticipants.eventId} = ${events.id} AND ${eventParticipants.status} <> 'cancelled')`,
    })
    .from(events)
    .innerJoin(listValues, eq(listValues.id, events.typeId))
    .where(where)
    .orderBy(desc(events.firstDay), asc(events.sortKey), asc(events.id))
    .limit(input.limit)
    .offset(input.offset)
    .prepare()
    .all(search.values);
  const total = db.select({ n: count() }).from(events).where(where).prepare().get(search.values)?.n ?? 0;
  const totals = new Map<number, { completed: number; attended: number }>();
  for (const r of rows) {
    for (const [k, v] of completionTotals(completionRows(db, { kind: 'event', eventId: r.id }))) totals.set(k, v);
  }
  return {
    rows: rows.map((r) => {
      const t = totals.get(r.id) ?? { completed: 0, attended: 0 };
      return { ...r, completed: r.status === 'held' ? t.completed : null, attended: t.attended };
    }),
    total,
  };
}

/** Items of the year's plan an event may realise; `used`: an event realises it already. */
export const eventPlanCandidates = (db: AppDb, year: number): PlanCandidate[] => planCandidates(db, year, ['event']);
