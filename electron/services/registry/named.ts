import { eq, inArray } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { organizations, people } from '@db/schema';
import { inChunks } from '@main/services/common/queries';
import { initialsThenSurname, personFullName, surnameWithInitials, type Gender } from '@shared/russian';
import { organizationNameSql } from './names';

/**
 * A person as a document names them — the minutes' speakers and signatures, a certificate, a
 * news item: the name and its forms, the gender it is declined by, the position and the
 * organisation (its short name when given). One reader for every register, so «Попова Л.А.,
 * социальный педагог ТОГБУ …» is built from the same facts everywhere.
 */
export interface NamedPerson {
  id: number;
  lastName: string;
  firstName: string;
  middleName: string;
  /** «Фамилия Имя Отчество». */
  fullName: string;
  /** «Фамилия И.О.». */
  short: string;
  /** «И.О. Фамилия», as under a signature. */
  signature: string;
  /** Null until known: not in the patronymic and not chosen. */
  gender: Gender | null;
  position: string;
  organizationId: number | null;
  organizationName: string | null;
}

/** The people by id (an id not in the registry is left out). */
export function peopleAsNamed(db: AppDb, ids: Iterable<number | null | undefined>): Map<number, NamedPerson> {
  const wanted = [...new Set([...ids].filter((i): i is number => typeof i === 'number'))];
  const rows = inChunks(wanted, (chunk) =>
    db
      .select({
        id: people.id,
        lastName: people.lastName,
        firstName: people.firstName,
        middleName: people.middleName,
        gender: people.gender,
        position: people.position,
        organizationId: people.organizationId,
        organizationName: organizationNameSql,
      })
      .from(people)
      .leftJoin(organizations, eq(organizations.id, people.organizationId))
      .where(inArray(people.id, chunk))
      .all(),
  );
  return new Map(
    rows.map((r) => [r.id, { ...r, fullName: personFullName(r), short: surnameWithInitials(r), signature: initialsThenSurname(r) }]),
  );
}
