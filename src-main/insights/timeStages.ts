import type { ForecastFigures } from '../../src-shared/contract';
import { DAY_MS, localDay, type CustomerOrders } from '../analytics/history';
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
    activity: { activeDays: ACTIVE_DAYS, activeCustomers },
  };
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
