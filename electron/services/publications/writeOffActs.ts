import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordDeletion } from '@db/journal';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { listValues, people, publications, writeOffActLines, writeOffActMembers, writeOffActs } from '@db/schema';
import { personFullNameSql } from '@main/services/registry';
import { centerOrganizationId, getProfile } from '@main/services/registry';
import { conflict, DomainError, invalid } from '@main/api/errors';
import { frozenKind } from '@main/services/common/frozen';
import type { StaffMember, WriteOffActData, WriteOffActDetail, WriteOffActLine, WriteOffActRow } from '@shared/contract/writeOffActs';
import { actNumberLabel } from '@shared/documents/publications/writeOffAct';
import { copiesInWords, formatDate, todayLocal } from '@shared/russian';
import { balanceOn } from './ledger';
import { recordMovement } from './movements';

/**
 * Акты списания (issue 22). A draft is only a paper in preparation: it changes no balance. Signing
 * numbers it within its year (the next number inside the signing transaction, UNIQUE(year,
 * number) holding it, as the certificates are numbered) and writes each line off the ledger by
 * the ledger's own write (recordMovement: the same checks, the same refusal naming the date and
 * the shortfall), all in one transaction: one line short and nothing is signed.
 */

const actNotFound = () => new DomainError('not_found', 'Акт списания не найден или уже удалён');

const rowColumns = {
  id: writeOffActs.id,
  status: writeOffActs.status,
  year: writeOffActs.year,
  number: writeOffActs.number,
  actDate: writeOffActs.actDate,
  reason: writeOffActs.reason,
  signedAt: writeOffActs.signedAt,
  approverName: writeOffActs.approverName,
  approverPosition: writeOffActs.approverPosition,
  signedCopy: writeOffActs.signedCopy,
  publications: sql<number>`(SELECT count(*) FROM write_off_act_lines l WHERE l.act_id = write_off_acts.id)`,
  copies: sql<number>`(SELECT coalesce(sum(l.quantity), 0) FROM write_off_act_lines l WHERE l.act_id = write_off_acts.id)`,
};

type Stored = { year: number | null; number: number | null } & Omit<WriteOffActRow, 'numberLabel'>;

const toRow = ({ year, number, ...r }: Stored & Record<string, unknown>): WriteOffActRow => ({
  id: r.id,
  status: r.status,
  numberLabel: year !== null && number !== null ? actNumberLabel(year, number) : null,
  actDate: r.actDate,
  reason: r.reason,
  publications: r.publications,
  copies: r.copies,
});

export function listActs(db: AppDb, input: { year: number | null }): WriteOffActRow[] {
  return db
    .select(rowColumns)
    .from(writeOffActs)
    .where(input.year === null ? undefined : sql`substr(${writeOffActs.actDate}, 1, 4) = ${String(input.year)}`)
    .orderBy(desc(writeOffActs.actDate), desc(writeOffActs.id))
    .all()
    .map(toRow);
}

/**
 * The commission and the lines as a signed act shows them for good: the names, positions and
 * titles of the day of signing, and each line's balance after the act's own write-off.
 */
const signedCopy = frozenKind({
  version: 1,
  schema: z.object({
    members: z.array(z.object({ personId: z.number(), name: z.string(), position: z.string(), chair: z.boolean() })),
    lines: z.array(
      z.object({
        publicationId: z.number(),
        title: z.string(),
        kind: z.string(),
        quantity: z.number(),
        inWords: z.string(),
        balance: z.number(),
      }),
    ),
  }),
});

export function getAct(db: AppDb, input: { id: number }): WriteOffActDetail {
  const act = db.select(rowColumns).from(writeOffActs).where(eq(writeOffActs.id, input.id)).get();
  if (!act) throw actNotFound();
  if (act.signedCopy !== null) {
    const label = `Акт списания № ${actNumberLabel(act.year!, act.number!)}`;
    return {
      ...toRow(act),
      signedAt: act.signedAt,
      approverName: act.approverName,
      approverPosition: act.approverPosition,
      ...signedCopy.read(act.signedCopy, label),
    };
  }
  return liveAct(db, act);
}

