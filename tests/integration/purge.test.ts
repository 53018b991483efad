import { describe, expect, it } from 'vitest';
import type { Customer, CustomerPage, Order, PushEvent } from '../../src-shared/contract';
import { caller, errorOf } from '../support/envelopes';
import { useTempBackend } from '../support/tempBackend';

const DAY = 86_400_000;

describe('customers.purge erases old trash, only when asked', () => {
  async function setup() {
    const t = useTempBackend();
    const call = caller(() => t.backend);
    const add = (name: string) => call<Customer>('customers.create', { name, phones: ['13800138000'] });
    const old = await add('Old');
    await add('Active');
    const order = await call<Order>('orders.create', {
      customerId: old.id,
      orderedAt: '2025-12-01T10:00:00+08:00',
      amountCents: 990,
    });
    await call('conversations.create', {
      customerId: old.id,
      kind: 'note',
      occurredAt: '2025-12-02T10:00:00+08:00',
      body: '只在旧客户的记录里出现的词语',
    });
    await call('customers.delete', { id: old.id });
    t.clock.advance(40 * DAY);
    const recent = await add('Recent');
    await call('customers.delete', { id: recent.id });
    t.clock.advance(5 * DAY);
    const trash = async () =>
      (await call<CustomerPage>('customers.list', { view: 'trash' })).rows.map((row) => row.name);
    return { t, call, old, recent, order, trash };
  }

  it('erases customers older than the setting (30 days) with their history, keeps the younger ones', async () => {
    const { t, call, old, order, trash } = await setup();
    expect(await trash()).toEqual(['Recent', 'Old']);
    expect(await call('customers.purge', {})).toEqual({ purged: 1 });
    expect(await trash()).toEqual(['Recent']);
    errorOf(await t.backend.dispatch('customers.get', { id: old.id }), 'NOT_FOUND');
    errorOf(await t.backend.dispatch('orders.restore', { id: order.id }), 'NOT_FOUND');
    const search = await call<{ hits: unknown[] }>('customers.search', { query: '旧客户的记录' });
    expect(search.hits).toEqual([]);
  });

  it('follows the days in Settings, and an explicit age wins over them', async () => {
    const { call, trash } = await setup();
    await call('settings.update', { trashPurgeDays: 60 });
    expect(await call('customers.purge', {})).toEqual({ purged: 0 });
    expect(await call('customers.purge', { olderThanDays: 1 })).toEqual({ purged: 2 });
    expect(await trash()).toEqual([]);
  });

  it('never touches customers outside the trash, and tells the UI when something went', async () => {
    const { t, call } = await setup();
    const events: PushEvent[] = [];
    t.backend.subscribe((event) => events.push(event));
    expect(await call('customers.purge', { olderThanDays: 0 })).toEqual({ purged: 2 });
    expect((await call<CustomerPage>('customers.list', {})).rows.map((row) => row.name)).toEqual(['Active']);
    expect(events).toContainEqual({ type: 'data.changed', payload: { entity: 'customers' } });
  });

  it('refuses a negative age naming the field, and erases nothing', async () => {
    const { t, trash } = await setup();
    const error = errorOf(await t.backend.dispatch('customers.purge', { olderThanDays: -1 }), 'VALIDATION');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'olderThanDays' })]);
    expect(await trash()).toEqual(['Recent', 'Old']);
  });
});
