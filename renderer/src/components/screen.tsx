/** Building blocks every register's screens share: headers, empty states, row menus (forms: components/form; lists: DataTable). */
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { RowActionsSpec } from './DataTable';
import type { RowAction } from './RowActions';

export function ScreenHeader({ title, description, action }: { title: string; description?: string; action?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="md">
      <Stack gap={2}>
        <Title order={2}>{title}</Title>
        {description ? (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        ) : null}
      </Stack>
      {action}
    </Group>
  );
}

export function EmptyState({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <Stack align="center" gap="sm">
      <Text c="dimmed">{text}</Text>
      {action}
    </Stack>
  );
}

/**
 * The usual row menu of a register's list: «Изменить» opens the form, «Удалить» asks `question`
 * first. The menu's button is named «Действия: <name>».
 */
export function editDeleteActions<Row>(options: {
  name: (row: Row) => string;
  question: (row: Row) => string;
  onEdit: (row: Row) => void;
  onDelete: (row: Row) => void;
  /** Entries before «Изменить» (a group's «Новое заседание»). */
  more?: (row: Row) => RowAction[];
}): RowActionsSpec<Row> {
  return {
    label: (row) => `Действия: ${options.name(row)}`,
    actions: (row) => [
      ...(options.more?.(row) ?? []),
      { label: 'Изменить', icon: <IconPencil size={14} />, onClick: () => options.onEdit(row) },
      {
        label: 'Удалить',
        icon: <IconTrash size={14} />,
        color: 'red',
        onClick: () => confirmDelete(options.question(row), () => options.onDelete(row)),
      },
    ],
  };
}

/** Asks before deleting; a refusal (the record is in use) arrives as a notification. */
export function confirmDelete(question: string, onConfirm: () => void) {
  modals.openConfirmModal({
    title: 'Удаление',
    children: <Text size="sm">{question}</Text>,
    labels: { confirm: 'Удалить', cancel: 'Отмена' },
    confirmProps: { color: 'red' },
    onConfirm,
  });
}

export function AddButton({ onClick }: { onClick: () => void }) {
  return (
    <Button leftSection={<IconPlus size={16} />} onClick={onClick}>
      Добавить
    </Button>
  );
}

export function SearchInput({ value, onChange, placeholder }: { value: string; onChange: (value: string) => void; placeholder: string }) {
  return (
    <TextInput
      label="Поиск"
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={300}
    />
  );
}
