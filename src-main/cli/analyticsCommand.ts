import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { SEGMENT_KEYS, type AnalyticsRun, type ChannelOutput } from '../../src-shared/contract';
import { call, checkInput, defined, numberFlag, UsageError, type CliAction, type CliIo } from './io';
import { textTable } from './textTable';

export const ANALYTICS_HELP = `solocrm analytics run [--as-of YYYY-MM-DD] [--horizon-days N] [--seed N] [--json]
solocrm analytics customers [--segment NAME] [--cluster N] [--min-risk P] [--sort risk|riskValue|clv|monetary|recency] [--limit N] [--json]`;

const RUN_FLAGS: Record<string, string> = { asOf: 'as-of', horizonDays: 'horizon-days', seed: 'seed' };
const CUSTOMER_FLAGS: Record<string, string> = { minRisk: 'min-risk' };

/** `solocrm analytics run|customers`: the engine from a terminal, the same run the app stores. */
export function parseAnalyticsCommand(args: string[]): CliAction {
  const [sub, ...rest] = args;
  if (sub === 'run') return parseRun(rest);
  if (sub === 'customers') return parseCustomers(rest);
  throw new UsageError(`Unknown analytics command "${sub ?? ''}".\n${ANALYTICS_HELP}`);
}

function parseRun(args: string[]): CliAction {
  const { values } = parseArgs({
    args,
    options: { 'as-of': { type: 'string' }, 'horizon-days': { type: 'string' }, seed: { type: 'string' } },
    strict: true,
  });
  const input = {
    jobId: randomUUID(),
    ...defined({
      asOf: values['as-of'],
      horizonDays: numberFlag(values['horizon-days']),
      seed: numberFlag(values.seed),
    }),
  };
  checkInput('analytics.run', input, (path) => RUN_FLAGS[path] ?? path);
  return async (backend, io, json) => {
    const run = await call<AnalyticsRun>(backend, 'analytics.run', input);
    if (json) io.stdout(JSON.stringify(runSummary(run), null, 2));
    else printRun(io, run);
  };
}

/** What `--json` prints: the figures a person checks, without the chart data (points, histograms). */
export function runSummary(run: AnalyticsRun) {
  return {
    runId: run.id,
    asOf: run.asOf,
    asOfSource: run.asOfSource,
    params: run.params,
    counts: run.counts,
    segments: Object.fromEntries(run.segments.map((segment) => [segment.key, segment.count])),
    clusters: run.clusters.ok
      ? {
          k: run.clusters.k,
          silhouette: run.clusters.silhouette,
          sweep: run.clusters.sweep,
          profiles: run.clusters.profiles,
        }
      : run.clusters,
    churn: run.churn.ok
      ? {
          horizonDays: run.churn.horizonDays,
          suggestedHorizonDays: run.churn.suggestedHorizonDays,
          atRiskCount: run.churn.atRiskCount,
          quality: run.churn.quality.ok
            ? {
                rocAuc: run.churn.quality.rocAuc,
                prAuc: run.churn.quality.prAuc,
                baseRate: run.churn.quality.baseRate,
                recencyAuc: run.churn.quality.recencyAuc,
                bgnbdAuc: run.churn.quality.bgnbdAuc,
                trainRows: run.churn.quality.trainRows,
                testRows: run.churn.quality.testRows,
              }
            : run.churn.quality,
          coefficients: run.churn.coefficients,
        }
      : run.churn,
    lifetime: {
      method: run.lifetime.method,
      refusal: run.lifetime.refusal,
      bgnbd: run.lifetime.bgnbd,
      gammaGamma: run.lifetime.gammaGamma,
      expectedRevenueCents: run.lifetime.expectedRevenueCents,
    },
    forecast: run.forecast.ok ? run.forecast.months : run.forecast,
    stagesMs: Object.fromEntries(run.stages.map((stage) => [stage.stage, Math.round(stage.ms)])),
    durationMs: run.durationMs,
  };
}

