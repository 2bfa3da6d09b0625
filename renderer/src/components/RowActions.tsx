import { ActionIcon, UnstyledButton, useMantineTheme } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { forwardRef, Suspense, useState, type ComponentPropsWithoutRef, type CSSProperties, type ReactNode } from 'react';
import { preloadedLazy } from './idlePreload';
import { perTheme } from './themeVars';

// Loaded in idle time after the first screen, or with the first menu opened.
const OpenRowMenu = preloadedLazy(() => import('./OpenRowMenu'));

export interface RowAction {
  label: string;
  icon?: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  color?: string;
  /** Why an entry is disabled, shown under its label (not part of its name). */
  hint?: string;
}

/**
 * A row's «…» button and, only while it is open, its menu: a list of hundreds of rows renders one
 * plain button per row instead of a menu and tooltips each (measured: rendering those made
 * opening the plan take 642 ms, 5.8 s at ten years of data). The button's name says whose
 * actions they are («Действия: 1.2»); the entries are named by what they do. The owner keeps
 * which row's menu is open, so a table has at most one menu mounted (DataTable does this).
 */
export function RowMenu({
  label,
  actions,
  opened,
  onOpen,
  onClose,
  loading,
}: {
  label: string;
  /** Called only when the menu opens: a row's entries are built for the one row being acted on. */
  actions: () => RowAction[];
  opened: boolean;
  onOpen: () => void;
  onClose: () => void;
  loading?: boolean;
}) {
  const button = loading ? (
    <ActionIcon variant="subtle" aria-label={label} loading onClick={opened ? undefined : onOpen}>
      <IconDots size={16} />
    </ActionIcon>
  ) : (
    <SubtleActionIcon aria-label={label} onClick={opened ? undefined : onOpen}>
      <IconDots size={16} />
    </SubtleActionIcon>
  );
  if (!opened) return button;
  return (
    <Suspense fallback={button}>
      <OpenRowMenu button={button} actions={actions()} onClose={onClose} />
    </Suspense>
  );
}

/** A row menu that keeps its own open state: for a row outside a DataTable (an agenda item's card). */
export function RowActions({ label, actions, loading }: { label: string; actions: () => RowAction[]; loading?: boolean }) {
  const [opened, setOpened] = useState(false);
  return (
    <RowMenu
      label={label}
      actions={actions}
      opened={opened}
      onOpen={() => setOpened(true)}
      onClose={() => setOpened(false)}
      loading={loading}
    />
  );
}

/** Mantine's own variables of a subtle ActionIcon, once per theme (its vars resolver, as ActionIcon computes them). */
const subtleIconVars = perTheme((theme) => ActionIcon.varsResolver(theme, { variant: 'subtle' }, undefined).root as CSSProperties);

/**
 * The markup `<ActionIcon variant="subtle">` renders — the same element, classes, data attributes
 * and variables, so the same look, hover and focus ring — without the component: a year's plan
 * has a «…» per row, and ActionIcon's props, styles and loader transition per row were a large
 * part of painting it. A busy row's button is the real ActionIcon (its loader).
 */
const SubtleActionIcon = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'>>(function SubtleActionIcon(
  { children, ...props },
  ref,
) {
  const theme = useMantineTheme();
  return (
    <button
      ref={ref}
      type="button"
      className={`mantine-focus-auto mantine-active ${ActionIcon.classes.root} mantine-ActionIcon-root ${UnstyledButton.classes.root} mantine-UnstyledButton-root`}
      data-variant="subtle"
      style={subtleIconVars(theme)}
      {...props}
    >
      <span className={`${ActionIcon.classes.icon} mantine-ActionIcon-icon`}>{children}</span>
    </button>
  );
});
