import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Owner preferences as key -> JSON value; one row per setting so new settings need no migration. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
