import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customers } from './customers';

/**
 * One row per finished analytics run: when it was made, for which as-of day, with which
 * parameters, over which data (fingerprint), how long it took, and its summary (segment counts,
 * clusters, churn model quality, lifetime-value model, forecast) as JSON.
 */
export const analyticsRuns = sqliteTable('analytics_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The as-of day, `YYYY-MM-DD`, and why that day (`today`, `last_order`, `given`). */
  asOf: text('as_of').notNull(),
  asOfSource: text('as_of_source').notNull(),
  params: text('params').notNull(),
  fingerprint: text('fingerprint').notNull(),
  startedAt: integer('started_at').notNull(),
  durationMs: integer('duration_ms').notNull(),
  customerCount: integer('customer_count').notNull(),
  summary: text('summary').notNull(),
});

/**
 * Per-customer scores of a run. Only the latest run keeps its scores (a run replaces them in
 * the transaction that stores it); older runs keep their summary.
 */
export const analyticsScores = sqliteTable(
  'analytics_scores',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => analyticsRuns.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    recencyDays: integer('recency_days').notNull(),
    frequency: integer('frequency').notNull(),
    monetaryCents: integer('monetary_cents').notNull(),
    rScore: integer('r_score').notNull(),
    fScore: integer('f_score').notNull(),
    mScore: integer('m_score').notNull(),
    segment: text('segment').notNull(),
    /** Index into the run's cluster profiles; null when clustering was refused. */
    cluster: integer('cluster'),
    /** P(no order in the next horizon days) from the churn model; null when it was refused. */
    churnRisk: real('churn_risk'),
    /** The top reasons as JSON `[{ feature, contribution }]`. */
    churnReasons: text('churn_reasons'),
    pAlive: real('p_alive'),
    expectedOrders: real('expected_orders'),
    /** BG/NBD's P(no order in the horizon): the model-based second churn score. */
    pNoPurchase: real('p_no_purchase'),
    clvCents: integer('clv_cents'),
  },
  (table) => [
    primaryKey({ columns: [table.runId, table.customerId] }),
    index('analytics_scores_customer_idx').on(table.customerId),
    index('analytics_scores_segment_idx').on(table.runId, table.segment),
    index('analytics_scores_churn_idx').on(table.runId, table.churnRisk),
    index('analytics_scores_clv_idx').on(table.runId, table.clvCents),
  ],
);
