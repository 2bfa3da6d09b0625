import { Badge, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { IconArrowsJoin } from '@tabler/icons-react';
import type { DuplicatePair, DuplicateSide, DuplicateTarget } from '@shared/contract/duplicates';
import { useCall } from '@renderer/api/client';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { EmptyState, ScreenHeader } from '@renderer/components/screen';
import { useListState } from '@renderer/components/useListState';
import { FieldVerdicts, LEVEL_LABELS } from './common';
import { MergeDialog } from './MergeDialog';

function Side({ side }: { side: DuplicateSide }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {side.label}
      </Text>
      {side.description ? (
        <Text size="xs" c="dimmed">
          {side.description}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {side.usage ? `используется ${side.usage}` : 'нигде не используется'}
      </Text>
    </Stack>
  );
}

// The pairs come likely first: the order is the server's, no column sorts.
const COLUMNS: Column<DuplicatePair, 'level'>[] = [
  { header: 'Запись 1', minWidth: 220, render: (p) => <Side side={p.left} /> },
  { header: 'Запись 2', minWidth: 220, render: (p) => <Side side={p.right} /> },
  {
    header: 'Вывод',
    minWidth: 320,
    render: (p) => (
      <Stack gap={4}>
        <Group gap={6}>
          <Badge color={p.level === 'likely' ? 'orange' : 'yellow'} variant="light">
            {LEVEL_LABELS[p.target][p.level]}
          </Badge>
          <Text size="xs">{p.reason}</Text>
        </Group>
        <FieldVerdicts pair={p} />
      </Stack>
    ),
  },
];

const TARGETS: { value: DuplicateTarget; label: string }[] = [
  { value: 'person', label: 'Специалисты' },
  { value: 'organization', label: 'Организации' },
];

/**
 * «Дубликаты»: pairs of the registry that may be one person or one organisation, each with what
 * matched field by field, and «Объединить…» for the merge dialog. The kind shown lives in the
 * address (`?target=organization`), so a reload keeps it.
 */
export function DuplicatesScreen() {
  const [params, setParams] = useSearchParams();
  const target: DuplicateTarget = params.get('target') === 'organization' ? 'organization' : 'person';
  const list = useListState<'level', { target: DuplicateTarget }>('level', { target });
  const data = useCall(
    'registry.duplicateCandidates',
    { target, offset: list.query.offset, limit: list.query.limit },
    { placeholderData: keepPreviousData },
  );
  const [merging, setMerging] = useState<DuplicatePair | null>(null);

  return (
    <>
      <ScreenHeader
        title="Дубликаты"
        description="Записи реестра, которые, возможно, описывают одного специалиста или одну организацию. Поля сравниваются по отдельности; объединение можно отменить."
      />
      <SegmentedControl
        mb="md"
        data={TARGETS}
        value={target}
        onChange={(v) => {
          setParams(v === 'organization' ? { target: v } : {});
          list.setFilter('target', v as DuplicateTarget);
        }}
        aria-label="Что сравнивать"
      />
      <DataTable
        label="Возможные дубликаты"
        columns={COLUMNS}
        rows={data.data?.rows}
        total={data.data?.total ?? 0}
        totalCapped={false}
        loading={data.isFetching}
        list={list}
        filtered={false}
        rowKey={(p) => `${p.left.id}:${p.right.id}`}
        countForms={['пара', 'пары', 'пар']}
        actions={{
          label: (p) => `Действия: ${p.left.label} и ${p.right.label}`,
          actions: (p) => [{ label: 'Объединить…', icon: <IconArrowsJoin size={14} />, onClick: () => setMerging(p) }],
        }}
        empty={<EmptyState text={target === 'person' ? 'Похожих специалистов не найдено.' : 'Похожих организаций не найдено.'} />}
      />
      {merging ? <MergeDialog pair={merging} onClose={() => setMerging(null)} /> : null}
    </>
  );
}
