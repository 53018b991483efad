import type Database from 'better-sqlite3';
import type { ChannelOutput, ParsedInput } from '../../src-shared/contract';
// The analytics slice only: the worker reads runs back, and the whole contract's schemas are
// ~0.1 s of its start-up.
import { analyticsRun, type AnalyticsRun, type CustomerScores } from '../../src-shared/contract/analytics';
import { toIso } from '../core/clock';

interface RunRow {
  id: number;
  as_of: string;
  as_of_source: string;
  params: string;
  fingerprint: string;
  started_at: number;
  duration_ms: number;
  summary: string;
}

/** The latest finished run, or null before the first. A summary a newer version wrote and this one cannot read counts as none. */
export function latestRun(sqlite: Database.Database): AnalyticsRun | null {
  const row = sqlite.prepare('SELECT * FROM analytics_runs ORDER BY id DESC LIMIT 1').get() as
    RunRow | undefined;
  if (!row) return null;
  const parsed = analyticsRun.safeParse({
    ...(JSON.parse(row.summary) as object),
    id: row.id,
    asOf: row.as_of,
    asOfSource: row.as_of_source,
    params: JSON.parse(row.params) as unknown,
    fingerprint: row.fingerprint,
    startedAt: toIso(row.started_at),
    durationMs: row.duration_ms,
  });
  return parsed.success ? parsed.data : null;
}

export function latestRunId(sqlite: Database.Database): number | null {
  const row = sqlite.prepare('SELECT max(id) AS id FROM analytics_runs').get() as { id: number | null };
  return row.id;
}

interface ScoreDbRow {
  run_id: number;
  customer_id: number;
  recency_days: number;
  frequency: number;
  monetary_cents: number;
  r_score: number;
  f_score: number;
  m_score: number;
  segment: string;
  cluster: number | null;
  churn_risk: number | null;
  churn_reasons: string | null;
  p_alive: number | null;
  expected_orders: number | null;
  p_no_purchase: number | null;
  clv_cents: number | null;
}

function toScores(row: ScoreDbRow, run: Pick<AnalyticsRun, 'asOf' | 'clusters'>): CustomerScores {
  const profile =
    run.clusters.ok && row.cluster !== null
      ? run.clusters.profiles.find((candidate) => candidate.index === row.cluster)
      : undefined;
  return {
    runId: row.run_id,
    asOf: run.asOf,
    recencyDays: row.recency_days,
    frequency: row.frequency,
    monetaryCents: row.monetary_cents,
    r: row.r_score,
    f: row.f_score,
    m: row.m_score,
    segment: row.segment as CustomerScores['segment'],
    cluster: row.cluster,
    clusterNameKey: profile?.nameKey ?? null,
    churnRisk: row.churn_risk,
    churnReasons: row.churn_reasons ? (JSON.parse(row.churn_reasons) as CustomerScores['churnReasons']) : [],
    pAlive: row.p_alive,
    expectedOrders: row.expected_orders,
    pNoPurchase: row.p_no_purchase,
    clvCents: row.clv_cents,
  };
}

/** A customer's scores in the latest run; null when there is no run or they had no paid order. */
export function scoresOf(sqlite: Database.Database, customerId: number): CustomerScores | null {
  const run = latestRun(sqlite);
  if (!run) return null;
  const row = sqlite.prepare('SELECT * FROM analytics_scores WHERE customer_id = ?').get(customerId) as
    ScoreDbRow | undefined;
  return row ? toScores(row, run) : null;
}

const ORDER_BY: Record<ParsedInput<'analytics.customers'>['sort'], string> = {
  risk: 's.churn_risk DESC NULLS LAST',
  // Stored with the scores and indexed: the Churn page's list needs no sort of every customer.
  riskValue: 's.risk_value DESC',
  clv: 's.clv_cents DESC NULLS LAST',
  monetary: 's.monetary_cents DESC',
  recency: 's.recency_days ASC',
};

/** The customers behind a figure of the latest run (a segment, a cluster, the at-risk list), ranked. */
export function analyticsCustomers(
  sqlite: Database.Database,
  query: ParsedInput<'analytics.customers'>,
): ChannelOutput<'analytics.customers'> {
  const run = latestRun(sqlite);
  if (!run) return { rows: [], total: 0 };
  const where = ['c.deleted_at IS NULL'];
  if (query.segment) where.push('s.segment = @segment');
  if (query.cluster !== undefined) where.push('s.cluster = @cluster');
  if (query.minRisk !== undefined) where.push('s.churn_risk >= @minRisk');
  const params = {
    segment: query.segment ?? null,
    cluster: query.cluster ?? null,
    minRisk: query.minRisk ?? null,
  };
  const from = `FROM analytics_scores s JOIN customers c ON c.id = s.customer_id WHERE ${where.join(' AND ')}`;
  const total = (sqlite.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
  const rows = sqlite
    .prepare(
      `SELECT s.*, c.name, c.company, c.phone ${from}
       ORDER BY ${ORDER_BY[query.sort]}, s.customer_id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: query.limit, offset: query.offset }) as (ScoreDbRow & {
    name: string;
    company: string | null;
    phone: string | null;
  })[];
  return {
    total,
    rows: rows.map((row) => ({
      customerId: row.customer_id,
      name: row.name,
      company: row.company,
      phone: row.phone,
      scores: toScores(row, run),
    })),
  };
}
