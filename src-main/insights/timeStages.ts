import type { ForecastFigures } from '../../src-shared/contract';
import { DAY_MS, type CustomerOrders } from '../analytics/history';
import { estimateRecencyChain, projectStates } from '../analytics/markov';

/** How far the Markov forecast looks ahead, in months (the Value page's chart). */
const FORECAST_MONTHS = 12;
/** Months of revenue the dashboard charts. */
const REVENUE_MONTHS = 24;
/** "Active" on the dashboard: a paid order in this many days before the as-of day. */
export const ACTIVE_DAYS = 90;

/** `YYYY-MM` of an instant, in local time. */
export function monthOf(instant: number): string {
  const date = new Date(instant);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The `months` calendar months up to and including the month of `instant`, oldest first. */
function monthsUpTo(instant: number, months: number): string[] {
  const date = new Date(instant);
  return Array.from({ length: months }, (_, index) =>
    monthOf(new Date(date.getFullYear(), date.getMonth() - (months - 1 - index), 1).getTime()),
  );
}

/** Paid minus refunded per month, the 24 months up to the day before `asOf`. */
export function revenueStage(histories: readonly CustomerOrders[], asOf: number) {
  const months = monthsUpTo(asOf - 1, REVENUE_MONTHS);
  const totals = new Map(months.map((month) => [month, 0]));
  const add = (at: number, cents: number) => {
    if (at >= asOf) return;
    const month = monthOf(at);
    const total = totals.get(month);
    if (total !== undefined) totals.set(month, total + cents);
  };
  let activeCustomers = 0;
  const activeSince = asOf - ACTIVE_DAYS * DAY_MS;
  for (const customer of histories) {
    customer.at.forEach((at, index) => add(at, customer.cents[index]!));
    customer.refundAt.forEach((at, index) => add(at, -customer.refundCents[index]!));
    const last = lastBefore(customer.at, asOf);
    if (last !== null && last >= activeSince) activeCustomers++;
  }
  return {
    revenueByMonth: months.map((month) => ({ month, revenueCents: totals.get(month) ?? 0 })),
    activity: { activeDays: ACTIVE_DAYS, activeCustomers },
  };
}

function lastBefore(times: number[], before: number): number | null {
  for (let i = times.length - 1; i >= 0; i--) if (times[i]! < before) return times[i]!;
  return null;
}

/** The recency-state Markov chain's forecast of active / lapsed / lost customers, month by month. */
export function forecastStage(histories: readonly CustomerOrders[], asOf: number): ForecastFigures {
  const chain = estimateRecencyChain(histories, { asOf });
  const customers = chain.countsNow.reduce((sum, count) => sum + count, 0);
  if (customers === 0) return { ok: false, reason: 'no_orders', needed: 1 };
  const projections = projectStates(chain, chain.countsNow, FORECAST_MONTHS);
  const start = new Date(asOf);
  return {
    ok: true,
    lostAfterMonths: chain.transitions.length - 1,
    buyAgain: chain.transitions.map((transition) => transition.buyProbability),
    months: projections.map((projection) => ({
      month: monthOf(new Date(start.getFullYear(), start.getMonth() + projection.month - 1, 1).getTime()),
      active: projection.active,
      lapsed: projection.lapsed,
      lost: projection.lost,
    })),
  };
}
