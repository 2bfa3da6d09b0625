import { eq, inArray } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { organizations, people, publicationMovements } from '@db/schema';
import type { MovementView, RecipientRef } from '@shared/contract/publications';
import { eventLabels } from '@main/services/events';
import { eventDates } from '@shared/contract/eventEnums';
import { organizationDisplayName, surnameWithInitials } from '@shared/russian';
import { ledgerRows, walk } from './ledger';

/** Recipients of the given movements, as the history and the statements name them. */
export function recipients(db: AppDb, ids: number[]): Map<number, RecipientRef> {
  const result = new Map<number, RecipientRef>();
  if (ids.length === 0) return result;
  const rows = db
    .select({
      id: publicationMovements.id,
      organizationId: publicationMovements.organizationId,
      personId: publicationMovements.personId,
      eventId: publicationMovements.eventId,
      short: organizations.shortName,
      full: organizations.fullName,
      last: people.lastName,
      first: people.firstName,
      middle: people.middleName,
    })
    .from(publicationMovements)
    .leftJoin(organizations, eq(organizations.id, publicationMovements.organizationId))
    .leftJoin(people, eq(people.id, publicationMovements.personId))
    .where(inArray(publicationMovements.id, ids))
    .all();
  const events = eventLabels(
    db,
    rows.flatMap((r) => (r.eventId === null ? [] : [r.eventId])),
  );
  for (const r of rows) {
    if (r.eventId !== null) {
      const e = events.get(r.eventId)!;
      result.set(r.id, { kind: 'event', id: r.eventId, label: `на мероприятии «${e.title}», ${eventDates(e)}` });
    } else if (r.organizationId !== null)
      result.set(r.id, {
        kind: 'organization',
        id: r.organizationId,
        label: organizationDisplayName({ shortName: r.short ?? '', fullName: r.full ?? '' }),
      });
    else if (r.personId !== null)
      result.set(r.id, {
        kind: 'person',
        id: r.personId,
        label: surnameWithInitials({ lastName: r.last ?? '', firstName: r.first ?? '', middleName: r.middle ?? '' }),
      });
  }
  return result;
}

/** The publication's card history: every movement in the ledger's order with the balance after it. */
export function history(db: AppDb, publicationId: number): MovementView[] {
  const rows = ledgerRows(db, publicationId);
  const walked = walk(rows);
  const details = new Map(
    db
      .select({
        id: publicationMovements.id,
        printer: publicationMovements.printer,
        printedInHouse: publicationMovements.printedInHouse,
        reason: publicationMovements.reason,
      })
      .from(publicationMovements)
      .where(eq(publicationMovements.publicationId, publicationId))
      .all()
      .map((d) => [d.id, d]),
  );
  const who = recipients(
    db,
    rows.filter((r) => r.kind === 'distribution').map((r) => r.id),
  );
  const reversedBy = new Map(rows.filter((r) => r.reversesId !== null).map((r) => [r.reversesId!, r.id]));
  return rows.map((r) => {
    const d = details.get(r.id)!;
    return {
      id: r.id,
      kind: r.kind,
      date: r.date,
      recordedAt: r.recordedAt,
      quantity: r.quantity,
      printer: d.printer,
      printedInHouse: d.printedInHouse,
      recipient: who.get(r.id) ?? null,
      reason: d.reason,
      reversesId: r.reversesId,
      reversedById: reversedBy.get(r.id) ?? null,
      balanceAfter: walked.balanceAfter.get(r.id) ?? null,
      difference: walked.difference.get(r.id) ?? null,
    };
  });
}
