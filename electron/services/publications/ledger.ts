import type { AppDb } from '@db/open';
import { reusedQuery } from '@db/reusedQuery';
import { DAY_RANK, INCOMING, OUTGOING, type MovementKind } from '@shared/contract/publicationEnums';

/**
 * The stock ledger's one rule of reading, stated once here (and in the help):
 *
 * - A publication's movements are taken in the ledger's order: by date; within a day receipts
 *   (print runs, opening balances), then issues (distributions, write-offs), then stocktakes;
 *   then by the time each was recorded (and its id). The order a day's movements were entered in
 *   never changes a balance, so two movements of one day cannot flip each other's validity.
 * - A reversal and the movement it reverses count nowhere (the mistake never happened).
 * - Incoming movements add, issues subtract, a stocktake sets the balance to its count; its
 *   difference (count − the balance before it) is derived on reading, never stored.
 * - The balance is never negative, at any point of that order, and nothing goes out before the
 *   first copies came in.
 *
 * The walk below applies it to one publication's rows (the card, the check of a write); the SQL
 * below it answers a balance on a date for many publications at once (the catalogue, the
 * statements) by the same rule: the last stocktake on or before the date, plus what came in and
 * minus what went out on the days after it (no issue or receipt of the stocktake's own day comes
 * after it in the day's order).
 */

/** The day's order (DAY_RANK) as SQL over a movement's `kind`. */
const RANK_SQL = `CASE kind ${Object.entries(DAY_RANK)
  .map(([kind, rank]) => `WHEN '${kind}' THEN ${rank}`)
  .join(' ')} ELSE 9 END`;

export interface LedgerRow {
  id: number;
  kind: MovementKind;
  date: string;
  quantity: number;
  recordedAt: string;
  reversesId: number | null;
  /** Annulled by a reversal. */
  reversed: boolean;
}

const rankOf = (kind: MovementKind) => (kind === 'reversal' ? 9 : DAY_RANK[kind]);

/** The ledger's order as a comparison: date, the day's rank, recorded time, id (as ORDER BY below). */
export function ledgerOrder(a: LedgerRow, b: LedgerRow): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const rank = rankOf(a.kind) - rankOf(b.kind);
  if (rank !== 0) return rank;
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? -1 : 1;
  return a.id - b.id;
}

type StoredRow = Omit<LedgerRow, 'reversed'>;

/** Marks what the rows' reversals annul (a reversal is a row of the same publication), on the rows as read. */
function withReversed(rows: StoredRow[]): LedgerRow[] {
  const reversed = new Set<number>();
  for (const r of rows) if (r.reversesId !== null) reversed.add(r.reversesId);
  for (const r of rows as LedgerRow[]) r.reversed = reversed.has(r.id);
  return rows as LedgerRow[];
}

const LEDGER_COLUMNS = 'm.id, m.kind, m.date, m.quantity, m.recorded_at AS recordedAt, m.reverses_id AS reversesId';

/** Every movement of the publication, reversals too, in the ledger's order. */
export function ledgerRows(db: AppDb, publicationId: number): LedgerRow[] {
  const rows = reusedQuery(db, 'publications.ledger', () =>
    db.$client.prepare(
      `SELECT ${LEDGER_COLUMNS} FROM publication_movements m WHERE m.publication_id = ? ORDER BY m.date, ${RANK_SQL}, m.recorded_at, m.id`,
    ),
  ).all(publicationId) as StoredRow[];
  return withReversed(rows);
}

/**
 * The ledger with one row just written added in its place (read back by id: its recorded time is
 * SQLite's), without reading the whole history again: the check of a write on a publication of
 * thousands of movements reads it once.
 */
export function withWritten(db: AppDb, rows: readonly LedgerRow[], id: number): LedgerRow[] {
  const row = reusedQuery(db, 'publications.ledgerRow', () =>
    db.$client.prepare(`SELECT ${LEDGER_COLUMNS} FROM publication_movements m WHERE m.id = ?`),
  ).get(id) as StoredRow;
  const next = [...rows];
  const target = row.reversesId === null ? -1 : next.findIndex((r) => r.id === row.reversesId);
  if (target >= 0) next[target] = { ...next[target]!, reversed: true };
  const added = { ...row, reversed: false };
  let at = next.length;
  while (at > 0 && ledgerOrder(next[at - 1]!, added) > 0) at--;
  next.splice(at, 0, added);
  return next;
}

