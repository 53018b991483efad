import { describe, expect, it } from 'vitest';
import { groupOrders } from '../../src-main/analytics/history';
import { chooseAsOf } from '../../src-main/insights/asOf';
import { revenueStage } from '../../src-main/insights/timeStages';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('revenue by month', () => {
  const histories = groupOrders([
    { customerId: 1, at: local(2025, 12, 31, 23, 59), cents: 1_000, refunded: false },
    { customerId: 1, at: local(2026, 1, 1, 0, 1), cents: 2_000, refunded: false },
    { customerId: 2, at: local(2026, 1, 20, 12), cents: 500, refunded: true },
    { customerId: 2, at: local(2026, 2, 28, 23, 30), cents: 4_000, refunded: false },
    // On the as-of day: not counted yet.
    { customerId: 2, at: local(2026, 3, 1, 8), cents: 9_999, refunded: false },
  ]);

  it('puts each order in its local calendar month, subtracts refunds, and stops before the as-of day', () => {
    const { revenueByMonth, activity } = revenueStage(histories, local(2026, 3, 1));
    expect(revenueByMonth).toHaveLength(24);
    expect(revenueByMonth.at(-1)).toEqual({ month: '2026-02', revenueCents: 4_000 });
    expect(revenueByMonth.at(-2)).toEqual({ month: '2026-01', revenueCents: 1_500 });
    expect(revenueByMonth.at(-3)).toEqual({ month: '2025-12', revenueCents: 1_000 });
    expect(revenueByMonth[0]!.month).toBe('2024-03');
    expect(activity).toEqual({ activeDays: 90, activeCustomers: 2 });
  });
});

describe('the as-of day', () => {
  const now = local(2026, 12, 3, 15, 30);

  it('is now when the shop sold something in the last year', () => {
    expect(chooseAsOf(undefined, now, local(2026, 6, 1))).toEqual({
      instant: now,
      day: '2026-12-03',
      source: 'today',
    });
  });

  it('is the day after the last order for a history that ended more than a year ago', () => {
    expect(chooseAsOf(undefined, now, local(2011, 12, 9, 12, 50))).toEqual({
      instant: local(2011, 12, 10),
      day: '2011-12-10',
      source: 'last_order',
    });
  });

  it('is the start of the day the owner gives', () => {
    expect(chooseAsOf('2011-09-10', now, null)).toEqual({
      instant: local(2011, 9, 10),
      day: '2011-09-10',
      source: 'given',
    });
  });
});

describe('this month so far', () => {
  it('compares the days of the month counted so far with the same days a month and a year before', () => {
    const histories = groupOrders([
      { customerId: 1, at: local(2026, 3, 2, 10), cents: 300, refunded: false },
      { customerId: 1, at: local(2026, 3, 3, 23), cents: 50, refunded: true },
      // Day 3 of February counts against day 3 of March; day 4 does not.
      { customerId: 2, at: local(2026, 2, 3, 12), cents: 200, refunded: false },
      { customerId: 2, at: local(2026, 2, 4, 12), cents: 7_000, refunded: false },
      { customerId: 3, at: local(2025, 3, 1, 0, 30), cents: 100, refunded: false },
      { customerId: 3, at: local(2025, 3, 20), cents: 8_000, refunded: false },
    ]);
    expect(revenueStage(histories, local(2026, 3, 4)).monthToDate).toEqual({
      days: 3,
      thisMonth: 250,
      lastMonth: 200,
      lastYear: 100,
    });
  });

  it('ends a short month early: the 31st of March is compared with all of February', () => {
    const histories = groupOrders([
      { customerId: 1, at: local(2026, 2, 28, 12), cents: 400, refunded: false },
      { customerId: 1, at: local(2026, 3, 1, 0, 0), cents: 1, refunded: false },
    ]);
    expect(revenueStage(histories, local(2026, 4, 1)).monthToDate).toMatchObject({
      days: 31,
      lastMonth: 400,
    });
  });
});
