import { CLUSTER_NAME_KEYS, type ClusterNameKey } from '../../src-shared/contract/analyticsKeys';
import { Random } from '../demo/random';
import type { RfmFeatures } from './features';
import { bestOfStarts, lloyd, type Coordinates, type KMeansFit } from './kmeans';
import { median } from './rfm';
import { meanSilhouettes, sampleIndices } from './silhouette';

/**
 * K-means segments of the customers on their R, F and M (analytics.md §4). Features are
 * log1p(recency days), log1p(orders) and log1p(spend in major units), z-scored: M's skewness
 * falls from 19.3 to 0.39 (§4.6), so a few big spenders do not make clusters of their own. K is
 * the one of 2..8 with the highest exact silhouette on a seeded sample of at most 5,000
 * customers, each K the lowest-SSE of several kmeans++ starts on that sample; then one fit on
 * everyone starts from the chosen sample centroids (no further randomness, and on 100,000
 * customers it needs a few Lloyd steps instead of a kmeans++ pass per start). The stored seed
 * reproduces every draw: the sample, then each kmeans++ start in order of K.
 */

export type Triple = [number, number, number];

export const K_MIN = 2;
export const K_MAX = 8;
/** The silhouette is O(n²): 4,338 points took 75-165 ms on the 2-core machine (§4.6 suggests 2-5k). */
export const SILHOUETTE_SAMPLE_MAX = 5_000;
/** One k-means run can end in a poor local optimum (§4.3): keep the best of this many starts. */
export const STARTS_PER_K = 5;
/**
 * Fewer customers than this and the runner shows "too few customers" instead of clusters: at
 * K = 8 a 20-customer base averages 2.5 customers per cluster, and a cluster of one scores a
 * silhouette of 0 by convention, so smaller bases would choose K on conventions, not structure.
 */
export const MIN_CLUSTER_CUSTOMERS = 20;
export const DEFAULT_CLUSTER_SEED = 20_111_210;

/**
 * What a cluster is called, from its medians against the whole base's medians (first rule that
 * holds): spend ≥ median and recency ≤ median → high_value_recent; spend ≥ median →
 * high_value_lapsing; orders > median → frequent_low_spend; recency > median → lapsed_low_value;
 * else (recent, few orders, low spend) → new_or_one_time. Two clusters may share a name.
 */
export { CLUSTER_NAME_KEYS, type ClusterNameKey };

export interface KSweepPoint {
  k: number;
  /** Sum of squared z-space distances to the centroids, on the sample. */
  sse: number;
  /** Mean silhouette on the sample, −1..1. */
  silhouette: number;
}

export interface CustomerProfile {
  recencyDays: number;
  frequency: number;
  monetaryCents: number;
}

export interface ClusterProfile {
  /** 0-based, by centroid spend descending: the same data and seed give the same ids. */
  cluster: number;
  name: ClusterNameKey;
  size: number;
  customerShare: number;
  revenueCents: number;
  revenueShare: number;
  /** Medians of the members, in original units. */
  median: CustomerProfile;
  /** The centroid in z-space (log1p R, F, M standardised). */
  centroidZ: Triple;
  /** The centroid back in original units: a geometric-mean-like typical member. */
  centroid: CustomerProfile;
}

export interface ClusterFit {
  ok: true;
  seed: number;
  /** How many customers the K sweep and its silhouettes used. */
  sampleSize: number;
  /** K = 2..8, or up to the number of distinct customers when that is smaller. */
  sweep: KSweepPoint[];
  /** Clusters in the final fit: the chosen K (unless the final fit left a cluster empty). */
  k: number;
  /** The chosen K's silhouette on the sample. */
  silhouette: number;
  /** SSE of the final fit on everyone. */
  sse: number;
  /** The log1p features' mean and standard deviation (R, F, M), to place new customers. */
  scaling: { mean: Triple; sd: Triple };
  clusters: ClusterProfile[];
  /** One per input customer, in input order. */
  assignments: { customerId: number; cluster: number }[];
}

