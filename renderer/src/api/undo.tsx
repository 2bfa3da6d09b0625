import { Button, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { callSets } from '@shared/contract/callSets';
import type { UndoRef } from '@shared/contract/define';
import { ApiError, callApi, onUndoable, useCall } from './client';

/**
 * «Отменить» after a deletion, backed by the server's journal (so it also works after a
 * reload): the notification that confirms a deletion offers it for a few seconds, and the
 * header keeps offering the latest deletion for a while after. A refused undo says why, e.g.
 * that the organisation the person belonged to was deleted since.
 */
async function applyUndo(undo: UndoRef): Promise<void> {
  notifications.hide(`undo:${undo.id}`);
  try {
    await callApi('undo.apply', { id: undo.id });
    notifications.show({ color: 'green', message: `Отменено: ${undo.label}` });
  } catch (error) {
    const text = error instanceof ApiError ? error.message : String(error);
    notifications.show({ color: 'red', title: callSets['undo.apply'].refusal, message: text });
  }
}

function offerUndo(undo: UndoRef, message: string | undefined): void {
  notifications.show({
    id: `undo:${undo.id}`,
    color: 'green',
    // A few seconds to change one's mind; afterwards the header's «Отменить» still offers it.
    autoClose: 8_000,
    message: (
      <Stack gap={4} align="flex-start">
        <Text size="sm">{message ?? undo.label}</Text>
        <Button size="compact-sm" variant="light" onClick={() => void applyUndo(undo)}>
          Отменить
        </Button>
      </Stack>
    ),
  });
}

onUndoable(offerUndo);

/** How long the header offers the latest change: an undo hours later is a surprise, not a correction. */
const HEADER_OFFER_MS = 30 * 60 * 1000;

/**
 * In the header: the latest change the journal can take back (a deletion, a merge, a pair declared
 * distinct…), while it is recent. The button says only «Отменить»: the journal's label, which names
 * the change, is its tooltip and its accessible name.
 */
export function UndoLast() {
  const last = useCall('undo.last', {}, { throwOnError: false });
  const [busy, setBusy] = useState(false);
  const entry = last.data;
  // Read when the answer arrives; a deletion older than the offer is not shown.
  // eslint-disable-next-line react-hooks/purity
  if (!entry || Date.now() - Date.parse(entry.createdAt) > HEADER_OFFER_MS) return null;
  return (
    <Tooltip label={entry.label}>
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconArrowBackUp size={16} />}
        loading={busy}
        aria-label={`Отменить: ${entry.label}`}
        onClick={() => {
          setBusy(true);
          void applyUndo(entry).finally(() => setBusy(false));
        }}
      >
        Отменить
      </Button>
    </Tooltip>
  );
}
