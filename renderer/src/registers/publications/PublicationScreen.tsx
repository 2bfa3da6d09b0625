import { Anchor, Button, Group, Image, Menu, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconChevronDown, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { eventDates } from '@shared/contract/eventEnums';
import { ENTERED_MOVEMENT_KINDS, MOVEMENT_KIND_LABELS } from '@shared/contract/publicationEnums';
import type { EnteredMovementKind, MovementView, PublicationDetail } from '@shared/contract/publications';
import { currentYear, formatDate, formatNumber } from '@shared/russian';
import { useCall, useChange } from '@renderer/api/client';
import { confirmDelete } from '@renderer/components/screen';
import { RecordFrame, type BackTo } from '@renderer/components/RecordFrame';
import { copies, kindLabel, LowBadge, movementNote, numberCell, signedNumber } from './common';
import { ListTable } from '@renderer/components/ListTable';
import { MovementForm, ReversalForm } from './MovementForm';
import { PublicationForm } from './PublicationForm';
import { PrintFile } from './PrintFile';

const recorded = (iso: string) => new Date(iso).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' });

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : signedNumber(n));

/** The quantity as the movement changes the balance: «+300», «−120», «= 95» for a count. */
function effect(m: MovementView): string {
  if (m.kind === 'stocktake') return `= ${formatNumber(m.quantity)}`;
  if (m.kind === 'opening' || m.kind === 'receipt') return `+${formatNumber(m.quantity)}`;
  if (m.kind === 'reversal') return formatNumber(m.quantity);
  return `−${formatNumber(m.quantity)}`;
}

