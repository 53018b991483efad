import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { businessRowColumns } from './columns';

/** Owner-defined customer fields; the values live in customers.custom_values keyed by this id. */
export const customFields = sqliteTable('custom_fields', {
  ...businessRowColumns(),
  label: text('label').notNull(),
  type: text('type', { enum: ['text', 'number', 'date', 'select'] }).notNull(),
  /** JSON array of option strings for `select`; `[]` otherwise. */
  options: text('options').notNull().default('[]'),
  position: integer('position').notNull().default(0),
});
export type CustomFieldRow = typeof customFields.$inferSelect;
