import type { MantineTheme } from '@mantine/core';

/**
 * A value computed once per Mantine theme and kept for it: the CSS variables a component's own
 * vars resolver gives, for a list that renders that component's markup without the component on
 * every row (the plan's status badges and «…» buttons).
 */
export function perTheme<T>(compute: (theme: MantineTheme) => T): (theme: MantineTheme) => T {
  const kept = new WeakMap<MantineTheme, T>();
  return (theme) => {
    if (!kept.has(theme)) kept.set(theme, compute(theme));
    return kept.get(theme)!;
  };
}
