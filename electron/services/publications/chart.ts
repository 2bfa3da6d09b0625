import { eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { publications } from '@db/schema';
import type { TimelineSpec } from '@shared/documents/chart';
import type { BalanceChart } from '@shared/contract/publications';
import { todayLocal } from '@shared/russian';
import { counts, ledgerRows, walk } from './ledger';
import { publicationNotFound } from './records';

/**
 * The points of a publication's stock over time, by the ledger's rule (ledger.ts): the balance at
 * the end of every day something counted happened, then today's, so the last level runs to now.
 * A day of several movements is one point: the chart shows what was on the shelf each evening.
 */
export function balancePoints(db: AppDb, publicationId: number, today = todayLocal()): TimelineSpec['points'] {
  const rows = ledgerRows(db, publicationId);
  const walked = walk(rows);
  const points: TimelineSpec['points'] = [];
  for (const row of rows) {
    if (!counts(row)) continue;
    const value = walked.balanceAfter.get(row.id)!;
    if (points.at(-1)?.date === row.date) points.at(-1)!.value = value;
    else points.push({ date: row.date, value });
  }
  if (points.length > 0 && points.at(-1)!.date < today) points.push({ date: today, value: points.at(-1)!.value });
  return points;
}

/** The card's balance chart, drawn in the main process by the one chart pipeline (an SVG the card shows as an image). */
export async function balanceChart(db: AppDb, input: { id: number }, today = todayLocal()): Promise<BalanceChart> {
  const p = db
    .select({ title: publications.title, minStock: publications.minStock })
    .from(publications)
    .where(eq(publications.id, input.id))
    .get();
  if (!p) throw publicationNotFound();
  const points = balancePoints(db, input.id, today);
  if (points.length === 0) return { svg: null, points: 0 };
  const spec: TimelineSpec = {
    title: 'Остаток по дням',
    seriesName: 'Остаток',
    points,
    unit: 'экз.',
    ...(p.minStock > 0 ? { level: { name: 'Минимальный остаток', value: p.minStock } } : {}),
  };
  // Loaded on the first chart, as the indicators' one: the export's worker never loads ECharts.
  const { timelineSvg } = await import('@main/documents/chart');
  return { svg: timelineSvg(spec), points: points.length };
}
