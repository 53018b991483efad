import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { businessRowColumns } from './columns';
import { customers } from './customers';

// What happened with a customer: the rows the timeline merges and analytics reads.
// Child rows cascade only when a customer is purged from the trash for good.

export const orders = sqliteTable(
  'orders',
  {
    ...businessRowColumns(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    orderedAt: integer('ordered_at').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: ['paid', 'refunded', 'cancelled'] }).notNull(),
    description: text('description'),
    channel: text('channel'),
    externalRef: text('external_ref'),
    /** The import batch that created the row, so an import can be undone as a whole. */
    batchId: integer('batch_id'),
  },
  (table) => [
    index('orders_customer_idx').on(table.customerId, table.orderedAt),
    index('orders_ordered_at_idx').on(table.orderedAt),
    index('orders_external_ref_idx').on(table.externalRef),
    index('orders_batch_idx').on(table.batchId),
  ],
);
export type OrderRow = typeof orders.$inferSelect;

export const orderLines = sqliteTable(
  'order_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    sku: text('sku'),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
  },
  (table) => [index('order_lines_order_idx').on(table.orderId, table.position)],
);
export type OrderLineRow = typeof orderLines.$inferSelect;

export const conversations = sqliteTable(
  'conversations',
  {
    ...businessRowColumns(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['call', 'email', 'meeting', 'wechat', 'message', 'visit', 'note'],
    }).notNull(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }),
    occurredAt: integer('occurred_at').notNull(),
    subject: text('subject'),
    body: text('body'),
    durationMinutes: integer('duration_minutes'),
    /** The import batch that created the row, so an import can be undone as a whole. */
    batchId: integer('batch_id'),
  },
  (table) => [
    index('conversations_customer_idx').on(table.customerId, table.occurredAt),
    index('conversations_batch_idx').on(table.batchId),
  ],
);
export type ConversationRow = typeof conversations.$inferSelect;

export const feedback = sqliteTable(
  'feedback',
  {
    ...businessRowColumns(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['csat', 'nps'] }).notNull(),
    score: integer('score').notNull(),
    answeredAt: integer('answered_at').notNull(),
    comment: text('comment'),
  },
  (table) => [
    index('feedback_customer_idx').on(table.customerId, table.answeredAt),
    index('feedback_kind_idx').on(table.kind, table.answeredAt),
  ],
);
export type FeedbackRow = typeof feedback.$inferSelect;

/** Changes worth remembering on the timeline (stage, tags, merges) as kind + JSON details. */
export const customerEvents = sqliteTable(
  'customer_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    at: integer('at').notNull(),
    data: text('data').notNull().default('{}'),
    batchId: integer('batch_id'),
  },
  (table) => [index('customer_events_customer_idx').on(table.customerId, table.at)],
);
export type CustomerEventRow = typeof customerEvents.$inferSelect;
