import { Menu, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeDocx, IconPrinter } from '@tabler/icons-react';
import { Fragment, type ReactElement } from 'react';
import { Link } from 'react-router-dom';
import type { DocumentEntry } from './DocumentsMenu';

type FileEntry = Extract<DocumentEntry, { make: unknown }>;

const KINDS = {
  word: { heading: 'Word', icon: <IconFileTypeDocx size={16} /> },
  excel: { heading: 'Excel', icon: <IconFileSpreadsheet size={16} /> },
  print: { heading: 'Печать', icon: <IconPrinter size={16} /> },
} as const;

/** The open «Документы» menu (DocumentsMenu.tsx): loaded when a documents menu is first opened. */
export default function OpenDocumentsMenu({
  target,
  entries,
  note,
  footnote,
  onMake,
  onClose,
}: {
  target: ReactElement;
  entries: DocumentEntry[];
  note?: string;
  footnote?: string;
  onMake: (entry: FileEntry) => void;
  onClose: () => void;
}) {
  const kinds = [...new Set(entries.map((e) => e.kind))];
  return (
    <Menu opened onChange={(open) => (open ? undefined : onClose())} position="bottom-end" withinPortal>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        {note ? <Menu.Label>{note}</Menu.Label> : null}
        {kinds.map((kind, i) => (
          <Fragment key={kind}>
            {i > 0 || note ? <Menu.Divider /> : null}
            <Menu.Label>{KINDS[kind].heading}</Menu.Label>
            {entries
              .filter((e) => e.kind === kind)
              .map((e) => {
                const below = e.disabled ?? e.description;
                const content = (
                  <>
                    {e.label}
                    {below ? (
                      <Text size="xs" c="dimmed">
                        {below}
                      </Text>
                    ) : null}
                  </>
                );
                const common = {
                  leftSection: KINDS[kind].icon,
                  disabled: e.disabled !== undefined,
                  // The line under the label is not part of the entry's name.
                  'aria-label': below ? e.label : undefined,
                };
                // A disabled print entry is no link: an anchor would still navigate.
                return e.kind === 'print' && e.disabled === undefined ? (
                  <Menu.Item key={e.label} component={Link} to={e.to} {...common}>
                    {content}
                  </Menu.Item>
                ) : (
                  <Menu.Item key={e.label} onClick={e.kind === 'print' ? undefined : () => onMake(e)} {...common}>
                    {content}
                  </Menu.Item>
                );
              })}
          </Fragment>
        ))}
        {footnote ? (
          <>
            <Menu.Divider />
            <Menu.Label>{footnote}</Menu.Label>
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
