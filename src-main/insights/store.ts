import type Database from 'better-sqlite3';
import type { AnalyticsRun } from '../../src-shared/contract';
import type { ScoredCustomer } from '../analytics/rfm';
import { dropIndexes } from '../db/bulkLoad';

/** One customer's row of a run, as stored (see db/schema/analytics.ts): the RFM scores and the models'. */
export interface ScoreRow extends ScoredCustomer {
  cluster: number | null;
  churnRisk: number | null;
  churnReasons: { feature: string; contribution: number; above: boolean }[] | null;
  pAlive: number | null;
  expectedOrders: number | null;
  pNoPurchase: number | null;
  clvCents: number | null;
}

/** Finished runs kept for their summaries; only the latest has per-customer scores. */
const RUNS_KEPT = 20;
/**
 * The indexes a run rewrites wholesale: dropped before and built again after (one sort each),
 * instead of 100,000 random index updates (the classic bulk load, db/bulkLoad.ts).
 */
const REBUILT_INDEXES = [
  'analytics_scores_segment_idx',
  'analytics_scores_risk_value_idx',
  'customers_segment_idx',
  'customers_deleted_churn_idx',
  'customers_deleted_clv_idx',
];

type RunRecord = Omit<AnalyticsRun, 'id' | 'startedAt'> & { startedAt: number };

/** P(churn) × value: CLV, or the spend so far when there is no CLV; 0 without a churn score. */
const riskValue = (score: ScoreRow) => (score.churnRisk ?? 0) * (score.clvCents ?? score.monetaryCents);

/**
 * Stores a finished run, replacing the previous run's scores and the customers' analytics facts,
 * in one transaction: the list never shows half of one run and half of another. Returns its id.
 */
export function storeRun(sqlite: Database.Database, run: RunRecord, scores: readonly ScoreRow[]): number {
  // One prepared INSERT per customer: with 17 columns, reading them back out of a JSON batch
  // cost more than the statements it saves (1.5 s against 0.3 s for 100,000).
  const insertScore = sqlite.prepare(
    `INSERT INTO analytics_scores (run_id, customer_id, recency_days, frequency, monetary_cents, r_score,
       f_score, m_score, segment, cluster, churn_risk, churn_reasons, p_alive, expected_orders, p_no_purchase,
       clv_cents, risk_value)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return sqlite
    .transaction(() => {
      const { summary, ...columns } = splitRun(run);
      const runId = Number(
        sqlite
          .prepare(
            `INSERT INTO analytics_runs (as_of, as_of_source, params, fingerprint, started_at, duration_ms,
               customer_count, summary)
             VALUES (@asOf, @asOfSource, @params, @fingerprint, @startedAt, @durationMs, @customerCount, @summary)`,
          )
          .run({ ...columns, summary }).lastInsertRowid,
      );
      const rebuild = dropIndexes(sqlite, REBUILT_INDEXES);
      // No WHERE: SQLite empties the table at once instead of deleting row by row.
      sqlite.exec('DELETE FROM analytics_scores');
      for (const score of scores) {
        insertScore.run(
          runId,
          score.customerId,
          score.recencyDays,
          score.frequency,
          Math.round(score.monetaryCents),
          score.r,
          score.f,
          score.m,
          score.segment,
          score.cluster,
          score.churnRisk,
          score.churnReasons ? JSON.stringify(score.churnReasons) : null,
          score.pAlive,
          score.expectedOrders,
          score.pNoPurchase,
          score.clvCents === null ? null : Math.round(score.clvCents),
          riskValue(score),
        );
      }
      copyFactsToCustomers(sqlite);
      rebuild();
      sqlite
        .prepare(
          'DELETE FROM analytics_runs WHERE id NOT IN (SELECT id FROM analytics_runs ORDER BY id DESC LIMIT ?)',
        )
        .run(RUNS_KEPT);
      return runId;
    })
    .immediate();
}

/**
 * The list's facts on each customer row: the new run's, or none for a customer it did not score.
 * Rows whose facts did not change are not written (a re-run over the same data rewrites nothing).
 */
function copyFactsToCustomers(sqlite: Database.Database): void {
  sqlite.exec(
    `UPDATE customers SET segment = NULL, cluster = NULL, churn_risk = NULL, clv_cents = NULL
     WHERE segment IS NOT NULL AND id NOT IN (SELECT customer_id FROM analytics_scores)`,
  );
  sqlite.exec(
    `UPDATE customers SET segment = s.segment, cluster = s.cluster, churn_risk = s.churn_risk, clv_cents = s.clv_cents
     FROM analytics_scores s
     WHERE s.customer_id = customers.id
       AND (customers.segment IS NOT s.segment OR customers.cluster IS NOT s.cluster
         OR customers.churn_risk IS NOT s.churn_risk OR customers.clv_cents IS NOT s.clv_cents)`,
  );
}

/** The run's own columns, and everything else as the JSON summary. */
function splitRun(run: RunRecord) {
  const { asOf, asOfSource, params, fingerprint, startedAt, durationMs, ...rest } = run;
  return {
    asOf,
    asOfSource,
    params: JSON.stringify(params),
    fingerprint,
    startedAt,
    durationMs,
    customerCount: run.counts.customersWithOrders,
    summary: JSON.stringify(rest),
  };
}

/** Records how long storing took, once it is known: the run's last stage and its total time. */
export function recordSavingTime(
  sqlite: Database.Database,
  runId: number,
  { savingMs, durationMs }: { savingMs: number; durationMs: number },
): void {
  sqlite
    .prepare(
      `UPDATE analytics_runs SET duration_ms = ?, summary = json_set(summary, '$.stages[#-1].ms', ?)
       WHERE id = ?`,
    )
    .run(durationMs, savingMs, runId);
}
