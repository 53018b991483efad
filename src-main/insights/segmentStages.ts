import type { ClusterFigures, SegmentFigures } from '../../src-shared/contract';
import { clusterCustomers, type ClusterFit } from '../analytics/clusters';
import type { RfmFeatures } from '../analytics/features';
import { scoreRfm, segmentSummary, type ScoredCustomer } from '../analytics/rfm';
import { Random } from '../demo/random';

/** RFM scores and the 11 segments, as the run summary shows them (every segment, empty ones too). */
export function segmentStage(features: readonly RfmFeatures[]): {
  scored: ScoredCustomer[];
  segments: SegmentFigures[];
  grid: { r: number; f: number; count: number }[];
} {
  const scored = scoreRfm(features);
  const segments = segmentSummary(scored).map((summary) => ({
    key: summary.segment,
    action: summary.action,
    count: summary.count,
    share: summary.customerShare,
    revenueCents: summary.revenueCents,
    revenueShare: summary.revenueShare,
    medianRecencyDays: summary.medianRecencyDays ?? 0,
    medianFrequency: summary.medianFrequency ?? 0,
    medianMonetaryCents: summary.medianMonetaryCents ?? 0,
  }));
  const cells = new Map<string, number>();
  for (const customer of scored) {
    const key = `${customer.r}${customer.f}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  const grid = [];
  for (let r = 1; r <= 5; r++)
    for (let f = 1; f <= 5; f++) grid.push({ r, f, count: cells.get(`${r}${f}`) ?? 0 });
  return { scored, segments, grid };
}

/** The scatter chart shows this many customers at most: enough to see the shapes, light to draw. */
const SCATTER_POINTS = 1_500;

/** K-means clusters as the summary shows them, and each customer's cluster. */
export function clusterStage(
  features: readonly RfmFeatures[],
  seed: number,
): { figures: ClusterFigures; clusterOf: Map<number, number> } {
  const fit = clusterCustomers(features, { seed });
  if (!fit.ok) {
    return {
      figures: { ok: false, reason: fit.reason, needed: fit.minimumCustomers ?? null },
      clusterOf: new Map(),
    };
  }
  const clusterOf = new Map(fit.assignments.map(({ customerId, cluster }) => [customerId, cluster]));
  return { figures: clusterFigures(fit, features, clusterOf, seed), clusterOf };
}

function clusterFigures(
  fit: ClusterFit,
  features: readonly RfmFeatures[],
  clusterOf: Map<number, number>,
  seed: number,
): ClusterFigures {
  const chosen = fit.sweep.find((point) => point.k === fit.k);
  const random = new Random(seed ^ 0x5eed);
  const step = Math.max(1, features.length / SCATTER_POINTS);
  const points = [];
  // A systematic sample from a random start: every part of the customer list is represented.
  for (let at = random.next() * step; at < features.length; at += step) {
    const customer = features[Math.floor(at)]!;
    points.push({
      customerId: customer.customerId,
      cluster: clusterOf.get(customer.customerId) ?? 0,
      logRecency: Math.log1p(customer.recencyDays),
      logFrequency: Math.log1p(customer.frequency),
      logMonetary: Math.log1p(customer.monetaryCents / 100),
    });
  }
  return {
    ok: true,
    k: fit.k,
    silhouette: chosen?.silhouette ?? 0,
    seed: fit.seed,
    sweep: fit.sweep,
    profiles: fit.clusters.map((cluster) => ({
      index: cluster.cluster,
      nameKey: cluster.name,
      size: cluster.size,
      revenueShare: cluster.revenueShare,
      medianRecencyDays: cluster.median.recencyDays,
      medianFrequency: cluster.median.frequency,
      medianMonetaryCents: cluster.median.monetaryCents,
    })),
    points,
  };
}
