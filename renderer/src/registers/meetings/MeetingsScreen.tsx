import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFolderOpen, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import type { MeetingRow } from '@shared/contract/meetings';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useUrlFilters } from '@renderer/components/useUrlFilters';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS, MEETING_STATUSES, type MeetingStatus } from '@shared/contract/meetings';
import { countOf, currentYear, formatDate } from '@shared/russian';
import { useCall, useChange } from '@renderer/api/client';
import { confirmDelete, EmptyState, ScreenHeader } from '@renderer/components/screen';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { SEARCH_DEBOUNCE_MS } from '@renderer/components/useListState';
import { MeetingStatusBadge } from './common';
import { CreateMeetingDialog } from './MeetingForm';

export function MeetingsScreen() {
  const { params, setFilter } = useUrlFilters();
  const groupId = Number(params.get('group')) || null;
  const year = Number(params.get('year')) || null;
  const status = (params.get('status') as MeetingStatus | null) || null;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const groups = useCall('workingGroups.list', {});
  const list = useCall('meetings.list', { groupId, year, status, search: debounced, limit: 200 }, { placeholderData: keepPreviousData });
  const thisYear = currentYear();
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear + 1 - i));
  const rows = list.data?.rows ?? [];
  const remove = useChange('meetings.delete', { success: 'Заседание удалено' });
  const filtered = groupId !== null || year !== null || status !== null || debounced !== '';
  const noGroups = groups.isSuccess && groups.data.length === 0;

  return (
    <>
      <ScreenHeader
        title="Заседания"
        description="Заседания рабочих групп, повестка, решения и протоколы"
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} disabled={noGroups}>
            Новое заседание
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <Select<number>
          label="Рабочая группа"
          w={320}
          clearable
          placeholder="Все группы"
          data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          value={groupId}
          onChange={(v) => setFilter('group', v === null ? null : String(v))}
        />
        <Select
          label="Год"
          w={120}
          clearable
          placeholder="Все"
          data={years}
          value={year === null ? null : String(year)}
          onChange={(v) => setFilter('year', v)}
        />
        <Select
          label="Состояние"
          w={160}
          clearable
          placeholder="Любое"
          data={MEETING_STATUSES.map((s) => ({ value: s, label: MEETING_STATUS_LABELS[s] }))}
          value={status}
          onChange={(v) => setFilter('status', v)}
        />
        <TextInput
          label="Вопрос повестки"
          placeholder="Поиск по теме"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
        />
      </Group>
      <DataTable
        label="Заседания"
        columns={MEETING_COLUMNS}
        rows={list.data?.rows}
        loading={list.isFetching}
        spacing="sm"
        onRowClick={(m) => void navigate(`/meetings/list/${m.id}`)}
        actions={{
          label: (m) => `Действия: заседание ${formatDate(m.dateStart)} №${m.number}`,
          actions: (m) => [
            { label: 'Открыть', icon: <IconFolderOpen size={14} />, onClick: () => void navigate(`/meetings/list/${m.id}`) },
            {
              label: 'Удалить черновик',
              icon: <IconTrash size={14} />,
              color: 'red',
              // Held and signed meetings are kept: the minutes refer to them.
              disabled: m.status !== 'draft',
              onClick: () =>
                confirmDelete(`Удалить черновик заседания ${formatDate(m.dateStart)} №${m.number} (${m.groupName})?`, () =>
                  remove.mutate({ id: m.id }),
                ),
            },
          ],
        }}
        filtered={filtered}
        noMatches="Заседаний с такими условиями нет."
        empty={
          noGroups ? (
            <EmptyState text="Сначала добавьте рабочую группу в разделе «Рабочие группы»." />
          ) : (
            <EmptyState text="Заседаний пока нет." />
          )
        }
      />
      {list.data && list.data.total > rows.length ? (
        <Text size="sm" c="dimmed" mt="xs">
          Показаны последние {rows.length} из {list.data.total}. Уточните фильтры, чтобы найти остальные.
        </Text>
      ) : null}
      {creating ? (
        <CreateMeetingDialog
          groupId={groupId ?? (groups.data?.length === 1 ? groups.data[0]!.id : null)}
          onClose={() => setCreating(false)}
        />
      ) : null}
    </>
  );
}

const MEETING_COLUMNS: Column<MeetingRow>[] = [
  {
    header: 'Дата',
    width: 130,
    render: (m) => (
      <Text component="a" href={`#/meetings/list/${m.id}`} c="indigo" size="sm" onClick={(e) => e.preventDefault()}>
        {formatDate(m.dateStart)}
        {m.dateEnd && m.dateEnd !== m.dateStart ? `–${formatDate(m.dateEnd)}` : ''}
      </Text>
    ),
  },
  { header: '№', width: 60, render: (m) => m.number },
  {
    header: 'Группа и вид',
    render: (m) => (
      <>
        <Text size="sm">{m.groupName}</Text>
        <Text size="xs" c="dimmed">
          {[MEETING_KIND_LABELS[m.kind], m.town].filter(Boolean).join(', ')}
        </Text>
      </>
    ),
  },
  {
    header: 'Вопросы повестки',
    render: (m) =>
      m.topics.length === 0 ? (
        <Text size="sm" c="dimmed">
          повестка не составлена
        </Text>
      ) : (
        <Stack gap={0}>
          {m.topics.slice(0, 3).map((t, i) => (
            <Text size="sm" key={i} lineClamp={1}>
              {i + 1}. {t}
            </Text>
          ))}
          {m.topics.length > 3 ? (
            <Text size="xs" c="dimmed">
              и ещё {countOf(m.topics.length - 3, ['вопрос', 'вопроса', 'вопросов'])}
            </Text>
          ) : null}
        </Stack>
      ),
  },
  { header: 'Состояние', width: 130, render: (m) => <MeetingStatusBadge status={m.status} /> },
];
