/**
 * What every model reads: per customer, the paid orders and the refunds, in time order. Plain
 * arrays, no database: the runner fills them with one query, tests from the files in
 * ../shared/data.
 */

export const DAY_MS = 86_400_000;

export interface CustomerOrders {
  customerId: number;
  /** Paid orders' instants (epoch ms), ascending. */
  at: number[];
  /** The local calendar day of each paid order (days since 1970-01-01 in the owner's time zone). */
  day: number[];
  /** Each paid order's amount in minor units (cents, fen), in the order of `at`. */
  cents: number[];
  /** Refunds (positive amounts in minor units) and when they were made, ascending. */
  refundAt: number[];
  refundCents: number[];
}

const QUARTER_HOUR_MS = 900_000;
/**
 * The zone's offset per quarter hour seen (every zone's offset is a whole number of quarter
 * hours). Analytics runs in a worker that ends with the run, so a zone change is seen next run.
 */
const offsetByQuarterHour = new Map<number, number>();

/**
 * The local calendar day number of an instant: what "bought on the same day" compares. The
 * offset is looked up once per quarter hour (a million orders, a Date each, was 0.2 s of a run).
 */
export function localDay(epochMs: number): number {
  const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
  let offsetMs = offsetByQuarterHour.get(quarter);
  if (offsetMs === undefined) {
    offsetMs = new Date(epochMs).getTimezoneOffset() * 60_000;
    offsetByQuarterHour.set(quarter, offsetMs);
  }
  return Math.floor((epochMs - offsetMs) / DAY_MS);
}

/** An order row as the runner reads it: paid or refunded, amount positive. */
export interface OrderRow {
  customerId: number;
  at: number;
  cents: number;
  refunded: boolean;
}

const emptyHistory = (customerId: number): CustomerOrders => ({
  customerId,
  at: [],
  day: [],
  cents: [],
  refundAt: [],
  refundCents: [],
});

/**
 * Groups order rows into per-customer histories (customers in first-seen order; orders sorted
 * by time within each). A customer with only refunds is kept, with no paid orders.
 */
export function groupOrders(rows: Iterable<OrderRow>): CustomerOrders[] {
  const byCustomer = new Map<number, CustomerOrders>();
  for (const row of rows) {
    let customer = byCustomer.get(row.customerId);
    if (!customer) byCustomer.set(row.customerId, (customer = emptyHistory(row.customerId)));
    if (row.refunded) {
      customer.refundAt.push(row.at);
      customer.refundCents.push(row.cents);
    } else {
      customer.at.push(row.at);
      customer.cents.push(row.cents);
    }
  }
  for (const customer of byCustomer.values()) {
    sortTogether(customer.at, customer.cents);
    sortTogether(customer.refundAt, customer.refundCents);
    customer.day = customer.at.map(localDay);
  }
  return [...byCustomer.values()];
}

/** Sorts `times` ascending and `values` along with them, in place (a no-op when already sorted). */
function sortTogether(times: number[], values: number[]): void {
  let sorted = true;
  for (let i = 1; i < times.length && sorted; i++) sorted = times[i]! >= times[i - 1]!;
  if (sorted) return;
  const order = times.map((_, index) => index).sort((a, b) => times[a]! - times[b]!);
  const t = order.map((index) => times[index]!);
  const v = order.map((index) => values[index]!);
  times.splice(0, times.length, ...t);
  values.splice(0, values.length, ...v);
}

/** How many of the ascending `times` are before `cutoff`. */
function countBefore(times: number[], cutoff: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! < cutoff) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The histories as they stood just before `cutoff` (epoch ms): orders and refunds at or after
 * it are left out, and so is a customer with no paid order before it. The churn model's time
 * split reads features through this, so they never see the label window.
 */
export function historyBefore(customers: readonly CustomerOrders[], cutoff: number): CustomerOrders[] {
  const result: CustomerOrders[] = [];
  for (const customer of customers) {
    const paid = countBefore(customer.at, cutoff);
    if (paid === 0) continue;
    const refunds = countBefore(customer.refundAt, cutoff);
    result.push({
      customerId: customer.customerId,
      at: customer.at.slice(0, paid),
      day: customer.day.slice(0, paid),
      cents: customer.cents.slice(0, paid),
      refundAt: customer.refundAt.slice(0, refunds),
      refundCents: customer.refundCents.slice(0, refunds),
    });
  }
  return result;
}

/** Whether the customer has a paid order in [from, to). */
export function boughtBetween(customer: CustomerOrders, from: number, to: number): boolean {
  return countBefore(customer.at, to) > countBefore(customer.at, from);
}
