import { Alert, Anchor, Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowBackUp, IconCheck, IconCircleOff, IconFileText, IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AssignmentRow, AssignmentStatus } from '@shared/contract/meetings';
import { countOf, typedDateInput } from '@shared/russian';
import { callApi, useCall } from '@renderer/api/client';
import { EmptyState, ScreenHeader } from '@renderer/components/screen';
import { DateField, FormDialog, LongTextField, useContractForm } from '@renderer/components/form';
import { OrganizationPicker } from '@renderer/components/pickers';
import { AssignmentStateBadge, dueLabel, responsibles, useDocument } from './common';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { SEARCH_DEBOUNCE_MS } from '@renderer/components/useListState';
import { useUrlFilters } from '@renderer/components/useUrlFilters';

type StateFilter = 'open' | 'overdue' | 'done' | 'withdrawn' | 'all';

const STATE_FILTERS: { value: StateFilter; label: string }[] = [
  { value: 'open', label: 'На контроле' },
  { value: 'overdue', label: 'Просроченные' },
  { value: 'done', label: 'Исполненные' },
  { value: 'withdrawn', label: 'Снятые с контроля' },
  { value: 'all', label: 'Все' },
];

/** The register of assignments across all meetings: what is due, by whom, and what is late. */
export function AssignmentsScreen() {
  // The state lives in the address: the home screen's «Просроченные поручения» opens this list on «Просроченные».
  const { params, setFilter } = useUrlFilters();
  const state = STATE_FILTERS.find((f) => f.value === params.get('state'))?.value ?? 'open';
  const setState = (next: StateFilter) => setFilter('state', next === 'open' ? null : next);
  const [organizationId, setOrganizationId] = useState<number | null>(null);
  const [groupId, setGroupId] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const [marking, setMarking] = useState<{ row: AssignmentRow; status: AssignmentStatus } | null>(null);
  const groups = useCall('workingGroups.list', {});
  const list = useCall(
    'assignments.list',
    { state: state === 'all' ? null : state, organizationId, groupId, search: debounced, limit: 500 },
    { placeholderData: keepPreviousData },
  );
  const { busy, download } = useDocument();
  return (
    <>
      <ScreenHeader
        title="Поручения"
        description="Решения заседаний, взятые на контроль, по подписанным протоколам: ответственные, сроки, исполнение"
        action={
          <Button
            variant="light"
            leftSection={<IconFileText size={16} />}
            disabled={organizationId === null}
            loading={busy !== null}
            onClick={() =>
              organizationId !== null &&
              // Issued first (the next number, kept as issued), then downloaded as Word.
              download('org', async () => {
                const issued = await callApi('assignments.issueList', {
                  organizationId,
                  onlyOpen: state === 'open' || state === 'overdue',
                });
                return callApi('assignments.issuedListDocx', { id: issued.id });
              })
            }
          >
            Перечень поручений организации (Word)
          </Button>
        }
      />
      <Stack gap="sm" mb="md">
        <SignedOnlyNote />
        <SegmentedControl data={STATE_FILTERS} value={state} onChange={(v) => setState(v as StateFilter)} w="fit-content" />
        <Group align="flex-end">
          <div style={{ width: 360 }}>
            <OrganizationPicker label="Организация" value={organizationId} onChange={setOrganizationId} />
          </div>
          <Select<number>
            label="Рабочая группа"
            w={300}
            clearable
            placeholder="Все группы"
            data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
            value={groupId}
            onChange={setGroupId}
          />
          <TextInput
            label="Текст поручения"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={260}
          />
        </Group>
      </Stack>
      <DataTable
        label="Поручения"
        columns={ASSIGNMENT_COLUMNS}
        rows={list.data?.rows}
        loading={list.isFetching}
        spacing="sm"
        actions={{
          label: (r) => `Действия: п. ${r.decisionNumber}, ${r.meetingLabel}`,
          actions: (r) =>
            r.status === 'inProgress'
              ? [
                  { label: 'Отметить исполненным', icon: <IconCheck size={14} />, onClick: () => setMarking({ row: r, status: 'done' }) },
                  {
                    label: 'Снять с контроля',
                    icon: <IconCircleOff size={14} />,
                    onClick: () => setMarking({ row: r, status: 'withdrawn' }),
                  },
                ]
              : [
                  {
                    label: 'Вернуть на контроль',
                    icon: <IconArrowBackUp size={14} />,
                    onClick: () => setMarking({ row: r, status: 'inProgress' }),
                  },
                ],
        }}
        empty={<EmptyState text="Поручений с такими условиями нет." />}
      />
      {list.data ? (
        <Text size="sm" c="dimmed" mt="xs">
          {countOf(list.data.total, ['поручение', 'поручения', 'поручений'])}
        </Text>
      ) : null}
      {marking ? <MarkDialog row={marking.row} status={marking.status} onClose={() => setMarking(null)} /> : null}
    </>
  );
}

