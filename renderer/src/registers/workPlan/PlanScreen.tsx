import { Button, Center, Group, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconCheck, IconFileTypeDocx, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import type { PlanItem } from '@shared/contract/workPlan';
import { DIRECTION_LABELS, DIRECTIONS, type Direction, type PlanStatus } from '@shared/enums';
import { callApi, useCall, useChange } from '@renderer/api/client';
import { confirmDelete, EmptyState } from '@renderer/components/screen';
import { SEARCH_DEBOUNCE_MS } from '@renderer/components/useListState';
import { CellText, DataTable, type Column, type RowActionsSpec, type RowGroups } from '@renderer/components/DataTable';
import { DocumentsMenu } from '@renderer/components/DocumentsMenu';
import { useAfterPaint, useAfterPaintOf } from '@renderer/components/useAfterPaint';
import {
  directionOptions,
  PLAN_SELECT_COMBOBOX,
  quarterOptions,
  RealisationLines,
  StatusBadge,
  statusOptions,
  usePlanYear,
  YearSelect,
} from './common';
import { CopyToNextYearButton, CreatePlanButton } from './PlanActions';
import { FIRST_ITEMS, firstItems, primePlanYear, unfiltered } from './opening';
import { approvalDescription } from './approvalDate';
import { formatDate } from '@shared/russian';

// The form (its pickers, dates and checks) loads when it is first opened, not with the plan's first paint.
const ItemForm = lazy(() => import('./ItemForm').then((m) => ({ default: m.ItemForm })));
const StatusForm = lazy(() => import('./StatusForm').then((m) => ({ default: m.StatusForm })));
// The responsible filter's picker (the registry search) arrives after the rows have painted, like the approval form.
const PersonPicker = lazy(() => import('@renderer/components/pickers').then((m) => ({ default: m.PersonPicker })));
const ApprovalDateForm = lazy(() => import('./ApprovalDateForm').then((m) => ({ default: m.ApprovalDateForm })));

interface Filters {
  direction: Direction | null;
  status: PlanStatus | null;
  quarter: string | null;
  responsibleId: number | null;
  search: string;
}

const NO_FILTERS: Filters = { direction: null, status: null, quarter: null, responsibleId: null, search: '' };

export function PlanScreen() {
  const { year, setYear, years, loading } = usePlanYear();

  if (loading) {
    return (
      <Center mih={200}>
        <Loader />
      </Center>
    );
  }
  if (year === null) {
    return (
      <Stack>
        <Title order={2}>План работы</Title>
        <Paper withBorder p="xl">
          <EmptyState
            text="Планов работы пока нет. Создайте план на год, чтобы вносить мероприятия."
            action={<CreatePlanButton years={years} onCreated={setYear} />}
          />
        </Paper>
      </Stack>
    );
  }
  // Not keyed by the year: a year change keeps the screen's frame (its title, filters, menus) and
  // replaces the rows only; remounting all of it took a third of switching the year.
  return <YearPlan year={year} years={years} setYear={setYear} />;
}

function YearPlan({
  year,
  years,
  setYear,
}: {
  year: number;
  years: ReturnType<typeof usePlanYear>['years'];
  setYear: (y: number) => void;
}) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [debounced] = useDebouncedValue(filters.search, SEARCH_DEBOUNCE_MS);
  // A cleared search applies at once: after a year change (below) the last year's words must not
  // filter the new year's first answer for the debounce's 150 ms.
  const search = filters.search === '' ? '' : debounced;
  const [editing, setEditing] = useState<PlanItem | 'new' | null>(null);
  const [statusOf, setStatusOf] = useState<PlanItem | null>(null);
  // Another year starts with no filters and no open form, as a screen of its own would.
  const [shownYear, setShownYear] = useState(year);
  if (shownYear !== year) {
    setShownYear(year);
    setFilters(NO_FILTERS);
    setEditing(null);
    setStatusOf(null);
  }
  const input = {
    year,
    direction: filters.direction,
    status: filters.status,
    quarter: filters.quarter ? Number(filters.quarter) : null,
    responsibleId: filters.responsibleId,
    search,
  };
  const whole = JSON.stringify(input) === JSON.stringify(unfiltered(year));
  /**
   * The whole year comes in two answers: first the rows a window shows (the opening call or the
   * year field's event put them in the cache), then, after they have painted, all of them. At ten
   * years of data a year holds 2,000 items, whose one answer took 400 ms before anything painted.
   * A plan shorter than the first answer needs no second.
   */
  const head = useCall('workPlan.items', firstItems(year), { enabled: whole });
  const headComplete = head.data !== undefined && head.data.length < FIRST_ITEMS;
  const headPainted = useAfterPaintOf(whole && head.data ? year : null);
  const items = useCall('workPlan.items', input, {
    enabled: !whole || (headPainted && !headComplete),
    // A filter's change keeps the rows on screen (dimmed) until the answer; another year's rows never stand in for this year's.
    placeholderData: (previous, query) =>
      (query?.queryKey[1] as { year?: number } | undefined)?.year === year ? keepPreviousData(previous) : undefined,
  });
  // The whole list once it is in; until then its first rows (the whole list when shorter than the
  // first answer); the last filter's rows (dimmed) only when neither is.
  const showHead = whole && head.data !== undefined && (headComplete || !items.data || items.isPlaceholderData);
  const shown = showHead ? head : items;
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const filtered = JSON.stringify({ ...filters, search }) !== JSON.stringify(NO_FILTERS);
  const rows = shown.data ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="center">
          <Title order={2}>План работы на {year} год</Title>
          <YearSelect
            year={year}
            years={years}
            onChange={(next) => {
              primePlanYear(next);
              setYear(next);
            }}
          />
        </Group>
        <Group gap="xs">
          <CreatePlanButton years={years} onCreated={setYear} />
          <CopyToNextYearButton year={year} years={years} onCopied={setYear} />
        </Group>
      </Group>

      <Group justify="space-between" align="flex-end">
        <Group gap="xs">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Добавить мероприятие
          </Button>
          <PlanDocuments year={year} />
        </Group>
        <ApprovalDate year={year} listShown={!shown.isPending} />
      </Group>

      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Поиск"
            placeholder="Название, форма, аудитория, отметка"
            leftSection={<IconSearch size={16} />}
            w={280}
            value={filters.search}
            onChange={(e) => set('search', e.currentTarget.value)}
          />
          <Select
            label="Направление"
            placeholder="Все"
            clearable
            comboboxProps={PLAN_SELECT_COMBOBOX}
            w={300}
            data={directionOptions}
            value={filters.direction}
            onChange={(v) => set('direction', v as Direction | null)}
          />
          <Select
            label="Статус"
            placeholder="Все"
            clearable
            comboboxProps={PLAN_SELECT_COMBOBOX}
            w={170}
            data={statusOptions}
            value={filters.status}
            onChange={(v) => set('status', v as PlanStatus | null)}
          />
          <Select
            label="Квартал"
            placeholder="Весь год"
            clearable
            comboboxProps={PLAN_SELECT_COMBOBOX}
            w={150}
            data={quarterOptions}
            value={filters.quarter}
            onChange={(v) => set('quarter', v)}
          />
          <div style={{ width: 260 }}>
            <ResponsibleFilter listShown={!shown.isPending} value={filters.responsibleId} onChange={(v) => set('responsibleId', v)} />
          </div>
          {filtered ? (
            <Button variant="subtle" onClick={() => setFilters(NO_FILTERS)}>
              Сбросить фильтры
            </Button>
          ) : null}
        </Group>
      </Paper>

      {shown.isError ? <Text c="red">{shown.error.message}</Text> : null}
      {shown.isPending ? (
        <Center mih={120}>
          <Loader />
        </Center>
      ) : rows.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            text={filtered ? 'Ни одно мероприятие не подходит под условия поиска' : 'В плане пока нет мероприятий'}
            action={
              filtered ? (
                <Button variant="subtle" onClick={() => setFilters(NO_FILTERS)}>
                  Сбросить фильтры
                </Button>
              ) : null
            }
          />
        </Paper>
      ) : (
        <ItemsTable items={rows} loading={shown.isPlaceholderData} onEdit={setEditing} onStatus={setStatusOf} />
      )}

      {editing ? (
        <Suspense fallback={null}>
          <ItemForm
            year={year}
            editing={editing === 'new' ? null : editing}
            defaultDirection={filters.direction ?? 'organizational'}
            onClose={() => setEditing(null)}
          />
        </Suspense>
      ) : null}
      {statusOf ? (
        <Suspense fallback={null}>
          <StatusForm item={statusOf} onClose={() => setStatusOf(null)} />
        </Suspense>
      ) : null}
    </Stack>
  );
}

