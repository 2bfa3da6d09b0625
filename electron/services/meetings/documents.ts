import { and, asc, eq, max } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { agendaItems, documentIssues, meetings, people } from '@db/schema';
import { conflict, invalid, notFound } from '@main/api/errors';
import type { FileOutput } from '@shared/contract/define';
import type { AgendaItemView, IssuedList, MeetingDetail, MeetingDocument } from '@shared/contract/meetings';
import { documentSpecSchema, type DocumentSpec } from '@shared/documents/model';
import { getOrganization, getProfile } from '@main/services/registry';
import type { DocumentKind } from '@main/services/common/documentKind';
import { frozenKind } from '@main/services/common/frozen';
import { DOCX_MIME, toFileOutput } from '@main/documents/file';
import { renderDocx } from '@main/documents/render';
import {
  agendaDocument,
  assignmentListDocument,
  extractDocument,
  itemForOrganization,
  minutesDocument,
  registrationDocument,
  type MinutesContext,
} from '@shared/documents/meetings/layout';
import { signatureName } from '@shared/documents/workPlan/layout';
import { formatDate, organizationDisplayName, personFullName, todayLocal } from '@shared/russian';
import { organizationAssignments } from './assignments';
import { documentMeeting } from './detail';
import { caseFileIndex } from './groups';
import { minutesSettings } from './meetings';
import { minutesLabel } from './shared';

/**
 * A meeting's documents take the center's name, the threshold and the quorum rule as they were
 * at signing (see `minutesSettings`); `today` is the date an extract is certified, always the
 * real one. Each document is assembled once as blocks: the Word file and the print view render
 * the same `DocumentSpec`.
 */
function context(db: AppDb, meetingId: number, today: string): MinutesContext {
  return { ...minutesSettings(db, meetingId), today };
}

export async function docxOf(spec: DocumentSpec): Promise<FileOutput> {
  return toFileOutput(await renderDocx(spec), `${spec.fileName}.docx`, DOCX_MIME);
}

/**
 * Extracts and assignment lists carry decisions to other organisations as binding: only signed
 * minutes give them. The minutes, the agenda and the registration sheet of an unsigned meeting
 * are drafts and say «ПРОЕКТ» on every page.
 */
function requireSigned(m: MeetingDetail, what: string): void {
  if (m.status === 'signed') return;
  throw conflict(
    `${what} делается только из подписанного протокола. ${minutesLabel(m)} ещё не подписан: подпишите протокол, ` +
      'и выписка будет заверена «Верно» с сегодняшней датой.',
  );
}

function itemOf(db: AppDb, itemId: number): { m: MeetingDetail; item: AgendaItemView } {
  const row = db.select({ meetingId: agendaItems.meetingId }).from(agendaItems).where(eq(agendaItems.id, itemId)).get();
  if (!row) throw notFound('Запись о вопросе повестки');
  const m = documentMeeting(db, row.meetingId);
  return { m, item: m.items.find((i) => i.id === itemId)! };
}

export function extractSpec(db: AppDb, itemId: number, organizationId: number | null, today = todayLocal()): DocumentSpec {
  const { m, item } = itemOf(db, itemId);
  requireSigned(m, 'Выписка из протокола');
  const ctx = context(db, m.id, today);
  if (organizationId === null) return extractDocument(m, item, ctx);
  // The addressee is whom the extract is issued to now, under the organisation's current name;
  // the extracted item itself comes from the signed record.
  const organization = getOrganization(db, organizationId);
  const name = organizationDisplayName(organization);
  const addressed = itemForOrganization(item, organizationId);
  if (addressed.decisions.length === 0) {
    throw invalid(`В вопросе ${item.position} нет поручений организации «${name}»: выписка для неё не нужна`);
  }
  const caseIndex = caseFileIndex(db, m.group.id, m.year);
  if (caseIndex === null) {
    throw invalid(
      `Выписка для другой организации указывает, в каком деле хранится подлинник протокола. Укажите индекс дела ` +
        `с протоколами за ${m.year} год в карточке рабочей группы («Номенклатура дел»).`,
    );
  }
  const profile = getProfile(db);
  const keeper = organizationDisplayName(profile);
  return extractDocument(m, addressed, ctx, {
    fullName: organization.fullName,
    shortName: name,
    original: { keeper, caseIndex },
  });
}

