import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  ANALYTICS_STAGES,
  AT_RISK_THRESHOLD,
  SEGMENT_KEYS,
  type AnalyticsRun,
  type ChannelOutput,
  type CustomerPage,
  type CustomerScores,
  type PushEvent,
} from '../../src-shared/contract';
import { useBackendCalls } from '../support/tempBackend';

type Call = ReturnType<typeof useBackendCalls>['call'];

const run = (call: Call, input: Record<string, unknown> = {}) =>
  call<AnalyticsRun>('analytics.run', { jobId: randomUUID(), ...input });

/** A backend with the demo's 300 customers and their three years of orders. */
async function demoBackend() {
  const calls = useBackendCalls();
  await calls.call('demo.load', { customers: 300, seed: 5 });
  return calls;
}

describe('an analytics run on the demo data', () => {
  it('scores every customer with an order and stores what the pages show', { timeout: 60_000 }, async () => {
    const { call } = await demoBackend();
    const result = await run(call);
    const { counts, segments } = result;
    expect(counts.customers).toBe(300);
    expect(counts.customersWithOrders).toBeGreaterThan(200);
    expect(segments.map((segment) => segment.key)).toEqual([...SEGMENT_KEYS]);
    expect(segments.reduce((sum, segment) => sum + segment.count, 0)).toBe(counts.customersWithOrders);
    expect(result.grid).toHaveLength(25);
    expect(result.grid.reduce((sum, cell) => sum + cell.count, 0)).toBe(counts.customersWithOrders);
    expect(result.asOfSource).toBe('today');
    expect(result.stages.map((stage) => stage.stage)).toEqual([...ANALYTICS_STAGES]);

    // Every model has enough data here: none of them refused.
    if (!result.clusters.ok || !result.churn.ok || !result.churn.quality.ok || !result.forecast.ok) {
      throw new Error(`a model refused: ${JSON.stringify([result.clusters, result.churn, result.forecast])}`);
    }
    expect(result.clusters.k).toBeGreaterThanOrEqual(2);
    expect(result.clusters.profiles.reduce((sum, profile) => sum + profile.size, 0)).toBe(
      counts.customersWithOrders,
    );
    expect(result.churn.quality.rocAuc).toBeGreaterThan(0.6);
    expect(result.churn.quality.rocAuc).toBeLessThan(0.99);
    expect(result.lifetime.method).toBe('models');
    expect(result.lifetime.expectedRevenueCents).toBeGreaterThan(0);
    expect(result.forecast.months).toHaveLength(12);
    const month = result.forecast.months[0]!;
    expect(month.active + month.lapsed + month.lost).toBeCloseTo(counts.customersWithOrders, 6);

    const latest = await call<ChannelOutput<'analytics.latest'>>('analytics.latest', {});
    expect(latest).toEqual({ run: { ...result }, runningJobId: null });
  });

  it(
    'opens the customers behind a segment, ranked, in the list and in analytics.customers',
    { timeout: 60_000 },
    async () => {
      const { call } = await demoBackend();
      const result = await run(call);
      const atRisk = result.segments.find((segment) => segment.key === 'at_risk')!;
      expect(atRisk.count).toBeGreaterThan(0);

      const page = await call<CustomerPage>('customers.list', {
        filters: { segments: ['at_risk'] },
        sort: { field: 'churnRisk', direction: 'desc' },
        limit: 500,
      });
      expect(page.total).toBe(atRisk.count);
      expect(page.rows.every((row) => row.analytics?.segment === 'at_risk')).toBe(true);
      const risks = page.rows.map((row) => row.analytics!.churnRisk!);
      expect(risks).toEqual([...risks].sort((a, b) => b - a));

      const ranked = await call<ChannelOutput<'analytics.customers'>>('analytics.customers', {
        segment: 'at_risk',
        sort: 'riskValue',
        limit: 500,
      });
      expect(ranked.total).toBe(atRisk.count);
      const worth = ranked.rows.map(({ scores }) => (scores.churnRisk ?? 0) * (scores.clvCents ?? 0));
      expect(worth).toEqual([...worth].sort((a, b) => b - a));
      expect(ranked.rows[0]!.scores.churnReasons.length).toBeGreaterThan(0);

      const first = await call<CustomerScores>('analytics.customer', {
        customerId: ranked.rows[0]!.customerId,
      });
      expect(first).toEqual(ranked.rows[0]!.scores);

      // Filters on risk and value, and the CLV sort, all read the same run.
      const risky = await call<CustomerPage>('customers.list', {
        filters: { churnRiskMin: AT_RISK_THRESHOLD },
        limit: 1,
      });
      expect(risky.total).toBe(result.churn.ok ? result.churn.atRiskCount : -1);
      const byValue = await call<CustomerPage>('customers.list', {
        sort: { field: 'clv', direction: 'desc' },
        limit: 20,
      });
      const values = byValue.rows.map((row) => row.analytics?.clvCents ?? -1);
      expect(values).toEqual([...values].sort((a, b) => b - a));
    },
  );

  it(
    'opens the customers behind a month of revenue and behind one bar of the risk histogram',
    { timeout: 60_000 },
    async () => {
      const { t, call } = await demoBackend();
      const result = await run(call);
      const december = await call<CustomerPage>('customers.list', {
        filters: { orderedFrom: '2025-12-01', orderedBefore: '2026-01-01' },
        limit: 1,
      });
      const raw = new Database(t.dbFile, { readonly: true });
      const expected = raw
        .prepare(
          `SELECT count(DISTINCT o.customer_id) AS n FROM orders o JOIN customers c ON c.id = o.customer_id
         WHERE o.status = 'paid' AND o.deleted_at IS NULL AND c.deleted_at IS NULL
           AND o.ordered_at >= ? AND o.ordered_at < ?`,
        )
        .get(new Date(2025, 11, 1).getTime(), new Date(2026, 0, 1).getTime()) as { n: number };
      raw.close();
      expect(december.total).toBe(expected.n);
      expect(december.total).toBeGreaterThan(0);

      // The histogram's bars split the scored customers exactly: each bar's list adds up to the whole.
      if (!result.churn.ok) throw new Error('no churn model');
      let inBars = 0;
      for (const [index, bin] of result.churn.histogram.entries()) {
        const last = index === result.churn.histogram.length - 1;
        const page = await call<CustomerPage>('customers.list', {
          filters: last ? { churnRiskMin: bin.from } : { churnRiskMin: bin.from, churnRiskMax: bin.to },
          limit: 1,
        });
        expect(page.total).toBe(bin.count);
        inBars += page.total;
      }
      expect(inBars).toBe(result.counts.customersWithOrders);
    },
  );

  it(
    'gives a customer without a paid order no scores, and sorts them after the scored ones',
    { timeout: 60_000 },
    async () => {
      const { call } = await demoBackend();
      const lead = await call<{ id: number }>('customers.create', { name: 'Never Bought' });
      await run(call);
      expect(await call('analytics.customer', { customerId: lead.id })).toBeNull();
      const page = await call<CustomerPage>('customers.list', {
        sort: { field: 'churnRisk', direction: 'asc' },
        offset: 0,
        limit: 500,
      });
      const lastScored = page.rows.findLastIndex((row) => row.analytics !== null);
      const firstUnscored = page.rows.findIndex((row) => row.analytics === null);
      expect(firstUnscored).toBeGreaterThan(lastScored);
    },
  );

  it(
    'shows the dashboard from the run: this month, last month, a year ago, at risk, NPS',
    { timeout: 60_000 },
    async () => {
      const { call } = await demoBackend();
      const before = await call<ChannelOutput<'analytics.dashboard'>>('analytics.dashboard', {});
      expect(before).toMatchObject({
        customers: 300,
        activeCustomers: null,
        atRiskCount: null,
        runAsOf: null,
      });
      const result = await run(call);
      const dashboard = await call<ChannelOutput<'analytics.dashboard'>>('analytics.dashboard', {});
      expect(dashboard.customers).toBe(300);
      expect(dashboard.runAsOf).toBe(result.asOf);
      expect(dashboard.revenueByMonth).toHaveLength(24);
      // As of 15 January 09:30 (the test clock): January so far, against 1–15 December and 1–15 January 2025.
      expect(dashboard.revenue.days).toBe(15);
      expect(dashboard.revenueByMonth.at(-1)!.revenueCents).toBe(dashboard.revenue.thisMonth);
      expect(dashboard.revenue.lastMonth).toBeLessThanOrEqual(dashboard.revenueByMonth.at(-2)!.revenueCents);
      expect(dashboard.revenue.sameMonthLastYear).toBeLessThanOrEqual(
        dashboard.revenueByMonth.at(-13)!.revenueCents,
      );
      expect(dashboard.atRiskCount).toBe(result.churn.ok ? result.churn.atRiskCount : null);
      expect(dashboard.activeCustomers).toBe(result.activity.activeCustomers);
      expect(dashboard.nps).not.toBeNull();
    },
  );
});

