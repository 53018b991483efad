import type Database from 'better-sqlite3';
import type { AnalyticsRun, ChannelOutput } from '../../src-shared/contract';

type Dashboard = ChannelOutput<'analytics.dashboard'>;

/**
 * The home page from the latest run: its month is the as-of day's (so an imported 2011 history
 * shows December 2011, not an empty "this month"), compared day for day; plus the live customer count.
 */
export function dashboardOf(
  sqlite: Database.Database,
  run: AnalyticsRun | null,
  currency: string,
): Dashboard {
  const customers = (
    sqlite.prepare('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL').get() as { n: number }
  ).n;
  if (!run) {
    return {
      currency,
      customers,
      activeCustomers: null,
      activeDays: 90,
      revenue: { days: 0, thisMonth: 0, lastMonth: 0, sameMonthLastYear: 0 },
      revenueByMonth: [],
      atRiskCount: null,
      expectedRevenueCents: null,
      nps: null,
      runAsOf: null,
    };
  }
  const trend = leastSquares(run.revenueByMonth.map((month) => month.revenueCents));
  const npsMonths = run.satisfaction.filter((month) => month.nps !== null);
  return {
    currency: run.params.currency,
    customers,
    activeCustomers: run.activity.activeCustomers,
    activeDays: run.activity.activeDays,
    revenue: {
      days: run.monthToDate.days,
      thisMonth: Math.round(run.monthToDate.thisMonth),
      lastMonth: Math.round(run.monthToDate.lastMonth),
      sameMonthLastYear: Math.round(run.monthToDate.lastYear),
    },
    revenueByMonth: run.revenueByMonth.map((month, index) => ({
      month: month.month,
      revenueCents: Math.round(month.revenueCents),
      trendCents: trend(index),
    })),
    atRiskCount: run.churn.ok ? run.churn.atRiskCount : null,
    expectedRevenueCents: run.lifetime.expectedRevenueCents,
    nps: npsOfLastMonths(npsMonths),
    runAsOf: run.asOf,
  };
}

/** The least-squares line through the points (x = index), as a function of x. */
function leastSquares(values: number[]): (x: number) => number {
  const n = values.length;
  if (n < 2) return () => values[0] ?? 0;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, value) => sum + value, 0) / n;
  let covariance = 0;
  let variance = 0;
  values.forEach((value, x) => {
    covariance += (x - meanX) * (value - meanY);
    variance += (x - meanX) ** 2;
  });
  const slope = covariance / variance;
  return (x) => meanY + slope * (x - meanX);
}

/**
 * NPS over the last three months that have answers, weighted by responses: one month's handful
 * of answers swings too much to be the headline figure.
 */
function npsOfLastMonths(months: AnalyticsRun['satisfaction']): number | null {
  const recent = months.slice(-3);
  const responses = recent.reduce((sum, month) => sum + month.npsResponses, 0);
  if (responses === 0) return null;
  return recent.reduce((sum, month) => sum + (month.nps ?? 0) * month.npsResponses, 0) / responses;
}