/**
 * Where a walk starts when it does not start at the publication's first movement: the balance set
 * by a counted stocktake (a valid ledger has copies in before any stocktake).
 */
export interface WalkStart {
  balance: number;
}

export interface LedgerWindow {
  rows: LedgerRow[];
  start: WalkStart | null;
  /** No stocktake after it: the walk's last balance is the balance now. */
  toTheEnd: boolean;
}

/** A counted stocktake's date and count, and the order key that picks the one before or after a day. */
const boundingStocktake = (op: '<' | '>', order: 'ASC' | 'DESC') =>
  `SELECT s.date, s.quantity FROM publication_movements s
   WHERE s.publication_id = @pid AND s.kind = 'stocktake' AND s.date ${op} @d AND ${countsSql('s')}
   ORDER BY s.date ${order}, s.recorded_at ${order}, s.id ${order} LIMIT 1`;

/**
 * The part of a publication's ledger a change on `date` can affect, by the rule that a stocktake
 * sets the balance: from the last counted stocktake of an earlier day (its count is the balance
 * the walk starts from, and nothing before it can change) up to the first counted stocktake of a
 * later day (the balance after it is its count whatever came before, so nothing after it can go
 * negative because of this change; only its difference moves). Without them, the window runs to
 * the publication's first or last movement. The check of a backdated write reads these few rows
 * instead of the whole history (issue 21's 20 ms target at 5,000 movements).
 */
export function ledgerWindow(db: AppDb, publicationId: number, date: string): LedgerWindow {
  const before = reusedQuery(db, 'publications.stocktakeBefore', () => db.$client.prepare(boundingStocktake('<', 'DESC'))).get({
    pid: publicationId,
    d: date,
  }) as { date: string; quantity: number } | undefined;
  const after = reusedQuery(db, 'publications.stocktakeAfter', () => db.$client.prepare(boundingStocktake('>', 'ASC'))).get({
    pid: publicationId,
    d: date,
  }) as { date: string; quantity: number } | undefined;
  const rows = reusedQuery(db, 'publications.ledgerWindow', () =>
    db.$client.prepare(
      `SELECT ${LEDGER_COLUMNS}, EXISTS (SELECT 1 FROM publication_movements r WHERE r.reverses_id = m.id) AS reversed
       FROM publication_movements m WHERE m.publication_id = @pid AND m.date > @from AND m.date <= @to
       ORDER BY m.date, ${RANK_SQL}, m.recorded_at, m.id`,
    ),
  ).all({ pid: publicationId, from: before?.date ?? '', to: after?.date ?? '9999-12-31' }) as (StoredRow & { reversed: number })[];
  return {
    rows: rows.map((r) => ({ ...r, reversed: r.reversed === 1 })),
    start: before ? { balance: before.quantity } : null,
    toTheEnd: !after,
  };
}

/** What the walk found wrong, at the first place it went wrong. */
export type LedgerProblem =
  | { kind: 'beforeFirstReceipt'; row: LedgerRow; firstReceipt: string | null }
  | { kind: 'negative'; row: LedgerRow; before: number; shortfall: number };

export interface Walked {
  /** Balance after each counted movement, by id. */
  balanceAfter: Map<number, number>;
  /** Each counted stocktake's difference, by id. */
  difference: Map<number, number>;
  /** The balance after the last counted movement on or before `upTo` (all of them without it). */
  balance: number;
  problem: LedgerProblem | null;
}

export const counts = (row: LedgerRow) => row.kind !== 'reversal' && !row.reversed;

/**
 * Applies the rule to rows in the ledger's order (ledgerRows, or a ledgerWindow's rows with its
 * `start`: the balance a stocktake before them set).
 */
