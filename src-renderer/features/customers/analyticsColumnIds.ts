import type { CustomerFilters } from '../../../src-shared/contract';

/** The latest analytics run's facts as list columns; churn risk and CLV are also server sort fields. */
export const ANALYTICS_COLUMNS = ['segment', 'cluster', 'churnRisk', 'clv'] as const;
export type AnalyticsColumn = (typeof ANALYTICS_COLUMNS)[number];

/** The columns that say why a customer matches these filters: opened from a chart, the list shows them. */
export function columnsExplaining(filters: CustomerFilters): AnalyticsColumn[] {
  const columns: AnalyticsColumn[] = [];
  if (filters.segments?.length) columns.push('segment');
  if (filters.clusters?.length) columns.push('cluster');
  if (filters.churnRiskMin !== undefined) columns.push('churnRisk');
  if (filters.clvMinCents !== undefined) columns.push('clv');
  return columns;
}
