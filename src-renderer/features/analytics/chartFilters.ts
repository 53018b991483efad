import type { CustomerFilters } from '../../../src-shared/contract';

/** Bin edges are tenths computed in floating point (0.30000000000000004): kept to 0.1 %. */
const edge = (share: number) => Math.round(share * 1000) / 1000;

/** The customers behind one bar of the risk histogram: from its lower edge to its upper (the last bar: up to 100 %). */
export function riskBinFilters(bin: { from: number; to: number }, last: boolean): CustomerFilters {
  return last
    ? { churnRiskMin: edge(bin.from) }
    : { churnRiskMin: edge(bin.from), churnRiskMax: edge(bin.to) };
}

/** The customers behind one month of revenue (`YYYY-MM`): those with a paid order in it. */
export function monthFilters(month: string): CustomerFilters {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return { orderedFrom: `${month}-01`, orderedBefore: `${next}-01` };
}

/**
 * Today's customers behind one decile of the calibration chart. The run keeps each decile's mean
 * prediction, not its edges; as the deciles are cut from scores in order, the true edge between
 * two deciles lies between their means, so the midpoint is taken (decision 52). The ranges split
 * 0–100 % without gap or overlap: every scored customer is behind exactly one decile. `predicted`
 * is the deciles' mean predictions in order; with one decile only, it stands for everyone scored.
 */
export function calibrationDecileFilters(predicted: readonly number[], index: number): CustomerFilters {
  const at = (position: number) => predicted[position]!;
  const lower = index > 0 ? edge((at(index - 1) + at(index)) / 2) : undefined;
  const upper = index < predicted.length - 1 ? edge((at(index) + at(index + 1)) / 2) : undefined;
  if (lower === undefined && upper === undefined) return { churnRiskMin: 0 };
  // The lowest decile has no lower edge: churnRiskMax alone already leaves out the unscored.
  return {
    ...(lower === undefined ? {} : { churnRiskMin: lower }),
    ...(upper === undefined ? {} : { churnRiskMax: upper }),
  };
}

/** Shifts a calendar day (`YYYY-MM-DD`) by whole months; the 31st becomes a shorter month's last day. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date, lastDay));
  return first.toISOString().slice(0, 10);
}

export type RecencyState = 'active' | 'lapsed' | 'lost';
export const RECENCY_STATES: readonly RecencyState[] = ['active', 'lapsed', 'lost'];

/**
 * The customers in one state of the Markov forecast today (decision 53). The projected counts
 * are expectations, not people; the people are those in that state now, counted back from the
 * run's as-of day as the chain does (analytics/markov.ts): active = last paid order within the
 * last month, lapsed = 1 to `lostAfterMonths` months ago, lost = longer ago than that.
 */
export function recencyStateFilters(
  state: RecencyState,
  asOf: string,
  lostAfterMonths: number,
): CustomerFilters {
  const monthAgo = addMonths(asOf, -1);
  const lostBefore = addMonths(asOf, -lostAfterMonths);
  switch (state) {
    case 'active':
      return { lastOrderFrom: monthAgo };
    case 'lapsed':
      return { lastOrderFrom: lostBefore, lastOrderBefore: monthAgo };
    case 'lost':
      return { lastOrderBefore: lostBefore };
  }
}

/**
 * Every customer the chosen K put in a cluster. A silhouette is a figure about a K, not about some
 * of the customers: each K was scored on the same clustered customers, and only the chosen K's
 * grouping is kept, so any bar opens them all, grouped by that K's clusters (decision 54).
 */
export function clusteredFilters(profiles: readonly { index: number }[]): CustomerFilters {
  return { clusters: profiles.map((profile) => profile.index) };
}