describe('when there is too little data', () => {
  it('says why for each model instead of failing, on an empty database', async () => {
    const { call } = useBackendCalls();
    const result = await run(call);
    expect(result.counts).toEqual({ customers: 0, customersWithOrders: 0, orders: 0 });
    expect(result.segments.every((segment) => segment.count === 0)).toBe(true);
    expect(result.clusters).toEqual({ ok: false, reason: 'too_few_customers', needed: 20 });
    expect(result.churn).toMatchObject({ ok: false, reason: 'history_too_short' });
    expect(result.lifetime).toMatchObject({ method: 'simple', refusal: { reason: 'too_few_customers' } });
    expect(result.forecast).toMatchObject({ ok: false, reason: 'no_orders' });
  });

  it('scores a handful of customers by RFM and labels their CLV as the simple formula', async () => {
    const { call } = useBackendCalls();
    for (const [name, days] of [
      ['Ann', [400, 30]],
      ['Bob', [10]],
      ['Cai', [200, 150, 100, 2]],
    ] as const) {
      const customer = await call<{ id: number }>('customers.create', { name });
      for (const ago of days) {
        await call('orders.create', {
          customerId: customer.id,
          orderedAt: new Date(Date.UTC(2026, 0, 15) - ago * 86_400_000).toISOString(),
          amountCents: 10_000,
        });
      }
    }
    const result = await run(call);
    expect(result.counts.customersWithOrders).toBe(3);
    expect(result.lifetime.method).toBe('simple');
    const page = await call<ChannelOutput<'analytics.customers'>>('analytics.customers', { sort: 'clv' });
    // Spend per month of tenure, carried forward: Bob's one order ten days ago counts as a month's
    // spend; Cai spread four orders over 200 days, Ann two over 400.
    expect(page.rows.map((row) => row.name)).toEqual(['Bob', 'Cai', 'Ann']);
    expect(page.rows.every((row) => row.scores.clvCents! > 0 && row.scores.churnRisk === null)).toBe(true);
  });
});