const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)} %`;
const fixed = (value: number | null | undefined, digits = 3) =>
  value === null || value === undefined ? '–' : value.toFixed(digits);

function printRun(io: CliIo, run: AnalyticsRun): void {
  io.stdout(
    `Analysed ${run.counts.customersWithOrders.toLocaleString('en')} customers with orders ` +
      `(${run.counts.orders.toLocaleString('en')} orders) as of ${run.asOf} in ${run.durationMs} ms.`,
  );
  io.stdout('');
  io.stdout(
    textTable(
      ['Segment', 'Customers', 'Revenue share'],
      run.segments.map((segment) => [segment.key, String(segment.count), percent(segment.revenueShare)]),
    ),
  );
  io.stdout('');
  io.stdout(
    run.clusters.ok
      ? `Clusters: K = ${run.clusters.k}, silhouette ${fixed(run.clusters.silhouette)}`
      : `Clusters: not computed (${run.clusters.reason})`,
  );
  if (run.churn.ok && run.churn.quality.ok) {
    const quality = run.churn.quality;
    io.stdout(
      `Churn (${run.churn.horizonDays} days): ROC-AUC ${fixed(quality.rocAuc)}, PR-AUC ${fixed(quality.prAuc)}, ` +
        `base rate ${percent(quality.baseRate)}, recency alone ${fixed(quality.recencyAuc)}; ` +
        `${run.churn.atRiskCount} customers at risk`,
    );
  } else {
    const refusal = run.churn.ok ? (run.churn.quality.ok ? null : run.churn.quality) : run.churn;
    io.stdout(`Churn: not computed (${refusal?.reason ?? 'unknown'})`);
  }
  const { bgnbd } = run.lifetime;
  io.stdout(
    bgnbd
      ? `BG/NBD: r ${fixed(bgnbd.r, 4)}, alpha ${fixed(bgnbd.alpha, 4)}, a ${fixed(bgnbd.a, 4)}, b ${fixed(bgnbd.b, 4)}, ` +
          `log-likelihood ${fixed(bgnbd.logLikelihood, 2)}`
      : `Lifetime value: simple formula (${run.lifetime.refusal?.reason ?? 'models not fitted'})`,
  );
  io.stdout(`Stages: ${run.stages.map((stage) => `${stage.stage} ${Math.round(stage.ms)} ms`).join(', ')}`);
}

function parseCustomers(args: string[]): CliAction {
  const { values } = parseArgs({
    args,
    options: {
      segment: { type: 'string' },
      cluster: { type: 'string' },
      'min-risk': { type: 'string' },
      sort: { type: 'string' },
      limit: { type: 'string' },
    },
    strict: true,
  });
  if (values.segment !== undefined && !(SEGMENT_KEYS as readonly string[]).includes(values.segment)) {
    throw new UsageError(`Unknown segment "${values.segment}". Segments: ${SEGMENT_KEYS.join(', ')}.`);
  }
  const minRisk = values['min-risk'] === undefined ? undefined : Number(values['min-risk']);
  const input = defined({
    segment: values.segment,
    cluster: numberFlag(values.cluster),
    minRisk: Number.isNaN(minRisk) ? values['min-risk'] : minRisk,
    sort: values.sort,
    limit: numberFlag(values.limit),
  });
  checkInput('analytics.customers', input, (path) => CUSTOMER_FLAGS[path] ?? path);
  return async (backend, io, json) => {
    const page = await call<ChannelOutput<'analytics.customers'>>(backend, 'analytics.customers', input);
    if (json) {
      io.stdout(JSON.stringify(page, null, 2));
      return;
    }
    if (page.total === 0) {
      io.stdout('No customers (run `solocrm analytics run` first if there is no run yet).');
      return;
    }
    io.stdout(
      textTable(
        ['ID', 'Name', 'Segment', 'Churn risk', 'CLV', 'Days since order', 'Orders'],
        page.rows.map(({ customerId, name, scores }) => [
          String(customerId),
          name,
          scores.segment,
          percent(scores.churnRisk),
          scores.clvCents === null ? '–' : (scores.clvCents / 100).toFixed(2),
          String(scores.recencyDays),
          String(scores.frequency),
        ]),
      ),
    );
    if (page.total > page.rows.length) io.stdout(`… ${page.total - page.rows.length} more (--limit).`);
  };
}
