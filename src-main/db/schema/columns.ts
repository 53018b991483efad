import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Columns every business row carries (DESIGN §4): an integer key, a stable UUID v7 `uid` for
 * exports and vCard, and epoch-millisecond instants (UTC) with `deleted_at` for the trash.
 */
export const businessRowColumns = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  uid: text('uid').notNull().unique(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  deletedAt: integer('deleted_at'),
});
