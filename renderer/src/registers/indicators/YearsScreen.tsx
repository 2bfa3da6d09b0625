import { Alert, Group, Image, Loader, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatFigure } from '@shared/russian';
import { useCall } from '@renderer/api/client';
import { EmptyState, ScreenHeader } from '@renderer/components/screen';

/**
 * One indicator year by year («2014 – 28, 2015 – 43, 2016 – 54»): each year at the grain it was
 * stored, said beside it, and the chart the main process drew, shown as an image.
 */
export function YearsScreen() {
  const catalogue = useCall('indicators.catalogue', {});
  const [chosen, setChosen] = useState<number | null>(null);
  const indicators = catalogue.data ?? [];
  const indicatorId = chosen ?? indicators[0]?.id ?? null;
  const answer = useCall('indicators.yearOverYear', { indicatorId: indicatorId ?? 0 }, { enabled: indicatorId !== null });
  const data = answer.data;
  // A change is shown between two complete years only: a quarter against a year says nothing.
  const previous = (i: number) => {
    const [before, year] = [data!.years[i - 1], data!.years[i]!];
    return before && before.complete && year.complete ? before.value : null;
  };
  return (
    <Stack>
      <ScreenHeader
        title="Показатели по годам"
        description="Сравнение с прошлыми годами: каждый год — в том виде, в каком введены его значения"
      />
      <Select
        label="Показатель"
        w={520}
        searchable
        data={indicators.map((i) => ({ value: String(i.id), label: i.group ? `${i.name} — ${i.group}` : i.name }))}
        value={indicatorId === null ? null : String(indicatorId)}
        onChange={(v) => v && setChosen(Number(v))}
        allowDeselect={false}
      />
      {answer.isError ? <Text c="red">{answer.error.message}</Text> : null}
      {!data ? (
        indicatorId === null ? null : (
          <Loader />
        )
      ) : data.years.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState text="Значений этого показателя пока нет: введите их в разделе «Ввод показателей»." />
        </Paper>
      ) : (
        <Group align="flex-start" wrap="wrap">
          <Paper withBorder>
            <Table aria-label="Значения по годам" miw={420}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Год</Table.Th>
                  <Table.Th ta="right">Значение, {data.indicator.unit}</Table.Th>
                  <Table.Th ta="right">К прошлому году</Table.Th>
                  <Table.Th>Как получено</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.years.map((y, i) => {
                  const before = previous(i);
                  const change =
                    before === null ? '' : `${y.value - before > 0 ? '+' : ''}${formatFigure(y.value - before).replace('-', '−')}`;
                  return (
                    <Table.Tr key={y.year}>
                      <Table.Td>{y.year}</Table.Td>
                      <Table.Td ta="right">{formatFigure(y.value)}</Table.Td>
                      <Table.Td ta="right">{change}</Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {y.basis}
                          {y.complete ? '' : ' — неполные данные'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
          {data.chartSvg ? (
            <Paper withBorder p="xs">
              <Image
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.chartSvg)}`}
                alt={`Диаграмма: ${data.indicator.name} по годам`}
                w={640}
                h={360}
              />
              {data.years.some((y) => !y.complete) ? (
                <Text size="xs" c="dimmed" mt={4}>
                  * год с неполными данными (не все кварталы или муниципальные образования)
                </Text>
              ) : null}
            </Paper>
          ) : null}
        </Group>
      )}
      {data?.indicator.archived ? <Alert color="gray">Показатель в архиве списка «Показатели мониторинга».</Alert> : null}
    </Stack>
  );
}