/**
 * The date in the «УТВЕРЖДАЮ» block; empty leaves a line to fill in by hand. Setting it freezes
 * the copy for approval as the plan is now; the field says so. Its form (the form stack and
 * the contract's zod schemas) loads only after the plan's rows have painted, so the list does
 * not wait for it; until then the field shows the date, disabled, in the same place.
 */
function ApprovalDate({ year, listShown }: { year: number; listShown: boolean }) {
  const plan = useCall('workPlan.get', { year });
  const afterPaint = useAfterPaint(listShown);
  if (!plan.data) return null;
  const { approvedOn, approvalFrozen: frozen } = plan.data;
  const shown = (
    <TextInput
      label="Дата утверждения"
      placeholder="не указана"
      w={190}
      disabled
      value={formatDate(approvedOn)}
      description={approvalDescription(frozen)}
    />
  );
  if (!afterPaint) return shown;
  return (
    <Suspense fallback={shown}>
      <ApprovalDateForm key={`${year}:${approvedOn ?? ''}`} year={year} approvedOn={approvedOn} frozen={frozen} />
    </Suspense>
  );
}

/** «Документы плана»: the copy for approval and the execution report in Word and to print, the working copy in Excel. */
function PlanDocuments({ year }: { year: number }) {
  return (
    <DocumentsMenu
      label="Документы плана"
      variant="default"
      icon={<IconFileTypeDocx size={16} />}
      entries={() => [
        { kind: 'word', label: 'План для утверждения (Word)', make: () => callApi('workPlan.exportDocx', { year, doc: 'approval' }) },
        { kind: 'word', label: 'Отчёт о выполнении плана (Word)', make: () => callApi('workPlan.exportDocx', { year, doc: 'report' }) },
        { kind: 'excel', label: 'Рабочая копия плана (Excel)', make: () => callApi('workPlan.exportXlsx', { year }) },
        { kind: 'print', label: 'План для утверждения — печать', to: `/work-plan/${year}/print?doc=approval` },
        { kind: 'print', label: 'Отчёт о выполнении — печать', to: `/work-plan/${year}/print?doc=report` },
      ]}
    />
  );
}

