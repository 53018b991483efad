/**
 * The analytics vocabulary without zod: segment, cluster-name, feature and stage keys, the R×F
 * grid and thresholds. The worker's analytics code imports this file alone; the schemas in
 * analytics.ts re-export it for everyone else.
 */

/** The 11 RFM segments (R×F grid, Hibernating split into Hibernating R=2 / Lost R=1), best first. */
export const SEGMENT_KEYS = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const;
export type SegmentKey = (typeof SEGMENT_KEYS)[number];

/**
 * Map (A) of analytics.md §1.3 as a table, so that it is a partition of the 25 cells by
 * construction: row = R score 1..5, column = F score 1..5. M does not enter the segment.
 */
export const SEGMENT_GRID: readonly (readonly SegmentKey[])[] = [
  /* R=1 */ ['lost', 'lost', 'at_risk', 'at_risk', 'cant_lose'],
  /* R=2 */ ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
  /* R=3 */ ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  /* R=4 */ ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal', 'loyal'],
  /* R=5 */ ['new', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],
];

const isScore = (score: number) => Number.isInteger(score) && score >= 1 && score <= 5;

/** The segment of an (R, F) score pair; throws RangeError unless both are integers 1..5. */
export function segmentOf(r: number, f: number): SegmentKey {
  if (!isScore(r) || !isScore(f))
    throw new RangeError(`segmentOf: scores must be integers 1..5, got ${r}, ${f}`);
  return SEGMENT_GRID[r - 1]![f - 1]!;
}

/** The recommended action per segment, as a stable key the UI translates. */
export const SEGMENT_ACTION = {
  champions: 'reward',
  loyal: 'upsell',
  potential_loyalists: 'offer_membership',
  new: 'onboard',
  promising: 'build_relationship',
  need_attention: 'reactivate_offer',
  about_to_sleep: 'win_back_soon',
  at_risk: 'win_back_personal',
  cant_lose: 'call_personally',
  hibernating: 'low_cost_reminder',
  lost: 'ignore_or_survey',
} as const satisfies Record<SegmentKey, string>;
export type ActionKey = (typeof SEGMENT_ACTION)[SegmentKey];
export const ACTION_KEYS = Object.values(SEGMENT_ACTION);

/** The names clusters get from their profile (analytics/clusters.ts says when which). */
export const CLUSTER_NAME_KEYS = [
  'high_value_recent',
  'high_value_lapsing',
  'frequent_low_spend',
  'lapsed_low_value',
  'new_or_one_time',
] as const;
export type ClusterNameKey = (typeof CLUSTER_NAME_KEYS)[number];

/** What the churn model looks at, in its column order; a customer's reasons name these. */
export const CHURN_FEATURES = ['recency', 'frequency', 'monetary', 'tenure'] as const;
export type ChurnFeature = (typeof CHURN_FEATURES)[number];

/** Why each model may give no result (`modelRefusal.reason`), for the UI's sentences. */
export const REFUSAL_REASONS = {
  clusters: ['invalid_values', 'too_few_customers', 'identical_customers'],
  churn: ['one_class', 'too_few_customers', 'too_few_of_a_class', 'history_too_short'],
  lifetime: [
    'invalid_summaries',
    'too_few_customers',
    'too_few_repeat_buyers',
    'did_not_converge',
    'implausible_parameters',
  ],
  forecast: ['no_orders'],
} as const;

export const ANALYTICS_STAGES = [
  'loading',
  'revenue',
  'rfm',
  'clusters',
  'churn',
  'lifetime',
  'forecast',
  'satisfaction',
  'saving',
] as const;
export type AnalyticsStage = (typeof ANALYTICS_STAGES)[number];

/** P(churn) at or above this counts as at risk (the dashboard's count, the Churn page's list). */
export const AT_RISK_THRESHOLD = 0.5;
