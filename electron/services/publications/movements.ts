import { and, eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { organizations, people, publicationMovements, publications, writeOffActLines, writeOffActs } from '@db/schema';
import { conflict, invalid } from '@main/api/errors';
import type { MovementData, MovementResult, StocktakeChange } from '@shared/contract/publications';
import { MOVEMENT_KIND_LABELS } from '@shared/contract/publicationEnums';
import { actNumberLabel } from '@shared/documents/publications/writeOffAct';
import { formatDate, formatNumber, todayLocal } from '@shared/russian';
import { balanceOn, ledgerWindow, walk, withWritten, type LedgerProblem, type LedgerRow } from './ledger';
import { publicationNotFound } from './records';
import { eventForHandout, type EventForHandout } from '@main/services/events';

const copies = (n: number) => `${formatNumber(n)} экз.`;
const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : '0');

/** A movement as a sentence names it: «выдача 100 экз. от 14.05.2019». */
function named(row: LedgerRow): string {
  const what = row.kind === 'distribution' ? 'выдача' : row.kind === 'writeOff' ? 'списание' : MOVEMENT_KIND_LABELS[row.kind].toLowerCase();
  return `${what} ${copies(row.quantity)} от ${formatDate(row.date)}`;
}

/**
 * The refusal of a write that breaks the ledger, naming the first date that would go negative and
 * the shortfall, or the first receipt a movement would come before. `own`: the new movement's id
 * (a problem at a later movement says which one).
 */
function refusal(problem: LedgerProblem, own: number | null): Error {
  if (problem.kind === 'beforeFirstReceipt') {
    const when = formatDate(problem.row.date);
    const at = problem.row.id === own ? '' : ` (${named(problem.row)})`;
    return problem.firstReceipt === null
      ? conflict(`На ${when}${at} экземпляров ещё не поступало: сначала внесите полученный тираж или ввод остатков`, {
          ...(own === problem.row.id ? { date: 'Раньше первого поступления' } : {}),
        })
      : conflict(
          `На ${when}${at} экземпляров ещё не поступало: первое поступление (тираж или ввод остатков) — ${formatDate(problem.firstReceipt)}`,
          own === problem.row.id ? { date: `Раньше первого поступления ${formatDate(problem.firstReceipt)}` } : undefined,
        );
  }
  const message = `на ${formatDate(problem.row.date)} остаток ${copies(problem.before)}, не хватает ${formatNumber(problem.shortfall)}`;
  if (problem.row.id === own) {
    const sentence = message.charAt(0).toUpperCase() + message.slice(1);
    return conflict(sentence, { quantity: sentence });
  }
  return conflict(
    `Тогда не хватит экземпляров на уже записанное движение (${named(problem.row)}): ${message}. Проверьте количество или дату.`,
    own !== null ? { quantity: `не хватит на ${named(problem.row)}` } : undefined,
  );
}

/** Past stocktakes whose difference the write changed: the user is told which. */
function changedStocktakes(before: Map<number, number>, after: Map<number, number>, rows: LedgerRow[]): StocktakeChange[] {
  const dates = new Map(rows.map((r) => [r.id, r.date]));
  const changes: StocktakeChange[] = [];
  for (const [id, was] of before) {
    const now = after.get(id);
    if (now !== undefined && now !== was) changes.push({ movementId: id, date: dates.get(id)!, before: was, after: now });
  }
  return changes;
}

const notice = (c: StocktakeChange) =>
  `Расхождение инвентаризации от ${formatDate(c.date)} изменилось: было ${signed(c.before)}, стало ${signed(c.after)} экз.`;

/** A cancelled event receives no distribution: nobody came to take the copies. */
export function refuseCancelled(e: EventForHandout): void {
  if (e.status === 'cancelled')
    throw conflict(`Мероприятие «${e.title}» отменено: выдать на нём материалы нельзя.`, { eventId: 'Мероприятие отменено' });
}

function requirePublication(db: AppDb, id: number) {
  const row = db.select({ id: publications.id, archived: publications.archived }).from(publications).where(eq(publications.id, id)).get();
  if (!row) throw publicationNotFound();
  return row;
}

function checkDate(date: string, today: string): void {
  if (date > today) {
    const message = `Дата позже сегодняшней (${formatDate(today)}): в журнал вносят то, что уже произошло`;
    throw invalid(message, { date: message });
  }
}

/**
 * Writes a movement and checks the ledger after it inside the same transaction: a refusal rolls
 * the row back, so no reader ever sees a negative balance. The ledger's state before was valid, so
 * what breaks is caused by this movement, and only within its window (ledgerWindow): every date
 * from the last stocktake before the movement's day up to the next stocktake after it.
 */