const ASSIGNMENT_COLUMNS: Column<AssignmentRow>[] = [
  {
    header: 'Протокол, пункт',
    width: 210,
    render: (r) => (
      <>
        <Anchor component={Link} to={`/meetings/list/${r.meetingId}`} size="sm">
          {r.meetingLabel}
        </Anchor>
        <Text size="xs" c="dimmed">
          п. {r.decisionNumber} · {r.groupName}
        </Text>
      </>
    ),
  },
  {
    header: 'Поручение',
    render: (r) => (
      <>
        <Text size="sm">{r.text}</Text>
        {r.completionNote ? (
          <Text size="xs" c="dimmed">
            Отметка: {r.completionNote}
          </Text>
        ) : null}
      </>
    ),
  },
  { header: 'Ответственные', width: 220, render: (r) => <Text size="sm">{responsibles(r)}</Text> },
  { header: 'Срок', width: 120, render: (r) => <Text size="sm">{dueLabel(r)}</Text> },
  { header: 'Состояние', width: 180, render: (r) => <AssignmentStateBadge state={r.state} /> },
];

const TITLES: Record<AssignmentStatus, string> = {
  done: 'Отметить поручение исполненным',
  withdrawn: 'Снять поручение с контроля',
  inProgress: 'Вернуть поручение на контроль',
};

function MarkDialog({ row, status, onClose }: { row: AssignmentRow; status: AssignmentStatus; onClose: () => void }) {
  const cf = useContractForm({
    call: 'assignments.setStatus',
    initialValues: { completionNote: status === 'inProgress' ? '' : row.completionNote, completedOn: '' },
    toInput: (v) => ({ id: row.id, status, completionNote: v.completionNote, completedOn: typedDateInput(v.completedOn) }),
    success: 'Отметка сохранена',
    onSaved: onClose,
  });
  return (
    <FormDialog cf={cf} title={TITLES[status]} size="lg" onClose={onClose}>
      <Text size="sm">
        {row.meetingLabel}, п. {row.decisionNumber}: {row.text}
      </Text>
      {status === 'inProgress' ? null : (
        <>
          <LongTextField
            cf={cf}
            path="completionNote"
            label={status === 'done' ? 'Как исполнено' : 'Основание снятия с контроля'}
            required
          />
          <DateField cf={cf} path="completedOn" label="Дата" description="пусто — сегодня" w={220} />
        </>
      )}
    </FormDialog>
  );
}

/**
 * The list holds decisions of signed minutes only: an unsigned protocol binds nobody yet. The
 * note says so, and how many assignments wait for a signature.
 */
function SignedOnlyNote() {
  const pending = useCall('assignments.pending', {});
  const waiting = pending.data && pending.data.assignments > 0 ? pending.data : null;
  return (
    <Alert
      variant="light"
      color={waiting ? 'yellow' : 'blue'}
      icon={<IconInfoCircle size={16} />}
      aria-label="Только подписанные протоколы"
    >
      Показаны поручения только из подписанных протоколов.
      {waiting
        ? ` Ещё ${countOf(waiting.assignments, ['поручение', 'поручения', 'поручений'])} в ${countOf(waiting.meetings, ['неподписанном протоколе', 'неподписанных протоколах', 'неподписанных протоколах'])} появятся здесь после подписания.`
        : ''}
    </Alert>
  );
}
