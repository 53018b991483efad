import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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
 * Per-customer scores of the latest run (a run replaces them all in the transaction that stores
 * it). The list's own facts (segment, cluster, churn risk, CLV) are also on `customers`, indexed.
 */
export const analyticsScores = sqliteTable(
  'analytics_scores',
  {
    customerId: integer('customer_id')
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    runId: integer('run_id').notNull(),
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
    /** P(churn) × CLV (CLV or spend when either is missing): who is most worth a call, ranked on an index. */
    riskValue: real('risk_value').notNull(),
  },
  (table) => [
    index('analytics_scores_segment_idx').on(table.segment, table.riskValue),
    index('analytics_scores_risk_value_idx').on(table.riskValue),
  ],
);
