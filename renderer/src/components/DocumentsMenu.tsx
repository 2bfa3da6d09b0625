import { Button } from '@mantine/core';
import { IconChevronDown, IconFileText } from '@tabler/icons-react';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { FileOutput } from '@shared/contract/define';
import { useDocument } from './useDocument';

// The menu's code loads when it is first opened: a screen's first paint carries only the button.
const OpenDocumentsMenu = lazy(() => import('./OpenDocumentsMenu'));

/**
 * One entry of a record's «Документы» menu: a Word or Excel file made when it is chosen, or the
 * print view (its address). `disabled` says why the entry cannot be used now; it is shown under
 * the label. Entries stand under a heading of their kind (Word, Excel, Печать), the kinds in the
 * order they first appear.
 */
export type DocumentEntry = {
  label: string;
  description?: string;
  disabled?: string;
} & ({ kind: 'word' | 'excel'; make: () => Promise<FileOutput> } | { kind: 'print'; to: string });

export interface DocumentsMenuProps {
  /** Made when the menu opens, so a screen's render builds no entries. */
  entries: () => DocumentEntry[];
  label?: string;
  variant?: 'light' | 'default';
  icon?: ReactNode;
  /** A line above the entries (the minutes are not signed: every document says «ПРОЕКТ»). */
  note?: string;
  /** A line under the entries (where the documents not in this menu are). */
  footnote?: string;
}

/**
 * A record's «Документы» button and its menu, the same on every screen (the plan, a meeting, an
 * event): the button shows the file being made, and a refusal comes as a notification
 * (useDocument). The menu is mounted only while it is open.
 */
export function DocumentsMenu({ entries, label = 'Документы', variant = 'light', icon, note, footnote }: DocumentsMenuProps) {
  const [opened, setOpened] = useState(false);
  const { busy, download } = useDocument();
  const button = (
    <Button
      variant={variant}
      leftSection={icon ?? <IconFileText size={16} />}
      rightSection={<IconChevronDown size={14} />}
      loading={busy !== null}
      onClick={opened ? undefined : () => setOpened(true)}
    >
      {label}
    </Button>
  );
  if (!opened) return button;
  return (
    <Suspense fallback={button}>
      <OpenDocumentsMenu
        target={button}
        entries={entries()}
        note={note}
        footnote={footnote}
        onMake={(entry) => void download(entry.label, entry.make)}
        onClose={() => setOpened(false)}
      />
    </Suspense>
  );
}
