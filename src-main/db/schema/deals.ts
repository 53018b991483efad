import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orders } from './activity';
import { businessRowColumns } from './columns';
import { customers } from './customers';

/**
 * The owner's open pipeline stages. A removed stage keeps its row (`removed_at`) so the stage
 * history of old deals can still name it; only stages without it appear in the board.
 */
export const dealStages = sqliteTable('deal_stages', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** A built-in stage's key; null for one the owner added. */
  key: text('key'),
  /** The owner's name; null on a built-in stage the owner has not renamed. */
  label: text('label'),
  probability: integer('probability').notNull(),
  position: integer('position').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  removedAt: integer('removed_at'),
});
export type DealStageRow = typeof dealStages.$inferSelect;

export const deals = sqliteTable(
  'deals',
  {
    ...businessRowColumns(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    valueCents: integer('value_cents').notNull(),
    currency: text('currency').notNull(),
    /** The open stage it is in, or (closed) the one it was closed from. */
    stageId: integer('stage_id')
      .notNull()
      .references(() => dealStages.id),
    /** The owner's own probability; null = the stage's default. */
    probability: integer('probability'),
    expectedClose: text('expected_close'),
    source: text('source'),
    nextStep: text('next_step'),
    nextStepDate: text('next_step_date'),
    notes: text('notes'),
    status: text('status', { enum: ['open', 'won', 'lost'] }).notNull(),
    lostReason: text('lost_reason'),
    closedOn: text('closed_on'),
    closedAt: integer('closed_at'),
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'set null' }),
    /** Order within the stage's column; fractional so a drop between two cards writes one row. */
    position: real('position').notNull(),
    stageEnteredAt: integer('stage_entered_at').notNull(),
    lastActivityAt: integer('last_activity_at').notNull(),
  },
  (table) => [
    index('deals_board_idx').on(table.status, table.deletedAt, table.stageId, table.position),
    index('deals_customer_idx').on(table.customerId),
  ],
);
export type DealRow = typeof deals.$inferSelect;

/** Every stage change and close, with its time: what days-per-stage and win rates are counted from. */
export const dealStageHistory = sqliteTable(
  'deal_stage_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    fromStageId: integer('from_stage_id'),
    toStageId: integer('to_stage_id'),
    status: text('status', { enum: ['open', 'won', 'lost'] }).notNull(),
  },
  (table) => [index('deal_stage_history_deal_idx').on(table.dealId, table.at)],
);
export type DealStageHistoryRow = typeof dealStageHistory.$inferSelect;
