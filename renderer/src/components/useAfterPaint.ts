import { useEffect, useState } from 'react';

/**
 * True from the first frame after `ready` became true: the browser has painted what `ready` showed
 * by then. For what a screen shows later than its first paint (a form loaded after the rows, a
 * hidden tab's content), so the first paint does not wait for it.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    // An animation frame's callback runs before that frame paints; a task queued from it runs after.
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setAfter(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [ready, after]);
  return after;
}
