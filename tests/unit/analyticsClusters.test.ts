import { beforeAll, describe, expect, it } from 'vitest';
import {
  clusterCustomers,
  clusterName,
  MIN_CLUSTER_CUSTOMERS,
  SILHOUETTE_SAMPLE_MAX,
  type ClusterFit,
  type CustomerProfile,
} from '../../src-main/analytics/clusters';
import { rfmFeatures, type RfmFeatures } from '../../src-main/analytics/features';
import { bestOfStarts, kmeansPlusPlus, lloyd } from '../../src-main/analytics/kmeans';
import { meanSilhouettes, sampleIndices } from '../../src-main/analytics/silhouette';
import { Random } from '../../src-main/demo/random';
import { ONLINE_RETAIL_AS_OF, onlineRetailHistories } from '../support/referenceData';

const customer = (customerId: number, recencyDays: number, frequency: number, monetaryCents: number) => ({
  customerId,
  recencyDays,
  frequency,
  monetaryCents,
  tenureDays: recencyDays,
});

/** `perGroup` customers around each (recency, frequency, spend) centre, log-normal spread. */
function syntheticBase(centres: [number, number, number][], perGroup: number, seed: number): RfmFeatures[] {
  const random = new Random(seed);
  return centres.flatMap(([recency, frequency, cents], group) =>
    Array.from({ length: perGroup }, (_, i) =>
      customer(
        group * perGroup + i,
        Math.round(recency * random.logNormal(0.15)),
        Math.max(1, Math.round(frequency * random.logNormal(0.15))),
        Math.round(cents * random.logNormal(0.15)),
      ),
    ),
  );
}

const fitted = (result: ReturnType<typeof clusterCustomers>): ClusterFit => {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
};

/** Random points in the unit cube, flat x y z. */
function randomPoints(n: number, seed: number): Float64Array {
  const random = new Random(seed);
  return Float64Array.from({ length: 3 * n }, () => random.next());
}