/** Until the picker has loaded (after the rows paint), a disabled field of the same look stands in its place. */
function ResponsibleFilter({
  listShown,
  value,
  onChange,
}: {
  listShown: boolean;
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  const afterPaint = useAfterPaint(listShown);
  const shown = <TextInput label="Ответственный" placeholder="Начните вводить для поиска" disabled />;
  if (!afterPaint) return shown;
  return (
    <Suspense fallback={shown}>
      <PersonPicker label="Ответственный" value={value} onChange={onChange} />
    </Suspense>
  );
}

function ItemsTable({
  items,
  loading,
  onEdit,
  onStatus,
}: {
  items: PlanItem[];
  loading: boolean;
  onEdit: (item: PlanItem) => void;
  onStatus: (item: PlanItem) => void;
}) {
  const move = useChange('workPlan.moveItem');
  const remove = useChange('workPlan.deleteItem', { success: 'Мероприятие удалено из плана' });
  // The service returns the items in the plan's order: by direction, then position.
  const groups: RowGroups<PlanItem> = {
    key: (item) => item.direction,
    label: (item) => `${DIRECTIONS.indexOf(item.direction) + 1}. ${DIRECTION_LABELS[item.direction]}`,
  };
  const actions: RowActionsSpec<PlanItem> = {
    label: (item) => `Действия: ${item.number}`,
    actions: (item) => [
      { label: 'Отметить выполнение', icon: <IconCheck size={14} />, onClick: () => onStatus(item) },
      { label: 'Изменить', icon: <IconPencil size={14} />, onClick: () => onEdit(item) },
      { label: 'Выше', icon: <IconArrowUp size={14} />, disabled: item.isFirst, onClick: () => move.mutate({ id: item.id, to: 'up' }) },
      { label: 'Ниже', icon: <IconArrowDown size={14} />, disabled: item.isLast, onClick: () => move.mutate({ id: item.id, to: 'down' }) },
      {
        label: 'Удалить',
        icon: <IconTrash size={14} />,
        color: 'red',
        onClick: () => confirmDelete(`Удалить из плана мероприятие ${item.number} «${item.title}»?`, () => remove.mutate({ id: item.id })),
      },
    ],
  };
  return (
    <DataTable
      label="Мероприятия плана"
      columns={PLAN_COLUMNS}
      rows={items}
      loading={loading}
      groups={groups}
      actions={actions}
      rowTestId="plan-item"
      empty={null}
    />
  );
}

const PLAN_COLUMNS: Column<PlanItem>[] = [
  { header: '№', width: 56, render: (item) => item.number },
  {
    header: 'Мероприятие',
    minWidth: 240,
    render: (item) => (
      <>
        <CellText>{item.title}</CellText>
        {item.targetAudience ? (
          <CellText size="xs" dimmed>
            Аудитория: {item.targetAudience}
          </CellText>
        ) : null}
      </>
    ),
  },
  { header: 'Форма', render: (item) => item.form },
  { header: 'Срок', width: 110, render: (item) => item.termLabel },
  { header: 'Ответственные', render: (item) => item.responsibles.map((r) => r.label).join(', ') },
  { header: 'Партнёры', render: (item) => item.partners.map((p) => p.label).join(', ') },
  {
    header: 'Статус',
    width: 140,
    render: (item) => (
      <>
        <StatusBadge status={item.status} />
        <RealisationLines item={item} />
      </>
    ),
  },
  { header: 'Отметка о выполнении', minWidth: 150, render: (item) => <CellText>{item.resultNote}</CellText> },
];
