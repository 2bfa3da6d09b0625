import { Button, Center, Group, Loader, Paper, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Row as TableRow } from '@tanstack/react-table';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { SEARCH_TOTAL_CAP } from '@shared/contract/page';
import { countOf } from '@shared/russian/numbers';
import { RowMenu, type RowAction } from './RowActions';
import type { ListState } from './useListState';

/**
 * The one table every list of the app uses (how a register's list uses it:
 * docs/adding-a-register.md, «The register's list»). Built on TanStack Table 8 for the
 * header/cell model and TanStack Virtual for long lists:
 * - sorting and paging of long lists happen on the server (`list`: the registry holds 200 000
 *   people at ten years of data), so the table shows one page and reports clicks on headers;
 * - a list shown whole (a year's plan: 2 000 items at ten years) renders only the rows near the
 *   window once it is longer than VIRTUALIZE_FROM;
 * - a row's actions are one «…» button; the table mounts the menu of at most one row, when it is
 *   opened. No tooltips per row.
 */
export interface Column<Row, Sort extends string = never> {
  header: string;
  /** The server's sort key; a column without one is not sortable. */
  sort?: Sort;
  width?: number | string;
  minWidth?: number;
  align?: 'left' | 'right';
  /** Keeps short values (dates, counts, badges) on one line. */
  nowrap?: boolean;
  render: (row: Row) => ReactNode;
}

export interface RowActionsSpec<Row> {
  /** The «…» button's accessible name, saying whose actions they are: «Действия: Попова Л. А.». */
  label: (row: Row) => string;
  actions: (row: Row) => RowAction[];
  /** A row whose action is running shows a spinner on its button. */
  busy?: (row: Row) => boolean;
}

/** A full-width heading row before each group (the plan's directions); rows arrive ordered by group. */
export interface RowGroups<Row> {
  key: (row: Row) => string;
  label: (row: Row) => ReactNode;
}

interface DataTableProps<Row extends object, Sort extends string> {
  label: string;
  columns: Column<Row, Sort>[];
  rows: Row[] | undefined;
  /** How rows are told apart: `row.id` unless given. */
  rowKey?: (row: Row) => string | number;
  loading: boolean;
  /** Server paging and sorting: with it the table shows the total and the pages. */
  list?: ListState<Sort>;
  /** The number of matching rows; shown under the table when given. */
  total?: number;
  /** A search counted no further than SEARCH_TOTAL_CAP: `total` says «more». */
  totalCapped?: boolean;
  actions?: RowActionsSpec<Row>;
  groups?: RowGroups<Row>;
  onRowClick?: (row: Row) => void;
  /** `data-testid` of each row, for tests that count rows. */
  rowTestId?: string;
  /** Shown when there are no rows at all. */
  empty: ReactNode;
  /** Shown when a search or filter matched nothing. */
  noMatches?: string;
  filtered?: boolean;
  /** Clears the filters (the list's own, or the screen's); shown beside `noMatches`. */
  onResetFilters?: () => void;
  countForms?: readonly [string, string, string];
  /** Vertical padding of cells. */
  spacing?: 'xs' | 'sm';
}

/** Lists shown whole render every row up to this many; longer ones only the rows near the window. */
export const VIRTUALIZE_FROM = 150;
const ACTIONS = '__actions';
// Loaded with the first list that has pages: the first screen (the plan) has none.
const Pager = lazy(() => import('./Pager'));
// Loaded with the first list longer than VIRTUALIZE_FROM.
const VirtualRows = lazy(() => import('./VirtualRows'));
const entryKey = <Row,>(e: Entry<Row>) => (e.kind === 'group' ? e.key : e.row.id);

type Entry<Row> = { kind: 'group'; key: string; label: ReactNode } | { kind: 'row'; row: TableRow<Row> };

