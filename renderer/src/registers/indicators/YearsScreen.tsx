import { Alert, Button, Group, Image, Loader, Menu, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { currentYear, formatFigure } from '@shared/russian';
import { callApi, useCall } from '@renderer/api/client';
import { EmptyState, ScreenHeader } from '@renderer/components/screen';
import { useDocument } from '@renderer/components/useDocument';

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
      <Group align="flex-end">
        <Select
          label="Показатель"
          w={520}
          searchable
          data={indicators.map((i) => ({ value: String(i.id), label: i.group ? `${i.name} — ${i.group}` : i.name }))}
          value={indicatorId === null ? null : String(indicatorId)}
          onChange={(v) => v && setChosen(Number(v))}
          allowDeselect={false}
        />
        <YearDocuments chartIndicatorId={indicatorId} />
      </Group>
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

/**
 * «Показатели мониторинга за год»: every indicator's figure for the chosen year beside the year
 * before, with the year-over-year chart of the indicator chosen above (Word and the print view
 * carry the chart; the Excel copy names it).
 */
function YearDocuments({ chartIndicatorId }: { chartIndicatorId: number | null }) {
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear - 1);
  const { busy, download } = useDocument();
  const input = { year, chartIndicatorId };
  const years = Array.from({ length: thisYear + 1 - 2010 }, (_, i) => String(thisYear - i));
  return (
    <Group align="flex-end" gap="xs">
      <Select
        label="Год документа"
        w={130}
        data={years}
        value={String(year)}
        allowDeselect={false}
        onChange={(v) => v && setYear(Number(v))}
      />
      <Menu position="bottom-end">
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconFileText size={16} />}
            rightSection={<IconChevronDown size={14} />}
            loading={busy !== null}
          >
            Документы
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => download('docx', () => callApi('indicators.yearDocx', input))}>
            Показатели за {year} год с диаграммой (Word)
          </Menu.Item>
          <Menu.Item component={Link} to={`/indicators/print?year=${year}${chartIndicatorId === null ? '' : `&chart=${chartIndicatorId}`}`}>
            Показатели за {year} год — печать, PDF
          </Menu.Item>
          <Menu.Item onClick={() => download('xlsx', () => callApi('indicators.yearXlsx', input))}>
            Показатели за {year} год (Excel)
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
