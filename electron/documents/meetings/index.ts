import type { AppDb } from '../../../db/open';
import { invalid, notFound } from '../../api/errors';
import type { FileOutput } from '../../contract/define';
import { organizationAssignments } from '../../services/meetings/assignments';
import { getMeeting } from '../../services/meetings/detail';
import { getAttendeeThreshold } from '../../services/meetings/meetings';
import { todayIso } from '../../services/meetings/shared';
import { getOrganization } from '../../services/registry/organizations';
import { getProfile } from '../../services/registry/profile';
import { and, asc, eq } from 'drizzle-orm';
import { agendaItems, meetings } from '../../../db/schema';
import { DOCX_MIME, toFileOutput } from '../file';
import { renderDocx } from './docx';
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
} from './layout';

function context(db: AppDb): MinutesContext {
  return { centerFullName: getProfile(db).fullName, threshold: getAttendeeThreshold(db), today: todayIso() };
}

const docx = async (blocks: Parameters<typeof renderDocx>[0], fileName: string): Promise<FileOutput> =>
  toFileOutput(await renderDocx(blocks, fileName.replace(/\.docx$/, '')), fileName, DOCX_MIME);

export async function minutesDocx(db: AppDb, meetingId: number, form: 'full' | 'short'): Promise<FileOutput> {
  const m = getMeeting(db, meetingId);
  return docx(minutesBlocks(m, context(db), form), minutesFileName(m, form));
}

export async function agendaDocx(db: AppDb, meetingId: number): Promise<FileOutput> {
  const m = getMeeting(db, meetingId);
  return docx(agendaBlocks(m, context(db)), agendaFileName(m));
}

export async function registrationSheetDocx(db: AppDb, meetingId: number): Promise<FileOutput> {
  const m = getMeeting(db, meetingId);
  return docx(registrationBlocks(m, context(db)), registrationFileName(m));
}

export async function extractDocx(db: AppDb, itemId: number, organizationId: number | null = null): Promise<FileOutput> {
  const row = db.select({ meetingId: agendaItems.meetingId }).from(agendaItems).where(eq(agendaItems.id, itemId)).get();
  if (!row) throw notFound('Вопрос повестки');
  const m = getMeeting(db, row.meetingId);
  const item = m.items.find((i) => i.id === itemId)!;
  if (organizationId === null) return docx(extractBlocks(m, item, context(db)), extractFileName(m, item));
  const organization = getOrganization(db, organizationId);
  const addressed = itemForOrganization(item, organizationId);
  if (addressed.decisions.length === 0) {
    throw invalid(`В вопросе ${item.position} нет поручений организации «${organization.shortName || organization.fullName}»: выписка для неё не нужна`);
  }
  const addressee = organization.shortName || organization.fullName;
  return docx(extractBlocks(m, addressed, context(db), organization.fullName), extractFileName(m, item, addressee));
}

export async function organizationAssignmentsDocx(db: AppDb, organizationId: number, onlyOpen: boolean): Promise<FileOutput> {
  const organization = getOrganization(db, organizationId);
  const rows = organizationAssignments(db, organizationId, onlyOpen);
  return docx(organizationAssignmentsBlocks(organization.fullName, rows, context(db), onlyOpen), assignmentsFileName(organization.shortName || organization.fullName));
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
