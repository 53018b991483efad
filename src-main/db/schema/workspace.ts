import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { businessRowColumns } from './columns';

/**
 * A multi-row change that can be undone as a whole (bulk edit, merge, later an import): `undo`
 * holds what is needed to put every touched row back, `undone_at` is set once it was.
 */
export const changeBatches = sqliteTable('change_batches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  createdAt: integer('created_at').notNull(),
  undoneAt: integer('undone_at'),
  undo: text('undo').notNull(),
});
export type ChangeBatchRow = typeof changeBatches.$inferSelect;

/** A named customer list: filters + sort + visible columns as JSON. */
export const savedViews = sqliteTable('saved_views', {
  ...businessRowColumns(),
  name: text('name').notNull(),
  definition: text('definition').notNull(),
});
export type SavedViewRow = typeof savedViews.$inferSelect;

/** Pairs the owner said are not the same person; `low_id < high_id`. */
export const duplicateDismissals = sqliteTable(
  'duplicate_dismissals',
  {
    lowId: integer('low_id').notNull(),
    highId: integer('high_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [uniqueIndex('duplicate_dismissals_pair_idx').on(table.lowId, table.highId)],
);
