import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { contract } from '@shared/contract';
import type { UndoRef } from '@shared/contract/define';
import { ApiError, callApi, onUndoable } from './client';

/**
 * The minimal «Отменить» after a deletion: the notification that confirms it offers to take
 * it back (the server keeps the journal, so the undo also works after a reload, through
 * `undo.last`). A refused undo says why, e.g. that the organisation was deleted since.
 */
function offerUndo(undo: UndoRef, message: string | undefined): void {
  const id = `undo:${undo.id}`;
  const apply = async () => {
    notifications.hide(id);
    try {
      await callApi('undo.apply', { id: undo.id });
      notifications.show({ color: 'green', message: `Отменено: ${undo.label}` });
    } catch (error) {
      const text = error instanceof ApiError ? error.message : String(error);
      notifications.show({ color: 'red', title: contract['undo.apply'].refusal, message: text });
    }
  };
  notifications.show({
    id,
    color: 'green',
    autoClose: 10_000,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{message ?? undo.label}</Text>
        <Button size="compact-sm" variant="light" onClick={() => void apply()}>
          Отменить
        </Button>
      </Group>
    ),
  });
}

onUndoable(offerUndo);
