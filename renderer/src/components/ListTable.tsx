import { Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The register's lists: a bordered table with its header, or, when there are no rows, the
 * message that says why (nothing yet, or nothing matches the filters).
 */
export function ListTable({
  label,
  columns,
  empty,
  children,
}: {
  label: string;
  /** `right`: a column of numbers, aligned right. */
  columns: { title: string; width?: number; right?: boolean }[];
  /** Shown instead of the table; null while there are rows (or they are loading). */
  empty: ReactNode | null | undefined;
  children: ReactNode;
}) {
  if (empty !== null && empty !== undefined) {
    return (
      <Paper withBorder p="xl">
        {empty}
      </Paper>
    );
  }
  return (
    <Paper withBorder>
      <Table aria-label={label} striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              <Table.Th key={i} w={c.width} style={c.right ? { textAlign: 'right' } : undefined}>
                {c.title}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Paper>
  );
}
