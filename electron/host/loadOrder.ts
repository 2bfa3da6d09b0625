/**
 * When the browser host loads the application (the contract's schemas, the services, the database).
 *
 * Node runs the host's JavaScript on one thread, and evaluating the application's modules is one
 * block of 250–700 ms (tests/bench/end-to-end.md, start). A file the page asks for during that block
 * waits for its end: loaded right after listening, the application held index.html and the page's
 * 23 scripts back by as long as it took. So the host first sends the page the files index.html
 * names — the browser asks for them all at once, before any call — and loads the application while
 * the browser compiles and runs them on the other core.
 */

/**
 * The files index.html asks for by itself (its entry script, module preloads, style sheets), as the
 * paths the browser requests them by: `./assets/index-….js` → `/assets/index-….js`.
 */
export function filesNamedBy(html: string): Set<string> {
  const named = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="([^"]+)"/g)) {
    const reference = match[1]!;
    // Only the app's own files: a page of ours names no other origin, and a data: URL is not asked for.
    if (/^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith('//')) continue;
    named.add(`/${reference.replace(/^\.?\//, '')}`);
  }
  return named;
}

export interface LoadOrder {
  /** A static file was sent whole (the server's `onStaticSent`). */
  sent(urlPath: string): void;
  /** Loads now if not yet (a call needs the application). */
  now(): void;
}

/**
 * Calls `load` once: when every file in `named` has been sent, when `now()` is called (a call needs
 * the application), or `capMs` after this was made — a page that does not come, or asks for other
 * files, does not leave the database unopened (a data folder held by another window is reported
 * within the cap, not on the first call).
 */
export function loadOrder(named: Set<string>, load: () => void, capMs: number): LoadOrder {
  const waiting = new Set(named);
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    clearTimeout(cap);
    load();
  };
  const cap = setTimeout(start, capMs);
  // The cap alone never keeps the process running.
  cap.unref();
  if (waiting.size === 0) start();
  return {
    sent(urlPath) {
      waiting.delete(urlPath);
      if (waiting.size === 0) start();
    },
    now: start,
  };
}
