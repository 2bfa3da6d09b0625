import { Center, Group, Loader, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { StatusCounts } from '@shared/contract/workPlan';
import { useCall } from '@renderer/api/client';
import { EmptyState } from '@renderer/components/screen';
import { usePlanYear, YearSelect } from './common';

function Row({ label, counts, bold }: { label: string; counts: StatusCounts; bold?: boolean }) {
  const fw = bold ? 700 : undefined;
  return (
    <Table.Tr>
      <Table.Td fw={fw}>{label}</Table.Td>
      {[counts.total, counts.done, counts.moved, counts.cancelled, counts.planned].map((n, i) => (
        <Table.Td key={i} ta="right" fw={fw}>
          {n}
        </Table.Td>
      ))}
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Progress value={counts.donePercent} color="green" w={140} aria-label={`Выполнено ${counts.donePercent}%`} />
          <Text size="sm" fw={fw}>
            {counts.donePercent}%
          </Text>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Исполнение плана: per direction how many items are done, moved, cancelled and still planned. */
export function SummaryScreen() {
  const { year, setYear, years, loading } = usePlanYear();
  const summary = useCall('workPlan.summary', { year: year ?? 0 }, { enabled: year !== null });

  if (loading) {
    return (
      <Center mih={200}>
        <Loader />
      </Center>
    );
  }
  return (
    <Stack>
      <Group align="center">
        <Title order={2}>Исполнение плана{year !== null ? ` на ${year} год` : ''}</Title>
        {year !== null ? <YearSelect year={year} years={years} onChange={setYear} /> : null}
      </Group>
      {year === null ? (
        <Paper withBorder p="xl">
          <EmptyState text="Планов работы пока нет" />
        </Paper>
      ) : summary.isError ? (
        <Text c="red">{summary.error.message}</Text>
      ) : !summary.data ? (
        <Loader />
      ) : (
        <Paper withBorder>
          <Table aria-label="Исполнение плана по направлениям">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Направление</Table.Th>
                <Table.Th ta="right">Всего</Table.Th>
                <Table.Th ta="right">Выполнено</Table.Th>
                <Table.Th ta="right">Перенесено</Table.Th>
                <Table.Th ta="right">Отменено</Table.Th>
                <Table.Th ta="right">Запланировано</Table.Th>
                <Table.Th>Выполнено, %</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.data.rows.map((r) => (
                <Row key={r.direction} label={r.label} counts={r} />
              ))}
              <Row label="Итого" counts={summary.data.total} bold />
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
