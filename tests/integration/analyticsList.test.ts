import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RECENCY_STATES, recencyStateFilters } from '../../src-renderer/features/analytics/chartFilters';
import {
  SEGMENT_KEYS,
  type AnalyticsRun,
  type CustomerPage,
  type CustomerRowView,
} from '../../src-shared/contract';
import { useBackendCalls } from '../support/tempBackend';

/**
 * The customer list over a real analytics run: sorted by the run's segment and cluster as the
 * owner reads them, and opened on the customers in one state of the Value page's forecast.
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

describe('the customers behind a state of the Markov forecast', () => {
  it(
    'splits everyone who ever bought into active, lapsed and lost by their last order',
    { timeout: 60_000 },
    async () => {
      const { call, run } = await analysedShop();
      if (!run.forecast.ok) throw new Error('no forecast');
      expect(run.asOf).toBe('2026-01-15');
      const lostAfter = run.forecast.lostAfterMonths;
      const states = await Promise.all(
        RECENCY_STATES.map((state) =>
          allRows(call, { filters: recencyStateFilters(state, run.asOf, lostAfter) }),
        ),
      );
      const [active, lapsed, lost] = states as [CustomerRowView[], CustomerRowView[], CustomerRowView[]];
      for (const rows of states) expect(rows.length).toBeGreaterThan(0);
      // Each customer with an order is in exactly one state; the lead who never bought in none.
      const ids = states.flat().map((row) => row.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(run.counts.customersWithOrders);
      expect(states.flat().some((row) => row.name === 'Never Bought')).toBe(false);

      // Counted back from the as-of day, 15 January 2026: a month, and `lostAfter` months.
      const day = (iso: string | null) => new Date(iso!).getTime();
      const monthAgo = new Date(2025, 11, 15).getTime();
      const lostBefore = new Date(2026, -lostAfter, 15).getTime();
      expect(active.every((row) => day(row.lastOrderAt) >= monthAgo)).toBe(true);
      expect(
        lapsed.every((row) => day(row.lastOrderAt) >= lostBefore && day(row.lastOrderAt) < monthAgo),
      ).toBe(true);
      expect(lost.every((row) => day(row.lastOrderAt) < lostBefore)).toBe(true);
    },
  );
});
