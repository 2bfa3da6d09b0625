import { eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { certificates, eventParticipants } from '@db/schema';
import { conflict } from '@main/api/errors';
import {
  PARTICIPANT_ROLE_LABELS,
  REGISTRATION_STATUS_LABELS,
  type CenterRole,
  type ParticipantRole,
  type RegistrationStatus,
} from '@shared/contract/eventEnums';
import { countOf, plural } from '@shared/russian';
import { completionRows } from './completion';
import { requireEvent } from './shared';

/**
 * What the certificates register needs of an event: each participation with the completion rule's
 * verdict (the same SQL as the card and the statistics) and, when it is not met, why in Russian.
 */
export interface EventCompletion {
  id: number;
  title: string;
  status: 'planned' | 'held' | 'cancelled';
  centerRole: CenterRole;
  audience: 'specialists' | 'population';
  firstDay: string;
  lastDay: string;
  hours: number | null;
  participants: {
    participantId: number;
    personId: number;
    organizationId: number | null;
    role: ParticipantRole;
    status: RegistrationStatus;
    completed: boolean;
    /** Empty when completed: «1 из 3 занятий (нужно не менее 60 %)». */
    shortfall: string;
  }[];
}

const SESSIONS = ['занятия', 'занятий', 'занятий'] as const;

export function eventCompletion(db: AppDb, eventId: number): EventCompletion {
  const e = requireEvent(db, eventId);
  const verdicts = new Map(completionRows(db, { kind: 'event', eventId }).map((r) => [r.participantId, r]));
  const rows = db
    .select({
      participantId: eventParticipants.id,
      personId: eventParticipants.personId,
      organizationId: eventParticipants.organizationId,
      role: eventParticipants.role,
      status: eventParticipants.status,
    })
    .from(eventParticipants)
    .where(eq(eventParticipants.eventId, eventId))
    .all();
  const rule = e.completionRule === 'share' ? `нужно не менее ${e.completionPercent} %` : 'нужны все обязательные занятия';
  return {
    id: e.id,
    title: e.title,
    status: e.status,
    centerRole: e.centerRole,
    audience: e.audience,
    firstDay: e.firstDay,
    lastDay: e.lastDay,
    hours: e.hours,
    participants: rows.map((p) => {
      const v = verdicts.get(p.participantId);
      const completed = v?.completed ?? false;
      let shortfall = '';
      if (!completed) {
        if (p.role !== 'participant') shortfall = `роль — ${PARTICIPANT_ROLE_LABELS[p.role].toLocaleLowerCase('ru')}`;
        else if (p.status !== 'attended') shortfall = REGISTRATION_STATUS_LABELS[p.status].toLocaleLowerCase('ru');
        else if (!v) shortfall = 'у мероприятия нет занятий';
        else shortfall = `${v.present} из ${v.sessions} ${plural(v.sessions, SESSIONS)} (${rule})`;
      }
      return { ...p, completed, shortfall };
    }),
  };
}

/** A certificate on record keeps what it certifies: its participation (and so the event) cannot be deleted under it. */
export function refuseIfCertified(db: AppDb, filter: { eventId: number; personId?: number }, what: string): void {
  const rows = db
    .select({ personId: certificates.personId })
    .from(certificates)
    .where(eq(certificates.eventId, filter.eventId))
    .all()
    .filter((r) => filter.personId === undefined || r.personId === filter.personId);
  if (rows.length === 0) return;
  throw conflict(
    `Нельзя удалить ${what}: по ${filter.personId === undefined ? 'мероприятию' : 'этой регистрации'} ${plural(rows.length, ['выдан', 'выданы', 'выдано'])} ${countOf(rows.length, ['сертификат', 'сертификата', 'сертификатов'])} участника, они остаются в реестре сертификатов.`,
  );
}
