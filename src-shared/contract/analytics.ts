import { z } from 'zod';
import { ANALYTICS_STAGES, SEGMENT_KEYS } from './analyticsKeys';
import { calendarDate, cents, isoInstant, recordId } from './fields';

/**
 * The analytics engine's contract: a run (RFM segments, K-means clusters, churn risk, lifetime
 * value, Markov forecast, satisfaction) computed in the worker over the owner's own history, and
 * the customers behind each figure. Keys are stable; the UI translates them.
 */

// The vocabulary without schemas lives in analyticsKeys.ts: the analytics worker needs it and
// loading zod's schemas is a tenth of a second of its start.
export * from './analyticsKeys';

/** Why a model gave no result; the UI says it in words with `needed` (e.g. "at least 20 customers"). */
export const modelRefusal = z.object({
  ok: z.literal(false),
  reason: z.string(),
  needed: z.number().nullable(),
});
export type ModelRefusal = z.infer<typeof modelRefusal>;

const rfmMedians = {
  medianRecencyDays: z.number(),
  medianFrequency: z.number(),
  medianMonetaryCents: z.number(),
};

export const segmentFigures = z.object({
  key: z.enum(SEGMENT_KEYS),
  /** What to do with them, as a key the UI translates (`reward`, `win_back_soon`, …). */
  action: z.string(),
  count: z.number().int(),
  share: z.number(),
  revenueCents: z.number(),
  revenueShare: z.number(),
  ...rfmMedians,
});
export type SegmentFigures = z.infer<typeof segmentFigures>;

export const clusterProfile = z.object({
  index: z.number().int(),
  /** A name from the profile (`high_value_recent`, …); two clusters may share one. */
  nameKey: z.string(),
  size: z.number().int(),
  revenueShare: z.number(),
  ...rfmMedians,
});
export type ClusterProfile = z.infer<typeof clusterProfile>;

export const clusterFigures = z.union([
  z.object({
    ok: z.literal(true),
    k: z.number().int(),
    silhouette: z.number(),
    seed: z.number().int(),
    sweep: z.array(z.object({ k: z.number().int(), sse: z.number(), silhouette: z.number() })),
    profiles: z.array(clusterProfile),
    /** A sample of customers in the model's space (log1p R, F, M), for the scatter chart. */
    points: z.array(
      z.object({
        customerId: recordId,
        cluster: z.number().int(),
        logRecency: z.number(),
        logFrequency: z.number(),
        logMonetary: z.number(),
      }),
    ),
  }),
  modelRefusal,
]);
export type ClusterFigures = z.infer<typeof clusterFigures>;

export const histogramBin = z.object({ from: z.number(), to: z.number(), count: z.number().int() });

export const churnFigures = z.union([
  z.object({
    ok: z.literal(true),
    horizonDays: z.number().int(),
    /** A horizon suggested by the gaps between the owner's customers' orders. */
    suggestedHorizonDays: z.number().int(),
    /** Customers with P(churn) at or above AT_RISK_THRESHOLD. */
    atRiskCount: z.number().int(),
    coefficients: z.array(z.object({ feature: z.string(), weight: z.number() })),
    /** Quality on the last held-out window (a model trained one horizon earlier, scored on the last one). */
    quality: z.union([
      z.object({
        ok: z.literal(true),
        rocAuc: z.number().nullable(),
        prAuc: z.number().nullable(),
        baseRate: z.number().nullable(),
        recencyAuc: z.number().nullable(),
        /** BG/NBD's P(no order in the horizon) as a score on the same window. */
        bgnbdAuc: z.number().nullable(),
        trainRows: z.number().int(),
        testRows: z.number().int(),
        calibration: z.array(
          z.object({ predicted: z.number(), observed: z.number(), count: z.number().int() }),
        ),
      }),
      modelRefusal,
    ]),
    histogram: z.array(histogramBin),
  }),
  modelRefusal,
]);
export type ChurnFigures = z.infer<typeof churnFigures>;

