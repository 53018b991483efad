import { describe, expect, it } from 'vitest';
import type { ChannelOutput, Customer, Order, TimelineItem } from '../../src-shared/contract';
import { DAY_MS, isoAt, useDeals } from '../support/dealCalls';
import { CLOCK_START } from '../support/tempBackend';

type Closed = ChannelOutput<'deals.close'>;

/** A won deal recorded as the customer's order in one click, so analytics sees the revenue. */
async function wonWithOrder(closedOn?: string) {
  const bench = useDeals();
  const ann = await bench.customer('Ann');
  const created = await bench.deal(ann.id, { title: 'Annual tea supply', valueCents: 1_234_550 });
  bench.t.clock.advance(3 * DAY_MS);
  const closed = await bench.call<Closed>('deals.close', {
    id: created.id,
    outcome: 'won',
    createOrder: true,
    ...(closedOn ? { closedOn } : {}),
  });
  const orders = async () =>
    (
      await bench.call<{ items: TimelineItem[] }>('customers.timeline', {
        customerId: ann.id,
        kinds: ['order'],
      })
    ).items.flatMap((item) => (item.kind === 'order' ? [item.order] : []));
  return { ...bench, ann, created, closed, orders };
}

describe('closing as won with createOrder', () => {
  it("records a paid order of the deal's value for its customer, dated now when closed today", async () => {
    const { ann, closed, orders } = await wonWithOrder();
    const [order] = await orders();
    expect(order).toMatchObject<Partial<Order>>({
      id: closed.orderId!,
      customerId: ann.id,
      amountCents: 1_234_550,
      currency: 'CNY',
      status: 'paid',
      description: 'Annual tea supply',
      orderedAt: isoAt(CLOCK_START + 3 * DAY_MS),
    });
    expect(closed.deal).toMatchObject({ status: 'won', orderId: closed.orderId, closedOn: '2026-01-18' });
  });

  it('dates the order at noon of an earlier close day', async () => {
    const { closed, orders } = await wonWithOrder('2026-01-16');
    expect(closed.deal.closedOn).toBe('2026-01-16');
    expect((await orders())[0]!.orderedAt).toBe(new Date(2026, 0, 16, 12).toISOString());
  });

  it("adds the order to the customer's revenue and order count", async () => {
    const { call, ann } = await wonWithOrder();
    const customer = await call<Customer>('customers.get', { id: ann.id });
    expect(customer.stats).toMatchObject({ revenueCents: 1_234_550, orderCount: 1 });
  });

  it('names the order in the win on the timeline', async () => {
    const { ann, closed, dealEvents } = await wonWithOrder();
    const won = (await dealEvents(ann.id)).find((item) => item.event.kind === 'deal_won');
    expect(won?.event.data).toMatchObject({ orderId: closed.orderId });
  });

  it('keeps the order when the deal is reopened, and does not record a second one when won again', async () => {
    const { call, created, closed, orders } = await wonWithOrder();
    const reopened = await call<{ status: string; orderId: number | null }>('deals.reopen', {
      id: created.id,
    });
    expect(reopened).toMatchObject({ status: 'open', orderId: closed.orderId });
    expect((await orders()).map((order) => order.id)).toEqual([closed.orderId]);
    const again = await call<Closed>('deals.close', { id: created.id, outcome: 'won' });
    expect(again).toMatchObject({ orderId: null, deal: { orderId: closed.orderId } });
    expect(await orders()).toHaveLength(1);
  });
});

describe('closing as won without createOrder', () => {
  it('records no order and leaves the revenue alone', async () => {
    const { call, customer, deal } = useDeals();
    const ann = await customer();
    const created = await deal(ann.id);
    const closed = await call<Closed>('deals.close', { id: created.id, outcome: 'won' });
    expect(closed).toMatchObject({ orderId: null, deal: { orderId: null, status: 'won' } });
    expect((await call<Customer>('customers.get', { id: ann.id })).stats.revenueCents).toBe(0);
  });
});
