import type { CustomerFilters } from '../../../src-shared/contract';

/** The latest analytics run's facts as list columns; all four are also server sort fields. */
export const ANALYTICS_COLUMNS = ['segment', 'cluster', 'churnRisk', 'clv'] as const;
export type AnalyticsColumn = (typeof ANALYTICS_COLUMNS)[number];

/** The columns that say why a customer matches these filters: opened from a chart, the list shows them. */
export function columnsExplaining(filters: CustomerFilters): (AnalyticsColumn | 'lastOrderAt')[] {
  const columns: (AnalyticsColumn | 'lastOrderAt')[] = [];
  if (filters.segments?.length) columns.push('segment');
  if (filters.clusters?.length) columns.push('cluster');
  // The lowest decile of the Churn page's calibration chart has only an upper bound.
  if (filters.churnRiskMin !== undefined || filters.churnRiskMax !== undefined) columns.push('churnRisk');
  if (filters.clvMinCents !== undefined) columns.push('clv');
  // A recency state of the Markov forecast is a period of the last order.
  if (filters.lastOrderFrom || filters.lastOrderBefore) columns.push('lastOrderAt');
  return columns;
}