export const lifetimeFigures = z.object({
  /** `models`: BG/NBD + Gamma-Gamma; `simple`: the discounted average-history formula (models refused). */
  method: z.enum(['models', 'simple']),
  refusal: modelRefusal.nullable(),
  bgnbd: z
    .object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number(), logLikelihood: z.number() })
    .nullable(),
  gammaGamma: z
    .object({ p: z.number(), q: z.number(), gamma: z.number(), logLikelihood: z.number() })
    .nullable(),
  /** Sum of every customer's CLV over the horizon (minor units). */
  expectedRevenueCents: z.number(),
  months: z.number().int(),
  marginPercent: z.number(),
  monthlyDiscountPercent: z.number(),
  histogram: z.array(histogramBin),
});
export type LifetimeFigures = z.infer<typeof lifetimeFigures>;

export const forecastFigures = z.union([
  z.object({
    ok: z.literal(true),
    /** Months since the last order after which a customer counts as lost. */
    lostAfterMonths: z.number().int(),
    /** P(an order next month) by months since the last order (index 0 = bought this month). */
    buyAgain: z.array(z.number()),
    months: z.array(
      z.object({ month: z.string(), active: z.number(), lapsed: z.number(), lost: z.number() }),
    ),
  }),
  modelRefusal,
]);
export type ForecastFigures = z.infer<typeof forecastFigures>;

export const satisfactionMonth = z.object({
  month: z.string(),
  csatResponses: z.number().int(),
  csatPercent: z.number().nullable(),
  npsResponses: z.number().int(),
  nps: z.number().nullable(),
});

export const analyticsParams = z.object({
  horizonDays: z.number().int(),
  seed: z.number().int(),
  marginPercent: z.number(),
  monthlyDiscountPercent: z.number(),
  clvMonths: z.number().int(),
  currency: z.string(),
});
export type AnalyticsParams = z.infer<typeof analyticsParams>;

export const analyticsRun = z.object({
  id: recordId,
  /** The day the figures are as of (orders before its end count), and why that day. */
  asOf: z.string(),
  asOfSource: z.enum(['today', 'last_order', 'given']),
  startedAt: isoInstant,
  durationMs: z.number().int(),
  fingerprint: z.string(),
  params: analyticsParams,
  counts: z.object({
    customers: z.number().int(),
    customersWithOrders: z.number().int(),
    orders: z.number().int(),
  }),
  stages: z.array(z.object({ stage: z.enum(ANALYTICS_STAGES), ms: z.number() })),
  /** Customers with a paid order in the `activeDays` before the as-of day. */
  activity: z.object({ activeDays: z.number().int(), activeCustomers: z.number().int() }),
  /** Paid minus refunded per local calendar month, the 24 months up to the as-of day, oldest first. */
  revenueByMonth: z.array(z.object({ month: z.string(), revenueCents: z.number() })),
  /**
   * The as-of month so far (its first `days` days) beside the same days of the month before and
   * of the same month a year before: a month three days old is not compared with a whole month.
   */
  monthToDate: z.object({
    days: z.number().int(),
    thisMonth: z.number(),
    lastMonth: z.number(),
    lastYear: z.number(),
  }),
  segments: z.array(segmentFigures),
  /** Customers per (R, F) score cell, 25 cells. */
  grid: z.array(z.object({ r: z.number().int(), f: z.number().int(), count: z.number().int() })),
  clusters: clusterFigures,
  churn: churnFigures,
  lifetime: lifetimeFigures,
  forecast: forecastFigures,
  satisfaction: z.array(satisfactionMonth),
});
export type AnalyticsRun = z.infer<typeof analyticsRun>;