export function DataTable<Row extends object, Sort extends string = never>({
  label,
  columns,
  rows,
  rowKey = (row) => (row as unknown as { id: number }).id,
  total,
  totalCapped = false,
  loading,
  list,
  actions,
  groups,
  onRowClick,
  rowTestId,
  empty,
  noMatches = 'Ничего не найдено. Измените строку поиска или фильтры.',
  filtered = false,
  onResetFilters = list?.resetFilters,
  countForms = ['запись', 'записи', 'записей'],
  spacing = 'xs',
}: DataTableProps<Row, Sort>) {
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const defs = useMemo<ColumnDef<Row>[]>(() => {
    const data: ColumnDef<Row>[] = columns.map((c, i) => ({
      id: c.header || `column${i}`,
      header: c.header,
      cell: ({ row }) => c.render(row.original),
      meta: c,
    }));
    if (actions) {
      data.push({
        id: ACTIONS,
        header: '',
        cell: ({ row }) => (
          <RowMenu
            label={actions.label(row.original)}
            actions={() =>
              actions.actions(row.original).map((a) => ({
                ...a,
                onClick: () => {
                  setMenuFor(null);
                  a.onClick();
                },
              }))
            }
            loading={actions.busy?.(row.original)}
            opened={menuFor === row.id}
            onOpen={() => setMenuFor(row.id)}
            onClose={() => setMenuFor(null)}
          />
        ),
        meta: { header: '', width: 44, render: () => null } satisfies Column<Row, Sort>,
      });
    }
    return data;
  }, [columns, actions, menuFor]);
  // The table's object is rebuilt each render by design; the compiler leaves this component unmemoised, which is what it needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows ?? NO_ROWS,
    columns: defs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(rowKey(row as Row)),
    // The server sorted and cut the page.
    manualSorting: true,
    manualPagination: true,
  });
  const tableRows = table.getRowModel().rows;
  const entries = useMemo(() => {
    const out: Entry<Row>[] = [];
    let group: string | null = null;
    for (const row of tableRows) {
      if (groups) {
        const key = groups.key(row.original);
        if (key !== group) out.push({ kind: 'group', key: `group:${key}`, label: groups.label(row.original) });
        group = key;
      }
      out.push({ kind: 'row', row });
    }
    return out;
  }, [tableRows, groups]);

  const virtual = entries.length > VIRTUALIZE_FROM;
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  const pages = list && total !== undefined ? Math.max(1, Math.ceil(total / list.pageSize)) : 1;
  // Deleting the only row of the last page leaves the list past its end: an empty page of a
  // non-empty list would read as «no records yet» and hide the pagination, so go back a page.
  const pastEnd = Boolean(list && rows && rows.length === 0 && (total ?? 0) > 0 && list.page > pages);
  const setPage = list?.setPage;
  useEffect(() => {
    if (pastEnd && setPage) setPage(pages);
  }, [pastEnd, pages, setPage]);

  if (!rows && loading) {
    return (
      <Center mih={120}>
        <Loader aria-label="Загрузка списка" />
      </Center>
    );
  }
  if (!loading && !pastEnd && rows && rows.length === 0) {
    return (
      <Paper withBorder p="xl">
        <Center>
          {filtered ? (
            <Group>
              <Text c="dimmed">{noMatches}</Text>
              {onResetFilters ? (
                <Button variant="subtle" onClick={onResetFilters}>
                  Сбросить фильтры
                </Button>
              ) : null}
            </Group>
          ) : (
            empty
          )}
        </Center>
      </Paper>
    );
  }
  const width = table.getVisibleLeafColumns().length;
  const renderEntry = (index: number, measure?: (row: HTMLTableRowElement | null) => void) => {
    const entry = entries[index]!;
    return entry.kind === 'group' ? (
      <Table.Tr key={entry.key} data-index={index} ref={measure} bg="var(--mantine-color-gray-1)">
        <Table.Td colSpan={width}>
          <Text fw={700}>{entry.label}</Text>
        </Table.Td>
      </Table.Tr>
    ) : (
      <Table.Tr
        key={entry.row.id}
        data-index={index}
        ref={measure}
        data-testid={rowTestId}
        style={onRowClick ? { cursor: 'pointer' } : undefined}
        onClick={onRowClick ? () => onRowClick(entry.row.original) : undefined}
      >
        {entry.row.getVisibleCells().map((cell) => {
          const c = cell.column.columnDef.meta as Column<Row, Sort>;
          return (
            <Table.Td
              key={cell.id}
              ta={c.align}
              style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}
              // The menu's button must not also open the row.
              onClick={cell.column.id === ACTIONS ? (e) => e.stopPropagation() : undefined}
            >
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </Table.Td>
          );
        })}
      </Table.Tr>
    );
  };
  return (
    <>
      <Paper withBorder>
        {/* A table wider than the window scrolls inside its frame; the page never gets wider than the window. */}
        <Table.ScrollContainer minWidth={0} type="native">
          <Table aria-label={label} striped={!groups} highlightOnHover verticalSpacing={spacing} style={{ opacity: loading ? 0.6 : 1 }}>
            <Table.Thead>
              {table.getHeaderGroups().map((hg) => (
                <Table.Tr key={hg.id}>
                  {hg.headers.map((h) => {
                    const c = h.column.columnDef.meta as Column<Row, Sort>;
                    return (
                      <Table.Th key={h.id} w={c.width} miw={c.minWidth} ta={c.align}>
                        {c.sort && list ? <SortHeader column={c} list={list} /> : flexRender(h.column.columnDef.header, h.getContext())}
                      </Table.Th>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody ref={bodyRef}>
              {virtual ? (
                // Until the virtualiser has loaded, the first rows stand in.
                <Suspense fallback={entries.slice(0, VIRTUALIZE_FROM).map((_, i) => renderEntry(i))}>
                  <VirtualRows count={entries.length} keyOf={(i) => entryKey(entries[i]!)} body={bodyRef} render={renderEntry} />
                </Suspense>
              ) : (
                entries.map((_, i) => renderEntry(i))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {total !== undefined ? (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed">
            {rows
              ? totalCapped
                ? `Найдено более ${countOf(SEARCH_TOTAL_CAP, countForms)}: уточните поиск, чтобы увидеть остальные`
                : `Всего: ${countOf(total, countForms)}`
              : ''}
          </Text>
          {list && pages > 1 ? (
            <Suspense fallback={null}>
              <Pager pages={pages} page={Math.min(list.page, pages)} onChange={list.setPage} />
            </Suspense>
          ) : null}
        </Group>
      ) : null}
    </>
  );
}

const NO_ROWS: never[] = [];

function SortHeader<Row, Sort extends string>({ column, list }: { column: Column<Row, Sort>; list: ListState<Sort> }) {
  const active = list.sort === column.sort;
  const Icon = !active ? IconArrowsSort : list.dir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <UnstyledButton
      onClick={() => list.toggleSort(column.sort!)}
      aria-label={`${column.header}: сортировать${active && list.dir === 'asc' ? ' по убыванию' : ' по возрастанию'}`}
      aria-sort={active ? (list.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <Group gap={4} wrap="nowrap">
        <Text fw={700} size="sm">
          {column.header}
        </Text>
        <Icon size={14} opacity={active ? 1 : 0.4} />
      </Group>
    </UnstyledButton>
  );
}
