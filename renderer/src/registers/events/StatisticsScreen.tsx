import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { EventStatistics, ParticipantsGroup, StatisticsGroup } from '@shared/contract/events';
import { currentYear, formatDate, readTypedDate } from '@shared/russian';
import { useCall } from '@renderer/api/client';
import { ScreenHeader } from '@renderer/components/screen';

/** Statistics of a period (a year by default): an event belongs to the period of its first day, a cancelled one never counts. */
export function StatisticsScreen() {
  const year = currentYear();
  // The period lives in the address, so a reload or a link shows the same figures.
  const [params, setParams] = useSearchParams();
  const [from, setFromText] = useState(formatDate(params.get('from') ?? `${year}-01-01`));
  const [to, setToText] = useState(formatDate(params.get('to') ?? `${year}-12-31`));
  const f = readTypedDate(from);
  const t = readTypedDate(to);
  const period = f.kind === 'date' && t.kind === 'date' && f.iso <= t.iso ? { from: f.iso, to: t.iso } : null;
  const remember = (key: 'from' | 'to', text: string) => {
    const read = readTypedDate(text);
    if (read.kind !== 'date') return;
    const next = new URLSearchParams(params);
    next.set(key, read.iso);
    setParams(next, { replace: true });
  };
  const setFrom = (text: string) => {
    setFromText(text);
    remember('from', text);
  };
  const setTo = (text: string) => {
    setToText(text);
    remember('to', text);
  };
  const stats = useCall('events.statistics', period ?? { from: '2000-01-01', to: '2000-01-01' }, { enabled: period !== null });
  return (
    <>
      <ScreenHeader
        title="Статистика мероприятий"
        description="Мероприятия за период по видам, ролям центра, уровням; охват специалистов"
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label="С"
          w={140}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          placeholder="ДД.ММ.ГГГГ"
          error={f.kind === 'date' ? undefined : 'Дата ДД.ММ.ГГГГ'}
        />
        <TextInput
          label="По"
          w={140}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          placeholder="ДД.ММ.ГГГГ"
          error={t.kind !== 'date' ? 'Дата ДД.ММ.ГГГГ' : period === null ? 'Конец периода раньше начала' : undefined}
        />
      </Group>
      {stats.data ? <Statistics s={stats.data} /> : null}
    </>
  );
}

function Statistics({ s }: { s: EventStatistics }) {
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label="Проведено мероприятий" value={s.events.held} testId="stats-held" />
        <Figure label="Запланировано" value={s.events.planned} />
        <Figure label="Охвачено специалистов" value={s.uniqueSpecialists} testId="stats-reached" />
        <Figure label="Завершили обучение" value={`${s.completion.completed} из ${s.completion.of}`} testId="stats-completed" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Groups title="По видам" rows={s.byType} />
        <Groups title="По роли центра" rows={s.byRole} />
        <Groups title="По уровню" rows={s.byLevel} />
        <Groups title="По муниципальным образованиям" rows={s.byMunicipality} />
        <Participants title="Участники мероприятий центра по типам организаций" rows={s.byOrganizationType} />
        <Participants title="Участники мероприятий центра по муниципальным образованиям" rows={s.byParticipantMunicipality} />
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          Участие специалистов центра в мероприятиях других организаций: {s.attendedByStaff.length}
        </Title>
        {s.attendedByStaff.map((e) => (
          <Text size="sm" key={e.id}>
            {formatDate(e.firstDay)}
            {e.lastDay !== e.firstDay ? `–${formatDate(e.lastDay)}` : ''} —{' '}
            <Anchor component={Link} to={`/events/list/${e.id}`} size="sm">
              {e.title}
            </Anchor>
          </Text>
        ))}
      </Paper>
      {s.population.length || s.completion.populationRegistered ? (
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            Мероприятия для населения
          </Title>
          {s.population.map((p) => (
            <Text size="sm" key={p.category}>
              {p.category}: {p.visits} посещений на {p.sessions} занятиях
            </Text>
          ))}
          <Text size="sm">
            Программы: завершили обучение {s.completion.populationCompleted} из {s.completion.populationRegistered}
          </Text>
        </Paper>
      ) : null}
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: number | string; testId?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** A table of counts: a label and two numbers a row (held / planned events, participations / people). */
function CountTable({
  title,
  columns,
  rows,
}: {
  title: string;
  columns: [string, string];
  rows: { key: string; label: string; counts: [number, number] }[];
}) {
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {title}
      </Title>
      <Table aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {columns.map((c) => (
              <Table.Th key={c} w={130}>
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td>{r.counts[0]}</Table.Td>
              <Table.Td>{r.counts[1]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

const Groups = ({ title, rows }: { title: string; rows: StatisticsGroup[] }) => (
  <CountTable
    title={title}
    columns={['Проведено', 'Запланировано']}
    rows={rows.map((r) => ({ key: r.key, label: r.label, counts: [r.held, r.planned] }))}
  />
);

const Participants = ({ title, rows }: { title: string; rows: ParticipantsGroup[] }) => (
  <CountTable
    title={title}
    columns={['Участий', 'Человек']}
    rows={rows.map((r) => ({ key: r.label, label: r.label, counts: [r.participations, r.people] }))}
  />
);