export const customerScores = z.object({
  runId: recordId,
  asOf: z.string(),
  recencyDays: z.number().int(),
  frequency: z.number().int(),
  monetaryCents: z.number(),
  r: z.number().int(),
  f: z.number().int(),
  m: z.number().int(),
  segment: z.enum(SEGMENT_KEYS),
  cluster: z.number().int().nullable(),
  clusterNameKey: z.string().nullable(),
  churnRisk: z.number().nullable(),
  /** The facts that move the risk most: `above` = the customer's value is above average (many orders, not few). */
  churnReasons: z.array(z.object({ feature: z.string(), contribution: z.number(), above: z.boolean() })),
  pAlive: z.number().nullable(),
  expectedOrders: z.number().nullable(),
  pNoPurchase: z.number().nullable(),
  clvCents: z.number().nullable(),
});
export type CustomerScores = z.infer<typeof customerScores>;

export const ANALYTICS_CUSTOMER_SORTS = ['risk', 'riskValue', 'clv', 'monetary', 'recency'] as const;

export const analyticsCustomersInput = z.strictObject({
  segment: z.enum(SEGMENT_KEYS).optional(),
  cluster: z.number().int().min(0).optional(),
  /** Only customers with P(churn) at or above this. */
  minRisk: z.number().min(0).max(1).optional(),
  /** `riskValue` ranks by P(churn) × CLV: who is most worth a call. */
  sort: z.enum(ANALYTICS_CUSTOMER_SORTS).default('riskValue'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export const analyticsCustomerRow = z.object({
  customerId: recordId,
  name: z.string(),
  company: z.string().nullable(),
  phone: z.string().nullable(),
  scores: customerScores,
});

export const analyticsChannels = {
  /**
   * Runs the engine now (in the worker; progress as `jobs.progress` with phase `analyzing`) and
   * stores the run. `asOf` defaults to today, or to the day after the last order when the data
   * is historical (no order in the last year). Cancel with `jobs.cancel`.
   */
  'analytics.run': {
    input: z.strictObject({
      jobId: z.string().uuid(),
      asOf: calendarDate().optional(),
      horizonDays: z.number().int().min(7).max(730).optional(),
      seed: z.number().int().min(0).max(4_294_967_295).optional(),
    }),
    output: analyticsRun,
  },
  /** The latest finished run (kept visible while a new one computes) and the job computing one, if any. */
  'analytics.latest': {
    input: z.strictObject({}).default({}),
    output: z.object({ run: analyticsRun.nullable(), runningJobId: z.string().nullable() }),
  },
  /** Customers behind a figure of the latest run, with their scores. */
  'analytics.customers': {
    input: analyticsCustomersInput.default({ sort: 'riskValue', offset: 0, limit: 50 }),
    output: z.object({ rows: z.array(analyticsCustomerRow), total: z.number().int() }),
  },
  /** One customer's scores in the latest run (null: no run yet, or no paid order before its as-of day). */
  'analytics.customer': {
    input: z.strictObject({ customerId: recordId }),
    output: customerScores.nullable(),
  },
  /**
   * The home page's figures, from the latest run (re-run automatically a few seconds after a
   * change): months are the as-of day's; null before the first run.
   */
  'analytics.dashboard': {
    input: z.strictObject({}).default({}),
    output: z.object({
      currency: z.string(),
      customers: z.number().int(),
      activeCustomers: z.number().int().nullable(),
      activeDays: z.number().int(),
      /** The as-of month's first `days` days, and the same days of last month and of a year before. */
      revenue: z.object({
        days: z.number().int(),
        thisMonth: cents,
        lastMonth: cents,
        sameMonthLastYear: cents,
      }),
      /** The last 24 months, oldest first, with a least-squares trend over them. */
      revenueByMonth: z.array(z.object({ month: z.string(), revenueCents: cents, trendCents: z.number() })),
      atRiskCount: z.number().int().nullable(),
      expectedRevenueCents: z.number().nullable(),
      nps: z.number().nullable(),
      runAsOf: z.string().nullable(),
    }),
  },
} as const;
