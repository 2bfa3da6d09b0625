import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { certificates, eventParticipants, organizations } from '@db/schema';
import type { CertificateRow } from '@shared/contract/certificates';
import type { Page } from '@shared/contract/common';
import { eventDates } from '@shared/contract/eventEnums';
import { certificateNumberLabel, type CertificatePrint } from '@shared/documents/certificates/layout';
import { compareKeys, matchesWords, organizationDisplayName, sortKey } from '@shared/russian';
import { certificateSnapshot } from './snapshot';

export interface CertificateListInput {
  search: string;
  year: number | null;
  eventId: number | null;
  sort: 'number' | 'name' | 'event';
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

interface Loaded {
  row: CertificateRow;
  print: CertificatePrint;
}

/**
 * The register's rows with what they printed (the snapshot): the name and the event as on the
 * certificate, not as the registry has them today. A center issues a few hundred a year, so a
 * year's rows are read and searched here rather than through the search index.
 */
function load(db: AppDb, where: SQL | undefined): Loaded[] {
  const rows = db
    .select({
      id: certificates.id,
      year: certificates.year,
      number: certificates.number,
      eventId: certificates.eventId,
      issuedOn: certificates.issuedOn,
      snapshot: certificates.snapshot,
      annulledOn: certificates.annulledOn,
      annulReason: certificates.annulReason,
      replacesId: certificates.replacesId,
      orgShort: organizations.shortName,
      orgFull: organizations.fullName,
    })
    .from(certificates)
    .leftJoin(
      eventParticipants,
      and(eq(eventParticipants.eventId, certificates.eventId), eq(eventParticipants.personId, certificates.personId)),
    )
    .leftJoin(organizations, eq(organizations.id, eventParticipants.organizationId))
    .where(where)
    .all();
  const labels = new Map(rows.map((r) => [r.id, certificateNumberLabel(r.year, r.number)]));
  const replacedBy = new Map(rows.filter((r) => r.replacesId !== null).map((r) => [r.replacesId!, labels.get(r.id)!]));
  return rows.map((r) => {
    const print = certificateSnapshot.read(r.snapshot, `Сертификат № ${labels.get(r.id)}`);
    return {
      print,
      row: {
        id: r.id,
        year: r.year,
        number: r.number,
        numberLabel: labels.get(r.id)!,
        issuedOn: r.issuedOn,
        fullName: print.name.nominative,
        organizationName: r.orgFull === null ? '' : organizationDisplayName({ shortName: r.orgShort ?? '', fullName: r.orgFull }),
        eventId: r.eventId,
        eventTitle: print.event.title,
        eventDates: eventDates(print.event),
        status: r.annulledOn === null ? 'valid' : 'annulled',
        annulledOn: r.annulledOn,
        annulReason: r.annulReason,
        replacedBy: replacedBy.get(r.id) ?? (r.annulledOn !== null ? labelWhere(db, eq(certificates.replacesId, r.id)) : null),
        replaces: r.replacesId === null ? null : (labels.get(r.replacesId) ?? labelWhere(db, eq(certificates.id, r.replacesId))),
      },
    };
  });
}

/** The number of a certificate outside the rows read (the replacement issued in another year). */
function labelWhere(db: AppDb, where: SQL): string | null {
  const r = db.select({ year: certificates.year, number: certificates.number }).from(certificates).where(where).get();
  return r ? certificateNumberLabel(r.year, r.number) : null;
}

const byNumber = (a: Loaded, b: Loaded) => a.row.year - b.row.year || a.row.number - b.row.number;
const ORDER: Record<CertificateListInput['sort'], (a: Loaded, b: Loaded) => number> = {
  number: byNumber,
  name: (a, b) => compareKeys(sortKey(a.row.fullName), sortKey(b.row.fullName)) || byNumber(a, b),
  event: (a, b) => compareKeys(a.print.event.firstDay, b.print.event.firstDay) || a.row.eventId - b.row.eventId || byNumber(a, b),
};

export function listCertificates(db: AppDb, input: CertificateListInput): Page<CertificateRow> {
  const where = and(
    input.year === null ? undefined : eq(certificates.year, input.year),
    input.eventId === null ? undefined : eq(certificates.eventId, input.eventId),
  );
  const search = input.search.trim();
  const found = load(db, where)
    // «2018-017», «017», «17» and the name all find it.
    .filter(({ row: r }) => !search || matchesWords(`${r.fullName} ${r.numberLabel} ${r.number} ${r.eventTitle}`, search));
  const order = ORDER[input.sort];
  found.sort((a, b) => (input.dir === 'asc' ? order(a, b) : order(b, a)));
  return { rows: found.slice(input.offset, input.offset + input.limit).map((l) => l.row), total: found.length };
}

export function certificateYears(db: AppDb): number[] {
  return db
    .selectDistinct({ year: certificates.year })
    .from(certificates)
    .all()
    .map((r) => r.year)
    .sort((a, b) => b - a);
}

/** The certificates' prints in the order asked; a missing id is refused rather than silently left out. */
export function printsOf(db: AppDb, ids: number[]): { rows: CertificateRow[]; prints: CertificatePrint[] } {
  const loaded = new Map<number, Loaded>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const l of load(db, sqlIn(chunk))) loaded.set(l.row.id, l);
  }
  const found = ids.map((id) => loaded.get(id)).filter((l): l is Loaded => l !== undefined);
  return { rows: found.map((l) => l.row), prints: found.map((l) => l.print) };
}

const sqlIn = (chunk: number[]) => inArray(certificates.id, chunk);

export function yearRows(db: AppDb, year: number): CertificateRow[] {
  return load(db, eq(certificates.year, year))
    .sort(byNumber)
    .map((l) => l.row);
}