/**
 * invalid_values: a recency, frequency or spend that is negative, NaN or infinite (log1p needs
 * ≥ 0); too_few_customers: under MIN_CLUSTER_CUSTOMERS; identical_customers: every customer
 * has the same R, F and M, so there is nothing to split.
 */
export type ClusterRefusalReason = 'invalid_values' | 'too_few_customers' | 'identical_customers';

export interface ClusterRefusal {
  ok: false;
  reason: ClusterRefusalReason;
  customers: number;
  /** For too_few_customers: how many it needs. */
  minimumCustomers?: number;
  /** For invalid_values: the first 10 customers at fault. */
  invalidCustomerIds?: number[];
}

export function clusterCustomers(
  features: readonly RfmFeatures[],
  options: { seed?: number } = {},
): ClusterFit | ClusterRefusal {
  const seed = options.seed ?? DEFAULT_CLUSTER_SEED;
  const customers = features.length;
  const invalid = features.filter((c) => ![c.recencyDays, c.frequency, c.monetaryCents].every(isValidValue));
  if (invalid.length > 0) {
    const invalidCustomerIds = invalid.slice(0, 10).map((c) => c.customerId);
    return { ok: false, reason: 'invalid_values', customers, invalidCustomerIds };
  }
  if (customers < MIN_CLUSTER_CUSTOMERS) {
    return { ok: false, reason: 'too_few_customers', customers, minimumCustomers: MIN_CLUSTER_CUSTOMERS };
  }

  const random = new Random(seed);
  const sample = sampleIndices(customers, SILHOUETTE_SAMPLE_MAX, random);
  // No more clusters than distinct points, or k-means makes duplicate centres and empty
  // clusters (§4.3). Counted on the sample, which is everyone up to 5,000 customers.
  const kMax = Math.min(K_MAX, distinctRows(sample.map((i) => features[i]!)));
  if (kMax < K_MIN) return { ok: false, reason: 'identical_customers', customers };

  const { points, mean, sd } = standardise(features);
  const samplePoints = new Float64Array(3 * sample.length);
  sample.forEach((row, i) => samplePoints.set(points.subarray(3 * row, 3 * row + 3), 3 * i));
  const fits: KMeansFit[] = [];
  for (let k = K_MIN; k <= kMax; k++) fits.push(bestOfStarts(samplePoints, k, STARTS_PER_K, random));
  const silhouettes = meanSilhouettes(
    samplePoints,
    fits.map((fit) => fit.labels),
  );
  const sweep = fits.map((fit, i) => ({ k: K_MIN + i, sse: fit.sse, silhouette: silhouettes[i]! }));
  // Highest silhouette; a tie goes to the smaller K (fewer segments to act on).
  const chosen = sweep.reduce((best, point) => (point.silhouette > best.silhouette ? point : best));

  const final = lloyd(points, fits[chosen.k - K_MIN]!.centroids);
  const { clusters, indexOf } = profileClusters(features, final, { mean, sd });
  return {
    ok: true,
    seed,
    sampleSize: sample.length,
    sweep,
    k: clusters.length,
    silhouette: chosen.silhouette,
    sse: final.sse,
    scaling: { mean, sd },
    clusters,
    assignments: features.map((c, i) => ({ customerId: c.customerId, cluster: indexOf[final.labels[i]!]! })),
  };
}

const isValidValue = (value: number) => Number.isFinite(value) && value >= 0;

function distinctRows(rows: readonly RfmFeatures[]): number {
  return new Set(rows.map((c) => `${c.recencyDays},${c.frequency},${c.monetaryCents}`)).size;
}

