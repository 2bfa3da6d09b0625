import { Alert, Anchor, Box, Group, Image, Loader, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type {
  DashboardAssignment,
  DashboardEvent,
  DashboardList,
  DashboardPublication,
  DashboardSummary,
} from '@shared/contract/dashboard';
import { eventDates } from '@shared/contract/eventEnums';
// From the module's files, not its index: the index brings the declension rules and the number
// words (about 20 kB gzip) into the first screen's scripts (tests/unit/renderer/initialChunks.test.ts).
import { formatDate } from '@shared/russian/dates';
import { countOf, formatNumber } from '@shared/russian/numbers';
import { useCall } from '@renderer/api/client';
import { useAfterPaint } from '@renderer/components/useAfterPaint';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { EmptyState } from '@renderer/components/screen';
import { dashboardYear } from './year';

const yearSpan = (year: number) => `from=${year}-01-01&to=${year}-12-31`;

/** A key figure: the number large, what it counts, and the register it came from one click away. */
function Figure({ label, value, note, to }: { label: string; value: string; note?: string; to: string }) {
  return (
    <Anchor component={Link} to={to} underline="never" c="inherit" aria-label={`${label}: ${value}`}>
      <Paper withBorder p="sm" h="100%" style={{ cursor: 'pointer' }}>
        <Text size="xs" c="dimmed" lh={1.3}>
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.2} mt={4}>
          {value}
        </Text>
        {note ? (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        ) : null}
      </Paper>
    </Anchor>
  );
}

function Figures({ data }: { data: DashboardSummary }) {
  const { figures: f, year } = data;
  return (
    <SimpleGrid cols={6} spacing="sm" aria-label="Показатели года">
      <Figure label="Проведено заседаний" value={formatNumber(f.meetingsHeld)} to={`/meetings/list?year=${year}`} />
      <Figure label="Проведено мероприятий центра" value={formatNumber(f.eventsHeld)} to={`/events/stats?${yearSpan(year)}`} />
      <Figure
        label="Мероприятия с участием специалистов центра"
        value={formatNumber(f.eventsAttended)}
        to={`/events/stats?${yearSpan(year)}`}
      />
      <Figure label="Прошли обучение, человек" value={formatNumber(f.specialistsTrained)} to={`/events/stats?${yearSpan(year)}`} />
      <Figure
        label="Распространено экземпляров"
        value={formatNumber(f.copiesDistributed)}
        to={`/publications/statements?${yearSpan(year)}`}
      />
      <Figure
        label="Выполнение плана"
        value={f.plan ? `${formatNumber(f.plan.donePercent)}\u00A0%` : '—'}
        note={f.plan ? `выполнено ${formatNumber(f.plan.done)}, всего ${formatNumber(f.plan.total)}` : `плана на ${year} год нет`}
        to={`/work-plan/summary?year=${year}`}
      />
    </SimpleGrid>
  );
}

/** One of the lists of what needs attention: its first rows, and «все N» opening the register. */
function AttentionList<Row extends { id: number }>(props: {
  title: string;
  list: DashboardList<Row>;
  all: string;
  forms: readonly [string, string, string];
  columns: Column<Row>[];
  open: (row: Row) => string;
  empty: string;
}) {
  const navigate = useNavigate();
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Title order={4}>{props.title}</Title>
        <Anchor component={Link} to={props.all} size="sm">
          {props.list.total > props.list.rows.length ? `все ${countOf(props.list.total, props.forms)}` : 'открыть'}
        </Anchor>
      </Group>
      <DataTable
        label={props.title}
        columns={props.columns}
        rows={props.list.rows}
        loading={false}
        spacing="xs"
        onRowClick={(row) => void navigate(props.open(row))}
        empty={<EmptyState text={props.empty} />}
      />
    </Paper>
  );
}

const link = (to: string, text: ReactNode) => (
  <Anchor component={Link} to={to} size="sm" onClick={(e) => e.stopPropagation()}>
    {text}
  </Anchor>
);

const ASSIGNMENT_COLUMNS: Column<DashboardAssignment>[] = [
  {
    header: 'Поручение',
    render: (a) => (
      <>
        {link(`/meetings/list/${a.meetingId}`, a.text)}
        <Text size="xs" c="dimmed">
          {a.meetingLabel}
          {a.responsible ? ` · ${a.responsible}` : ''}
        </Text>
      </>
    ),
  },
  { header: 'Срок', width: 96, nowrap: true, render: (a) => formatDate(a.dueDate) },
];

