import { ActionIcon } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { Suspense, useState, type ReactNode } from 'react';
import { preloadedLazy } from './idlePreload';

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
  const button = (
    <ActionIcon variant="subtle" aria-label={label} loading={loading} onClick={opened ? undefined : onOpen}>
      <IconDots size={16} />
    </ActionIcon>
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
