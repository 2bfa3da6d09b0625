import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { listValues, municipalities, organizations, people, publicationMovements as pm, publications } from '@db/schema';
import type { DistributionGroup, MovementStatement, StatementRow, StockOnDate } from '@shared/contract/publications';
import { sortKey } from '@shared/russian';
import { balances } from './ledger';
import { isLow } from './records';
import { distributedByEvent } from './eventHandout';

/** The day before an ISO date: a period's opening balance is the balance at the end of it. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function catalogue(db: AppDb) {
  return db
    .select({
      id: publications.id,
      title: publications.title,
      kind: listValues.value,
      year: publications.year,
      minStock: publications.minStock,
      archived: publications.archived,
      sortKey: publications.sortKey,
    })
    .from(publications)
    .innerJoin(listValues, eq(listValues.id, publications.kindId))
    .orderBy(publications.sortKey, publications.id)
    .all();
}

/**
 * «Ведомость остатков» on a date: every publication with its balance at the end of that day, read
 * from the ledger. An archived one is listed only while copies of it are on hand (or when asked).
 */
export function stockOnDate(db: AppDb, input: { date: string; includeArchived: boolean }): StockOnDate {
  const stock = balances(db, input.date, input.date, input.date);
  const rows = catalogue(db)
    .map((p) => {
      const b = stock.get(p.id);
      return { ...p, balance: b?.balance ?? 0, stocked: b?.stocked ?? false };
    })
    // Not yet received by that date: nothing to count (a publication planned, a run not yet printed).
    .filter((p) => p.stocked && (!p.archived || input.includeArchived || p.balance > 0))
    .map((p) => ({
      id: p.id,
      title: p.title,
      kind: p.kind,
      year: p.year,
      minStock: p.minStock,
      balance: p.balance,
      low: isLow(p.balance, p.minStock),
    }));
  return { date: input.date, rows, total: rows.reduce((n, r) => n + r.balance, 0) };
}

const counted = sql`${pm.kind} <> 'reversal' AND NOT EXISTS (SELECT 1 FROM publication_movements r WHERE r.reverses_id = ${pm.id})`;

function sumsByKind(db: AppDb, from: string, to: string) {
  const rows = db
    .select({ id: pm.publicationId, kind: pm.kind, copies: sql<number>`sum(${pm.quantity})` })
    .from(pm)
    .where(and(gte(pm.date, from), lte(pm.date, to), sql`${pm.kind} IN ('opening', 'receipt', 'distribution', 'writeOff')`, counted))
    .groupBy(pm.publicationId, pm.kind)
    .all();
  const result = new Map<number, { received: number; distributed: number; writtenOff: number }>();
  for (const r of rows) {
    const s = result.get(r.id) ?? { received: 0, distributed: 0, writtenOff: 0 };
    if (r.kind === 'opening' || r.kind === 'receipt') s.received += r.copies;
    else if (r.kind === 'distribution') s.distributed += r.copies;
    else s.writtenOff += r.copies;
    result.set(r.id, s);
  }
  return result;
}

const NOT_GIVEN = 'Муниципальное образование не указано';

function grouped(rows: { label: string | null; copies: number }[], missing: string): DistributionGroup[] {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.label ?? missing, (by.get(r.label ?? missing) ?? 0) + r.copies);
  return [...by.entries()]
    .map(([label, copies]) => ({ label, copies }))
    .sort((a, b) => (a.label === missing ? 1 : b.label === missing ? -1 : sortKey(a.label) < sortKey(b.label) ? -1 : 1));
}

/**
 * The movement statement for a period, by publication (the shape of form 0503768): on hand at the
 * start → received → distributed, written off, the stocktakes' differences → on hand at the end.
 * The stocktake column is what makes each row add up: end − start − received + distributed +
 * written off, which is the sum of the differences of the period's stocktakes.
 */
