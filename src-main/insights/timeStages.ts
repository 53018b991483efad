import type { ForecastFigures } from '../../src-shared/contract';
import { DAY_MS, localDay, type CustomerOrders } from '../analytics/history';
import { estimateRecencyChain, projectStates } from '../analytics/markov';
import { localMonth } from '../core/localDate';

/** How far the Markov forecast looks ahead, in months (the Value page's chart). */
const FORECAST_MONTHS = 12;
/** Months of revenue the dashboard charts. */
const REVENUE_MONTHS = 24;
/** "Active" on the dashboard: a paid order in this many days before the as-of day. */
export const ACTIVE_DAYS = 90;

/** `YYYY-MM` of an instant, in local time. */
export const monthOf = localMonth;

/** `YYYY-MM` of a local day number (history.ts `localDay`: the local date, counted like UTC days). */
function monthOfLocalDay(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
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
  const totals = new Float64Array(months.length);
  // A million orders fall on a thousand-odd local days: each day's month slot is worked out once.
  const slotByDay = new Map<number, number>();
  const slotOf = (day: number) => {
    let slot = slotByDay.get(day);
    if (slot === undefined) {
      slot = months.indexOf(monthOfLocalDay(day));
      slotByDay.set(day, slot);
    }
    return slot;
  };
  let activeCustomers = 0;
  const activeSince = asOf - ACTIVE_DAYS * DAY_MS;
  for (const customer of histories) {
    const { at, day, cents, refundAt, refundCents } = customer;
    let last: number | null = null;
    for (let i = 0; i < at.length && at[i]! < asOf; i++) {
      const slot = slotOf(day[i]!);
      if (slot >= 0) totals[slot]! += cents[i]!;
      last = at[i]!;
    }
    for (let i = 0; i < refundAt.length && refundAt[i]! < asOf; i++) {
      const slot = slotOf(localDay(refundAt[i]!));
      if (slot >= 0) totals[slot]! -= refundCents[i]!;
    }
    if (last !== null && last >= activeSince) activeCustomers++;
  }
  return {
    revenueByMonth: months.map((month, slot) => ({ month, revenueCents: totals[slot]! })),
    monthToDate: monthToDate(histories, asOf),
    activity: { activeDays: ACTIVE_DAYS, activeCustomers },
  };
}

/** The first `days` days of the month `back` months before the one `lastDay` is in (shorter months end early). */
function samePeriod(lastDay: Date, back: number): [number, number] {
  const start = new Date(lastDay.getFullYear(), lastDay.getMonth() - back, 1);
  const monthEnd = new Date(start.getFullYear(), start.getMonth() + 1, 1).getTime();
  const end = new Date(start.getFullYear(), start.getMonth(), lastDay.getDate() + 1).getTime();
  return [start.getTime(), Math.min(end, monthEnd)];
}

/** Paid minus refunded this month so far, and over the same days a month and a year earlier. */
function monthToDate(histories: readonly CustomerOrders[], asOf: number) {
  const lastDay = new Date(asOf - 1);
  const periods = [samePeriod(lastDay, 0), samePeriod(lastDay, 1), samePeriod(lastDay, 12)];
  // This month's period ends at the as-of instant itself (now, for a run as of today).
  periods[0]![1] = asOf;
  const sums = [0, 0, 0];
  const add = (at: number, cents: number) => {
    periods.forEach(([from, to], index) => {
      if (at >= from && at < to) sums[index]! += cents;
    });
  };
  for (const customer of histories) {
    for (let i = customer.at.length - 1; i >= 0 && customer.at[i]! >= periods[2]![0]; i--) {
      add(customer.at[i]!, customer.cents[i]!);
    }
    for (let i = customer.refundAt.length - 1; i >= 0 && customer.refundAt[i]! >= periods[2]![0]; i--) {
      add(customer.refundAt[i]!, -customer.refundCents[i]!);
    }
  }
  return { days: lastDay.getDate(), thisMonth: sums[0]!, lastMonth: sums[1]!, lastYear: sums[2]! };
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
