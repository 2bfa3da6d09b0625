import { getTableName, sql } from 'drizzle-orm';
import {
  check,
  customType,
  text,
  uniqueIndex,
  type SQLiteColumn,
  type SQLiteTable,
  type SQLiteTableExtraConfigValue,
} from 'drizzle-orm/sqlite-core';

/**
 * The rules every table states in SQLite itself, so a row that breaks them cannot be written by
 * any path — a service, the benchmark's generator, a test helper, an import, a restored file.
 * They are generated from the same declarations the TypeScript types come from, never typed twice:
 *
 * - an enum column (`text('status', { enum: PLAN_STATUSES })`, the const array in shared/) gets
 *   `CHECK ("status" IN (…))` listing exactly that array — drizzle's `enum` alone is TypeScript-only;
 * - a JSON column (`jsonText('forms', 'object')`) gets `CHECK (json_valid("forms") …)`, and the
 *   JSON type of its top value when it is given;
 * - a position within a parent (`positionRules`) is unique within the parent and positive.
 *
 * A table states `...columnRules(t)` in its extra config; tests/unit/foundation/schemaRules.test.ts
 * walks the drizzle schema and fails for any enum or JSON column without its CHECK in
 * sqlite_master, and for any `position` column without its unique index.
 */

type JsonShape = 'object' | 'array';

const jsonTextParams = {
  dataType: () => 'text',
};

/**
 * A text column that holds JSON (stored and read as the string; the service parses it with the
 * zod schema of what it holds). `shape` is the JSON type of the top value, checked by SQLite too.
 */
export const jsonText = customType<{ data: string; driverData: string; config: { shape?: JsonShape } }>(jsonTextParams);

/** Is this a column declared with `jsonText`? */
export function jsonShapeOf(column: SQLiteColumn): { json: boolean; shape?: JsonShape } {
  const config = (column as unknown as { config?: { customTypeParams?: unknown; fieldConfig?: { shape?: JsonShape } } }).config;
  if (config?.customTypeParams !== jsonTextParams) return { json: false };
  return { json: true, ...(config.fieldConfig?.shape ? { shape: config.fieldConfig.shape } : {}) };
}

const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The text of an enum column's CHECK: tests read it back from sqlite_master by this shape. */
export const enumCheckSql = (column: string, values: readonly string[]) => `${ident(column)} IN (${values.map(quoted).join(', ')})`;

export const jsonCheckSql = (column: string, shape?: JsonShape) =>
  shape ? `json_valid(${ident(column)}) AND json_type(${ident(column)}) = ${quoted(shape)}` : `json_valid(${ident(column)})`;

/**
 * The CHECKs of a table's enum and JSON columns, named `<table>_<column>_values` and
 * `<table>_<column>_json`. A nullable column passes on NULL (SQLite's CHECK accepts a NULL result).
 */
export function columnRules(columns: Record<string, SQLiteColumn>): SQLiteTableExtraConfigValue[] {
  const rules: SQLiteTableExtraConfigValue[] = [];
  for (const column of Object.values(columns)) {
    const table = getTableName(column.table);
    const values = column.enumValues;
    if (values && values.length > 0) rules.push(check(`${table}_${column.name}_values`, sql.raw(enumCheckSql(column.name, values))));
    const json = jsonShapeOf(column);
    if (json.json) rules.push(check(`${table}_${column.name}_json`, sql.raw(jsonCheckSql(column.name, json.shape))));
  }
  return rules;
}

/**
 * An ordered list of rows within a parent — plan items within their plan and direction, agenda
 * items within their meeting, decisions within their item: the printed numbers «1.3», «2.1» are
 * these positions, so two rows may never share one. UNIQUE(parent…, position) and position > 0.
 * Every change of positions goes through db/positions.ts, which moves them in two phases
 * (SQLite checks a unique index row by row, so `position = position + 1` fails half-way).
 */
export function positionRules(position: SQLiteColumn, scope: SQLiteColumn[]): SQLiteTableExtraConfigValue[] {
  const table = getTableName(position.table);
  return [
    uniqueIndex(`${table}_${position.name}_unique`).on(...(scope as [SQLiteColumn, ...SQLiteColumn[]]), position),
    check(`${table}_${position.name}_positive`, sql.raw(`${ident(position.name)} > 0`)),
  ];
}

/** An ordered list as data, for db/positions.ts and the undo journal: table, position column, parent columns (SQL names). */
export interface OrderedList {
  table: string;
  column: string;
  scope: string[];
}

export function orderedList(table: SQLiteTable, position: SQLiteColumn, scope: SQLiteColumn[]): OrderedList {
  return { table: getTableName(table), column: position.name, scope: scope.map((c) => c.name) };
}

/** Now in UTC with milliseconds, as SQLite stores it by default: the time a row was written. */
export const stamp = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** When a record was created and last changed; a table spreads it last among its columns. */
export const timestamps = () => ({
  createdAt: text('created_at').notNull().default(stamp),
  updatedAt: text('updated_at').notNull().default(stamp),
});