function writeChecked(
  db: AppDb,
  at: { publicationId: number; date: string; today: string },
  write: () => number,
  own: (id: number) => number | null,
): MovementResult {
  return inTransaction(db, () => {
    const window = ledgerWindow(db, at.publicationId, at.date);
    const before = walk(window.rows, { start: window.start });
    const id = write();
    const written = withWritten(db, window.rows, id);
    const after = walk(written, { start: window.start, upTo: at.today });
    if (after.problem) throw refusal(after.problem, own(id));
    const stocktakeChanges = changedStocktakes(before.difference, after.difference, written);
    // Past the window's closing stocktake the balance does not depend on this movement: read it by the ledger's SQL.
    const balance = window.toTheEnd ? after.balance : balanceOn(db, at.publicationId, at.today);
    return { id, balance, stocktakeChanges, notices: stocktakeChanges.map(notice) };
  });
}

export function recordMovement(db: AppDb, input: MovementData, today = todayLocal()): MovementResult {
  const publication = requirePublication(db, input.publicationId);
  checkDate(input.date, today);
  if (publication.archived && input.kind !== 'stocktake' && input.kind !== 'writeOff') {
    throw conflict('Издание в архиве: верните его из архива, чтобы вносить поступления и выдачи');
  }
  if (
    input.organizationId !== null &&
    !db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.organizationId)).get()
  ) {
    const message = 'Организация не найдена в реестре: возможно, её удалили';
    throw invalid(message, { organizationId: message });
  }
  if (input.personId !== null && !db.select({ id: people.id }).from(people).where(eq(people.id, input.personId)).get()) {
    const message = 'Специалист не найден в реестре: возможно, его удалили';
    throw invalid(message, { personId: message });
  }
  if (input.eventId !== null) refuseCancelled(eventForHandout(db, input.eventId));
  return writeChecked(
    db,
    { publicationId: input.publicationId, date: input.date, today },
    () =>
      db
        .insert(publicationMovements)
        .values({
          publicationId: input.publicationId,
          kind: input.kind,
          date: input.date,
          quantity: input.quantity,
          printer: input.printer,
          printedInHouse: input.printedInHouse,
          organizationId: input.organizationId,
          personId: input.personId,
          eventId: input.eventId,
          reason: input.reason,
        })
        .returning({ id: publicationMovements.id })
        .get().id,
    (id) => id,
  );
}

/**
 * Annuls a movement entered by mistake: a reversal row points to it and both count nowhere from
 * then on, at every date. Refused when the history without it breaks (a print run reversed after
 * its copies were handed out).
 */
export function reverseMovement(db: AppDb, input: { movementId: number; reason: string }, today = todayLocal()): MovementResult {
  const target = db.select().from(publicationMovements).where(eq(publicationMovements.id, input.movementId)).get();
  if (!target) throw invalid('Движение не найдено: возможно, издание удалили');
  if (target.kind === 'reversal') throw conflict('Сторно не сторнируют: внесите движение заново');
  // A signed act is a document the accountant signed: its write-off is not annulled in the ledger
  // behind its back, and the copies found after all are counted in, as any surplus is.
  const act = db
    .select({ year: writeOffActs.year, number: writeOffActs.number, actDate: writeOffActs.actDate })
    .from(writeOffActLines)
    .innerJoin(writeOffActs, eq(writeOffActs.id, writeOffActLines.actId))
    .where(and(eq(writeOffActLines.movementId, target.id), eq(writeOffActs.status, 'signed')))
    .get();
  if (act) {
    throw conflict(
      `Это списание по акту № ${actNumberLabel(act.year!, act.number!)} от ${formatDate(act.actDate)}: акт подписан, его строки не сторнируют. Если экземпляры на самом деле есть, внесите их инвентаризацией.`,
    );
  }
  const already = db
    .select({ id: publicationMovements.id })
    .from(publicationMovements)
    .where(eq(publicationMovements.reversesId, target.id))
    .get();
  if (already)
    throw conflict(`Это движение (${MOVEMENT_KIND_LABELS[target.kind].toLowerCase()} от ${formatDate(target.date)}) уже сторнировано`);
  return writeChecked(
    db,
    { publicationId: target.publicationId, date: target.date > today ? today : target.date, today },
    () =>
      db
        .insert(publicationMovements)
        .values({
          publicationId: target.publicationId,
          kind: 'reversal',
          // On the day it annuls: the reversal belongs to the reversed movement's history, and counts nowhere.
          date: target.date > today ? today : target.date,
          quantity: target.quantity,
          reason: input.reason,
          reversesId: target.id,
        })
        .returning({ id: publicationMovements.id })
        .get().id,
    () => null,
  );
}
