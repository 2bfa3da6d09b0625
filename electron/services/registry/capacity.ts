import { eq, inArray } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { municipalities, organizations } from '@db/schema';
import { inChunks } from '@main/services/common/queries';
import type { NewsOrganization, NewsPerson } from '@shared/contract/news';
import type { ProperForms } from '@shared/russian';
import { organizationNameSql } from './names';
import { peopleAsNamed } from './named';

/**
 * The registry's part of a news item (issue 24): people in their official capacity (name,
 * gender, position, organisation) and organisations with their type and municipality in its
 * stored case forms, for the meetings' and the events' public modules to hand to the news.
 */

/** A person as a news item names them; `position`/`organizationId` given override the card's (an event keeps them as registered). */
export interface CapacityEntry {
  personId: number;
  position?: string;
  organizationId?: number | null;
}

export function peopleInCapacity(db: AppDb, entries: readonly CapacityEntry[]): NewsPerson[] {
  const byId = peopleAsNamed(
    db,
    entries.map((e) => e.personId),
  );
  // An organisation given with the entry (as registered at an event) is named like the card's.
  const given = [...new Set(entries.map((e) => e.organizationId))].filter((i): i is number => typeof i === 'number');
  const orgNames = new Map(
    inChunks(given, (chunk) =>
      db.select({ id: organizations.id, name: organizationNameSql }).from(organizations).where(inArray(organizations.id, chunk)).all(),
    ).map((o) => [o.id, o.name]),
  );
  return entries.flatMap((e) => {
    const p = byId.get(e.personId);
    if (!p) return [];
    const organization =
      e.organizationId === undefined ? p.organizationName : e.organizationId === null ? null : (orgNames.get(e.organizationId) ?? null);
    return [
      {
        name: { lastName: p.lastName, firstName: p.firstName, middleName: p.middleName },
        typed: '',
        gender: p.gender,
        position: e.position === undefined || e.position === '' ? p.position : e.position,
        organization,
      },
    ];
  });
}

/** Organisations by id with their type and municipality (the forms as the user confirmed them). */
export function organizationsPlaced(db: AppDb, ids: readonly number[]): NewsOrganization[] {
  const wanted = [...new Set(ids)];
  return inChunks(wanted, (chunk) =>
    db
      .select({
        id: organizations.id,
        type: organizations.type,
        municipalityId: municipalities.id,
        municipalityType: municipalities.type,
        properName: municipalities.properName,
        forms: municipalities.forms,
        sortKey: municipalities.sortKey,
      })
      .from(organizations)
      .leftJoin(municipalities, eq(municipalities.id, organizations.municipalityId))
      .where(inArray(organizations.id, chunk))
      .all(),
  ).map((o) => ({
    id: o.id,
    type: o.type,
    municipality:
      o.municipalityId === null
        ? null
        : {
            id: o.municipalityId,
            type: o.municipalityType!,
            properName: o.properName!,
            forms: JSON.parse(o.forms!) as ProperForms,
            sortKey: o.sortKey!,
          },
  }));
}

/** A municipality's name parts by id, for «в городе Моршанске». */
export function municipalityParts(db: AppDb, id: number | null): NewsOrganization['municipality'] {
  if (id === null) return null;
  const m = db.select().from(municipalities).where(eq(municipalities.id, id)).get();
  return m ? { id: m.id, type: m.type, properName: m.properName, forms: JSON.parse(m.forms) as ProperForms, sortKey: m.sortKey } : null;
}

/** The municipality a town typed in a meeting names («г. Моршанск», «Моршанск»), when the registry has it. */
export function municipalityOfTown(db: AppDb, town: string): NewsOrganization['municipality'] {
  const wanted = town
    .trim()
    .toLocaleLowerCase('ru')
    .replace(/^(г\.|г |город )\s*/, '');
  if (!wanted) return null;
  const found = db
    .select({ id: municipalities.id, name: municipalities.name, properName: municipalities.properName })
    .from(municipalities)
    .all()
    .find((m) => m.name.toLocaleLowerCase('ru') === town.trim().toLocaleLowerCase('ru') || m.properName.toLocaleLowerCase('ru') === wanted);
  return found ? municipalityParts(db, found.id) : null;
}
