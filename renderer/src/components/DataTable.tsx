import { Button, Center, Group, Loader, Paper, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Row as TableRow } from '@tanstack/react-table';
import {
  memo,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { SEARCH_TOTAL_CAP } from '@shared/contract/page';
import { countOf } from '@shared/russian/numbers';
import { preloadedLazy } from './idlePreload';
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
/** Rows that stand in, in case the virtualiser's chunk is not in yet: more than a window of 768 px holds. */
const FIRST_SCREENFUL = 40;
const ACTIONS = '__actions';
// Not on the home screen (it has no long list, no pages): loaded in idle time after it, or with the first list that needs them.
const Pager = preloadedLazy(() => import('./Pager'));
const VirtualRows = preloadedLazy(() => import('./VirtualRows'));
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
  // The header model only: the body's cells are rendered by BodyRow from `columns` directly.
  const hasActions = actions !== undefined;
  const defs = useMemo<ColumnDef<Row>[]>(() => {
    const data: ColumnDef<Row>[] = columns.map((c, i) => ({ id: c.header || `column${i}`, header: c.header, meta: c }));
    if (hasActions) data.push({ id: ACTIONS, header: '', meta: { header: '', width: 44, render: () => null } satisfies Column<Row, Sort> });
    return data;
  }, [columns, hasActions]);
  /**
   * What a row's click and its menu do, read when they happen: the screens pass new functions on
   * every render, and a row that took them as props would render again each time (a search's
   * dimming, a menu opened elsewhere), which made a year's plan and a search's page render every
   * row twice.
   */
  const latest = useRef({ actions, onRowClick });
  useLayoutEffect(() => {
    latest.current = { actions, onRowClick };
  });
  const openMenu = useCallback((id: string) => setMenuFor(id), []);
  const closeMenu = useCallback(() => setMenuFor(null), []);
  const rowActions = useCallback(
    (row: Row): RowAction[] =>
      (latest.current.actions?.actions(row) ?? []).map((a) => ({
        ...a,
        onClick: () => {
          setMenuFor(null);
          a.onClick();
        },
      })),
    [],
  );
  const clickRow = useCallback((row: Row) => latest.current.onRowClick?.(row), []);
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
    if (entry.kind === 'group') {
      return (
        <tr key={entry.key} data-index={index} ref={measure} className={Table.classes.tr} data-with-row-border style={GROUP_ROW}>
          <td className={Table.classes.td} colSpan={width}>
            <Text fw={700}>{entry.label}</Text>
          </td>
        </tr>
      );
    }
    const row = entry.row.original;
    return (
      <BodyRow<Row, Sort>
        key={entry.row.id}
        id={entry.row.id}
        index={index}
        row={row}
        columns={columns}
        striped={!groups}
        testId={rowTestId}
        measure={measure}
        onClick={onRowClick ? clickRow : undefined}
        menu={
          actions
            ? { label: actions.label(row), busy: actions.busy?.(row) ?? false, opened: menuFor === entry.row.id, entries: rowActions }
            : undefined
        }
        onOpenMenu={openMenu}
        onCloseMenu={closeMenu}
      />
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
                <Suspense fallback={entries.slice(0, FIRST_SCREENFUL).map((_, i) => renderEntry(i))}>
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

// Custom properties, which React's style type does not list.
const TEXT_SIZES = {
  sm: { '--text-fz': 'var(--mantine-font-size-sm)', '--text-lh': 'var(--mantine-line-height-sm)' } as CSSProperties,
  xs: { '--text-fz': 'var(--mantine-font-size-xs)', '--text-lh': 'var(--mantine-line-height-xs)' } as CSSProperties,
};
const DIMMED = { color: 'var(--mantine-color-dimmed)' };

/**
 * A cell's line of text: the markup Mantine's `<Text size="sm">` (or `size="xs" c="dimmed"`) renders
 * — the same element, classes and variables — without a Mantine component per cell. A list of
 * hundreds of rows, each with a few Texts, spent most of its paint in their props and styles.
 */
export function CellText({ size = 'sm', dimmed = false, children }: { size?: 'sm' | 'xs'; dimmed?: boolean; children: ReactNode }) {
  return (
    <p
      className={`mantine-focus-auto ${Text.classes.root}`}
      data-size={size}
      style={dimmed ? { ...TEXT_SIZES[size], ...DIMMED } : TEXT_SIZES[size]}
    >
      {children}
    </p>
  );
}
const GROUP_ROW = { background: 'var(--mantine-color-gray-1)' };
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const POINTER = { cursor: 'pointer' } as const;
// The menu's button must not also open the row.
const stopPropagation = (e: { stopPropagation: () => void }) => e.stopPropagation();

interface RowMenuState<Row> {
  label: string;
  busy: boolean;
  opened: boolean;
  entries: (row: Row) => RowAction[];
}

/**
 * One body row: plain <tr> and <td> with the classes and data attributes Mantine's Table.Tr and
 * Table.Td put on them (the same look and hover), because a Mantine component per cell (its
 * props, styles and theme lookups) was most of the time of painting a year's plan. Memoised: it
 * renders again only when its record, the columns, or its menu's state changed — `columns` is a
 * constant or memoised by the screens whose rows re-render often.
 */
function BodyRowUnmemo<Row, Sort extends string>({
  id,
  index,
  row,
  columns,
  striped,
  testId,
  measure,
  onClick,
  menu,
  onOpenMenu,
  onCloseMenu,
}: {
  id: string;
  index: number;
  row: Row;
  columns: Column<Row, Sort>[];
  striped: boolean;
  testId: string | undefined;
  measure: ((row: HTMLTableRowElement | null) => void) | undefined;
  onClick: ((row: Row) => void) | undefined;
  menu: RowMenuState<Row> | undefined;
  onOpenMenu: (id: string) => void;
  onCloseMenu: () => void;
}) {
  return (
    <tr
      data-index={index}
      ref={measure}
      data-testid={testId}
      className={Table.classes.tr}
      data-with-row-border
      data-striped={striped ? 'odd' : undefined}
      data-hover
      style={onClick ? POINTER : undefined}
      onClick={onClick ? () => onClick(row) : undefined}
    >
      {columns.map((c, i) => (
        <td
          key={i}
          className={Table.classes.td}
          style={c.nowrap || c.align ? { ...(c.nowrap ? NOWRAP : null), ...(c.align ? { textAlign: c.align } : null) } : undefined}
        >
          {c.render(row)}
        </td>
      ))}
      {menu ? (
        <td className={Table.classes.td} onClick={stopPropagation}>
          <RowMenu
            label={menu.label}
            actions={() => menu.entries(row)}
            loading={menu.busy}
            opened={menu.opened}
            onOpen={() => onOpenMenu(id)}
            onClose={onCloseMenu}
          />
        </td>
      ) : null}
    </tr>
  );
}

const BodyRow = memo(
  BodyRowUnmemo,
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.columns === b.columns &&
    a.striped === b.striped &&
    a.testId === b.testId &&
    a.measure === b.measure &&
    a.onClick === b.onClick &&
    a.menu?.label === b.menu?.label &&
    a.menu?.busy === b.menu?.busy &&
    a.menu?.opened === b.menu?.opened,
) as typeof BodyRowUnmemo;

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