export function movementStatement(db: AppDb, input: { from: string; to: string }): MovementStatement {
  const start = balances(db, dayBefore(input.from), input.from, input.to);
  const end = balances(db, input.to, input.from, input.to);
  const sums = sumsByKind(db, input.from, input.to);
  const rows: StatementRow[] = [];
  for (const p of catalogue(db)) {
    const s = sums.get(p.id) ?? { received: 0, distributed: 0, writtenOff: 0 };
    const a = start.get(p.id)?.balance ?? 0;
    const z = end.get(p.id)?.balance ?? 0;
    if (a === 0 && z === 0 && s.received === 0 && s.distributed === 0 && s.writtenOff === 0) continue;
    rows.push({
      id: p.id,
      title: p.title,
      kind: p.kind,
      start: a,
      ...s,
      stocktake: z - a - s.received + s.distributed + s.writtenOff,
      end: z,
    });
  }
  const total = (k: keyof Omit<StatementRow, 'id' | 'title' | 'kind'>) => rows.reduce((n, r) => n + r[k], 0);
  const distributions = db
    .select({
      kind: listValues.value,
      municipality: sql<
        string | null
      >`coalesce(${municipalities.name}, (SELECT m2.name FROM ${people} p2 JOIN ${organizations} o2 ON o2.id = p2.organization_id JOIN ${municipalities} m2 ON m2.id = o2.municipality_id WHERE p2.id = ${pm.personId}), (SELECT m3.name FROM events e3 JOIN ${municipalities} m3 ON m3.id = e3.municipality_id WHERE e3.id = ${pm.eventId}))`,
      copies: pm.quantity,
    })
    .from(pm)
    .innerJoin(publications, eq(publications.id, pm.publicationId))
    .innerJoin(listValues, eq(listValues.id, publications.kindId))
    .leftJoin(organizations, eq(organizations.id, pm.organizationId))
    .leftJoin(municipalities, eq(municipalities.id, organizations.municipalityId))
    .where(and(eq(pm.kind, 'distribution'), gte(pm.date, input.from), lte(pm.date, input.to), counted))
    .all();
  return {
    from: input.from,
    to: input.to,
    rows,
    totals: {
      start: total('start'),
      received: total('received'),
      distributed: total('distributed'),
      writtenOff: total('writtenOff'),
      stocktake: total('stocktake'),
      end: total('end'),
    },
    byKind: grouped(
      distributions.map((d) => ({ label: d.kind, copies: d.copies })),
      '',
    ),
    byMunicipality: grouped(
      distributions.map((d) => ({ label: d.municipality, copies: d.copies })),
      NOT_GIVEN,
    ),
    byEvent: distributedByEvent(db, and(gte(pm.date, input.from), lte(pm.date, input.to))),
  };
}

/**
 * «Распространено экземпляров» for a period, over the whole segment, read from the ledger: the
 * copies of every counted distribution dated in [from, to] (a reversed one and its reversal count
 * nowhere, so a distribution entered twice and annulled is netted out). For the indicators'
 * computed-from-register figures (issue 20 wires it); the movement statement's total is the same sum.
 */
export function copiesDistributed(db: AppDb, period: { from: string; to: string }): number {
  return (
    db
      .select({ copies: sql<number>`coalesce(sum(${pm.quantity}), 0)` })
      .from(pm)
      .where(and(eq(pm.kind, 'distribution'), gte(pm.date, period.from), lte(pm.date, period.to), counted))
      .get()?.copies ?? 0
  );
}

/** The same sum for a span of years, one row per quarter that has any (one grouped query). */
export function copiesDistributedByQuarter(
  db: AppDb,
  period: { from: string; to: string },
): { year: number; quarter: number; value: number }[] {
  return db
    .select({
      year: sql<number>`CAST(substr(${pm.date}, 1, 4) AS INTEGER)`,
      quarter: sql<number>`(CAST(substr(${pm.date}, 6, 2) AS INTEGER) + 2) / 3`,
      value: sql<number>`sum(${pm.quantity})`,
    })
    .from(pm)
    .where(and(eq(pm.kind, 'distribution'), gte(pm.date, period.from), lte(pm.date, period.to), counted))
    .groupBy(sql`1`, sql`2`)
    .orderBy(sql`1`, sql`2`)
    .all();
}

/** A publication issued in a period: the copies of its print runs received then and its kind. */
export interface IssuedPublication {
  id: number;
  title: string;
  kind: string;
  copies: number;
}

/**
 * «Выпущено»: the publications whose counted print runs were received in [from, to], with the
 * copies received, in title order — the report's list of what the center issued in the year.
 */
export function publicationsIssued(db: AppDb, period: { from: string; to: string }): IssuedPublication[] {
  return db
    .select({ id: publications.id, title: publications.title, kind: listValues.value, copies: sql<number>`sum(${pm.quantity})` })
    .from(pm)
    .innerJoin(publications, eq(publications.id, pm.publicationId))
    .innerJoin(listValues, eq(listValues.id, publications.kindId))
    .where(and(eq(pm.kind, 'receipt'), gte(pm.date, period.from), lte(pm.date, period.to), counted))
    .groupBy(publications.id)
    .orderBy(publications.sortKey)
    .all();
}
