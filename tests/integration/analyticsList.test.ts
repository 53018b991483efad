import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  SEGMENT_KEYS,
  type AnalyticsRun,
  type CustomerPage,
  type CustomerRowView,
} from '../../src-shared/contract';
import { useBackendCalls } from '../support/tempBackend';

/**
 * The customer list over a real analytics run: sorted by the run's segment and cluster as the
 * owner reads them.
 */

/** The demo's 300 customers with three years of orders, one lead who never bought, and a run over them. */
async function analysedShop() {
  const calls = useBackendCalls();
  await calls.call('demo.load', { customers: 300, seed: 5 });
  await calls.call('customers.create', { name: 'Never Bought' });
  const run = await calls.call<AnalyticsRun>('analytics.run', { jobId: randomUUID() });
  return { ...calls, run };
}

/** Every row of the list (301 customers fit in one window) in the order shown. */
async function allRows(
  call: ReturnType<typeof useBackendCalls>['call'],
  input: Record<string, unknown>,
): Promise<CustomerRowView[]> {
  const page = await call<CustomerPage>('customers.list', { limit: 500, ...input });
  expect(page.rows).toHaveLength(page.total);
  return page.rows;
}

const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

describe('the customer list sorted by the latest run', () => {
  it(
    'sorts by segment from Champions to Lost and back, the unscored last both ways',
    { timeout: 60_000 },
    async () => {
      const { call, run } = await analysedShop();
      const unscored = run.counts.customers - run.counts.customersWithOrders;
      expect(unscored).toBeGreaterThan(0);
      // The ladder the Segments page shows, each segment as many times as the run counted it.
      const ladder = SEGMENT_KEYS.flatMap((key) =>
        repeat(key, run.segments.find((segment) => segment.key === key)!.count),
      );
      expect(new Set(ladder).size).toBeGreaterThan(5);

      const bestFirst = await allRows(call, { sort: { field: 'segment', direction: 'asc' } });
      expect(bestFirst.map((row) => row.analytics?.segment ?? null)).toEqual([
        ...ladder,
        ...repeat(null, unscored),
      ]);
      const worstFirst = await allRows(call, { sort: { field: 'segment', direction: 'desc' } });
      expect(worstFirst.map((row) => row.analytics?.segment ?? null)).toEqual([
        ...[...ladder].reverse(),
        ...repeat(null, unscored),
      ]);
      for (const rows of [bestFirst, worstFirst]) {
        expect(rows.slice(-unscored).map((row) => row.name)).toContain('Never Bought');
      }
    },
  );

  it(
    'sorts by cluster, the biggest spenders’ cluster first or last, the unclustered last both ways',
    { timeout: 60_000 },
    async () => {
      const { call, run } = await analysedShop();
      if (!run.clusters.ok) throw new Error(`no clusters: ${JSON.stringify(run.clusters)}`);
      const unclustered = run.counts.customers - run.counts.customersWithOrders;
      const byIndex = [...run.clusters.profiles].sort((a, b) => a.index - b.index);
      const clusters = byIndex.flatMap((profile) => repeat(profile.index, profile.size));
      // Cluster 0 is the one whose customers spend the most (clusters are numbered that way).
      expect(byIndex[0]!.medianMonetaryCents).toBeGreaterThan(byIndex.at(-1)!.medianMonetaryCents);

      const ascending = await allRows(call, { sort: { field: 'cluster', direction: 'asc' } });
      expect(ascending.map((row) => row.analytics?.cluster ?? null)).toEqual([
        ...clusters,
        ...repeat(null, unclustered),
      ]);
      const descending = await allRows(call, { sort: { field: 'cluster', direction: 'desc' } });
      expect(descending.map((row) => row.analytics?.cluster ?? null)).toEqual([
        ...[...clusters].reverse(),
        ...repeat(null, unclustered),
      ]);
      expect(descending.at(-1)!.analytics).toBeNull();
    },
  );
});
