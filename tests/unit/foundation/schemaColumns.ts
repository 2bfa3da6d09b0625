import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as schema from '@db/schema';

/** Every table of the drizzle schema, with its config (columns, checks, indexes, foreign keys). */
export const SCHEMA_TABLES = (Object.values(schema) as unknown[])
  .filter((value): value is SQLiteTable => is(value, SQLiteTable))
  .map((table) => ({ name: getTableName(table), table, config: getTableConfig(table) }));

export interface DeclaredColumn {
  column: SQLiteColumn;
  enumValues?: readonly string[];
  /** The JSON type of a `jsonText` column's top value, or `any`. */
  json?: 'object' | 'array' | 'any';
}

/** What the schema declares of a column (by SQL names): its enum values, whether it holds JSON. */
export function declaredColumn(table: string, column: string): DeclaredColumn | undefined {
  const found = SCHEMA_TABLES.find((t) => t.name === table)?.config.columns.find((c) => c.name === column);
  if (!found) return undefined;
  const shape = schema.jsonShapeOf(found);
  return {
    column: found,
    ...(found.enumValues?.length ? { enumValues: found.enumValues } : {}),
    ...(shape.json ? { json: shape.shape ?? 'any' } : {}),
  };
}
