import { Button, Center, Group, Pagination, Paper, ScrollArea, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { SEARCH_TOTAL_CAP } from '@shared/contract/common';
import { countOf } from '@shared/russian';
import type { ListState } from './useListState';

/**
 * The table every registry list uses: sorting and paging happen on the server (the registry
 * may hold 20 000 people), so the table only shows a page and reports clicks on headers.
 */
export interface Column<Row, Sort extends string> {
  header: string;
  /** The server's sort key; a column without one is not sortable. */
  sort?: Sort;
  width?: number | string;
  render: (row: Row) => ReactNode;
}

interface DataTableProps<Row extends { id: number }, Sort extends string> {
  label: string;
  columns: Column<Row, Sort>[];
  rows: Row[] | undefined;
  total: number;
  /** A search counted no further than SEARCH_TOTAL_CAP: `total` says «more». */
  totalCapped?: boolean;
  loading: boolean;
  list?: ListState<Sort>;
  /** Shown when there are no rows at all. */
  empty: ReactNode;
  /** Shown when a search or filter matched nothing. */
  noMatches?: string;
  filtered?: boolean;
  countForms?: readonly [string, string, string];
}

export function DataTable<Row extends { id: number }, Sort extends string>({
  label,
  columns,
  rows,
  total,
  totalCapped = false,
  loading,
  list,
  empty,
  noMatches = 'Ничего не найдено. Измените строку поиска или фильтры.',
  filtered = false,
  countForms = ['запись', 'записи', 'записей'],
}: DataTableProps<Row, Sort>) {
  const pages = list ? Math.max(1, Math.ceil(total / list.pageSize)) : 1;
  // Deleting the only row of the last page leaves the list past its end: an empty page of a
  // non-empty list would read as «no records yet» and hide the pagination, so go back a page.
  const pastEnd = Boolean(list && rows && rows.length === 0 && total > 0 && list.page > pages);
  const setPage = list?.setPage;
  useEffect(() => {
    if (pastEnd && setPage) setPage(pages);
  }, [pastEnd, pages, setPage]);
  if (!loading && !pastEnd && rows && rows.length === 0) {
    return (
      <Paper withBorder p="xl">
        <Center>
          {filtered ? (
            <Group>
              <Text c="dimmed">{noMatches}</Text>
              {list ? (
                <Button variant="subtle" onClick={list.resetFilters}>
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
  return (
    <>
      <Paper withBorder>
        <ScrollArea>
          <Table aria-label={label} striped highlightOnHover verticalSpacing="xs" style={{ opacity: loading ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c.header} style={c.width ? { width: c.width } : undefined}>
                    {c.sort && list ? <SortHeader column={c} list={list} /> : c.header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(rows ?? []).map((row) => (
                <Table.Tr key={row.id}>
                  {columns.map((c) => (
                    <Table.Td key={c.header}>{c.render(row)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">
          {rows
            ? totalCapped
              ? `Найдено более ${countOf(SEARCH_TOTAL_CAP, countForms)}: уточните поиск, чтобы увидеть остальные`
              : `Всего: ${countOf(total, countForms)}`
            : ''}
        </Text>
        {list && pages > 1 ? (
          <Pagination total={pages} value={Math.min(list.page, pages)} onChange={list.setPage} aria-label="Страницы" />
        ) : null}
      </Group>
    </>
  );
}

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
