import { CHURN_FEATURES, type ChurnFeature } from '../../src-shared/contract/analyticsKeys';
import { Matrix } from 'ml-matrix';
import { rfmFeatures } from './features';
import { boughtBetween, type CustomerOrders } from './history';
import type { Label } from './metrics';

/**
 * What the churn model sees of a customer as of a cutoff, and the label it learns (analytics.md
 * §5.4 step 1, §6.1): churn = 1 when the customer makes no paid order in the H days from the
 * cutoff. Features read only the orders before the cutoff (features.ts), labels only the orders
 * in [cutoff, cutoff + H days), so the label window never leaks into the features.
 */

/** The feature columns in model order; a reason names one of these keys. */
export { CHURN_FEATURES, type ChurnFeature };

export interface ChurnSnapshot {
  cutoff: number;
  customerIds: number[];
  /** Days since the last paid order, per customer (the recency-only baseline's score). */
  recencyDays: number[];
  /**
   * Per customer, unscaled, in CHURN_FEATURES order: recency days, ln(1 + paid orders),
   * ln(1 + net spend in minor units), tenure days. The logs tame F and M, whose skew (19 for M on
   * Online Retail, §4.6) would otherwise let a few big spenders set the coefficients.
   */
  features: number[][];
  /** Per customer, 1 = no paid order in [cutoff, labelEnd); null when the snapshot is only scored. */
  labels: Label[] | null;
}

/** The same wall-clock time `days` calendar days later (a DST change leaves no hour out of the window). */
export function addLocalDays(instant: number, days: number): number {
  const date = new Date(instant);
  date.setDate(date.getDate() + days);
  return date.getTime();
}

/**
 * Every customer with a paid order before `cutoff`, with features as of it; with labels from
 * [cutoff, cutoff + horizonDays) when `horizonDays` is given.
 */
export function churnSnapshot(
  customers: readonly CustomerOrders[],
  cutoff: number,
  horizonDays: number | null,
): ChurnSnapshot {
  const present = customers.filter((customer) => customer.at.length > 0 && customer.at[0]! < cutoff);
  // rfmFeatures keeps exactly the customers with a paid order before the cutoff, in input order.
  const rfm = rfmFeatures(present, cutoff);
  const labelEnd = horizonDays === null ? null : addLocalDays(cutoff, horizonDays);
  return {
    cutoff,
    customerIds: rfm.map((row) => row.customerId),
    recencyDays: rfm.map((row) => row.recencyDays),
    features: rfm.map((row) => [
      row.recencyDays,
      Math.log1p(row.frequency),
      Math.log1p(row.monetaryCents),
      row.tenureDays,
    ]),
    labels:
      labelEnd === null
        ? null
        : present.map((customer): Label => (boughtBetween(customer, cutoff, labelEnd) ? 0 : 1)),
  };
}

/** Training-set mean and standard deviation per feature column (§5.4 step 1). */
export interface Standardizer {
  mean: number[];
  sd: number[];
}

/**
 * Below this share of its mean's size a column's σ is rounding noise: summing n copies of a value
 * /n rarely gives the value back exactly, so a column that never varies comes out at σ ≈ 1e-16,
 * and a row scored later with another value would get a z-score of 1e15.
 */
const CONSTANT_SD = 1e-9;

/**
 * μ and σ (population) of each column of the training rows. A constant column (σ = 0 up to
 * rounding, e.g. every customer bought once) gets σ = ∞: every value, in training and when
 * scored, standardizes to exactly 0, so its weight never moves and it is never a reason.
 */
export function fitStandardizer(
  rows: readonly (readonly number[])[],
  columns: number = CHURN_FEATURES.length,
): Standardizer {
  const mean = new Array<number>(columns).fill(0);
  const sd = new Array<number>(columns).fill(0);
  for (const row of rows) for (let j = 0; j < columns; j++) mean[j]! += row[j]! / rows.length;
  for (const row of rows) for (let j = 0; j < columns; j++) sd[j]! += (row[j]! - mean[j]!) ** 2 / rows.length;
  return {
    mean,
    sd: sd.map((variance, j) => {
      const deviation = Math.sqrt(variance);
      return deviation > CONSTANT_SD * Math.max(1, Math.abs(mean[j]!)) ? deviation : Infinity;
    }),
  };
}

/**
 * The design matrix: a column of 1s (the library fits no intercept, §5.3) followed by the
 * z-scores in the standardizer's column order (CHURN_FEATURES for churn; the win model has its own). Filled in place: 100,000 rows are scored on every run.
 */
export function designMatrix(rows: readonly (readonly number[])[], scale: Standardizer): Matrix {
  const columns = scale.mean.length;
  const X = new Matrix(rows.length, columns + 1);
  rows.forEach((row, i) => {
    X.set(i, 0, 1);
    for (let j = 0; j < columns; j++) X.set(i, j + 1, (row[j]! - scale.mean[j]!) / scale.sd[j]!);
  });
  return X;
}

/** Used when there is no repeat purchase to measure a rhythm from. */
export const DEFAULT_HORIZON_DAYS = 90;
const HORIZON_GAP_MULTIPLE = 3;
const MIN_HORIZON_DAYS = 30;
const MAX_HORIZON_DAYS = 365;

/**
 * A churn horizon from the customers' own rhythm (§6.1: "a multiple of the median gap"): three
 * times the median gap between consecutive purchase days (same-day orders merged, as in BTYD),
 * rounded to whole weeks and kept within 30..365 days. A customer who keeps a typical rhythm buys
 * several times in such a window, so missing it says something. The median gap is 27-28 days on
 * both CDNOW and Online Retail, giving 84 days, beside the usual 90-day business horizon.
 * 90 days when nobody has bought twice.
 */
export function suggestHorizonDays(customers: readonly CustomerOrders[]): number {
  const gaps: number[] = [];
  for (const customer of customers) {
    for (let i = 1; i < customer.day.length; i++) {
      const gap = customer.day[i]! - customer.day[i - 1]!;
      if (gap > 0) gaps.push(gap);
    }
  }
  if (gaps.length === 0) return DEFAULT_HORIZON_DAYS;
  const sorted = Int32Array.from(gaps).sort();
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const weeks = Math.round((HORIZON_GAP_MULTIPLE * median) / 7);
  return Math.min(MAX_HORIZON_DAYS, Math.max(MIN_HORIZON_DAYS, weeks * 7));
}