const EVENT_COLUMNS: Column<DashboardEvent>[] = [
  {
    header: 'Мероприятие',
    render: (e) => (
      <>
        {link(`/events/list/${e.id}`, e.title)}
        <Text size="xs" c="dimmed">
          {e.type}
        </Text>
      </>
    ),
  },
  { header: 'Даты', width: 110, render: (e) => eventDates(e) },
];

const PUBLICATION_COLUMNS: Column<DashboardPublication>[] = [
  { header: 'Издание', render: (p) => link(`/publications/${p.id}`, p.title) },
  { header: 'Остаток', width: 72, align: 'right', nowrap: true, render: (p) => formatNumber(p.balance) },
  { header: 'Минимум', width: 78, align: 'right', nowrap: true, render: (p) => formatNumber(p.minStock) },
];

/** The charts' size as drawn (summary.ts CHART_SIZE): their place is kept while they are drawn. */
const CHART_RATIO = '520 / 260';

/**
 * The year's two charts, asked once the figures above have painted (this mounts with them): the
 * first drawing after a start loads and compiles the chart pipeline in the main process, about
 * 220 ms of its one thread, and asked beside the summary it delayed the figures (a CPU profile of
 * the host's start on the bench's data).
 */
function Charts({ year }: { year: number | null }) {
  const figuresPainted = useAfterPaint(true);
  const charts = useCall('dashboard.charts', { year }, { placeholderData: keepPreviousData, enabled: figuresPainted });
  if (charts.isError) return <Alert color="red">{charts.error.message}</Alert>;
  return (
    <SimpleGrid cols={2} spacing="sm">
      {(charts.data ?? [null, null]).map((chart, i) => (
        <Paper withBorder p="xs" key={chart?.title ?? i}>
          {chart ? (
            <Image src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.svg)}`} alt={`Диаграмма: ${chart.title}`} />
          ) : (
            <Box style={{ aspectRatio: CHART_RATIO }} />
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The home screen: the year's key figures, its charts, and what needs attention today. */
export function DashboardScreen() {
  const [params, setParams] = useSearchParams();
  const summary = useCall('dashboard.summary', { year: dashboardYear(params) }, { placeholderData: keepPreviousData });
  const data = summary.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{data ? `Сводка за ${data.year} год` : 'Сводка'}</Title>
          <Text c="dimmed" size="sm">
            {data ? `Просроченные поручения, ближайшие мероприятия и остатки — на ${formatDate(data.today)}` : '\u00A0'}
          </Text>
        </Stack>
        {data ? (
          <Select
            label="Год"
            w={110}
            allowDeselect={false}
            data={data.years.map(String)}
            value={String(data.year)}
            onChange={(v) => v && setParams({ year: v })}
          />
        ) : null}
      </Group>
      {summary.isError ? (
        <Alert color="red">{summary.error.message}</Alert>
      ) : !data ? (
        <Loader aria-label="Загрузка" />
      ) : (
        <>
          <Figures data={data} />
          <Charts year={dashboardYear(params)} />
          <SimpleGrid cols={3} spacing="sm">
            <AttentionList
              title="Просроченные поручения"
              list={data.overdueAssignments}
              all="/meetings/assignments?state=overdue"
              forms={['поручение', 'поручения', 'поручений']}
              columns={ASSIGNMENT_COLUMNS}
              open={(a) => `/meetings/list/${a.meetingId}`}
              empty="Просроченных поручений нет."
            />
            <AttentionList
              title="Ближайшие мероприятия"
              list={data.upcomingEvents}
              all="/events/list"
              forms={['мероприятие', 'мероприятия', 'мероприятий']}
              columns={EVENT_COLUMNS}
              open={(e) => `/events/list/${e.id}`}
              empty="Запланированных мероприятий нет."
            />
            <AttentionList
              title="Заканчиваются издания"
              list={data.lowStock}
              all="/publications?low=1"
              forms={['издание', 'издания', 'изданий']}
              columns={PUBLICATION_COLUMNS}
              open={(p) => `/publications/${p.id}`}
              empty="Все издания выше минимального остатка."
            />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
