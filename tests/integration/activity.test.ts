import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type {
  Conversation,
  Customer,
  FeedbackEntry,
  Order,
  PushEvent,
  SearchHit,
} from '../../src-shared/contract';
import { caller, errorOf } from '../support/envelopes';
import { useTempBackend, type TempBackend } from '../support/tempBackend';

function setup() {
  const t = useTempBackend();
  const call = caller(() => t.backend);
  const dispatch = (channel: string, input: unknown) => t.backend.dispatch(channel, input);
  const customer = (name = 'Ann') => call<Customer>('customers.create', { name });
  const stats = async (id: number) => (await call<Customer>('customers.get', { id })).stats;
  return { t, call, dispatch, customer, stats };
}

/** Row counts read through a second connection, as another process would see the file. */
function countRows(t: TempBackend, table: string): number {
  const reader = new Database(t.dbFile, { readonly: true });
  try {
    return (reader.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    reader.close();
  }
}

const issuePaths = (error: { issues?: { path: string }[] }) =>
  (error.issues ?? []).map((issue) => issue.path);

describe('orders.create', () => {
  it('stores the lines, sums them into the amount, uses the settings currency and stores the instant in UTC', async () => {
    const { call, customer } = setup();
    const ann = await customer();
    const order = await call<Order>('orders.create', {
      customerId: ann.id,
      orderedAt: '2026-01-10T10:00:00+08:00',
      lines: [
        { sku: 'TEA-1', description: 'Longjing tea', quantity: 2, unitPriceCents: 1500 },
        { description: 'Discount', quantity: -1, unitPriceCents: 500 },
      ],
    });
    expect(order).toMatchObject({
      customerId: ann.id,
      orderedAt: '2026-01-10T02:00:00.000Z',
      amountCents: 2500,
      currency: 'CNY',
      status: 'paid',
      lines: [
        { sku: 'TEA-1', description: 'Longjing tea', quantity: 2, unitPriceCents: 1500 },
        { sku: null, description: 'Discount', quantity: -1, unitPriceCents: 500 },
      ],
    });
  });

  it('keeps an explicit amount over the lines (shipping, tax) and an explicit currency', async () => {
    const { call, customer } = setup();
    const ann = await customer();
    const order = await call<Order>('orders.create', {
      customerId: ann.id,
      orderedAt: '2026-01-10T10:00:00Z',
      amountCents: 3200,
      currency: 'usd',
      lines: [{ description: 'Tea', quantity: 1, unitPriceCents: 3000 }],
    });
    expect(order).toMatchObject({ amountCents: 3200, currency: 'USD' });
  });

  it('refuses an order with neither amount nor lines, naming amountCents', async () => {
    const { t, dispatch, customer } = setup();
    const ann = await customer();
    const error = errorOf(
      await dispatch('orders.create', { customerId: ann.id, orderedAt: '2026-01-10T10:00:00Z' }),
      'VALIDATION',
    );
    expect(error.issues).toEqual([expect.objectContaining({ path: 'amountCents', code: 'required' })]);
    expect(countRows(t, 'orders')).toBe(0);
  });

  // A refund is the status `refunded`, never a negative amount: refused whatever the status.
  it('refuses a negative amount, for a refunded order too, naming amountCents', async () => {
    const { dispatch, customer } = setup();
    const ann = await customer();
    for (const status of ['paid', 'refunded']) {
      const error = errorOf(
        await dispatch('orders.create', {
          customerId: ann.id,
          orderedAt: '2026-01-10T10:00:00Z',
          amountCents: -100,
          status,
        }),
        'VALIDATION',
      );
      expect(error.issues).toEqual([expect.objectContaining({ path: 'amountCents', code: 'too_small' })]);
    }
  });

  it('accepts a negative line but refuses lines that sum below zero, naming amountCents', async () => {
    const { dispatch, customer } = setup();
    const ann = await customer();
    const error = errorOf(
      await dispatch('orders.create', {
        customerId: ann.id,
        orderedAt: '2026-01-10T10:00:00Z',
        lines: [
          { description: 'Tea', quantity: 1, unitPriceCents: 100 },
          { description: 'Returned tea set', quantity: -1, unitPriceCents: 900 },
        ],
      }),
      'VALIDATION',
    );
    expect(issuePaths(error)).toEqual(['amountCents']);
  });

  it("refuses the currency 'RMB1', naming currency", async () => {
    const { t, dispatch, customer } = setup();
    const ann = await customer();
    const error = errorOf(
      await dispatch('orders.create', {
        customerId: ann.id,
        orderedAt: '2026-01-10T10:00:00Z',
        amountCents: 100,
        currency: 'RMB1',
      }),
      'VALIDATION',
    );
    expect(issuePaths(error)).toEqual(['currency']);
    expect(countRows(t, 'orders')).toBe(0);
  });

  it('writes nothing of a three-line order whose third line has no description', async () => {
    const { t, call, dispatch, customer } = setup();
    const ann = await customer();
    await call('orders.create', {
      customerId: ann.id,
      orderedAt: '2026-01-09T10:00:00Z',
      lines: [{ description: 'Tea', quantity: 1, unitPriceCents: 100 }],
    });
    const before = { orders: countRows(t, 'orders'), lines: countRows(t, 'order_lines') };
    const error = errorOf(
      await dispatch('orders.create', {
        customerId: ann.id,
        orderedAt: '2026-01-10T10:00:00Z',
        lines: [
          { description: 'Tea', quantity: 1, unitPriceCents: 100 },
          { description: 'Cups', quantity: 6, unitPriceCents: 200 },
          { description: '   ', quantity: 1, unitPriceCents: 300 },
        ],
      }),
      'VALIDATION',
    );
    expect(error.issues).toEqual([
      expect.objectContaining({ path: 'lines.2.description', code: 'required' }),
    ]);
    expect({ orders: countRows(t, 'orders'), lines: countRows(t, 'order_lines') }).toEqual(before);
    expect((await call<Customer>('customers.get', { id: ann.id })).stats.revenueCents).toBe(100);
  });

  it('tells the UI that customers changed', async () => {
    const { t, call, customer } = setup();
    const ann = await customer();
    const seen: PushEvent[] = [];
    t.backend.subscribe((event) => seen.push(event));
    await call('orders.create', { customerId: ann.id, orderedAt: '2026-01-10T10:00:00Z', amountCents: 1 });
    expect(seen).toContainEqual({ type: 'data.changed', payload: { entity: 'customers' } });
  });
});

describe('a customer that is missing or in the trash', () => {
  it('cannot get orders, conversations or feedback: NOT_FOUND and nothing written', async () => {
    const { t, call, dispatch, customer } = setup();
    const ann = await customer();
    await call('customers.delete', { id: ann.id });
    for (const customerId of [ann.id, 9999]) {
      const attempts = [
        dispatch('orders.create', { customerId, orderedAt: '2026-01-10T10:00:00Z', amountCents: 100 }),
        dispatch('conversations.create', { customerId, kind: 'call', occurredAt: '2026-01-10T10:00:00Z' }),
        dispatch('feedback.create', {
          customerId,
          kind: 'nps',
          score: 9,
          answeredAt: '2026-01-10T10:00:00Z',
        }),
      ];
      for (const attempt of attempts) errorOf(await attempt, 'NOT_FOUND');
    }
    const trashed = errorOf(
      await dispatch('orders.create', {
        customerId: ann.id,
        orderedAt: '2026-01-10T10:00:00Z',
        amountCents: 1,
      }),
      'NOT_FOUND',
    );
    expect(trashed.message).toMatch(/trash/);
    expect(['orders', 'conversations', 'feedback'].map((table) => countRows(t, table))).toEqual([0, 0, 0]);
  });
});

describe('orders.update, delete and restore', () => {
  it('changes only what the patch sends; new lines replace the old ones and set the amount', async () => {
    const { t, call, customer } = setup();
    const ann = await customer();
    const order = await call<Order>('orders.create', {
      customerId: ann.id,
      orderedAt: '2026-01-10T10:00:00Z',
      description: 'First order',
      lines: [{ description: 'Tea', quantity: 1, unitPriceCents: 100 }],
    });
    t.clock.advance(1000);
    const updated = await call<Order>('orders.update', {
      id: order.id,
      patch: { lines: [{ description: 'Cups', quantity: 3, unitPriceCents: 250 }] },
    });
    expect(updated).toEqual({
      ...order,
      amountCents: 750,
      lines: [{ sku: null, description: 'Cups', quantity: 3, unitPriceCents: 250 }],
      updatedAt: new Date(t.clock.now()).toISOString(),
    });
    expect(countRows(t, 'order_lines')).toBe(1);
  });

  it('refuses a negative amount in a patch, naming patch.amountCents, and keeps the order as it was', async () => {
    const { call, dispatch, customer } = setup();
    const ann = await customer();
    const order = await call<Order>('orders.create', {
      customerId: ann.id,
      orderedAt: '2026-01-10T10:00:00Z',
      amountCents: 500,
    });
    const error = errorOf(
      await dispatch('orders.update', { id: order.id, patch: { amountCents: -5 } }),
      'VALIDATION',
    );
    expect(issuePaths(error)).toEqual(['patch.amountCents']);
    expect((await call<Customer>('customers.get', { id: ann.id })).stats.revenueCents).toBe(500);
  });

  it('a deleted order leaves the revenue and cannot be edited until restored', async () => {
    const { call, dispatch, customer, stats } = setup();
    const ann = await customer();
    const order = await call<Order>('orders.create', {
      customerId: ann.id,
      orderedAt: '2026-01-10T10:00:00Z',
      amountCents: 500,
    });
    await call('orders.delete', { id: order.id });
    expect(await stats(ann.id)).toMatchObject({ revenueCents: 0, orderCount: 0, lastOrderAt: null });
    errorOf(await dispatch('orders.update', { id: order.id, patch: { amountCents: 600 } }), 'NOT_FOUND');
    await call('orders.restore', { id: order.id });
    expect(await stats(ann.id)).toMatchObject({ revenueCents: 500, orderCount: 1 });
    errorOf(await dispatch('orders.delete', { id: 424242 }), 'NOT_FOUND');
  });
});

describe('conversations', () => {
  it('are stored as logged, with an optional direction and duration', async () => {
    const { call, customer } = setup();
    const ann = await customer();
    const logged = await call<Conversation>('conversations.create', {
      customerId: ann.id,
      kind: 'wechat',
      direction: 'inbound',
      occurredAt: '2026-01-10T18:30:00+08:00',
      subject: ' Reorder ',
      body: '想再订两箱',
      durationMinutes: 15,
    });
    expect(logged).toMatchObject({
      kind: 'wechat',
      direction: 'inbound',
      occurredAt: '2026-01-10T10:30:00.000Z',
      subject: 'Reorder',
      body: '想再订两箱',
      durationMinutes: 15,
    });
    const edited = await call<Conversation>('conversations.update', {
      id: logged.id,
      patch: { subject: '' },
    });
    expect(edited).toMatchObject({
      subject: null,
      body: '想再订两箱',
      direction: 'inbound',
      durationMinutes: 15,
    });
  });

  it('are found by customers.search through their text until deleted, and again once restored', async () => {
    const { call, customer } = setup();
    const ann = await customer('Ann');
    await customer('Bob');
    const found = async (query: string) =>
      (await call<{ hits: SearchHit[] }>('customers.search', { query })).hits.map((hit) => hit.customer.name);
    const logged = await call<Conversation>('conversations.create', {
      customerId: ann.id,
      kind: 'email',
      occurredAt: '2026-01-10T10:00:00Z',
      body: 'Asked about the porcelain teapot',
    });
    expect(await found('porcelain')).toEqual(['Ann']);
    await call('conversations.delete', { id: logged.id });
    expect(await found('porcelain')).toEqual([]);
    await call('conversations.restore', { id: logged.id });
    expect(await found('porcelain')).toEqual(['Ann']);
    await call('conversations.update', { id: logged.id, patch: { body: 'Asked about green tea' } });
    expect(await found('porcelain')).toEqual([]);
    expect(await found('green tea')).toEqual(['Ann']);
  });

  it("refuses occurredAt 'yesterday', naming occurredAt", async () => {
    const { t, dispatch, customer } = setup();
    const ann = await customer();
    const error = errorOf(
      await dispatch('conversations.create', { customerId: ann.id, kind: 'call', occurredAt: 'yesterday' }),
      'VALIDATION',
    );
    expect(error.issues).toEqual([expect.objectContaining({ path: 'occurredAt', code: 'date' })]);
    expect(countRows(t, 'conversations')).toBe(0);
  });

  it('refuses a duration of -5 minutes, naming durationMinutes', async () => {
    const { dispatch, customer } = setup();
    const ann = await customer();
    const error = errorOf(
      await dispatch('conversations.create', {
        customerId: ann.id,
        kind: 'call',
        occurredAt: '2026-01-10T10:00:00Z',
        durationMinutes: -5,
      }),
      'VALIDATION',
    );
    expect(error.issues).toEqual([expect.objectContaining({ path: 'durationMinutes', code: 'too_small' })]);
  });

  it("refuses the kind 'fax', naming kind", async () => {
    const { dispatch, customer } = setup();
    const ann = await customer();
    const error = errorOf(
      await dispatch('conversations.create', {
        customerId: ann.id,
        kind: 'fax',
        occurredAt: '2026-01-10T10:00:00Z',
      }),
      'VALIDATION',
    );
    expect(issuePaths(error)).toEqual(['kind']);
  });

  it('cannot be edited while in the trash', async () => {
    const { call, dispatch, customer } = setup();
    const ann = await customer();
    const logged = await call<Conversation>('conversations.create', {
      customerId: ann.id,
      kind: 'note',
      occurredAt: '2026-01-10T10:00:00Z',
    });
    await call('conversations.delete', { id: logged.id });
    errorOf(
      await dispatch('conversations.update', { id: logged.id, patch: { body: 'late edit' } }),
      'NOT_FOUND',
    );
  });
});

describe('feedback entries', () => {
  it('are stored, deleted and restored', async () => {
    const { call, customer } = setup();
    const ann = await customer();
    const entry = await call<FeedbackEntry>('feedback.create', {
      customerId: ann.id,
      kind: 'csat',
      score: 4,
      answeredAt: '2026-01-10T10:00:00Z',
      comment: 'Fast delivery',
    });
    expect(entry).toMatchObject({ kind: 'csat', score: 4, comment: 'Fast delivery' });
    expect(await call('feedback.delete', { id: entry.id })).toEqual(entry);
    expect(await call('feedback.restore', { id: entry.id })).toEqual(entry);
  });
});