describe('the as-of day', () => {
  async function historicalShop() {
    const calls = useBackendCalls();
    const customer = await calls.call<{ id: number }>('customers.create', { name: '老客户' });
    for (const day of ['2011-03-01T10:00:00', '2011-12-09T12:50:00']) {
      await calls.call('orders.create', {
        customerId: customer.id,
        orderedAt: new Date(day).toISOString(),
        amountCents: 5_000,
      });
    }
    return calls;
  }

  it('is the day after the last order for a history that ended long ago', async () => {
    const { call } = await historicalShop();
    const result = await run(call);
    expect(result).toMatchObject({ asOf: '2011-12-10', asOfSource: 'last_order' });
    const [scores] = (await call<ChannelOutput<'analytics.customers'>>('analytics.customers', {})).rows;
    expect(scores!.scores.recencyDays).toBe(0);
  });

  it('is the day the owner gives: orders from that day on do not count', async () => {
    const { call } = await historicalShop();
    const result = await run(call, { asOf: '2011-06-01', horizonDays: 30, seed: 7 });
    expect(result).toMatchObject({ asOf: '2011-06-01', asOfSource: 'given' });
    expect(result.params).toMatchObject({ horizonDays: 30, seed: 7 });
    expect(result.counts.orders).toBe(2);
    const [row] = (await call<ChannelOutput<'analytics.customers'>>('analytics.customers', {})).rows;
    expect(row!.scores).toMatchObject({ frequency: 1, recencyDays: 91 });
  });

  it('refuses a day that does not exist and a horizon out of range, naming the field', async () => {
    const { dispatch } = useBackendCalls();
    const badDay = await dispatch('analytics.run', { jobId: randomUUID(), asOf: '2026-02-30' });
    expect(badDay).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'asOf' }] } });
    const badHorizon = await dispatch('analytics.run', { jobId: randomUUID(), horizonDays: 3 });
    expect(badHorizon).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'horizonDays' }] },
    });
    const badSegment = await dispatch('analytics.customers', { segment: 'vip' });
    expect(badSegment).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'segment' }] },
    });
  });
});

