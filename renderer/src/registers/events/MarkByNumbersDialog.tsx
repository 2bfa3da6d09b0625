import { Checkbox, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { EventDetail, SessionView } from '@shared/contract/events';
import { formatDate } from '@shared/russian';
import { FormDialog, TextField, useContractForm } from '@renderer/components/form';

/**
 * «Отметить по номерам»: the secretary types the numbers of those who signed the registration
 * sheet for this session («1, 3, 5–9»); an unknown number is refused by the service, and nothing
 * is marked.
 */
export function MarkByNumbersDialog({ e, session, onClose }: { e: EventDetail; session: SessionView; onClose: () => void }) {
  const highest = Math.max(0, ...e.participants.map((p) => p.registrationNumber));
  const cf = useContractForm({
    call: 'marks.byNumbers',
    initialValues: { numbers: '', othersAbsent: false },
    toInput: (v) => ({ sessionId: session.id, numbers: v.numbers, othersAbsent: v.othersAbsent }),
    onSaved: (result) => {
      notifications.show({ color: 'green', message: `Отмечены присутствовавшими: ${result.marked}` });
      onClose();
    },
  });
  const title = `Отметить по номерам: ${formatDate(session.day)}${session.topic ? ` — ${session.topic}` : ''}`;
  return (
    <FormDialog cf={cf} title={title} onClose={onClose} submitLabel="Отметить присутствовавших">
      <Stack>
        <Text size="sm" c="dimmed">
          Номера из листа регистрации через запятую, диапазон через тире. В списке номера с 1 по {highest}.
        </Text>
        <TextField cf={cf} path="numbers" label="Присутствовали участники с номерами" placeholder="например: 1, 3, 5–9" required />
        <Checkbox label="Остальным поставить «отсутствовал»" {...cf.field('othersAbsent', { type: 'checkbox' })} />
      </Stack>
    </FormDialog>
  );
}
