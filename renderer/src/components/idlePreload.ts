import { createElement, lazy, useState, type ComponentType } from 'react';

/**
 * Chunks fetched and run while the browser has nothing else to do, once the first screen has
 * painted: the other registers' screens and the table's own parts. Opening a register for the
 * first time then renders at once instead of waiting for its chunk (measured at load 1.3: the
 * plan's chunk and its imports took 140 ms of the 372 ms «open the plan», the table's virtualiser
 * another 140 ms after the items had come). Nothing here is fetched before the first screen's data
 * is in, so the initial JS (tests/unit/renderer/initialChunks.test.ts, tests/bench/startup.ts)
 * stays what it was. One chunk per idle period: the table's parts first, then the registers' screens
 * in the navigation's order.
 */
const waiting: (() => Promise<unknown>)[] = [];
let started = false;

/** `first`: ahead of what waits already (the table's small parts, which every list uses, before the registers' screens). */
export function preloadWhenIdle(load: () => Promise<unknown>, first = false): void {
  if (first) waiting.unshift(load);
  else waiting.push(load);
  if (started && waiting.length === 1) next();
}

// Chromium's rIC; a plain task elsewhere (the unit tests' jsdom has none).
const whenIdle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run) : setTimeout(run, 0));

function next(): void {
  whenIdle(() => {
    const load = waiting.shift();
    if (!load) return;
    // A chunk that fails here fails again, with its message, where its screen opens (RouteError).
    void load()
      .catch(() => undefined)
      .finally(() => {
        if (waiting.length > 0) next();
      });
  });
}

/** Called once the first screen has its data (App.tsx): from then on idle time loads the waiting chunks. */
export function startIdlePreloads(): void {
  if (started) return;
  started = true;
  if (waiting.length > 0) next();
}

/**
 * A lazy component that is also preloaded when idle, and once its chunk is in renders at once: a
 * `lazy()` component suspends on its first render even when its import has resolved, and its
 * Suspense boundary shows the fallback for that render (DataTable's first rows, for the virtualiser).
 */
export function preloadedLazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  const start = () =>
    load().then((m) => {
      loaded = m.default;
      return m;
    });
  let loading: ReturnType<typeof start> | undefined;
  const once = () => (loading ??= start());
  preloadWhenIdle(once, true);
  const Lazy = lazy(once);
  return function Preloaded(props: P) {
    // Chosen once per mount: a component never swapped under its state.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? (Lazy as unknown as ComponentType<P>));
    return createElement(Component, props);
  };
}
