import type { AnalyticsParams, AnalyticsStage, ParsedInput, Settings } from '../../src-shared/contract';
import { ANALYTICS_STAGES } from '../../src-shared/contract/analyticsKeys';
import { rfmFeatures } from '../analytics/features';
import type { JobContext } from '../jobs/context';
import { churnStage } from './churnStage';
import { lifetimeStage } from './lifetimeStage';
import { dataFingerprint, loadHistories, satisfactionByMonth } from './load';
import { clusterStage, segmentStage } from './segmentStages';
import { recordSavingTime, storeRun, type ScoreRow } from './store';
import { forecastStage, revenueStage } from './timeStages';
import { chooseAsOf } from './asOf';

export interface AnalyticsJob {
  type: 'analytics';
  input: ParsedInput<'analytics.run'>;
  /** `force`: the owner asked; an automatic run with nothing new to see returns the last run instead. */
  env: { settings: Settings; force: boolean };
}

/**
 * The stored run's id; the main thread reads it back (the worker never loads the schemas that
 * parse a run: a tenth of a second of every run's start).
 */
export interface AnalyticsJobResult {
  runId: number;
  /** False when an automatic run found the data unchanged and stored nothing (runId = the latest). */
  stored: boolean;
}

/** Seeds the clusters and the churn model's sampling when the owner gives none: runs are reproducible. */
export const DEFAULT_SEED = 20_111_210;
/** How many months of satisfaction the summary keeps. */
const SATISFACTION_MONTHS = 24;

/**
 * One analytics run in the worker: read the histories (one query), compute every stage from pure
 * functions, store the run and its per-customer scores in one transaction. Progress counts
 * stages; cancel is checked between them (nothing is stored until the end).
 */
export async function runAnalytics(ctx: JobContext, job: AnalyticsJob): Promise<AnalyticsJobResult> {
  const started = performance.now();
  const startedAt = ctx.clock.now();
  const { settings, force } = job.env;
  const stages: { stage: AnalyticsStage; ms: number }[] = [];
  let stageStarted = performance.now();
  const finish = (stage: AnalyticsStage) => {
    const now = performance.now();
    stages.push({ stage, ms: Math.round((now - stageStarted) * 10) / 10 });
    stageStarted = now;
    ctx.checkCancelled();
    ctx.progress('analyzing', stages.length, ANALYTICS_STAGES.length);
  };

  ctx.progress('analyzing', 0, ANALYTICS_STAGES.length);
  const fingerprint = dataFingerprint(ctx.sqlite);
  const inputs = loadHistories(ctx.sqlite, settings.currency);
  const params: AnalyticsParams = {
    horizonDays: job.input.horizonDays ?? settings.churnHorizonDays,
    seed: job.input.seed ?? DEFAULT_SEED,
    marginPercent: settings.marginPercent,
    monthlyDiscountPercent: settings.monthlyDiscountPercent,
    clvMonths: settings.clvMonths,
    currency: inputs.currency,
  };
  const asOf = chooseAsOf(job.input.asOf, startedAt, inputs.lastOrderAt);
  const previous = latestRunKey(ctx.sqlite);
  if (!force && previous && unchanged(previous, { fingerprint, params, asOf: asOf.day })) {
    return { runId: previous.id, stored: false };
  }
  finish('loading');

  const revenue = revenueStage(inputs.histories, asOf.instant);
  finish('revenue');
  const features = rfmFeatures(inputs.histories, asOf.instant);
  const { scored, segments, grid } = segmentStage(features);
  finish('rfm');
  const clusters = clusterStage(features, params.seed);
  finish('clusters');
  const churn = churnStage(inputs.histories, asOf.instant, params.horizonDays, params.seed);
  finish('churn');
  const lifetime = lifetimeStage(inputs.histories, features, asOf.instant, params, churn);
  finish('lifetime');
  const forecast = forecastStage(inputs.histories, asOf.instant);
  finish('forecast');
  const satisfaction = satisfactionByMonth(ctx.sqlite, asOf.instant).slice(-SATISFACTION_MONTHS);
  finish('satisfaction');

  const scores: ScoreRow[] = scored.map((customer) => {
    const risk = churn.byCustomer.get(customer.customerId);
    const value = lifetime.byCustomer.get(customer.customerId);
    return {
      customerId: customer.customerId,
      recencyDays: customer.recencyDays,
      frequency: customer.frequency,
      monetaryCents: customer.monetaryCents,
      r: customer.r,
      f: customer.f,
      m: customer.m,
      segment: customer.segment,
      cluster: clusters.clusterOf.get(customer.customerId) ?? null,
      churnRisk: risk?.probability ?? null,
      churnReasons: risk?.reasons ?? null,
      pAlive: value?.pAlive ?? null,
      expectedOrders: value?.expectedOrders ?? null,
      pNoPurchase: value?.pNoPurchase ?? null,
      clvCents: value?.clvCents ?? null,
    };
  });
  const summary = {
    asOf: asOf.day,
    asOfSource: asOf.source,
    params,
    fingerprint,
    counts: {
      customers: inputs.liveCustomers,
      customersWithOrders: features.length,
      orders: inputs.orders,
    },
    ...revenue,
    segments,
    grid,
    clusters: clusters.figures,
    churn: churn.figures,
    lifetime: lifetime.figures,
    forecast,
    satisfaction,
  };
  const savingStarted = performance.now();
  const record = {
    ...summary,
    stages: [...stages, { stage: 'saving' as const, ms: 0 }],
    startedAt,
    durationMs: 0,
  };
  const runId = storeRun(ctx.sqlite, record, scores);
  recordSavingTime(ctx.sqlite, runId, {
    savingMs: Math.round((performance.now() - savingStarted) * 10) / 10,
    durationMs: Math.round(performance.now() - started),
  });
  ctx.progress('analyzing', ANALYTICS_STAGES.length, ANALYTICS_STAGES.length);
  return { runId, stored: true };
}

interface RunKey {
  id: number;
  fingerprint: string;
  asOf: string;
  params: string;
}

/** What decides whether the latest run already shows this data: its fingerprint, as-of day and parameters. */
function latestRunKey(sqlite: JobContext['sqlite']): RunKey | undefined {
  return sqlite
    .prepare('SELECT id, fingerprint, as_of AS asOf, params FROM analytics_runs ORDER BY id DESC LIMIT 1')
    .get() as RunKey | undefined;
}

function unchanged(
  previous: RunKey,
  now: { fingerprint: string; params: AnalyticsParams; asOf: string },
): boolean {
  return (
    previous.fingerprint === now.fingerprint &&
    previous.asOf === now.asOf &&
    previous.params === JSON.stringify(now.params)
  );
}
