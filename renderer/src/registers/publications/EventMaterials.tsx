import { Alert, Anchor, Button, Checkbox, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { IconBooks } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { EventHandout } from '@shared/contract/publications';
import { formatDate, formatNumber, typedDateInput } from '@shared/russian';
import { useCall } from '@renderer/api/client';
import { ListTable } from '@renderer/components/ListTable';
import { DateField, FormDialog, useContractForm } from '@renderer/components/form';
import { copies, numberCell } from './common';
import { announce } from './MovementForm';

/**
 * The publications block of an event's page (issue 21): what was handed out at the event, and
 * «Выдать материалы» — copies of several publications at once, one per attendee proposed,
 * written in one transaction by the ledger's rule. Kept in the publications register; the event
 * page only places it.
 */
export function EventMaterials({ eventId }: { eventId: number }) {
  const query = useCall('publications.eventHandout', { eventId });
  const [open, setOpen] = useState(false);
  const h = query.data;
  if (query.isError) return <Alert color="red">{query.error.message}</Alert>;
  if (!h) return null;
  const cancelled = h.event.status === 'cancelled';
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm">
          {h.handedOut.length
            ? `Выдано на мероприятии: ${copies(h.handedOut.reduce((n, r) => n + r.copies, 0))}`
            : 'На этом мероприятии печатную продукцию ещё не выдавали.'}
        </Text>
        <Button
          leftSection={<IconBooks size={16} />}
          onClick={() => setOpen(true)}
          disabled={cancelled || h.publications.length === 0}
          title={cancelled ? 'Мероприятие отменено' : h.publications.length === 0 ? 'Нет изданий в наличии' : undefined}
        >
          Выдать материалы
        </Button>
      </Group>
      {cancelled ? (
        <Text size="sm" c="dimmed">
          Мероприятие отменено: выдать на нём материалы нельзя.
        </Text>
      ) : null}
      {h.handedOut.length ? (
        <ListTable
          label="Выдано на мероприятии"
          columns={[{ title: 'Издание' }, { title: 'Выдано', width: 120, right: true }]}
          empty={null}
        >
          {h.handedOut.map((r) => (
            <Table.Tr key={r.publicationId}>
              <Table.Td>
                <Anchor component={Link} to={`/publications/${r.publicationId}`} size="sm">
                  {r.title}
                </Anchor>
              </Table.Td>
              <Table.Td style={numberCell}>{copies(r.copies)}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      ) : null}
      {open ? <HandOutDialog h={h} onClose={() => setOpen(false)} /> : null}
    </Stack>
  );
}

interface Line {
  publicationId: number;
  chosen: boolean;
  quantity: number | '';
}

const BASIS: Record<EventHandout['attendeesBasis'], string> = {
  attended: 'отмеченных присутствовавшими',
  registered: 'зарегистрированных (присутствие ещё не отмечено)',
  population: 'пришедших (по итогам мероприятия для населения)',
};

function HandOutDialog({ h, onClose }: { h: EventHandout; onClose: () => void }) {
  const proposed = Math.max(h.attendees, 1);
  const cf = useContractForm({
    call: 'publications.handOutAtEvent',
    initialValues: {
      date: formatDate(h.date),
      lines: h.publications.map((p): Line => ({ publicationId: p.id, chosen: false, quantity: proposed })),
    },
    // Every line goes, in the form's order, so a refusal's «lines.N.quantity» lands on its row.
    toInput: (v) => ({
      eventId: h.event.id,
      date: typedDateInput(v.date) ?? (undefined as unknown as string),
      lines: v.lines.map((l) => ({ publicationId: l.publicationId, quantity: l.chosen && l.quantity !== '' ? Number(l.quantity) : 0 })),
    }),
    success: 'Выдача на мероприятии внесена',
    onSaved: (result) => {
      announce({ id: 0, balance: 0, stocktakeChanges: [], notices: result.notices });
      onClose();
    },
  });
  const lines = cf.form.getValues().lines;
  const total = lines.reduce((n, l) => n + (l.chosen && l.quantity !== '' ? Number(l.quantity) : 0), 0);
  return (
    <FormDialog cf={cf} title={`Выдать материалы: ${h.event.title}`} size="xl" onClose={onClose} submitLabel="Выдать">
      <Stack>
        <Text size="sm" c="dimmed">
          Предлагается по одному экземпляру на участника: {formatNumber(h.attendees)} — по числу {BASIS[h.attendeesBasis]}. Количество можно
          изменить. Все выдачи вносятся вместе; если какого-то издания не хватит, не будет внесена ни одна.
        </Text>
        <DateField cf={cf} path="date" label="Дата выдачи" required style={{ maxWidth: 220 }} />
        <ListTable
          label="Издания в наличии"
          columns={[
            { title: '', width: 40 },
            { title: 'Издание' },
            { title: 'В наличии', width: 110, right: true },
            { title: 'Выдать, экз.', width: 150 },
          ]}
          empty={null}
        >
          {h.publications.map((p, i) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Checkbox aria-label={`Выдать: ${p.title}`} {...cf.field(`lines.${i}.chosen`, { type: 'checkbox' })} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.title}</Text>
                <Text size="xs" c="dimmed">
                  {p.kind}
                </Text>
              </Table.Td>
              <Table.Td style={numberCell}>{formatNumber(p.balance)}</Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`Количество: ${p.title}`}
                  size="xs"
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=" "
                  disabled={!lines[i]?.chosen}
                  {...cf.field(`lines.${i}.quantity`)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        <Text size="sm" fw={500}>
          Всего к выдаче: {copies(total)}
        </Text>
      </Stack>
    </FormDialog>
  );
}
