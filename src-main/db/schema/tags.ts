import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { businessRowColumns } from './columns';
import { customers } from './customers';

export const tags = sqliteTable('tags', {
  ...businessRowColumns(),
  name: text('name').notNull(),
  /** `#rrggbb`. */
  color: text('color').notNull(),
});
export type TagRow = typeof tags.$inferSelect;

export const customerTags = sqliteTable(
  'customer_tags',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.customerId, table.tagId] }),
    index('customer_tags_tag_idx').on(table.tagId, table.customerId),
  ],
);
