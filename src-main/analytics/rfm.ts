import {
  SEGMENT_ACTION,
  SEGMENT_KEYS,
  segmentOf,
  type ActionKey,
  type SegmentKey,
} from '../../src-shared/contract/analyticsKeys';
import type { RfmFeatures } from './features';

/**
 * RFM scoring and named segments (analytics.md §1). Each of R, F and M gets its own 1-5 score
 * ("independent binning", §1.2), 5 = best; the segment comes from the (R, F) pair through the
 * grid of §1.3 (A), with its Hibernating cell split into Hibernating (R = 2) and Lost (R = 1).
 * Keys only: the UI translates them.
 */

/**
 * Quintile scores, 1..5 with 5 = best. Customers are ranked 1..n from worst to best (ascending
 * values when `higherIsBetter`, descending otherwise: for recency fewer days is better). A group
 * of equal values shares its average rank, and score = clamp(ceil(5·avgRank/n), 1, 5): ties
 * always get the same score, whatever the row order, and the bins may come out uneven or even
 * empty (Online Retail's F = 1 is 34.4% of customers, so F score 2 stays empty). This is option 1
 * of §1.2; breaking ties by row order (pandas' rank(method='first')) empties "new" and
 * "promising" on Online Retail. Throws RangeError on a value that is not a finite number.
 */
export function quintileScores(values: readonly number[], higherIsBetter: boolean): number[] {
  const n = values.length;
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`quintileScores: ${value} is not a finite number`);
  }
  const direction = higherIsBetter ? 1 : -1;
  const order = Array.from(values.keys()).sort((a, b) => direction * (values[a]! - values[b]!));
  const scores = new Array<number>(n);
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    // 1-based ranks start+1 … end share their mean.
    const averageRank = (start + 1 + end) / 2;
    const score = Math.min(5, Math.max(1, Math.ceil((5 * averageRank) / n)));
    for (let i = start; i < end; i++) scores[order[i]!] = score;
    start = end;
  }
  return scores;
}

// The segments, their grid and actions are the contract's: the UI draws the same grid.
export { SEGMENT_ACTION, SEGMENT_KEYS, segmentOf, type ActionKey, type SegmentKey };

export interface ScoredCustomer {
  customerId: number;
  recencyDays: number;
  frequency: number;
  monetaryCents: number;
  r: number;
  f: number;
  m: number;
  segment: SegmentKey;
}

/** Scores every customer against the others in `features` and names the segment. */
export function scoreRfm(features: readonly RfmFeatures[]): ScoredCustomer[] {
  const r = quintileScores(
    features.map((customer) => customer.recencyDays),
    false,
  );
  const f = quintileScores(
    features.map((customer) => customer.frequency),
    true,
  );
  const m = quintileScores(
    features.map((customer) => customer.monetaryCents),
    true,
  );
  return features.map(({ customerId, recencyDays, frequency, monetaryCents }, i) => ({
    customerId,
    recencyDays,
    frequency,
    monetaryCents,
    r: r[i]!,
    f: f[i]!,
    m: m[i]!,
    segment: segmentOf(r[i]!, f[i]!),
  }));
}

/** The median (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface SegmentSummary {
  segment: SegmentKey;
  action: ActionKey;
  count: number;
  /** count / all customers, 0..1. */
  customerShare: number;
  revenueCents: number;
  /** revenue / all revenue, 0..1 (0 when there is no revenue at all). */
  revenueShare: number;
  /** Medians in original units; null for an empty segment. */
  medianRecencyDays: number | null;
  medianFrequency: number | null;
  medianMonetaryCents: number | null;
}

/** One row per segment, in SEGMENT_KEYS order, empty segments included (count 0). */
export function segmentSummary(scored: readonly ScoredCustomer[]): SegmentSummary[] {
  const members = new Map<SegmentKey, ScoredCustomer[]>(SEGMENT_KEYS.map((key) => [key, []]));
  let totalRevenue = 0;
  for (const customer of scored) {
    members.get(customer.segment)!.push(customer);
    totalRevenue += customer.monetaryCents;
  }
  return SEGMENT_KEYS.map((segment) => {
    const group = members.get(segment)!;
    const revenueCents = group.reduce((sum, customer) => sum + customer.monetaryCents, 0);
    return {
      segment,
      action: SEGMENT_ACTION[segment],
      count: group.length,
      customerShare: scored.length === 0 ? 0 : group.length / scored.length,
      revenueCents,
      revenueShare: totalRevenue === 0 ? 0 : revenueCents / totalRevenue,
      medianRecencyDays: median(group.map((customer) => customer.recencyDays)),
      medianFrequency: median(group.map((customer) => customer.frequency)),
      medianMonetaryCents: median(group.map((customer) => customer.monetaryCents)),
    };
  });
}
