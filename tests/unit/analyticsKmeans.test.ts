import { kmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { rfmFeatures } from '../../src-main/analytics/features';
import { bestOfStarts } from '../../src-main/analytics/kmeans';
import { Random } from '../../src-main/demo/random';
import { ONLINE_RETAIL_AS_OF, onlineRetailHistories } from '../support/referenceData';

/**
 * Our k-means (decision 40) against ml-kmeans, the card's package, on the same standardized
 * log1p(R, F, M) of the 4,338 Online Retail customers: with the same number of starts, ours must
 * reach an SSE at least as low (1 % slack for the luck of the starts).
 */
function standardizedPoints(): number[][] {
  const rows = rfmFeatures(onlineRetailHistories(), ONLINE_RETAIL_AS_OF).map((customer) => [
    Math.log1p(customer.recencyDays),
    Math.log1p(customer.frequency),
    Math.log1p(customer.monetaryCents / 100),
  ]);
  const columns = [0, 1, 2].map((j) => {
    const values = rows.map((row) => row[j]!);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
    return { mean, sd };
  });
  return rows.map((row) => row.map((value, j) => (value - columns[j]!.mean) / columns[j]!.sd));
}

const sse = (points: number[][], centroids: number[][], labels: number[]) =>
  points.reduce(
    (sum, point, i) => sum + point.reduce((d, value, j) => d + (value - centroids[labels[i]!]![j]!) ** 2, 0),
    0,
  );

describe('k-means against ml-kmeans', () => {
  const points = standardizedPoints();
  const flat = Float64Array.from(points.flat());

  it.each([2, 3, 5, 8])('reaches an SSE no worse than ml-kmeans at K = %i (5 starts each)', (k) => {
    const ours = bestOfStarts(flat, k, 5, new Random(1)).sse;
    const theirs = Math.min(
      ...[1, 2, 3, 4, 5].map((seed) => {
        const fit = kmeans(points, k, { seed, initialization: 'kmeans++', maxIterations: 300 });
        return sse(points, fit.centroids, fit.clusters);
      }),
    );
    expect(ours).toBeLessThanOrEqual(theirs * 1.01);
  });
});
