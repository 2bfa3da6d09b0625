import { Anchor, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconFileText, IconPrinter } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { PARTICIPANT_ROLE_LABELS, REGISTRATION_STATUS_LABELS, eventDates } from '@shared/contract/eventEnums';
import type { PersonHistory } from '@shared/contract/events';
import { callApi } from '@renderer/api/client';
import { useDocument } from '@renderer/components/useDocument';
import { EmptyState, ScreenHeader } from '@renderer/components/screen';
import { BackLink, RecordFrame } from '@renderer/components/RecordFrame';
import { EVENTS_BACK } from './common';

/** A person's history: which events, in which role, with which result. */
export function PersonHistoryScreen() {
  return (
    <RecordFrame call="events.personHistory" param="personId" input={(personId) => ({ personId })} back={EVENTS_BACK}>
      {(h) => <History h={h} />}
    </RecordFrame>
  );
}

function History({ h }: { h: PersonHistory }) {
  const { personId } = h;
  const { busy, download } = useDocument();
  // Справка об участии: the same history as a document, in Word and for the print dialog.
  const documents = (
    <Group gap="xs">
      <Button
        variant="light"
        leftSection={<IconFileText size={16} />}
        loading={busy !== null}
        onClick={() => download('history', () => callApi('events.personHistoryDocx', { personId }))}
      >
        Справка (Word)
      </Button>
      <Button variant="light" leftSection={<IconPrinter size={16} />} component={Link} to={`/events/person/${personId}/print`}>
        Справка — печать, PDF
      </Button>
    </Group>
  );
  return (
    <>
      <BackLink back={EVENTS_BACK} />
      <ScreenHeader
        title={`История участия: ${h.fullName}`}
        description="Мероприятия, в которых специалист участвовал, и их итог"
        action={documents}
      />
      {h.rows.length === 0 ? <EmptyState text="Специалист ещё не участвовал в мероприятиях." /> : null}
      {h.rows.length ? (
        <Paper withBorder>
          <Table aria-label="История участия">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190}>Даты</Table.Th>
                <Table.Th>Мероприятие</Table.Th>
                <Table.Th w={130}>Роль</Table.Th>
                <Table.Th w={150}>Статус</Table.Th>
                <Table.Th w={100}>Посещено</Table.Th>
                <Table.Th w={150}>Итог</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {h.rows.map((r) => (
                <Table.Tr key={r.eventId}>
                  <Table.Td>{eventDates(r)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/events/list/${r.eventId}`} size="sm">
                      {r.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.type}
                    </Text>
                  </Table.Td>
                  <Table.Td>{PARTICIPANT_ROLE_LABELS[r.role]}</Table.Td>
                  <Table.Td>{REGISTRATION_STATUS_LABELS[r.registration]}</Table.Td>
                  <Table.Td>
                    {r.present} из {r.sessions}
                  </Table.Td>
                  <Table.Td>
                    {r.status !== 'held'
                      ? 'не проведено'
                      : r.role !== 'participant'
                        ? '—'
                        : r.completed
                          ? 'завершил(а) обучение'
                          : 'не завершил(а)'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
    </>
  );
}
