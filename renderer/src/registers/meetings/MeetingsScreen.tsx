import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS, MEETING_STATUSES, type MeetingStatus } from '@shared/contract/meetings';
import { countOf, currentYear, formatDate } from '@shared/russian';
import { useCall } from '@renderer/api/client';
import { EmptyState, ScreenHeader } from '@renderer/components/screen';
import { SEARCH_DEBOUNCE_MS } from '@renderer/components/useListState';
import { ListTable, MeetingStatusBadge } from './common';
import { CreateMeetingDialog } from './MeetingForm';

export function MeetingsScreen() {
  const [params, setParams] = useSearchParams();
  const groupId = Number(params.get('group')) || null;
  const year = Number(params.get('year')) || null;
  const status = (params.get('status') as MeetingStatus | null) || null;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const groups = useCall('workingGroups.list', {});
  const list = useCall('meetings.list', { groupId, year, status, search: debounced, limit: 200 }, { placeholderData: keepPreviousData });
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const thisYear = currentYear();
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear + 1 - i));
  const rows = list.data?.rows ?? [];
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
      <ListTable
        label="Заседания"
        columns={[
          { title: 'Дата', width: 130 },
          { title: '№', width: 60 },
          { title: 'Группа и вид' },
          { title: 'Вопросы повестки' },
          { title: 'Состояние', width: 130 },
        ]}
        empty={
          list.isSuccess && rows.length === 0 ? (
            noGroups ? (
              <EmptyState text="Сначала добавьте рабочую группу в разделе «Рабочие группы»." />
            ) : (
              <EmptyState text={filtered ? 'Заседаний с такими условиями нет.' : 'Заседаний пока нет.'} />
            )
          ) : null
        }
      >
        {rows.map((m) => (
          <Table.Tr key={m.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/meetings/list/${m.id}`)}>
            <Table.Td>
              <Text component="a" href={`#/meetings/list/${m.id}`} c="indigo" size="sm" onClick={(e) => e.preventDefault()}>
                {formatDate(m.dateStart)}
                {m.dateEnd && m.dateEnd !== m.dateStart ? `–${formatDate(m.dateEnd)}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>{m.number}</Table.Td>
            <Table.Td>
              <Text size="sm">{m.groupName}</Text>
              <Text size="xs" c="dimmed">
                {[MEETING_KIND_LABELS[m.kind], m.town].filter(Boolean).join(', ')}
              </Text>
            </Table.Td>
            <Table.Td>
              {m.topics.length === 0 ? (
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
              )}
            </Table.Td>
            <Table.Td>
              <MeetingStatusBadge status={m.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
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
