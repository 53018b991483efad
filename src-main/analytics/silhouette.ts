import type { Random } from '../demo/random';
import type { Coordinates } from './kmeans';

/**
 * The mean silhouette of several clusterings of the same points, exact (Rousseeuw 1987,
 * analytics.md §4.6): s(i) = (b_i − a_i) / max(a_i, b_i), where a_i is the mean Euclidean distance
 * from i to the other members of its cluster and b_i the smallest mean distance from i to another
 * non-empty cluster; s(i) = 0 for a point alone in its cluster (as scikit-learn does) or when there
 * is no other cluster. O(n²) distances: callers cap n (see `sampleIndices`).
 *
 * One pass serves every clustering: the points are grouped by their tuple of labels (the common
 * refinement of the clusterings: 83 groups for K = 2..8 on Online Retail), the distance of each
 * pair is computed once and added to both points' sums for the other's group, and a cluster's
 * sum is then the sum of its groups. One n²/2 pass instead of one n² pass per K.
 */
export function meanSilhouettes(points: Coordinates, labelings: readonly Int32Array[]): number[] {
  const n = points.length / 3;
  if (n === 0) return labelings.map(() => 0);
  const { groupStart, groupLabels, order } = groupByLabelTuple(labelings, n);
  const groupCount = groupStart.length - 1;
  // The pass below holds an n × groups table: past 4M cells (32 MB; only labelings that
  // disagree almost everywhere get there) take the clusterings one at a time instead.
  if (labelings.length > 1 && n * groupCount > MAX_TABLE_CELLS) {
    return labelings.map((labels) => meanSilhouettes(points, [labels])[0]!);
  }
  const toGroup = distancesToGroups(points, order, groupStart);
  const clusterSizes = labelings.map((labels) => countLabels(labels));
  const clusterSums = clusterSizes.map((sizes) => new Float64Array(sizes.length));
  const totals = new Float64Array(labelings.length);
  const pointToGroups = new Float64Array(groupCount);
  for (let group = 0; group < groupCount; group++) {
    for (let position = groupStart[group]!; position < groupStart[group + 1]!; position++) {
      // One strided read of the point's column, then every clustering from it.
      for (let other = 0; other < groupCount; other++) pointToGroups[other] = toGroup[other * n + position]!;
      for (let t = 0; t < labelings.length; t++) {
        const labelOfGroup = groupLabels[t]!;
        const sums = clusterSums[t]!.fill(0);
        for (let other = 0; other < groupCount; other++) sums[labelOfGroup[other]!]! += pointToGroups[other]!;
        totals[t]! += pointSilhouette(sums, clusterSizes[t]!, labelOfGroup[group]!);
      }
    }
  }
  return Array.from(totals, (total) => total / n);
}

const MAX_TABLE_CELLS = 4_000_000;

/**
 * table[g·n + p] = Σ of the distances from the point at position p (in group order) to the
 * points of group g. Each pair is measured once (p < q) and counted for both ends: the q end
 * adds to row group(p), contiguous in q, and the p end sums a whole group into one number.
 */
function distancesToGroups(points: Coordinates, order: Int32Array, groupStart: Int32Array): Float64Array {
  const n = order.length;
  const groupCount = groupStart.length - 1;
  // Coordinates in group order, so each group's points are contiguous.
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const zs = new Float64Array(n);
  order.forEach((index, position) => {
    xs[position] = points[3 * index]!;
    ys[position] = points[3 * index + 1]!;
    zs[position] = points[3 * index + 2]!;
  });
  const table = new Float64Array(n * groupCount);
  for (let group = 0; group < groupCount; group++) {
    for (let p = groupStart[group]!; p < groupStart[group + 1]!; p++) {
      for (let other = group; other < groupCount; other++) {
        const from = other === group ? p + 1 : groupStart[other]!;
        table[other * n + p]! += sumDistances(xs, ys, zs, p, from, groupStart[other + 1]!, table, group * n);
      }
    }
  }
  return table;
}

/** Σ distances from point p to the points from..to−1, each also added to row[q]. */
function sumDistances(
  xs: Float64Array,
  ys: Float64Array,
  zs: Float64Array,
  p: number,
  from: number,
  to: number,
  table: Float64Array,
  row: number,
): number {
  const x = xs[p]!;
  const y = ys[p]!;
  const z = zs[p]!;
  let sum = 0;
  for (let q = from; q < to; q++) {
    const dx = x - xs[q]!;
    const dy = y - ys[q]!;
    const dz = z - zs[q]!;
    const distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
    sum += distance;
    table[row + q]! += distance;
  }
  return sum;
}

/** s(i) from the sums of distances from i to each cluster (i's own distance to itself is 0). */
function pointSilhouette(sums: Float64Array, sizes: Int32Array, own: number): number {
  if (sizes[own]! < 2) return 0;
  const a = sums[own]! / (sizes[own]! - 1);
  let b = Infinity;
  for (let cluster = 0; cluster < sizes.length; cluster++) {
    if (cluster !== own && sizes[cluster]! > 0) b = Math.min(b, sums[cluster]! / sizes[cluster]!);
  }
  const scale = Math.max(a, b);
  return b === Infinity || scale === 0 ? 0 : (b - a) / scale;
}

function countLabels(labels: Int32Array): Int32Array {
  const sizes = new Int32Array(labels.reduce((max, label) => Math.max(max, label), 0) + 1);
  for (const label of labels) sizes[label]!++;
  return sizes;
}

/**
 * Points grouped by their labels under every clustering: `order` lists the point indices group
 * by group, group g occupies order[groupStart[g] .. groupStart[g+1]), and groupLabels[t][g] is
 * the label clustering t gives the group.
 */
function groupByLabelTuple(labelings: readonly Int32Array[], n: number) {
  const groupIds = new Map<string, number>();
  const groupOf = new Int32Array(n);
  const groupLabels: number[][] = labelings.map(() => []);
  for (let i = 0; i < n; i++) {
    const key = labelings.map((labels) => labels[i]).join(',');
    let group = groupIds.get(key);
    if (group === undefined) {
      group = groupIds.size;
      groupIds.set(key, group);
      labelings.forEach((labels, t) => groupLabels[t]!.push(labels[i]!));
    }
    groupOf[i] = group;
  }
  const groupStart = new Int32Array(groupIds.size + 1);
  for (const group of groupOf) groupStart[group + 1]!++;
  for (let group = 0; group < groupIds.size; group++) groupStart[group + 1]! += groupStart[group]!;
  const next = groupStart.slice(0, -1);
  const order = new Int32Array(n);
  groupOf.forEach((group, i) => {
    order[next[group]!++] = i;
  });
  return { groupStart, groupLabels, order };
}

/**
 * Which rows the silhouette is computed on: all of them when there are at most `max`, else `max`
 * distinct indices drawn uniformly (partial Fisher-Yates) from `random`, in ascending order.
 */
export function sampleIndices(n: number, max: number, random: Random): number[] {
  const indices = Array.from({ length: n }, (_, i) => i);
  if (n <= max) return indices;
  for (let i = 0; i < max; i++) {
    const j = random.int(i, n - 1);
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices.slice(0, max).sort((a, b) => a - b);
}