export function walk(rows: readonly LedgerRow[], options: { upTo?: string; start?: WalkStart | null } = {}): Walked {
  const balanceAfter = new Map<number, number>();
  const difference = new Map<number, number>();
  const counted = rows.filter(counts);
  const firstReceipt = counted.find((r) => INCOMING.includes(r.kind))?.date ?? null;
  let balance = options.start?.balance ?? 0;
  let shown = balance;
  let problem: LedgerProblem | null = null;
  let stocked = !!options.start;
  for (const row of counted) {
    const before = balance;
    if (INCOMING.includes(row.kind)) {
      stocked = true;
      balance += row.quantity;
    } else if (!stocked) {
      problem ??= { kind: 'beforeFirstReceipt', row, firstReceipt };
    } else if (OUTGOING.includes(row.kind)) {
      balance -= row.quantity;
      if (balance < 0) problem ??= { kind: 'negative', row, before: Math.max(before, 0), shortfall: row.quantity - Math.max(before, 0) };
    } else if (row.kind === 'stocktake') {
      difference.set(row.id, row.quantity - before);
      balance = row.quantity;
    }
    balanceAfter.set(row.id, balance);
    if (options.upTo === undefined || row.date <= options.upTo) shown = balance;
  }
  return { balanceAfter, difference, balance: shown, problem };
}

// ————— The same rule in SQL, for many publications at once —————

/** The movement `m` counts: it is no reversal and nothing reversed it. */
const countsSql = (m: string) =>
  `${m}.kind <> 'reversal' AND NOT EXISTS (SELECT 1 FROM publication_movements r WHERE r.reverses_id = ${m}.id)`;

const lastStocktake = `(SELECT s.id FROM publication_movements s WHERE s.publication_id = p.id AND s.kind = 'stocktake' AND s.date <= @d AND ${countsSql('s')} ORDER BY s.date DESC, s.recorded_at DESC, s.id DESC LIMIT 1)`;

/**
 * Per publication: the balance at the end of day @d (the last stocktake's count on or before it,
 * plus receipts and minus issues of the days after the stocktake up to @d), the copies
 * distributed and written off between @from and @to, and whether any copies ever came in.
 */
const balancesSql = (where: string) => `
  WITH last AS (SELECT p.id AS pid, ${lastStocktake} AS sid FROM publications p ${where})
  SELECT last.pid AS id,
    coalesce(s.quantity, 0) + coalesce((SELECT sum(CASE WHEN m.kind IN ('opening', 'receipt') THEN m.quantity ELSE -m.quantity END)
      FROM publication_movements m
      WHERE m.publication_id = last.pid AND m.date <= @d AND m.date > coalesce(s.date, '')
        AND m.kind IN ('opening', 'receipt', 'distribution', 'writeOff') AND ${countsSql('m')}), 0) AS balance,
    coalesce((SELECT sum(m.quantity) FROM publication_movements m
      WHERE m.publication_id = last.pid AND m.kind = 'distribution' AND m.date >= @from AND m.date <= @to AND ${countsSql('m')}), 0) AS distributed,
    EXISTS (SELECT 1 FROM publication_movements m
      WHERE m.publication_id = last.pid AND m.kind IN ('opening', 'receipt') AND m.date <= @d AND ${countsSql('m')}) AS stocked
  FROM last LEFT JOIN publication_movements s ON s.id = last.sid`;
const BALANCES_SQL = balancesSql('');

export interface Balance {
  balance: number;
  distributed: number;
  stocked: boolean;
}

/** Every publication's balance at the end of `date` and copies distributed in [from, to]. */
export function balances(db: AppDb, date: string, from: string, to: string): Map<number, Balance> {
  const rows = reusedQuery(db, 'publications.balances', () => db.$client.prepare(BALANCES_SQL)).all({ d: date, from, to }) as {
    id: number;
    balance: number;
    distributed: number;
    stocked: number;
  }[];
  return new Map(rows.map((r) => [r.id, { balance: r.balance, distributed: r.distributed, stocked: r.stocked === 1 }]));
}

/** One publication's balance at the end of `date`, by the same SQL (a write's answer when its check read only a window). */
export function balanceOn(db: AppDb, publicationId: number, date: string): number {
  const row = reusedQuery(db, 'publications.balanceOne', () => db.$client.prepare(balancesSql('WHERE p.id = @pid'))).get({
    pid: publicationId,
    d: date,
    from: date,
    to: date,
  }) as { balance: number } | undefined;
  return row?.balance ?? 0;
}

/** A counted print run received of the outer query's publication (`pid`, SQL): it realises the publication's plan item. */
export const printRunReceivedSql = (pid: string) =>
  `EXISTS (SELECT 1 FROM publication_movements m WHERE m.publication_id = ${pid} AND m.kind = 'receipt' AND ${countsSql('m')})`;
