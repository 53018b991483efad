import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { businessRowColumns } from './columns';

export const customers = sqliteTable(
  'customers',
  {
    ...businessRowColumns(),
    name: text('name').notNull(),
    company: text('company'),
    email: text('email'),
    phone: text('phone'),
    city: text('city'),
    notes: text('notes'),
  },
  (table) => [
    // The list pages filter on the trash flag and sort by these.
    index('customers_deleted_updated_idx').on(table.deletedAt, table.updatedAt),
    index('customers_name_idx').on(table.name),
  ],
);
export type CustomerRow = typeof customers.$inferSelect;
