import { ActionIcon, Anchor, Box, Button, Group, Menu, Paper, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconDotsVertical, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { EventDetail, ParticipantView, SessionView } from '@shared/contract/events';
import {
  PARTICIPANT_ROLE_LABELS,
  PARTICIPANT_ROLES,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  SESSION_MARK_LABELS,
  SESSION_MARK_SHORT,
  type ParticipantRole,
  type RegistrationStatus,
  type SessionMark,
} from '@shared/contract/eventEnums';
import { formatDate } from '@shared/russian';
import { useChange } from '@renderer/api/client';
import { PeopleMultiPicker } from '@renderer/components/pickers';
import { confirmDelete, EmptyState } from '@renderer/components/screen';
import { WalkInDialog } from './WalkInDialog';
import { MarkByNumbersDialog } from './MarkByNumbersDialog';
import { ImportButton, ImportReports } from '@renderer/components/ImportDialog';

/** A click on a cell moves the mark on: none → присутствовал → отсутствовал → по уважительной причине → none. */
const NEXT: Record<SessionMark | 'none', SessionMark | null> = { none: 'present', present: 'absent', absent: 'excused', excused: null };
const MARK_COLORS: Record<SessionMark, string> = { present: 'green', absent: 'red', excused: 'orange' };

export function ParticipantsPanel({ e }: { e: EventDetail }) {
  const [chosen, setChosen] = useState<number[]>([]);
  const [walkIn, setWalkIn] = useState(false);
  const [byNumbers, setByNumbers] = useState<SessionView | null>(null);
  const add = useChange('participants.add');
  const marks = useChange('marks.set');
  const held = e.status === 'held';
  const addChosen = () => add.mutate({ eventId: e.id, personIds: chosen }, { onSuccess: () => setChosen([]) });
  const markAll = (s: SessionView, mark: SessionMark | null) =>
    marks.mutate({
      sessionId: s.id,
      marks: e.participants.filter((p) => p.status !== 'cancelled').map((p) => ({ participantId: p.id, mark })),
    });
  return (
    <Stack>
      <Group align="flex-end">
        <Box w={460}>
          <PeopleMultiPicker
            label="Добавить участников из реестра"
            placeholder="Фамилия или организация"
            value={chosen}
            onChange={setChosen}
          />
        </Box>
        <Button onClick={addChosen} disabled={chosen.length === 0} loading={add.isPending}>
          Зарегистрировать{chosen.length > 1 ? ` (${chosen.length})` : ''}
        </Button>
        <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => setWalkIn(true)}>
          Пришёл без регистрации…
        </Button>
        <ImportButton target="participants" eventId={e.id} label="Список из файла…" />
      </Group>
      <ImportReports target="participants" eventId={e.id} />
      {add.data && add.data.skipped > 0 ? (
        <Text size="sm" c="dimmed">
          Уже были в списке и не добавлены повторно: {add.data.skipped}.
        </Text>
      ) : null}
      {e.participants.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState text="Участников пока нет: добавьте их из реестра или запишите пришедшего без регистрации." />
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover aria-label="Участники и отметки">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={50}>№</Table.Th>
                  <Table.Th>ФИО</Table.Th>
                  <Table.Th>Организация, должность</Table.Th>
                  <Table.Th w={150}>Роль</Table.Th>
                  <Table.Th w={170}>Статус</Table.Th>
                  {e.sessions.map((s) => (
                    <Table.Th key={s.id} w={70} ta="center">
                      <Menu withinPortal>
                        <Menu.Target>
                          <UnstyledButton aria-label={`Занятие ${formatDate(s.day)}: отметить всех`}>
                            <Text size="sm" fw={600}>
                              {formatDate(s.day).slice(0, 5)}
                            </Text>
                          </UnstyledButton>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Label>{formatDate(s.day)}</Menu.Label>
                          <Menu.Item onClick={() => markAll(s, 'present')}>Все присутствовали</Menu.Item>
                          <Menu.Item onClick={() => markAll(s, null)}>Снять отметки</Menu.Item>
                          <Menu.Item onClick={() => setByNumbers(s)}>Отметить по номерам…</Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Th>
                  ))}
                  <Table.Th w={90}>Посещено</Table.Th>
                  <Table.Th w={110}>Итог</Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {e.participants.map((p) => (
                  <ParticipantRow
                    key={p.id}
                    e={e}
                    p={p}
                    held={held}
                    onMark={(s, mark) => marks.mutate({ sessionId: s.id, marks: [{ participantId: p.id, mark }] })}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {walkIn ? <WalkInDialog e={e} onClose={() => setWalkIn(false)} /> : null}
      {byNumbers ? <MarkByNumbersDialog e={e} session={byNumbers} onClose={() => setByNumbers(null)} /> : null}
    </Stack>
  );
}

function ParticipantRow({
  e,
  p,
  held,
  onMark,
}: {
  e: EventDetail;
  p: ParticipantView;
  held: boolean;
  onMark: (s: SessionView, mark: SessionMark | null) => void;
}) {
  const update = useChange('participants.update');
  const remove = useChange('participants.remove', { success: 'Регистрация удалена' });
  const set = (role: ParticipantRole, status: RegistrationStatus) => update.mutate({ id: p.id, role, status, note: p.note });
  return (
    <Table.Tr>
      <Table.Td>{p.registrationNumber}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/events/person/${p.personId}`} size="sm">
          {p.fullName}
        </Anchor>
        {p.source === 'walkIn' || p.source === 'import' ? (
          <Text size="xs" c="dimmed">
            {p.source === 'walkIn' ? 'без регистрации' : 'из импортированного списка'}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{p.organizationName ?? '—'}</Text>
        <Text size="xs" c="dimmed">
          {p.position}
        </Text>
      </Table.Td>
      <Table.Td>
        <Select<ParticipantRole>
          size="xs"
          aria-label={`Роль: ${p.fullName}`}
          allowDeselect={false}
          data={PARTICIPANT_ROLES.map((r) => ({ value: r, label: PARTICIPANT_ROLE_LABELS[r] }))}
          value={p.role}
          onChange={(r) => r && set(r, p.status)}
        />
      </Table.Td>
      <Table.Td>
        <Select<RegistrationStatus>
          size="xs"
          aria-label={`Статус: ${p.fullName}`}
          allowDeselect={false}
          data={REGISTRATION_STATUSES.map((s) => ({ value: s, label: REGISTRATION_STATUS_LABELS[s] }))}
          value={p.status}
          onChange={(s) => s && set(p.role, s)}
        />
      </Table.Td>
      {e.sessions.map((s) => {
        const mark = p.marks[s.id];
        return (
          <Table.Td key={s.id} ta="center">
            <UnstyledButton
              aria-label={`${p.fullName}, ${formatDate(s.day)}: ${mark ? SESSION_MARK_LABELS[mark] : 'не отмечен'}`}
              onClick={() => onMark(s, NEXT[mark ?? 'none'])}
              style={{ minWidth: 36, minHeight: 28 }}
            >
              <Text size="sm" fw={700} c={mark ? MARK_COLORS[mark] : 'dimmed'}>
                {mark ? SESSION_MARK_SHORT[mark] : '·'}
              </Text>
            </UnstyledButton>
          </Table.Td>
        );
      })}
      <Table.Td>
        {p.present} из {e.sessions.length}
      </Table.Td>
      <Table.Td>
        {!held || p.role !== 'participant' || p.status !== 'attended' ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : p.completed ? (
          <Text size="sm" c="green">
            завершил(а)
          </Text>
        ) : (
          <Text size="sm" c="orange">
            не завершил(а)
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Menu withinPortal position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Действия: ${p.fullName}`}>
              <IconDotsVertical size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={() =>
                confirmDelete(`Удалить регистрацию ${p.fullName} (№ ${p.registrationNumber}) вместе с отметками?`, () =>
                  remove.mutate({ id: p.id }),
                )
              }
            >
              Удалить регистрацию
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}
