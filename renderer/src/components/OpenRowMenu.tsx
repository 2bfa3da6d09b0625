import { Menu, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import type { RowAction } from './RowActions';

/**
 * The one open row menu (RowActions.tsx): loaded with the first menu opened, so a list's first
 * paint carries no menu code at all.
 */
export default function OpenRowMenu({ button, actions, onClose }: { button: ReactElement; actions: RowAction[]; onClose: () => void }) {
  return (
    <Menu opened onChange={(open) => (open ? undefined : onClose())} position="bottom-end" withinPortal>
      <Menu.Target>{button}</Menu.Target>
      <Menu.Dropdown>
        {actions.map((action, i) => (
          <Menu.Item
            key={i}
            leftSection={action.icon}
            color={action.color}
            disabled={action.disabled}
            onClick={action.onClick}
            aria-label={action.hint ? action.label : undefined}
          >
            {action.label}
            {action.hint ? (
              <Text size="xs" c="dimmed">
                {action.hint}
              </Text>
            ) : null}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
