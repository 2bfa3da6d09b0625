import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Application settings and first-run state, one row per key, values as JSON text. */
export const appSettings = sqliteTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