describe('K-means on Online Retail (4,338 customers as of 2011-12-10, analytics.md §4.5)', () => {
  let features: RfmFeatures[];
  let fit: ClusterFit;
  beforeAll(() => {
    features = rfmFeatures(onlineRetailHistories(), ONLINE_RETAIL_AS_OF);
    fit = fitted(clusterCustomers(features, { seed: 7 }));
  });

  // §4.5: log1p + z-score, best of 10 seeds, exact silhouette on all 4,338.
  const reference = [
    { k: 2, sse: 6474, silhouette: 0.433 },
    { k: 3, sse: 4856, silhouette: 0.337 },
    { k: 4, sse: 3924, silhouette: 0.335 },
    { k: 5, sse: 3268, silhouette: 0.318 },
    { k: 6, sse: 2840, silhouette: 0.316 },
    { k: 7, sse: 2533, silhouette: 0.31 },
    { k: 8, sse: 2326, silhouette: 0.303 },
  ];

  it('sweeps K = 2..8 on all of them with silhouettes and SSE as the reference publishes', () => {
    expect(fit.sampleSize).toBe(4_338);
    expect(fit.sweep.map((point) => point.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    fit.sweep.forEach((point, i) => {
      expect(Math.abs(point.silhouette - reference[i]!.silhouette), `K = ${point.k}`).toBeLessThan(0.015);
      // Best of 5 starts, not 10: at most a few percent above the reference's SSE.
      expect(point.sse / reference[i]!.sse, `K = ${point.k}`).toBeGreaterThan(0.97);
      expect(point.sse / reference[i]!.sse, `K = ${point.k}`).toBeLessThan(1.03);
    });
  });

  it('chooses K = 2, the clear silhouette maximum, and fits every customer', () => {
    expect(fit.k).toBe(2);
    expect(fit.silhouette).toBe(fit.sweep[0]!.silhouette);
    expect(fit.assignments.map((a) => a.customerId)).toEqual(features.map((c) => c.customerId));
    expect(fit.clusters.map((p) => p.size)).toEqual(
      [0, 1].map((index) => fit.assignments.filter((a) => a.cluster === index).length),
    );
    expect(fit.clusters.reduce((sum, p) => sum + p.size, 0)).toBe(4_338);
    expect(fit.clusters.reduce((sum, p) => sum + p.revenueShare, 0)).toBeCloseTo(1, 12);
  });

  it('puts the valuable recent buyers first: a minority with most of the revenue', () => {
    const [valuable, rest] = fit.clusters;
    expect(valuable).toMatchObject({ cluster: 0, name: 'high_value_recent' });
    expect(rest).toMatchObject({ cluster: 1, name: 'lapsed_low_value' });
    expect(valuable!.customerShare).toBeGreaterThan(0.3);
    expect(valuable!.customerShare).toBeLessThan(0.45);
    expect(valuable!.revenueShare).toBeGreaterThan(0.8);
    expect(valuable!.median.frequency).toBeGreaterThan(rest!.median.frequency);
    expect(valuable!.median.recencyDays).toBeLessThan(rest!.median.recencyDays);
    expect(valuable!.centroid.monetaryCents).toBeGreaterThan(rest!.centroid.monetaryCents);
  });

  it('keeps the log1p means and standard deviations used for the z-scores', () => {
    const logs = features.map((c) => Math.log1p(c.monetaryCents / 100));
    const mean = logs.reduce((sum, x) => sum + x, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / logs.length);
    expect(fit.scaling.mean[2]).toBeCloseTo(mean, 10);
    expect(fit.scaling.sd[2]).toBeCloseTo(sd, 10);
    // A centroid's z-coordinates map back to its original-unit profile.
    const [, f] = fit.clusters[0]!.centroidZ;
    expect(fit.clusters[0]!.centroid.frequency).toBeCloseTo(
      Math.expm1(f * fit.scaling.sd[1] + fit.scaling.mean[1]),
      10,
    );
  });

  it('gives identical results for the same seed, and the same picture for another', () => {
    expect(clusterCustomers(features, { seed: 7 })).toEqual(fit);
    const other = fitted(clusterCustomers(features, { seed: 8 }));
    expect(other.k).toBe(2);
    other.sweep.forEach((point, i) => {
      expect(Math.abs(point.silhouette - fit.sweep[i]!.silhouette), `K = ${point.k}`).toBeLessThan(0.02);
    });
    // Labels are sorted by centroid spend, so cluster 0 is the same group of customers.
    const agree = other.assignments.filter((a, i) => a.cluster === fit.assignments[i]!.cluster).length;
    expect(agree / features.length).toBeGreaterThan(0.99);
  });
});

describe('clusterCustomers on more customers than the silhouette sample', () => {
  it('sweeps on a 5,000-customer sample, fits everyone and finds four clear groups', () => {
    const base = syntheticBase(
      [
        [5, 20, 400_000],
        [250, 3, 200_000],
        [20, 10, 8_000],
        [300, 1, 3_000],
      ],
      3_000,
      3,
    );
    const fit = fitted(clusterCustomers(base, { seed: 1 }));
    expect(fit.sampleSize).toBe(SILHOUETTE_SAMPLE_MAX);
    expect(fit.k).toBe(4);
    expect(fit.assignments).toHaveLength(12_000);
    // Each generated group is one cluster, the biggest spenders first.
    [0, 1, 2, 3].forEach((group) => {
      const clusters = new Set(
        fit.assignments.slice(group * 3_000, (group + 1) * 3_000).map((a) => a.cluster),
      );
      expect([...clusters]).toEqual([group]);
    });
    expect(fit.clusters.map((p) => p.name)).toEqual([
      'high_value_recent',
      'high_value_lapsing',
      'frequent_low_spend',
      'lapsed_low_value',
    ]);
    expect(clusterCustomers(base, { seed: 1 })).toEqual(fit);
  });
});

describe('clusterCustomers guards: a result the runner can show, never a cryptic exception', () => {
  const spread = (n: number) =>
    Array.from({ length: n }, (_, i) => customer(i + 1, i * 7, 1 + (i % 5), 1_000 + i * 333));

  it('refuses NaN, Infinity and negative values, naming the customers', () => {
    const base = spread(30);
    base[3] = { ...base[3]!, recencyDays: Number.NaN };
    base[8] = { ...base[8]!, monetaryCents: Number.POSITIVE_INFINITY };
    base[9] = { ...base[9]!, frequency: -1 };
    expect(clusterCustomers(base)).toEqual({
      ok: false,
      reason: 'invalid_values',
      customers: 30,
      invalidCustomerIds: [4, 9, 10],
    });
  });

  it(`refuses fewer than ${MIN_CLUSTER_CUSTOMERS} customers and says how many it needs`, () => {
    expect(clusterCustomers(spread(MIN_CLUSTER_CUSTOMERS - 1))).toEqual({
      ok: false,
      reason: 'too_few_customers',
      customers: MIN_CLUSTER_CUSTOMERS - 1,
      minimumCustomers: MIN_CLUSTER_CUSTOMERS,
    });
    expect(clusterCustomers(spread(MIN_CLUSTER_CUSTOMERS)).ok).toBe(true);
    expect(clusterCustomers([])).toMatchObject({ ok: false, reason: 'too_few_customers' });
  });

  it('refuses customers who are all identical', () => {
    const same = Array.from({ length: 40 }, (_, i) => customer(i, 10, 2, 5_000));
    expect(clusterCustomers(same)).toEqual({
      ok: false,
      reason: 'identical_customers',
      customers: 40,
    });
  });

  it('caps K at the number of distinct customers', () => {
    const rows: [number, number, number][] = [
      [3, 9, 90_000],
      [40, 3, 9_000],
      [200, 1, 900],
    ];
    const base = Array.from({ length: 30 }, (_, i) => customer(i, ...rows[i % 3]!));
    const fit = fitted(clusterCustomers(base));
    expect(fit.sweep.map((point) => point.k)).toEqual([2, 3]);
    expect(fit.k).toBe(3);
    // Three tight (identical) groups: silhouette 1, each group one cluster.
    expect(fit.silhouette).toBe(1);
    expect(fit.clusters.map((p) => p.size)).toEqual([10, 10, 10]);
    expect(fit.assignments.map((a) => a.cluster)).toEqual(base.map((_, i) => i % 3));
  });

  it('copes with a feature that never varies (σ = 0)', () => {
    const base = spread(40).map((c) => ({ ...c, frequency: 1 }));
    const fit = fitted(clusterCustomers(base));
    expect(fit.scaling.sd[1]).toBe(0);
    for (const profile of fit.clusters) {
      expect(profile.centroidZ[1]).toBe(0);
      expect(profile.centroid.frequency).toBeCloseTo(1, 12);
      expect(Number.isFinite(profile.centroid.monetaryCents)).toBe(true);
    }
  });
});

describe('cluster names: medians against the whole base (first rule that holds)', () => {
  const base: CustomerProfile = { recencyDays: 50, frequency: 2, monetaryCents: 60_000 };
  const at = (recencyDays: number, frequency: number, monetaryCents: number) => ({
    recencyDays,
    frequency,
    monetaryCents,
  });

  it.each([
    ['high_value_recent', at(10, 6, 200_000)],
    ['high_value_recent', at(50, 1, 60_000)],
    ['high_value_lapsing', at(51, 6, 200_000)],
    ['frequent_low_spend', at(200, 3, 30_000)],
    ['lapsed_low_value', at(200, 2, 30_000)],
    ['new_or_one_time', at(20, 1, 30_000)],
    ['new_or_one_time', at(50, 2, 59_999)],
  ] as const)('%s for %o', (name, medians) => {
    expect(clusterName(medians, base)).toBe(name);
  });
});

describe('meanSilhouettes: exact, one pass for several clusterings', () => {
  /** The textbook definition, pair by pair. */
  function naiveSilhouette(points: Float64Array, labels: Int32Array): number {
    const n = labels.length;
    const distance = (i: number, j: number) =>
      Math.hypot(
        points[3 * i]! - points[3 * j]!,
        points[3 * i + 1]! - points[3 * j + 1]!,
        points[3 * i + 2]! - points[3 * j + 2]!,
      );
    const k = Math.max(...labels) + 1;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const sums = new Array<number>(k).fill(0);
      const sizes = new Array<number>(k).fill(0);
      for (let j = 0; j < n; j++) {
        sizes[labels[j]!]!++;
        if (j !== i) sums[labels[j]!]! += distance(i, j);
      }
      const own = labels[i]!;
      if (sizes[own]! < 2) continue;
      const a = sums[own]! / (sizes[own]! - 1);
      const others = sums.map((sum, c) => (c !== own && sizes[c]! > 0 ? sum / sizes[c]! : Infinity));
      const b = Math.min(...others);
      if (b < Infinity) total += (b - a) / Math.max(a, b);
    }
    return total / n;
  }

  it('matches the pair-by-pair definition for k-means clusterings', () => {
    const points = randomPoints(300, 5);
    const random = new Random(6);
    const labelings = [2, 3, 5, 8].map((k) => bestOfStarts(points, k, 2, random).labels);
    const fast = meanSilhouettes(points, labelings);
    labelings.forEach((labels, t) => expect(fast[t]).toBeCloseTo(naiveSilhouette(points, labels), 12));
  });

  it('matches it too when the clusterings disagree everywhere (one clustering at a time)', () => {
    const n = 2_100;
    const points = randomPoints(n, 8);
    const random = new Random(9);
    // 7 random labelings: ~2,000 label tuples, a 2,100 × 2,000 table past the 4M-cell limit.
    const labelings = [2, 3, 4, 5, 6, 7, 8].map((k) =>
      Int32Array.from({ length: n }, () => random.int(0, k - 1)),
    );
    const fast = meanSilhouettes(points, labelings);
    expect(fast[0]).toBeCloseTo(naiveSilhouette(points, labelings[0]!), 12);
    expect(fast[6]).toBeCloseTo(naiveSilhouette(points, labelings[6]!), 12);
  });

  it('scores two far-apart tight pairs near 1, and a point alone or a single cluster 0', () => {
    const points = Float64Array.from([0, 0, 0, 0, 0, 0.1, 10, 0, 0, 10, 0, 0.1]);
    expect(meanSilhouettes(points, [Int32Array.from([0, 0, 1, 1])])[0]).toBeCloseTo(1 - 0.1 / 10, 3);
    // Point 3 alone: s = 0 for it; the others as the definition says.
    const lonely = Int32Array.from([0, 0, 0, 1]);
    expect(meanSilhouettes(points, [lonely])[0]).toBeCloseTo(naiveSilhouette(points, lonely), 12);
    expect(meanSilhouettes(points, [Int32Array.from([0, 0, 0, 0])])).toEqual([0]);
  });
});

describe('sampleIndices', () => {
  it('takes everyone up to the cap', () => {
    expect(sampleIndices(5, 10, new Random(1))).toEqual([0, 1, 2, 3, 4]);
  });

  it('draws distinct indices in ascending order, the same for the same seed', () => {
    const sample = sampleIndices(20_000, 5_000, new Random(2));
    expect(sample).toHaveLength(5_000);
    expect(new Set(sample).size).toBe(5_000);
    expect(
      sample.every((index, i) => index >= 0 && index < 20_000 && (i === 0 || index > sample[i - 1]!)),
    ).toBe(true);
    expect(sampleIndices(20_000, 5_000, new Random(2))).toEqual(sample);
    // Spread over the whole range, not the first rows.
    expect(sample.filter((index) => index >= 15_000).length).toBeGreaterThan(1_000);
  });
});

describe('k-means core', () => {
  /** Plain Lloyd without bounds, as the textbook writes it. */
  function plainLloyd(points: Float64Array, start: Float64Array) {
    const n = points.length / 3;
    const k = start.length / 3;
    const centroids = Float64Array.from(start);
    const labels = new Int32Array(n).fill(-1);
    for (let changed = true; changed;) {
      changed = false;
      for (let i = 0; i < n; i++) {
        let best = 0;
        let bestDistance = Infinity;
        for (let c = 0; c < k; c++) {
          let d = 0;
          for (let axis = 0; axis < 3; axis++) d += (points[3 * i + axis]! - centroids[3 * c + axis]!) ** 2;
          if (d < bestDistance) [best, bestDistance] = [c, d];
        }
        if (labels[i] !== best) [labels[i], changed] = [best, true];
      }
      for (let c = 0; c < k; c++) {
        const members = [...labels.keys()].filter((i) => labels[i] === c);
        if (members.length === 0) continue;
        for (let axis = 0; axis < 3; axis++) {
          centroids[3 * c + axis] =
            members.reduce((sum, i) => sum + points[3 * i + axis]!, 0) / members.length;
        }
      }
    }
    return labels;
  }

  it("ends where plain Lloyd ends (Hamerly's bounds only skip work)", () => {
    const points = randomPoints(2_000, 11);
    for (const k of [2, 5, 8]) {
      const start = kmeansPlusPlus(points, k, new Random(k));
      const fit = lloyd(points, start);
      expect(fit.converged).toBe(true);
      expect([...fit.labels]).toEqual([...plainLloyd(points, start)]);
      let sse = 0;
      fit.labels.forEach((label, i) => {
        for (let axis = 0; axis < 3; axis++)
          sse += (points[3 * i + axis]! - fit.centroids[3 * label + axis]!) ** 2;
      });
      expect(fit.sse).toBeCloseTo(sse, 9);
    }
  });

  it('picks k distinct kmeans++ centres even when most points are duplicates', () => {
    const points = Float64Array.from([...new Array<number>(300).fill(0), 1, 1, 1, 2, 2, 2, 5, 0, 5]);
    for (let seed = 0; seed < 20; seed++) {
      const centres = kmeansPlusPlus(points, 4, new Random(seed));
      const distinct = new Set([0, 1, 2, 3].map((c) => centres.slice(3 * c, 3 * c + 3).join(',')));
      expect(distinct.size).toBe(4);
    }
  });

  it('keeps the lowest-SSE start', () => {
    const points = randomPoints(500, 12);
    const best = bestOfStarts(points, 6, 5, new Random(3));
    const random = new Random(3);
    const single = Array.from({ length: 5 }, () => lloyd(points, kmeansPlusPlus(points, 6, random)).sse);
    expect(best.sse).toBe(Math.min(...single));
  });
});
