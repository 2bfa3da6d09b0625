import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { columnRules, jsonText } from './rules';
import type { TablePolicies } from './tablePolicy';

/** Application settings and first-run state, one row per key, values as JSON text. */
export const appSettings = sqliteTable(
  'app_settings',
  {
    key: text('key').primaryKey(),
    value: jsonText('value').notNull(),
  },
  (t) => [...columnRules(t)],
);

/**
 * The settings are the center's own (the export folder, the first-run choice): none leave the PC,
 * except the record of the data steps run, which a received package needs so they are not run twice.
 */
export const appTablePolicies: TablePolicies = {
  app_settings: { package: { where: "key = 'db.dataSteps'" } },
};
