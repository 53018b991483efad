import type Database from 'better-sqlite3';
import type { AnalyticsRun, ChannelOutput } from '../../src-shared/contract';

type Dashboard = ChannelOutput<'analytics.dashboard'>;

/**
 * The home page from the latest run: its months are the as-of day's (so an imported 2011 history
 * shows December 2011, not an empty "this month"), plus the live customer count.
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
      revenue: { thisMonth: 0, lastMonth: 0, sameMonthLastYear: 0 },
      revenueByMonth: [],
      atRiskCount: null,
      expectedRevenueCents: null,
      nps: null,
      runAsOf: null,
    };
  }
  const byMonth = new Map(run.revenueByMonth.map((month) => [month.month, month.revenueCents]));
  const current = monthOfDayBefore(run.asOf);
  const revenueOf = (month: string) => Math.round(byMonth.get(month) ?? 0);
  const trend = leastSquares(run.revenueByMonth.map((month) => month.revenueCents));
  const npsMonths = run.satisfaction.filter((month) => month.nps !== null);
  return {
    currency: run.params.currency,
    customers,
    activeCustomers: run.activity.activeCustomers,
    activeDays: run.activity.activeDays,
    revenue: {
      thisMonth: revenueOf(current),
      lastMonth: revenueOf(shiftMonth(current, -1)),
      sameMonthLastYear: revenueOf(shiftMonth(current, -12)),
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

/** `YYYY-MM` of the day before `YYYY-MM-DD` (the as-of day is the first day not counted). */
export function monthOfDayBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const before = new Date(year, month - 1, date - 1);
  return `${before.getFullYear()}-${String(before.getMonth() + 1).padStart(2, '0')}`;
}

export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const shifted = new Date(year, m - 1 + by, 1);
  return `${shifted.getFullYear()}-${String(shifted.getMonth() + 1).padStart(2, '0')}`;
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