function History({ p, onReverse }: { p: PublicationDetail; onReverse: (m: MovementView) => void }) {
  return (
    <ListTable
      label="История движения"
      columns={[
        { title: 'Дата', width: 110 },
        { title: 'Движение', width: 170 },
        { title: 'Количество', width: 110, right: true },
        { title: 'Откуда, кому, причина' },
        { title: 'Остаток после', width: 120, right: true },
        { title: 'Записано', width: 140 },
        { title: '', width: 60 },
      ]}
      empty={p.history.length === 0 ? 'Движений пока нет: внесите полученный тираж или ввод остатков.' : null}
    >
      {p.history.map((m) => {
        const annulled = m.reversedById !== null || m.kind === 'reversal';
        return (
          <Table.Tr key={m.id} c={annulled ? 'dimmed' : undefined} data-movement={m.kind}>
            <Table.Td>{formatDate(m.date)}</Table.Td>
            <Table.Td>
              <Text size="sm" td={m.reversedById !== null ? 'line-through' : undefined}>
                {kindLabel(m)}
              </Text>
              {m.reversedById !== null ? (
                <Text size="xs" c="dimmed">
                  сторнировано
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td style={numberCell}>{effect(m)}</Table.Td>
            <Table.Td>
              <Text size="sm">{movementNote(m)}</Text>
              {m.difference !== null ? (
                <Text size="xs" c={m.difference === 0 ? 'dimmed' : 'orange'}>
                  расхождение {signed(m.difference)} экз.
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td style={numberCell}>{m.balanceAfter === null ? '—' : formatNumber(m.balanceAfter)}</Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed">
                №{m.id}, {recorded(m.recordedAt)}
              </Text>
            </Table.Td>
            <Table.Td>
              {annulled ? null : (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => onReverse(m)}
                  aria-label={`Сторнировать: ${kindLabel(m)} от ${formatDate(m.date)}`}
                >
                  <IconArrowBackUp size={14} />
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}

/** The stock over time, drawn in the main process (issue 20's chart pipeline) and shown as an image. */
function BalanceChart({ id, title }: { id: number; title: string }) {
  // Drawn on the server: a movement's form does not wait for it (api/client.ts `refresh`), and the old picture stays until the new one comes (a refetch keeps the data).
  const chart = useCall('publications.balanceChart', { id }, { meta: { background: true } });
  if (!chart.data?.svg) return null;
  return (
    <Paper withBorder p="xs" w="fit-content">
      <Image
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.data.svg)}`}
        alt={`Диаграмма: остаток издания «${title}» по дням`}
        w={640}
        h={360}
      />
    </Paper>
  );
}

/** Copies handed out at events, the latest first, each event a link to its page. */
function ByEvent({ p }: { p: PublicationDetail }) {
  return (
    <Stack gap="xs">
      <Title order={4}>Выдано на мероприятиях</Title>
      <ListTable
        label="Выдано на мероприятиях"
        columns={[{ title: 'Мероприятие' }, { title: 'Выдано', width: 120, right: true }]}
        empty={null}
      >
        {p.byEvent.map((e) => (
          <Table.Tr key={e.eventId}>
            <Table.Td>
              <Anchor component={Link} to={`/events/list/${e.eventId}`} size="sm">
                {e.title}
              </Anchor>
              <Text span size="sm" c="dimmed">
                {' '}
                · {eventDates(e)}
              </Text>
            </Table.Td>
            <Table.Td style={numberCell}>{copies(e.copies)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}

/** A publication's card: its details, the balance today, the ledger with the balance after each movement. */
export function PublicationScreen() {
  return (
    <RecordFrame call="publications.get" input={(id) => ({ id })} back={PUBLICATIONS_BACK}>
      {(p) => <Publication p={p} />}
    </RecordFrame>
  );
}

const PUBLICATIONS_BACK: BackTo = { to: '/publications', label: 'Печатная продукция', missing: 'К каталогу' };

function Publication({ p }: { p: PublicationDetail }) {
  const navigate = useNavigate();
  const remove = useChange('publications.delete');
  const [editing, setEditing] = useState(false);
  const [entering, setEntering] = useState<EnteredMovementKind | null>(null);
  const [reversing, setReversing] = useState<MovementView | null>(null);
  const canIssue = p.stocked;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Anchor component={Link} to="/publications" size="sm">
            ← Печатная продукция
          </Anchor>
          <Title order={2}>{p.title}</Title>
          <Text c="dimmed" size="sm">
            {[p.kind, `${p.year} г.`, p.authors, p.archived ? 'в архиве' : ''].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <Group>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button rightSection={<IconChevronDown size={16} />}>Внести движение</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {ENTERED_MOVEMENT_KINDS.map((k) => (
                <Menu.Item key={k} onClick={() => setEntering(k)} disabled={k !== 'opening' && k !== 'receipt' && !canIssue}>
                  {k === 'receipt' ? 'Поступление тиража' : k === 'distribution' ? 'Выдача' : MOVEMENT_KIND_LABELS[k]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            Изменить
          </Button>
          {p.history.length === 0 ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() =>
                confirmDelete(`Удалить издание «${p.title}»?`, () =>
                  remove.mutate({ id: p.id }, { onSuccess: () => navigate('/publications') }),
                )
              }
            >
              Удалить
            </Button>
          ) : null}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            В наличии сегодня
          </Text>
          <Group gap="xs">
            <Text fw={700} size="xl" data-testid="balance">
              {copies(p.balance)}
            </Text>
            <LowBadge low={p.low} balance={p.balance} />
          </Group>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            Распространено в {currentYear()} году
          </Text>
          <Text fw={700} size="xl">
            {copies(p.distributedThisYear)}
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            Минимальный остаток
          </Text>
          <Text fw={700} size="xl">
            {p.minStock ? copies(p.minStock) : 'не задан'}
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            Тема, аудитория
          </Text>
          <Text size="sm">{[p.topic, p.targetAudience].filter(Boolean).join('; ') || '—'}</Text>
        </Paper>
      </SimpleGrid>
      {p.planItem ? (
        <Text size="sm">
          Реализует мероприятие плана на {p.planItem.year} год:{' '}
          <Anchor component={Link} to={`/work-plan?year=${p.planItem.year}`}>
            {p.planItem.label}
          </Anchor>
        </Text>
      ) : null}
      <PrintFile p={p} />
      <BalanceChart id={p.id} title={p.title} />
      {p.byEvent.length ? <ByEvent p={p} /> : null}
      <Title order={4}>История движения</Title>
      <Text size="xs" c="dimmed">
        Движения одного дня учитываются по порядку: поступления, затем выдачи и списания, затем инвентаризация, затем по времени записи.
        Ошибку исправляют сторнированием: движение остаётся в истории и перестаёт учитываться.
      </Text>
      <History p={p} onReverse={setReversing} />
      {editing ? <PublicationForm editing={p} onClose={() => setEditing(false)} /> : null}
      {entering ? <MovementForm publicationId={p.id} kind={entering} balance={p.balance} onClose={() => setEntering(null)} /> : null}
      {reversing ? (
        <ReversalForm
          movementId={reversing.id}
          label={`${kindLabel(reversing)} от ${formatDate(reversing.date)}, ${copies(reversing.quantity)}`}
          onClose={() => setReversing(null)}
        />
      ) : null}
    </Stack>
  );
}
