import { useEffect, useState } from 'react';

/**
 * Runs `then` after the next frame has painted; answers how to cancel it. An animation frame's
 * callback runs before that frame paints; a task queued from it runs after.
 */
function afterNextPaint(then: () => void): () => void {
  let timer: number | undefined;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(then);
  });
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}

/**
 * True from the first frame after `ready` became true: the browser has painted what `ready` showed
 * by then. For what a screen shows later than its first paint (a form loaded after the rows, a
 * hidden tab's content), so the first paint does not wait for it.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    return afterNextPaint(() => setAfter(true));
  }, [ready, after]);
  return after;
}

/**
 * True from the first frame after `key` became what it is now (null: not yet): as useAfterPaint,
 * but false again as soon as the key changes, for what follows the first paint of each of several
 * contents in turn (the rest of a plan's items after each year's first rows).
 */
export function useAfterPaintOf(key: string | number | null): boolean {
  const [painted, setPainted] = useState<string | number | null>(null);
  useEffect(() => {
    if (key === null || painted === key) return;
    return afterNextPaint(() => setPainted(key));
  }, [key, painted]);
  return key !== null && painted === key;
}
