import { Button, Checkbox, Group, SegmentedControl, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconFileCertificate, IconReportAnalytics, IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useUrlFilters } from '@renderer/components/useUrlFilters';
import { ARCHIVE_FILTERS } from '@shared/contract/publications';
import { currentYear, formatNumber } from '@shared/russian';
import { useCall } from '@renderer/api/client';
import { ScreenHeader } from '@renderer/components/screen';
import { SEARCH_DEBOUNCE_MS } from '@renderer/components/useListState';
import { LowBadge, numberCell } from './common';
import { ListTable } from '@renderer/components/ListTable';
import { PublicationForm } from './PublicationForm';

type Archive = (typeof ARCHIVE_FILTERS)[number];
const ARCHIVE_LABELS: Record<Archive, string> = { active: 'Действующие', archived: 'В архиве', all: 'Все' };

/** The catalogue: every publication with its balance today, what was handed out this year, the low-stock marker. */
export function CatalogueScreen() {
  const { params, setFilter } = useUrlFilters();
  const kindId = Number(params.get('kind')) || null;
  const topic = params.get('topic');
  const year = Number(params.get('year')) || null;
  const archive = (params.get('archive') as Archive | null) ?? 'active';
  const lowOnly = params.get('low') === '1';
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const kinds = useCall('lists.get', { list: 'publicationKinds' });
  const topics = useCall('publications.topics', {});
  const list = useCall(
    'publications.list',
    { kindId, topic, year, archive, lowOnly, search: debounced },
    { placeholderData: keepPreviousData },
  );
  const thisYear = currentYear();
  const years = Array.from({ length: 15 }, (_, i) => String(thisYear - i));
  const rows = list.data?.rows ?? [];
  const filtered = kindId !== null || topic !== null || year !== null || archive !== 'active' || lowOnly || debounced !== '';

  return (
    <>
      <ScreenHeader
        title="Печатная продукция"
        description="Памятки, буклеты, листовки, сборники: остатки по журналу движения"
        action={
          <Group>
            <Button variant="default" leftSection={<IconReportAnalytics size={16} />} onClick={() => navigate('/publications/statements')}>
              Ведомости
            </Button>
            <Button variant="default" leftSection={<IconFileCertificate size={16} />} onClick={() => navigate('/publications/acts')}>
              Акты списания
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              Новое издание
            </Button>
          </Group>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label="Поиск"
          placeholder="Название, авторы, тема"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={260}
        />
        <Select<number>
          label="Вид"
          w={200}
          clearable
          placeholder="Все виды"
          data={(kinds.data?.values ?? []).map((v) => ({ value: v.id, label: v.value }))}
          value={kindId}
          onChange={(v) => setFilter('kind', v === null ? null : String(v))}
        />
        <Select
          label="Тема"
          w={220}
          clearable
          searchable
          placeholder="Все темы"
          data={topics.data ?? []}
          value={topic}
          onChange={(v) => setFilter('topic', v)}
        />
        <Select
          label="Год выпуска"
          w={120}
          clearable
          placeholder="Все"
          data={years}
          value={year === null ? null : String(year)}
          onChange={(v) => setFilter('year', v)}
        />
        <SegmentedControl
          data={ARCHIVE_FILTERS.map((a) => ({ value: a, label: ARCHIVE_LABELS[a] }))}
          value={archive}
          onChange={(v) => setFilter('archive', v === 'active' ? null : v)}
        />
        <Checkbox
          label="Только с малым остатком"
          checked={lowOnly}
          onChange={(e) => setFilter('low', e.currentTarget.checked ? '1' : null)}
          mb={8}
        />
      </Group>
      <ListTable
        label="Печатная продукция"
        columns={[
          { title: 'Название' },
          { title: 'Вид', width: 170 },
          { title: 'Год', width: 70 },
          { title: 'Тема', width: 200 },
          { title: 'Остаток', width: 150, right: true },
          { title: `Распространено в ${thisYear}`, width: 150, right: true },
        ]}
        empty={
          list.isSuccess && rows.length === 0
            ? filtered
              ? 'Изданий с такими условиями нет.'
              : 'Изданий пока нет. Добавьте первое: «Новое издание».'
            : null
        }
      >
        {rows.map((p) => (
          <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/publications/${p.id}`)}>
            <Table.Td>
              <Text component="a" href={`#/publications/${p.id}`} c="indigo" size="sm" onClick={(e) => e.preventDefault()}>
                {p.title}
              </Text>
              {p.authors ? (
                <Text size="xs" c="dimmed">
                  {p.authors}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{p.kind}</Table.Td>
            <Table.Td>{p.year}</Table.Td>
            <Table.Td>{p.topic}</Table.Td>
            <Table.Td style={numberCell}>
              <Group gap={6} justify="flex-end" wrap="nowrap">
                <LowBadge low={p.low} balance={p.balance} />
                <Text size="sm">{formatNumber(p.balance)}</Text>
              </Group>
            </Table.Td>
            <Table.Td style={numberCell}>{formatNumber(p.distributedThisYear)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {list.data && list.data.total > rows.length ? (
        <Text size="sm" c="dimmed" mt="xs">
          Показаны первые {rows.length} из {list.data.total}. Уточните фильтры, чтобы найти остальные.
        </Text>
      ) : null}
      {creating ? (
        <PublicationForm editing={null} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/publications/${id}`)} />
      ) : null}
    </>
  );
}
