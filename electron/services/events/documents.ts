import { inArray } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { municipalities, organizations, people } from '@db/schema';
import type { FileOutput } from '@shared/contract/define';
import type { DocumentSpec } from '@shared/documents/model';
import { attendanceSheet, registrationDocument, type EventDocumentContext } from '@shared/documents/events/layout';
import { personHistoryDocument } from '@shared/documents/events/history';
import { signatureName } from '@shared/documents/workPlan/layout';
import { todayLocal } from '@shared/russian';
import type { EventDetail } from '@shared/contract/events';
import { ORGANIZATION_TYPE_LABELS } from '@shared/enums';
import type { DocumentKind } from '@main/services/common/documentKind';
import { inChunks } from '@main/services/common/queries';
import { getProfile, organizationNameSql } from '@main/services/registry';
import { DOCX_MIME, XLSX_MIME, toFileOutput } from '@main/documents/file';
import { renderDocx, renderSheet } from '@main/documents/render';
import { eq } from 'drizzle-orm';
import { getEvent } from './detail';
import { personHistory } from './statistics';
import { requireSpecialists, requireEvent } from './shared';

/**
 * The organisation type and municipality of each participant's workplace, and their phone and
 * e-mail only where consent to processing is recorded: a list sent out never carries the
 * contacts of someone who did not agree (152-ФЗ).
 */
function documentContext(db: AppDb, e: EventDetail): EventDocumentContext {
  const ids = e.participants.map((p) => p.personId);
  const rows = inChunks(ids, (chunk) =>
    db
      .select({
        id: people.id,
        phone: people.phone,
        email: people.email,
        consent: people.pdConsent,
        orgType: organizations.type,
        municipality: municipalities.name,
      })
      .from(people)
      .leftJoin(organizations, eq(organizations.id, people.organizationId))
      .leftJoin(municipalities, eq(municipalities.id, organizations.municipalityId))
      .where(inArray(people.id, chunk))
      .all(),
  );
  return {
    centerFullName: getProfile(db).fullName,
    contacts: new Map(
      rows.map((r) => [
        r.id,
        {
          phone: r.consent ? r.phone : '',
          email: r.consent ? r.email : '',
          organizationType: r.orgType ? ORGANIZATION_TYPE_LABELS[r.orgType] : '',
          municipality: r.municipality ?? '',
        },
      ]),
    ),
  };
}

export function registrationSpec(db: AppDb, input: { id: number; sessionId: number | null }): DocumentSpec {
  requireSpecialists(requireEvent(db, input.id));
  const e = getEvent(db, input.id);
  return registrationDocument(
    e,
    documentContext(db, e),
    input.sessionId !== null && e.sessions.some((s) => s.id === input.sessionId) ? input.sessionId : null,
  );
}

export async function registrationDocx(db: AppDb, input: { id: number; sessionId: number | null }): Promise<FileOutput> {
  return registrationFile(registrationSpec(db, input));
}

const registrationFile = async (spec: DocumentSpec) => toFileOutput(await renderDocx(spec), `${spec.fileName}.docx`, DOCX_MIME);

async function attendanceFile(e: EventDetail, context: EventDocumentContext): Promise<FileOutput> {
  const sheet = attendanceSheet(e, context);
  return toFileOutput(await renderSheet(sheet), `${sheet.fileName}.xlsx`, XLSX_MIME);
}

export async function attendanceXlsx(db: AppDb, id: number): Promise<FileOutput> {
  requireSpecialists(requireEvent(db, id));
  const e = getEvent(db, id);
  return attendanceFile(e, documentContext(db, e));
}

/** The справка of a person's participation: her workplace and position as the registry has them today, signed by the director. */
export function personHistorySpec(db: AppDb, personId: number, today = todayLocal()): DocumentSpec {
  const history = personHistory(db, personId);
  const person = db
    .select({ position: people.position, organization: organizationNameSql })
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .where(eq(people.id, personId))
    .get();
  const profile = getProfile(db);
  const director = signatureName(profile.directorName);
  return personHistoryDocument(history, {
    centerFullName: profile.fullName,
    organization: person?.organization ?? '',
    position: person?.position ?? '',
    signer: director
      ? { position: [profile.directorPosition || 'Руководитель', profile.shortName].filter(Boolean).join(' '), name: director }
      : null,
    today,
  });
}

export async function personHistoryDocx(db: AppDb, personId: number): Promise<FileOutput> {
  const spec = personHistorySpec(db, personId);
  return toFileOutput(await renderDocx(spec), `${spec.fileName}.docx`, DOCX_MIME);
}

/** Held events of the year, for the specialists: their registration sheets and attendance lists go to the share. */
export const eventsExportKind: DocumentKind = {
  label: 'Мероприятия: листы регистрации (Word) и списки участников (Excel) проведённых мероприятий',
  build: async (db, year) => {
    const held = db.$client
      .prepare(
        `SELECT id FROM events WHERE status = 'held' AND audience = 'specialists' AND first_day BETWEEN ? AND ? AND EXISTS (SELECT 1 FROM event_participants WHERE event_id = events.id) ORDER BY first_day, id`,
      )
      .all(`${year}-01-01`, `${year}-12-31`) as { id: number }[];
    const files: FileOutput[] = [];
    for (const { id } of held) {
      // Both documents of an event from one reading of it.
      const e = getEvent(db, id);
      const context = documentContext(db, e);
      files.push(await registrationFile(registrationDocument(e, context, null)), await attendanceFile(e, context));
    }
    return files;
  },
};
