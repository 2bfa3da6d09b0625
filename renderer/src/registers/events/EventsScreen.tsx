import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { EventRow } from '@shared/contract/events';
import {
  CENTER_ROLE_LABELS,
  CENTER_ROLES,
  EVENT_LEVEL_LABELS,
  EVENT_STATUS_LABELS,
  EVENT_STATUSES,
  eventDates,
  type CenterRole,
  type EventStatus,
} from '@shared/contract/eventEnums';
import { currentYear } from '@shared/russian';
import { useCall } from '@renderer/api/client';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { EmptyState, ScreenHeader, SearchInput } from '@renderer/components/screen';
import { useListState } from '@renderer/components/useListState';
import { EventStatusBadge } from './common';
import { CreateEventDialog } from './EventForm';

interface Filters {
  year: number | null;
  typeId: number | null;
  centerRole: CenterRole | null;
  status: EventStatus | null;
}

export function EventsScreen() {
  const list = useListState<'date', Filters>('date', { year: null, typeId: null, centerRole: null, status: null });
  const { search, offset, limit } = list.query;
  const data = useCall('events.list', { ...list.filters, search, offset, limit }, { placeholderData: keepPreviousData });
  const types = useCall('lists.get', { list: 'eventTypes' });
  const [creating, setCreating] = useState(false);
  const thisYear = currentYear();
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear + 1 - i));

  const columns: Column<EventRow, 'date'>[] = [
    {
      header: 'Даты',
      width: 190,
      render: (e) => (
        <Anchor component={Link} to={`/events/list/${e.id}`} size="sm">
          {eventDates(e)}
        </Anchor>
      ),
    },
    {
      header: 'Мероприятие',
      render: (e) => (
        <Stack gap={0}>
          <Text size="sm">{e.title}</Text>
          <Text size="xs" c="dimmed">
            {[e.type, EVENT_LEVEL_LABELS[e.level].toLocaleLowerCase('ru'), e.municipalityName].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      ),
    },
    { header: 'Роль центра', width: 140, render: (e) => CENTER_ROLE_LABELS[e.centerRole] },
    { header: 'Участники', width: 100, render: (e) => (e.audience === 'population' ? 'население' : e.participantCount) },
    {
      header: 'Завершили',
      width: 110,
      render: (e) => (e.audience === 'population' || e.completed === null ? '—' : `${e.completed} из ${e.attended}`),
    },
    { header: 'Состояние', width: 140, render: (e) => <EventStatusBadge status={e.status} /> },
  ];

  return (
    <>
      <ScreenHeader
        title="Мероприятия"
        description="Семинары, круглые столы, конференции центра и мероприятия, в которых участвуют его специалисты"
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            Новое мероприятие
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <SearchInput placeholder="Название, место, организатор, участник" value={list.search} onChange={list.setSearch} />
        <Select
          label="Год"
          w={110}
          clearable
          placeholder="Все"
          data={years}
          value={list.filters.year === null ? null : String(list.filters.year)}
          onChange={(v) => list.setFilter('year', v === null ? null : Number(v))}
        />
        <Select<number>
          label="Вид"
          w={200}
          clearable
          placeholder="Все виды"
          data={(types.data?.values ?? []).map((v) => ({ value: v.id, label: v.value }))}
          value={list.filters.typeId}
          onChange={(v) => list.setFilter('typeId', v)}
        />
        <Select<CenterRole>
          label="Роль центра"
          w={170}
          clearable
          placeholder="Любая"
          data={CENTER_ROLES.map((r) => ({ value: r, label: CENTER_ROLE_LABELS[r] }))}
          value={list.filters.centerRole}
          onChange={(v) => list.setFilter('centerRole', v)}
        />
        <Select<EventStatus>
          label="Состояние"
          w={160}
          clearable
          placeholder="Любое"
          data={EVENT_STATUSES.map((s) => ({ value: s, label: EVENT_STATUS_LABELS[s] }))}
          value={list.filters.status}
          onChange={(v) => list.setFilter('status', v)}
        />
      </Group>
      <DataTable
        label="Мероприятия"
        columns={columns}
        rows={data.data?.rows}
        total={data.data?.total ?? 0}
        loading={data.isPending}
        list={list}
        filtered={list.filtered}
        countForms={['мероприятие', 'мероприятия', 'мероприятий']}
        empty={<EmptyState text="Мероприятий пока нет. Добавьте первое кнопкой «Новое мероприятие»." />}
      />
      {creating ? <CreateEventDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}