export function meetingDocumentSpec(
  db: AppDb,
  input: { id: number; doc: MeetingDocument; itemId: number | null; organizationId: number | null },
  today = todayLocal(),
): DocumentSpec {
  const m = documentMeeting(db, input.id);
  const ctx = context(db, m.id, today);
  switch (input.doc) {
    case 'full':
    case 'short':
      return minutesDocument(m, ctx, input.doc);
    case 'agenda':
      return agendaDocument(m, ctx);
    case 'registration':
      return registrationDocument(m, ctx);
    case 'extract': {
      const itemId = input.itemId ?? m.items[0]?.id;
      if (itemId === undefined || !m.items.some((i) => i.id === itemId)) throw invalid('Выберите вопрос повестки для выписки');
      return extractSpec(db, itemId, input.organizationId, today);
    }
  }
}

export const minutesDocx = (db: AppDb, meetingId: number, form: 'full' | 'short') =>
  docxOf(meetingDocumentSpec(db, { id: meetingId, doc: form, itemId: null, organizationId: null }));
export const agendaDocx = (db: AppDb, meetingId: number) =>
  docxOf(meetingDocumentSpec(db, { id: meetingId, doc: 'agenda', itemId: null, organizationId: null }));
export const registrationSheetDocx = (db: AppDb, meetingId: number) =>
  docxOf(meetingDocumentSpec(db, { id: meetingId, doc: 'registration', itemId: null, organizationId: null }));
export const extractDocx = (db: AppDb, itemId: number, organizationId: number | null = null) =>
  docxOf(extractSpec(db, itemId, organizationId));

/** An issued list is kept as its blocks: the frozen-document module validates it when read back. */
const issuedDocument = frozenKind({ version: 1, schema: documentSpecSchema });

/** The next number of the year's series of assignment lists. */
function nextListNumber(db: AppDb, year: number): number {
  const last = db
    .select({ n: max(documentIssues.number) })
    .from(documentIssues)
    .where(and(eq(documentIssues.kind, 'assignmentList'), eq(documentIssues.year, year)))
    .get()?.n;
  return (last ?? 0) + 1;
}

/**
 * Issues the organisation's assignments from signed minutes as an outgoing document: the next
 * number of the year, the list kept as issued. Refused when no signed minutes assign it
 * anything, with the reason (only unsigned minutes do, or none at all).
 */
export function issueAssignmentList(db: AppDb, input: { organizationId: number; onlyOpen: boolean }, today = todayLocal()): IssuedList {
  return inTransaction(db, () => {
    const organization = getOrganization(db, input.organizationId);
    const name = organizationDisplayName(organization);
    const rows = organizationAssignments(db, input.organizationId, input.onlyOpen, today);
    if (rows.length === 0) {
      throw invalid(
        `В подписанных протоколах нет ${input.onlyOpen ? 'поручений на контроле' : 'поручений'} организации «${name}». ` +
          'Решения проведённых, но не подписанных заседаний войдут в перечень после подписания протокола.',
      );
    }
    const profile = getProfile(db);
    const secretaryId = db.select({ id: meetings.secretaryId }).from(meetings).where(eq(meetings.id, rows[0]!.meetingId)).get()?.id;
    const secretary = secretaryId ? db.select().from(people).where(eq(people.id, secretaryId)).get() : undefined;
    const year = Number(today.slice(0, 4));
    const number = nextListNumber(db, year);
    const spec = assignmentListDocument(rows, {
      organization,
      issue: { number, date: today },
      onlyOpen: input.onlyOpen,
      centerFullName: profile.fullName,
      signer: {
        position: [profile.directorPosition || 'Директор', profile.shortName].filter(Boolean).join(' '),
        name: profile.directorName ? signatureName(profile.directorName) : '',
      },
      executor: secretary
        ? { fullName: personFullName(secretary), position: secretary.position, phone: secretary.phone, email: secretary.email }
        : null,
    });
    const row = db
      .insert(documentIssues)
      .values({
        kind: 'assignmentList',
        year,
        number,
        issuedOn: today,
        organizationId: input.organizationId,
        document: issuedDocument.freeze(spec),
      })
      .returning({ id: documentIssues.id })
      .get();
    return { id: row.id, number, issuedOn: today, fileName: `${spec.fileName}.docx` };
  });
}

/** An issued list as a Word file, rendered from the blocks kept at its issue. */
export async function issuedListDocx(db: AppDb, id: number): Promise<FileOutput> {
  const row = db.select().from(documentIssues).where(eq(documentIssues.id, id)).get();
  if (!row) throw notFound('Запись о выданном перечне поручений');
  return docxOf(issuedDocument.read(row.document, `Перечень поручений № ${row.number} от ${formatDate(row.issuedOn)}`));
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