/** A draft (or an act being signed) from the registers as they are now. */
function liveAct(db: AppDb, act: Stored & { signedAt: string | null; approverName: string; approverPosition: string }): WriteOffActDetail {
  const members = db
    .select({ personId: people.id, name: personFullNameSql, position: people.position, chair: writeOffActMembers.chair })
    .from(writeOffActMembers)
    .innerJoin(people, eq(people.id, writeOffActMembers.personId))
    .where(eq(writeOffActMembers.actId, act.id))
    .orderBy(desc(writeOffActMembers.chair), asc(writeOffActMembers.position))
    .all();
  const lines: WriteOffActLine[] = db
    .select({ publicationId: publications.id, title: publications.title, kind: listValues.value, quantity: writeOffActLines.quantity })
    .from(writeOffActLines)
    .innerJoin(publications, eq(publications.id, writeOffActLines.publicationId))
    .innerJoin(listValues, eq(listValues.id, publications.kindId))
    .where(eq(writeOffActLines.actId, act.id))
    .orderBy(asc(writeOffActLines.position))
    .all()
    .map((l) => ({ ...l, inWords: copiesInWords(l.quantity), balance: balanceOn(db, l.publicationId, act.actDate) }));
  // A draft names today's director; a signed act the one who approved it.
  const profile = act.status === 'draft' ? getProfile(db) : undefined;
  return {
    ...toRow(act),
    signedAt: act.signedAt,
    approverName: profile ? profile.directorName : act.approverName,
    approverPosition: profile ? profile.directorPosition : act.approverPosition,
    members,
    lines,
  };
}

/** The people of the center's own organisation (its profile), in the alphabetical order. */
export function centerStaff(db: AppDb): StaffMember[] {
  const center = centerOrganizationId(db);
  if (center === null) return [];
  return db
    .select({ id: people.id, name: personFullNameSql, position: people.position })
    .from(people)
    .where(eq(people.organizationId, center))
    .orderBy(asc(people.sortKey))
    .all();
}

function checkDraft(db: AppDb, data: WriteOffActData, today: string): void {
  if (data.actDate > today) {
    const message = `Дата акта позже сегодняшней (${formatDate(today)})`;
    throw invalid(message, { actDate: message });
  }
  const staff = new Set(centerStaff(db).map((s) => s.id));
  if (staff.size === 0) {
    throw conflict('В профиле центра не указана организация центра или в ней нет сотрудников: комиссию составляют из сотрудников центра');
  }
  for (const [i, personId] of [data.chairId, ...data.memberIds].entries()) {
    if (!staff.has(personId)) {
      const message = 'В комиссию входят только сотрудники центра (специалисты организации центра в реестре)';
      throw invalid(message, { [i === 0 ? 'chairId' : 'memberIds']: message });
    }
  }
  const ids = data.lines.map((l) => l.publicationId);
  const found = db.select({ id: publications.id }).from(publications).where(inArray(publications.id, ids)).all();
  if (found.length !== new Set(ids).size) throw invalid('Издание не найдено: возможно, его удалили', { lines: 'Издание не найдено' });
}

function writeParts(db: AppDb, actId: number, data: WriteOffActData): void {
  db.delete(writeOffActMembers).where(eq(writeOffActMembers.actId, actId)).run();
  db.delete(writeOffActLines).where(eq(writeOffActLines.actId, actId)).run();
  const members = [
    { actId, personId: data.chairId, chair: true, position: 1 },
    ...data.memberIds.map((personId, i) => ({ actId, personId, chair: false, position: i + 2 })),
  ];
  db.insert(writeOffActMembers).values(members).run();
  db.insert(writeOffActLines)
    .values(data.lines.map((l, i) => ({ actId, publicationId: l.publicationId, quantity: l.quantity, position: i + 1 })))
    .run();
}

export function createAct(db: AppDb, data: WriteOffActData, today = todayLocal()): WriteOffActDetail {
  checkDraft(db, data, today);
  return inTransaction(db, () => {
    const { id } = db.insert(writeOffActs).values({ actDate: data.actDate, reason: data.reason }).returning({ id: writeOffActs.id }).get();
    writeParts(db, id, data);
    return getAct(db, { id });
  });
}

