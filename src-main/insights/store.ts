import type Database from 'better-sqlite3';
import type { AnalyticsRun } from '../../src-shared/contract';

/** One customer's row of a run, as stored (see db/schema/analytics.ts). */
export interface ScoreRow {
  customerId: number;
  recencyDays: number;
  frequency: number;
  monetaryCents: number;
  r: number;
  f: number;
  m: number;
  segment: string;
  cluster: number | null;
  churnRisk: number | null;
  churnReasons: { feature: string; contribution: number }[] | null;
  pAlive: number | null;
  expectedOrders: number | null;
  pNoPurchase: number | null;
  clvCents: number | null;
}

/** Finished runs kept for their summaries; only the latest keeps per-customer scores. */
const RUNS_KEPT = 20;
/** Scores go in as JSON batches: one statement per 2,000 customers instead of one per customer. */
const BATCH = 2_000;

type RunRecord = Omit<AnalyticsRun, 'id' | 'startedAt'> & { startedAt: number };

/**
 * Stores a finished run and its scores in one transaction, replacing the previous run's scores:
 * the customer list never sees half of one run and half of another. Returns the run's id.
 */
export function storeRun(sqlite: Database.Database, run: RunRecord, scores: readonly ScoreRow[]): number {
  const insertScores = sqlite.prepare(
    `INSERT INTO analytics_scores (run_id, customer_id, recency_days, frequency, monetary_cents, r_score,
       f_score, m_score, segment, cluster, churn_risk, churn_reasons, p_alive, expected_orders, p_no_purchase,
       clv_cents)
     SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6,
       value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12, value ->> 13, value ->> 14
     FROM json_each(?)`,
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
      sqlite.prepare('DELETE FROM analytics_scores WHERE run_id <> ?').run(runId);
      for (let start = 0; start < scores.length; start += BATCH) {
        const batch = scores
          .slice(start, start + BATCH)
          .map((score) => [
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
          ]);
        insertScores.run(runId, JSON.stringify(batch));
      }
      sqlite
        .prepare(
          'DELETE FROM analytics_runs WHERE id NOT IN (SELECT id FROM analytics_runs ORDER BY id DESC LIMIT ?)',
        )
        .run(RUNS_KEPT);
      return runId;
    })
    .immediate();
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
