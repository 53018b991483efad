import { describe, expect, it } from 'vitest';
import { groupOrders } from '../../src-main/analytics/history';
import { chooseAsOf } from '../../src-main/insights/asOf';
import { monthOfDayBefore, shiftMonth } from '../../src-main/insights/dashboard';
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

describe('dashboard months', () => {
  it('counts "this month" as the month of the day before the as-of day', () => {
    expect(monthOfDayBefore('2011-12-10')).toBe('2011-12');
    expect(monthOfDayBefore('2026-03-01')).toBe('2026-02');
    expect(monthOfDayBefore('2026-01-01')).toBe('2025-12');
  });

  it('steps months across year ends', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-01', -12)).toBe('2025-01');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
  });
});
