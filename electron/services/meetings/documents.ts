import type { AppDb } from '@db/open';
import { invalid, notFound } from '@main/api/errors';
import type { FileOutput } from '@shared/contract/define';
import { organizationAssignments } from './assignments';
import { getMeeting } from './detail';
import { getAttendeeThreshold, minutesSettings } from './meetings';
import { getOrganization, getProfile } from '@main/services/registry';
import type { DocumentKind } from '@main/services/common/documentKind';
import { and, asc, eq } from 'drizzle-orm';
import { agendaItems, meetings } from '@db/schema';
import { DOCX_MIME, toFileOutput } from '@main/documents/file';
import { renderDocx } from '@main/documents/meetings/docx';
import { organizationDisplayName, todayLocal } from '@shared/russian';
import {
  agendaBlocks,
  agendaFileName,
  assignmentsFileName,
  extractBlocks,
  extractFileName,
  itemForOrganization,
  minutesBlocks,
  minutesFileName,
  organizationAssignmentsBlocks,
  registrationBlocks,
  registrationFileName,
  type MinutesContext,
} from '@shared/documents/meetings/layout';

/**
 * A meeting's documents take the center's name and the threshold as they were at signing
 * (see `minutesSettings`); `today` is the date an extract is certified, always the real one.
 */
function context(db: AppDb, meetingId: number): MinutesContext {
  return { ...minutesSettings(db, meetingId), today: todayLocal() };
}

/** Not tied to one meeting: the assignments' current state. */
function liveContext(db: AppDb): MinutesContext {
  return { centerFullName: getProfile(db).fullName, threshold: getAttendeeThreshold(db), today: todayLocal() };
}

const docx = async (blocks: Parameters<typeof renderDocx>[0], fileName: string): Promise<FileOutput> =>
  toFileOutput(await renderDocx(blocks, fileName.replace(/\.docx$/, '')), fileName, DOCX_MIME);

export async function minutesDocx(db: AppDb, meetingId: number, form: 'full' | 'short'): Promise<FileOutput> {
  const m = getMeeting(db, meetingId);
  return docx(minutesBlocks(m, context(db, meetingId), form), minutesFileName(m, form));
}

export async function agendaDocx(db: AppDb, meetingId: number): Promise<FileOutput> {
  const m = getMeeting(db, meetingId);
  return docx(agendaBlocks(m, context(db, meetingId)), agendaFileName(m));
}

export async function registrationSheetDocx(db: AppDb, meetingId: number): Promise<FileOutput> {
  const m = getMeeting(db, meetingId);
  return docx(registrationBlocks(m, context(db, meetingId)), registrationFileName(m));
}

export async function extractDocx(db: AppDb, itemId: number, organizationId: number | null = null): Promise<FileOutput> {
  const row = db.select({ meetingId: agendaItems.meetingId }).from(agendaItems).where(eq(agendaItems.id, itemId)).get();
  if (!row) throw notFound('Запись о вопросе повестки');
  const m = getMeeting(db, row.meetingId);
  const item = m.items.find((i) => i.id === itemId)!;
  const ctx = context(db, m.id);
  if (organizationId === null) return docx(extractBlocks(m, item, ctx), extractFileName(m, item));
  // The addressee is whom the extract is issued to now, under the organisation's current name;
  // the extracted item itself comes from the signed record.
  const organization = getOrganization(db, organizationId);
  const addressed = itemForOrganization(item, organizationId);
  if (addressed.decisions.length === 0) {
    throw invalid(
      `В вопросе ${item.position} нет поручений организации «${organizationDisplayName(organization)}»: выписка для неё не нужна`,
    );
  }
  const addressee = organizationDisplayName(organization);
  return docx(extractBlocks(m, addressed, ctx, organization.fullName), extractFileName(m, item, addressee));
}

export async function organizationAssignmentsDocx(db: AppDb, organizationId: number, onlyOpen: boolean): Promise<FileOutput> {
  const organization = getOrganization(db, organizationId);
  const rows = organizationAssignments(db, organizationId, onlyOpen);
  return docx(
    organizationAssignmentsBlocks(organization.fullName, rows, liveContext(db), onlyOpen),
    assignmentsFileName(organizationDisplayName(organization)),
  );
}

/** The year's signed minutes, full form, for the export to the shared folder: only signed minutes are official. */
export async function yearMinutesDocx(db: AppDb, year: number): Promise<FileOutput[]> {
  const signed = db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.year, year), eq(meetings.status, 'signed')))
    .orderBy(asc(meetings.dateStart), asc(meetings.id))
    .all();
  const files: FileOutput[] = [];
  for (const m of signed) files.push(await minutesDocx(db, m.id, 'full'));
  return files;
}

export const minutesExportKind: DocumentKind = { label: 'Подписанные протоколы заседаний за год (Word)', build: yearMinutesDocx };
