import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { columnRules, jsonText } from './rules';

/** Application settings and first-run state, one row per key, values as JSON text. */
export const appSettings = sqliteTable(
  'app_settings',
  {
    key: text('key').primaryKey(),
    value: jsonText('value').notNull(),
  },
  (t) => [...columnRules(t)],
);
