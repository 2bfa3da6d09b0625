import { ActionIcon, Button, Checkbox, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { EventDetail, SessionView } from '@shared/contract/events';
import { formatDate, typedDateInput } from '@shared/russian';
import { useChange } from '@renderer/api/client';
import { DateField, FormDialog, TextField, useContractForm } from '@renderer/components/form';
import { confirmDelete } from '@renderer/components/screen';

/** The sessions (занятия): a day each of a seminar, or a club's meetings added over the season. */
export function SessionsPanel({ e }: { e: EventDetail }) {
  const [editing, setEditing] = useState<{ session: SessionView | null } | null>(null);
  const remove = useChange('sessions.delete', { success: 'Занятие удалено' });
  return (
    <Stack>
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ session: null })}>
          Добавить занятие
        </Button>
        {e.completionRule === 'requiredSessions' ? (
          <Text size="sm" c="dimmed">
            Завершил обучение тот, кто был на всех обязательных занятиях (если ни одно не отмечено — на всех).
          </Text>
        ) : null}
      </Group>
      <Paper withBorder>
        <Table aria-label="Занятия">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>Дата</Table.Th>
              <Table.Th w={130}>Время</Table.Th>
              <Table.Th>Тема</Table.Th>
              <Table.Th w={130}>Обязательное</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{formatDate(s.day)}</Table.Td>
                <Table.Td>{[s.timeStart, s.timeEnd].filter(Boolean).join('–')}</Table.Td>
                <Table.Td>
                  {s.topic || (
                    <Text c="dimmed" size="sm">
                      тема не указана
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{s.required ? 'да' : ''}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Изменить занятие ${formatDate(s.day)}`}
                      onClick={() => setEditing({ session: s })}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Удалить занятие ${formatDate(s.day)}`}
                      onClick={() =>
                        confirmDelete(`Удалить занятие ${formatDate(s.day)} вместе с его отметками?`, () => remove.mutate({ id: s.id }))
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {editing ? <SessionDialog e={e} session={editing.session} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}

interface SessionValues {
  day: string;
  timeStart: string;
  timeEnd: string;
  topic: string;
  required: boolean;
}

function SessionDialog({ e, session, onClose }: { e: EventDetail; session: SessionView | null; onClose: () => void }) {
  const initialValues: SessionValues = session
    ? { ...session, day: formatDate(session.day) }
    : { day: '', timeStart: e.sessions[0]?.timeStart ?? '', timeEnd: e.sessions[0]?.timeEnd ?? '', topic: '', required: false };
  const data = (v: SessionValues) => ({ ...v, day: typedDateInput(v.day) ?? (undefined as never) });
  const create = useContractForm({
    call: 'sessions.create',
    initialValues,
    toInput: (v) => ({ eventId: e.id, data: data(v) }),
    success: 'Занятие добавлено',
    onSaved: onClose,
  });
  const update = useContractForm({
    call: 'sessions.update',
    initialValues,
    toInput: (v) => ({ id: session?.id ?? 0, data: data(v) }),
    success: 'Занятие сохранено',
    onSaved: onClose,
  });
  const cf = session ? update : create;
  return (
    <FormDialog cf={cf} title={session ? `Занятие ${formatDate(session.day)}` : 'Новое занятие'} onClose={onClose}>
      <Stack>
        <Group grow>
          <DateField cf={cf} path="day" label="Дата" required />
          <TextField cf={cf} path="timeStart" label="Начало" placeholder="10:00" />
          <TextField cf={cf} path="timeEnd" label="Окончание" placeholder="15:00" />
        </Group>
        <TextField cf={cf} path="topic" label="Тема занятия" />
        <Checkbox label="Обязательное занятие" {...cf.field('required', { type: 'checkbox' })} />
      </Stack>
    </FormDialog>
  );
}
