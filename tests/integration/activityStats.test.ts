import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { refreshAllStats, refreshCustomerStats } from '../../src-main/activity/stats';
import type { Conversation, Customer, Order } from '../../src-shared/contract';
import { caller } from '../support/envelopes';
import { useTempBackend } from '../support/tempBackend';

function setup() {
  const t = useTempBackend();
  const call = caller(() => t.backend);
  const customer = (name = 'Ann') => call<Customer>('customers.create', { name });
  const stats = async (id: number) => (await call<Customer>('customers.get', { id })).stats;
  return { t, call, customer, stats };
}

describe("the customer's derived columns", () => {
  async function mixedOrders() {
    const context = setup();
    const ann = await context.customer();
    const add = (fields: object) =>
      context.call<Order>('orders.create', {
        customerId: ann.id,
        orderedAt: '2026-01-10T10:00:00Z',
        ...fields,
      });
    await add({ amountCents: 1000, orderedAt: '2025-03-01T00:00:00Z' });
    await add({ amountCents: 500, currency: 'USD', orderedAt: '2025-06-01T00:00:00Z' });
    const refunded = await add({ amountCents: 700, status: 'refunded', orderedAt: '2025-12-01T00:00:00Z' });
    await add({ amountCents: 900, status: 'cancelled', orderedAt: '2025-12-02T00:00:00Z' });
    return { ...context, ann, refunded };
  }

  it('count paid orders: revenue in the settings currency, order count and dates in any currency', async () => {
    const { ann, stats } = await mixedOrders();
    expect(await stats(ann.id)).toEqual({
      revenueCents: 1000,
      orderCount: 2,
      firstOrderAt: '2025-03-01T00:00:00.000Z',
      lastOrderAt: '2025-06-01T00:00:00.000Z',
      lastContactAt: null,
    });
  });

  it('follow an order whose status changes', async () => {
    const { ann, call, refunded, stats } = await mixedOrders();
    await call('orders.update', { id: refunded.id, patch: { status: 'paid' } });
    expect(await stats(ann.id)).toMatchObject({
      revenueCents: 1700,
      orderCount: 3,
      lastOrderAt: '2025-12-01T00:00:00.000Z',
    });
  });

  it('are recounted in the new currency when the settings currency changes', async () => {
    const { ann, call, stats } = await mixedOrders();
    await call('settings.update', { currency: 'USD' });
    expect(await stats(ann.id)).toMatchObject({ revenueCents: 500, orderCount: 2 });
  });

  it('take the latest conversation outside the trash as the last contact', async () => {
    const { call, customer, stats } = setup();
    const ann = await customer();
    const log = (occurredAt: string) =>
      call<Conversation>('conversations.create', { customerId: ann.id, kind: 'call', occurredAt });
    await log('2026-01-01T08:00:00Z');
    const latest = await log('2026-01-05T08:00:00Z');
    expect((await stats(ann.id)).lastContactAt).toBe('2026-01-05T08:00:00.000Z');
    await call('conversations.delete', { id: latest.id });
    expect((await stats(ann.id)).lastContactAt).toBe('2026-01-01T08:00:00.000Z');
    await call('conversations.restore', { id: latest.id });
    expect((await stats(ann.id)).lastContactAt).toBe('2026-01-05T08:00:00.000Z');
  });
});

describe('refreshCustomerStats and refreshAllStats (for merges, imports and demo data)', () => {
  it('recount the customers whose rows moved underneath them, and only those when given ids', async () => {
    const { t, call, customer, stats } = setup();
    const [ann, bob, cho] = [await customer('Ann'), await customer('Bob'), await customer('Cho')];
    for (const who of [ann, cho]) {
      await call('orders.create', {
        customerId: who.id,
        orderedAt: '2026-01-10T10:00:00Z',
        amountCents: 300,
      });
      await call('conversations.create', {
        customerId: who.id,
        kind: 'visit',
        occurredAt: '2026-01-11T10:00:00Z',
      });
    }
    const writer = new Database(t.dbFile);
    try {
      // What a merge does: move Ann's and Cho's history to Bob behind the service's back.
      writer.prepare('UPDATE orders SET customer_id = ?').run(bob.id);
      writer.prepare('UPDATE conversations SET customer_id = ?').run(bob.id);
      refreshCustomerStats(writer, [ann.id, bob.id], 'CNY');
      expect(await stats(ann.id)).toMatchObject({ revenueCents: 0, orderCount: 0, lastContactAt: null });
      expect(await stats(bob.id)).toMatchObject({ revenueCents: 600, orderCount: 2 });
      expect(await stats(cho.id)).toMatchObject({ revenueCents: 300, orderCount: 1 });
      refreshAllStats(writer, 'CNY');
      expect(await stats(cho.id)).toMatchObject({ revenueCents: 0, orderCount: 0, firstOrderAt: null });
    } finally {
      writer.close();
    }
  });
});