function requireDraft(db: AppDb, id: number) {
  const act = db.select({ status: writeOffActs.status }).from(writeOffActs).where(eq(writeOffActs.id, id)).get();
  if (!act) throw actNotFound();
  if (act.status === 'signed') throw conflict('Акт подписан: его не меняют и не удаляют, списание уже в журнале');
}

export function updateAct(db: AppDb, input: { id: number; data: WriteOffActData }, today = todayLocal()): WriteOffActDetail {
  requireDraft(db, input.id);
  checkDraft(db, input.data, today);
  return inTransaction(db, () => {
    db.update(writeOffActs)
      .set({ actDate: input.data.actDate, reason: input.data.reason, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
      .where(eq(writeOffActs.id, input.id))
      .run();
    writeParts(db, input.id, input.data);
    return getAct(db, { id: input.id });
  });
}

/** Deletes a draft (a signed act stays): the journal keeps it with its commission and lines, so «Отменить» brings it back. */
export function deleteAct(db: AppDb, input: { id: number }): null {
  requireDraft(db, input.id);
  const { actDate } = db.select({ actDate: writeOffActs.actDate }).from(writeOffActs).where(eq(writeOffActs.id, input.id)).get()!;
  inTransaction(db, () => {
    recordDeletion(db, { table: writeOffActs, key: { id: input.id }, label: `Удалён проект акта списания от ${formatDate(actDate)}` });
    db.delete(writeOffActs).where(eq(writeOffActs.id, input.id)).run();
  });
  return null;
}

/**
 * Signs the act: approved by the director of the profile (who must be named), numbered, and each
 * line written off the ledger on the act's date with the act in its reason.
 */
export function signAct(db: AppDb, input: { id: number }, today = todayLocal()): WriteOffActDetail {
  requireDraft(db, input.id);
  return inTransaction(db, () => {
    const act = getAct(db, input);
    if (act.actDate > today) throw invalid(`Дата акта позже сегодняшней (${formatDate(today)}): подпишите его в день акта или позже`);
    if (!act.approverName.trim()) {
      throw conflict('Не указан руководитель центра (Настройки → Профиль центра): акт списания утверждает руководитель');
    }
    const year = Number(act.actDate.slice(0, 4));
    const number =
      (db
        .select({ n: max(writeOffActs.number) })
        .from(writeOffActs)
        .where(and(eq(writeOffActs.year, year)))
        .get()?.n ?? 0) + 1;
    const label = actNumberLabel(year, number);
    for (const line of act.lines) {
      try {
        const movement = recordMovement(
          db,
          {
            publicationId: line.publicationId,
            kind: 'writeOff',
            date: act.actDate,
            quantity: line.quantity,
            printer: '',
            printedInHouse: false,
            organizationId: null,
            personId: null,
            eventId: null,
            reason: `Акт списания № ${label} от ${formatDate(act.actDate)}: ${act.reason}`,
          },
          today,
        );
        db.update(writeOffActLines)
          .set({ movementId: movement.id })
          .where(and(eq(writeOffActLines.actId, act.id), eq(writeOffActLines.publicationId, line.publicationId)))
          .run();
      } catch (error) {
        if (error instanceof DomainError) {
          throw new DomainError(error.code, `Акт не подписан: «${line.title}» — ${lowerFirst(error.message)}`);
        }
        throw error;
      }
    }
    // Read again after the write-offs, so the copy's balances are what is left once the act is signed.
    const { members, lines } = liveAct(db, db.select(rowColumns).from(writeOffActs).where(eq(writeOffActs.id, act.id)).get()!);
    db.update(writeOffActs)
      .set({
        status: 'signed',
        year,
        number,
        signedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
        approverName: act.approverName,
        approverPosition: act.approverPosition,
        signedCopy: signedCopy.freeze({ members, lines }),
      })
      .where(eq(writeOffActs.id, act.id))
      .run();
    return getAct(db, input);
  });
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