/** log1p of R, F and M (major units), then z-scores; a constant feature (σ = 0) is 0 throughout. */
function standardise(features: readonly RfmFeatures[]) {
  const n = features.length;
  const points: Coordinates = new Float64Array(3 * n);
  features.forEach((c, i) => {
    points[3 * i] = Math.log1p(c.recencyDays);
    points[3 * i + 1] = Math.log1p(c.frequency);
    points[3 * i + 2] = Math.log1p(c.monetaryCents / 100);
  });
  const moments = [0, 1, 2].map((d) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += points[3 * i + d]!;
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (points[3 * i + d]! - mean) ** 2;
    // A constant feature still shows a σ of ~1e-16 from rounding; dividing by it would blow the
    // rounding up to unit size, so below 1e-9 (log1p values are 0..~20) it is 0 and so is z.
    const spread = Math.sqrt(squares / n);
    const sd = spread > 1e-9 ? spread : 0;
    for (let i = 0; i < n; i++) points[3 * i + d] = sd > 0 ? (points[3 * i + d]! - mean) / sd : 0;
    return { mean, sd };
  });
  const mean = moments.map((m) => m.mean) as Triple;
  const sd = moments.map((m) => m.sd) as Triple;
  return { points, mean, sd };
}

/**
 * Sizes, revenue, medians and names per cluster; ids renumbered by centroid spend descending
 * (k-means ids are arbitrary, §4.3), and a cluster the final fit left empty dropped.
 */
function profileClusters(features: readonly RfmFeatures[], fit: KMeansFit, scaling: ClusterFit['scaling']) {
  const centroidOf = (label: number): Triple => [
    fit.centroids[3 * label]!,
    fit.centroids[3 * label + 1]!,
    fit.centroids[3 * label + 2]!,
  ];
  const k = fit.centroids.length / 3;
  const members: RfmFeatures[][] = Array.from({ length: k }, () => []);
  fit.labels.forEach((label, i) => members[label]!.push(features[i]!));
  const order = Array.from({ length: k }, (_, label) => label)
    .filter((label) => members[label]!.length > 0)
    .sort((a, b) => centroidOf(b)[2] - centroidOf(a)[2] || a - b);
  const indexOf = new Int32Array(k).fill(-1);
  order.forEach((label, index) => (indexOf[label] = index));

  const totalRevenue = features.reduce((sum, c) => sum + c.monetaryCents, 0);
  const base = medians(features);
  const clusters = order.map((label, cluster): ClusterProfile => {
    const group = members[label]!;
    const revenueCents = group.reduce((sum, c) => sum + c.monetaryCents, 0);
    const median = medians(group);
    const centroidZ = centroidOf(label);
    return {
      cluster,
      name: clusterName(median, base),
      size: group.length,
      customerShare: group.length / features.length,
      revenueCents,
      revenueShare: totalRevenue === 0 ? 0 : revenueCents / totalRevenue,
      median,
      centroidZ,
      centroid: backTransform(centroidZ, scaling),
    };
  });
  return { clusters, indexOf };
}

/** Medians of a non-empty group. */
function medians(group: readonly RfmFeatures[]): CustomerProfile {
  return {
    recencyDays: median(group.map((c) => c.recencyDays))!,
    frequency: median(group.map((c) => c.frequency))!,
    monetaryCents: median(group.map((c) => c.monetaryCents))!,
  };
}

/** A cluster's name from its medians and everyone's (the rules of CLUSTER_NAME_KEYS, in order). */
export function clusterName(cluster: CustomerProfile, base: CustomerProfile): ClusterNameKey {
  const recent = cluster.recencyDays <= base.recencyDays;
  if (cluster.monetaryCents >= base.monetaryCents) return recent ? 'high_value_recent' : 'high_value_lapsing';
  if (cluster.frequency > base.frequency) return 'frequent_low_spend';
  return recent ? 'new_or_one_time' : 'lapsed_low_value';
}

/** z → log1p space → original units (the inverse of `standardise`; σ = 0 features sit at μ). */
function backTransform(z: Triple, { mean, sd }: ClusterFit['scaling']): CustomerProfile {
  const original = z.map((value, d) => Math.expm1(value * sd[d]! + mean[d]!));
  return { recencyDays: original[0]!, frequency: original[1]!, monetaryCents: original[2]! * 100 };
}
