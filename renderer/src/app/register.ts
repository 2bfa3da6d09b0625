import type { ComponentType, ReactNode } from 'react';

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
}
