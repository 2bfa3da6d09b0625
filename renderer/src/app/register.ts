import { createElement, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { preloadWhenIdle } from '@renderer/components/idlePreload';

/**
 * What a register contributes to the application: its screens (hash routes) and its entries
 * in the navigation. Only registers listed in `registers.ts` appear, so the navigation shows
 * only what works.
 */
export interface NavEntry {
  label: string;
  path: string;
  icon: ReactNode;
}

export interface ScreenRoute {
  path: string;
  component: ComponentType;
  /** Print views render without the application frame. */
  bare?: boolean;
}

export interface RegisterUi {
  /** Section title in the navigation. */
  section: string;
  nav: NavEntry[];
  routes: ScreenRoute[];
  /**
   * Called once at launch with the address's path and query when the window opens on one of
   * this register's screens: starts loading what that screen needs (its chunk, its data) while
   * the app's status is asked, so the first screen waits for one round trip, not a chain. Returns
   * the screen's chunk loading (`preload()`): the router is shown once it is in (App.tsx). Also
   * called when the pointer or the focus comes to one of the register's navigation entries
   * (Layout.tsx), so its data is on its way before the click: it must ask only for what the
   * cache does not hold yet.
   */
  prime?: (path: string, params: URLSearchParams) => Promise<unknown> | void;
}

/**
 * A register's screens, loaded when one of them is first shown: `load` imports the register's
 * `screens.ts`, so vite puts each register in a chunk of its own and the first screen loads only
 * its register (the routes render inside a Suspense, Layout.tsx). Every screen of the register
 * shares the one import. Once the first screen has its data, idle time loads it ahead of use
 * (components/idlePreload.ts), so a register opened later need not wait for its chunk.
 */
export function lazyScreens<M extends Record<string, unknown>>(load: () => Promise<M>) {
  let loading: Promise<M> | undefined;
  let loaded: M | undefined;
  const start = () =>
    (loading ??= load().then((m) => {
      loaded = m;
      return m;
    }));
  preloadWhenIdle(start);
  const screen = (name: keyof M & string): ComponentType => {
    const Lazy = lazy(async () => ({ default: (await start())[name] as ComponentType }));
    /**
     * The screen itself once its chunk is in (primed at launch, opened before): a lazy component
     * suspends on its first render even then, and React shows a suspended screen's content no
     * sooner than 300 ms after its fallback (its throttle), which was most of the time from the
     * home screen's answer to its figures on screen. Chosen once per mount: never swapped under it.
     */
    return function Screen() {
      const [Component] = useState<ComponentType>(() => (loaded?.[name] as ComponentType | undefined) ?? Lazy);
      return createElement(Component);
    };
  };
  /** Starts the import before a screen of the register renders (`RegisterUi.prime`); resolves when it is in. */
  const preload = (): Promise<unknown> => start();
  return Object.assign(screen, { preload });
}

/**
 * A register's block that another register's screen places (an event's materials, its certificates
 * menu, the person form), loaded when it first renders, showing nothing meanwhile: the register's
 * index.tsx is part of the first screen's bundle, and such a block brings the form stack and the
 * contract's zod schemas (tests/unit/renderer/initialChunks.test.ts).
 */
export function lazyBlock<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Block = lazy(async () => ({ default: await load() }));
  return (props: P) => createElement(Suspense, { fallback: null }, createElement(Block as ComponentType<P>, props));
}
