import { Badge, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { IconArrowBackUp, IconArrowsJoin, IconArrowsSplit } from '@tabler/icons-react';
import type { DistinctPair, DuplicatePair, DuplicateSide, DuplicateTarget } from '@shared/contract/duplicates';
import { formatDate } from '@shared/russian';
import { useCall, useChange } from '@renderer/api/client';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { EmptyState, ScreenHeader } from '@renderer/components/screen';
import { useListState, type ListState } from '@renderer/components/useListState';
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

/** What both lists of pairs pass their table: a page of pairs, keyed and counted the same way. */
function pagedPairs<P extends { left: DuplicateSide; right: DuplicateSide }>(
  page: { rows: P[]; total: number } | undefined,
  loading: boolean,
  list: ListState<'level'>,
) {
  return {
    rows: page?.rows,
    total: page?.total ?? 0,
    totalCapped: false,
    loading,
    list,
    filtered: false,
    rowKey: (p: P) => `${p.left.id}:${p.right.id}`,
    countForms: ['пара', 'пары', 'пар'] as const,
  };
}

const pairActionsLabel = (p: { left: DuplicateSide; right: DuplicateSide }) => `Действия: ${p.left.label} и ${p.right.label}`;

const DISTINCT_COLUMNS: Column<DistinctPair, 'level'>[] = [
  { header: 'Запись 1', minWidth: 220, render: (p) => <Side side={p.left} /> },
  { header: 'Запись 2', minWidth: 220, render: (p) => <Side side={p.right} /> },
  { header: 'Отмечено', minWidth: 120, render: (p) => formatDate(p.declaredAt.slice(0, 10)) },
];

/** «Это разные люди» / «…организации», as the row action and its notification say it. */
const DISTINCT_WORDS: Record<DuplicateTarget, { action: string; done: string; revoked: string }> = {
  person: { action: 'Это разные люди', done: 'Пара отмечена: это разные люди', revoked: 'Отметка «разные люди» снята' },
  organization: {
    action: 'Это разные организации',
    done: 'Пара отмечена: это разные организации',
    revoked: 'Отметка «разные организации» снята',
  },
};

/** The pairs she declared two records: each can be revoked, and is then a candidate again. */
function DistinctPairs({ target }: { target: DuplicateTarget }) {
  const list = useListState<'level', { target: DuplicateTarget }>('level', { target });
  const data = useCall(
    'registry.distinctPairs',
    { target, offset: list.query.offset, limit: list.query.limit },
    { placeholderData: keepPreviousData },
  );
  const revoke = useChange('registry.revokeDistinct', { success: DISTINCT_WORDS[target].revoked });
  return (
    <DataTable
      label="Отмечены как разные"
      columns={DISTINCT_COLUMNS}
      {...pagedPairs(data.data, data.isFetching, list)}
      actions={{
        label: pairActionsLabel,
        actions: (p) => [
          {
            label: 'Снять отметку',
            icon: <IconArrowBackUp size={14} />,
            onClick: () => revoke.mutate({ target, leftId: p.left.id, rightId: p.right.id }),
          },
        ],
      }}
      empty={<EmptyState text="Пар, отмеченных как разные, нет." />}
    />
  );
}

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
  const distinctShown = params.get('view') === 'distinct';
  const declare = useChange('registry.declareDistinct', { success: DISTINCT_WORDS[target].done });
  const show = (next: { target: DuplicateTarget; distinct: boolean }) =>
    setParams({
      ...(next.target === 'organization' ? { target: next.target } : {}),
      ...(next.distinct ? { view: 'distinct' } : {}),
    });
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
      <Group mb="md" gap="md">
        <SegmentedControl
          data={TARGETS}
          value={target}
          onChange={(v) => {
            show({ target: v as DuplicateTarget, distinct: distinctShown });
            list.setFilter('target', v as DuplicateTarget);
          }}
          aria-label="Что сравнивать"
        />
        <SegmentedControl
          data={[
            { value: 'candidates', label: 'Возможные дубликаты' },
            { value: 'distinct', label: 'Отмечены как разные' },
          ]}
          value={distinctShown ? 'distinct' : 'candidates'}
          onChange={(v) => show({ target, distinct: v === 'distinct' })}
          aria-label="Какие пары показать"
        />
      </Group>
      {distinctShown ? (
        <DistinctPairs key={target} target={target} />
      ) : (
        <DataTable
          label="Возможные дубликаты"
          columns={COLUMNS}
          {...pagedPairs(data.data, data.isFetching, list)}
          actions={{
            label: pairActionsLabel,
            actions: (p) => [
              { label: 'Объединить…', icon: <IconArrowsJoin size={14} />, onClick: () => setMerging(p) },
              {
                label: DISTINCT_WORDS[p.target].action,
                icon: <IconArrowsSplit size={14} />,
                onClick: () => declare.mutate({ target: p.target, leftId: p.left.id, rightId: p.right.id }),
              },
            ],
          }}
          empty={<EmptyState text={target === 'person' ? 'Похожих специалистов не найдено.' : 'Похожих организаций не найдено.'} />}
        />
      )}
      {merging ? <MergeDialog pair={merging} onClose={() => setMerging(null)} /> : null}
    </>
  );
}
