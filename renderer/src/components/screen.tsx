/** Building blocks every register's screens share: headers, empty states, forms in a modal, row actions. */
import { Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '@renderer/api/client';

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

export function RowActions({ onEdit, onDelete, name }: { onEdit: () => void; onDelete: () => void; name: string }) {
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} />} onClick={onEdit} aria-label={`Изменить: ${name}`}>
        Изменить
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={14} />}
        onClick={onDelete}
        aria-label={`Удалить: ${name}`}
      >
        Удалить
      </Button>
    </Group>
  );
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

/**
 * Field errors of the last refused save, keyed as the server names the fields. The message
 * itself is shown by `useChange` as a notification; here it goes under the inputs.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    errors,
    clear: (field?: string) => setErrors((e) => (field ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== field)) : {})),
    fromError: (error: unknown) => setErrors(error instanceof ApiError ? error.fields : {}),
    /** The error under a field: the server names nested fields `data.lastName` for updates. */
    of: (field: string) => errors[field] ?? errors[`data.${field}`],
  };
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

/** A create/edit form in a modal, with the Отмена/Сохранить footer every registry form has. */
export function FormModal({
  title,
  onClose,
  onSubmit,
  saving,
  size,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  saving: boolean;
  size?: string;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Закрыть' }} title={title} size={size}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={saving}>
              Сохранить
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