describe('runs and their lifecycle', () => {
  it(
    'refuses a second run while one is going, and keeps the last run when one is cancelled',
    { timeout: 90_000 },
    async () => {
      const { call, dispatch } = useBackendCalls();
      await call('demo.load', { customers: 3_000, seed: 3 });
      const first = await run(call);
      const jobId = randomUUID();
      const going = dispatch('analytics.run', { jobId });
      const second = await dispatch('analytics.run', { jobId: randomUUID() });
      expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect((await call<ChannelOutput<'analytics.latest'>>('analytics.latest', {})).runningJobId).toBe(
        jobId,
      );
      await call('jobs.cancel', { jobId });
      expect(await going).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      const latest = await call<ChannelOutput<'analytics.latest'>>('analytics.latest', {});
      expect(latest).toEqual({ run: first, runningJobId: null });
    },
  );

  it('forgets the scores of a customer purged from the trash', { timeout: 60_000 }, async () => {
    const { call } = await demoBackend();
    await run(call);
    const [top] = (await call<ChannelOutput<'analytics.customers'>>('analytics.customers', { limit: 1 }))
      .rows;
    await call('customers.delete', { id: top!.customerId });
    await call('customers.purge', { olderThanDays: 0 });
    expect(await call('analytics.customer', { customerId: top!.customerId })).toBeNull();
  });

  it(
    're-runs by itself a moment after a change, and stores nothing when nothing changed',
    { timeout: 60_000 },
    async () => {
      const { call, pushed } = useBackendCalls({ analyticsAutoRunMs: 50 });
      const runStored = async (after: number) => {
        for (let waited = 0; waited < 30_000; waited += 50) {
          const { run: latest, runningJobId } = await call<ChannelOutput<'analytics.latest'>>(
            'analytics.latest',
            {},
          );
          if (latest && latest.id > after && runningJobId === null) return latest;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error('no automatic run was stored');
      };
      // The run at start, on the empty database.
      const atStart = await runStored(0);
      expect(atStart.counts.customers).toBe(0);

      const customer = await call<{ id: number }>('customers.create', { name: '张三' });
      await call('orders.create', {
        customerId: customer.id,
        orderedAt: new Date(Date.UTC(2026, 0, 14)).toISOString(),
        amountCents: 12_300,
      });
      const afterOrder = await runStored(atStart.id);
      expect(afterOrder.counts.orders).toBe(1);

      // A settings save that changes nothing the figures depend on: a run starts, finds the same
      // data, and stores nothing.
      const progressEvents = () => pushed.filter((event: PushEvent) => event.type === 'jobs.progress').length;
      const progressBefore = progressEvents();
      await call('settings.update', { trashPurgeDays: 31 });
      let latest = await call<ChannelOutput<'analytics.latest'>>('analytics.latest', {});
      for (let waited = 0; waited < 20_000; waited += 50) {
        latest = await call<ChannelOutput<'analytics.latest'>>('analytics.latest', {});
        if (progressEvents() > progressBefore && latest.runningJobId === null) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(progressEvents()).toBeGreaterThan(progressBefore);
      expect(latest.run!.id).toBe(afterOrder.id);
    },
  );
});
