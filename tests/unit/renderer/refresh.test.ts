import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { queryClient, refresh } from '@renderer/api/client';

/**
 * What a change waits for before its button stops spinning: the figures on screen that show the
 * changed register, not a picture the main process draws in the background (a balance chart).
 */

afterEach(() => queryClient.clear());

/** A query a screen on view holds (an active observer), whose fetches are counted. */
async function onScreen<T>(name: string, meta: Record<string, unknown> | undefined, answer: (n: number) => Promise<T>) {
  let fetched = 0;
  const observer = new QueryObserver<T>(queryClient, {
    queryKey: [name, { id: 1 }],
    queryFn: () => answer(++fetched),
    meta,
  });
  const stop = observer.subscribe(() => {});
  await observer.refetch();
  return { observer, stop, fetched: () => fetched };
}

describe('a change refreshes what shows it', () => {
  it('waits for the figures on screen, not for a chart drawn in the background', async () => {
    let drawNew: () => void = () => {};
    const card = await onScreen('publications.get', undefined, (n) => Promise.resolve(`остаток ${n}`));
    const chart = await onScreen('publications.balanceChart', { background: true }, (n) =>
      n === 1 ? Promise.resolve('рисунок 1') : new Promise<string>((done) => (drawNew = () => done(`рисунок ${n}`))),
    );

    // The chart's new drawing has not come, and the change answers all the same, with the card new.
    await refresh(['publications']);
    expect(card.observer.getCurrentResult().data).toBe('остаток 2');
    expect(chart.fetched()).toBe(2);
    // The chart keeps its old picture meanwhile, and takes the new one when it comes.
    expect(chart.observer.getCurrentResult()).toMatchObject({ data: 'рисунок 1', isFetching: true });
    drawNew();
    await queryClient.getQueryCache().find({ queryKey: ['publications.balanceChart', { id: 1 }] })!.promise;
    expect(chart.observer.getCurrentResult().data).toBe('рисунок 2');
    [card, chart].forEach((q) => q.stop());
  });

  it('leaves alone what does not show the changed register', async () => {
    const plan = await onScreen('workPlan.items', undefined, (n) => Promise.resolve(n));
    await refresh(['publications']);
    expect(plan.fetched()).toBe(1);
    plan.stop();
  });
});
