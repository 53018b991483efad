import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type {
  Conversation,
  Customer,
  ErrorCode,
  FeedbackEntry,
  Order,
  SearchHit,
} from '../../src-shared/contract';
import { errorOf } from '../support/envelopes';
import { useBackendCalls, type TempBackend } from '../support/tempBackend';

/** When the orders and conversations below happened, unless a test says otherwise. */
const AT = '2026-01-10T10:00:00Z';

function setup() {
  const { t, call, dispatch, pushed } = useBackendCalls();
  const customer = (name = 'Ann') => call<Customer>('customers.create', { name });
  const stats = async (id: number) => (await call<Customer>('customers.get', { id })).stats;
  /** The error body of a call the backend must refuse with `code` (a validation error unless told). */
  const refused = async (channel: string, input: unknown, code: ErrorCode = 'VALIDATION') =>
    errorOf(await dispatch(channel, input), code);
  return { t, call, pushed, customer, stats, refused };
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

/** The issues of a refusal that names exactly one field, for one reason. */
const onlyIssue = (path: string, code: string) => [expect.objectContaining({ path, code })];

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
      orderedAt: AT,
      amountCents: 3200,
      currency: 'usd',
      lines: [{ description: 'Tea', quantity: 1, unitPriceCents: 3000 }],
    });
    expect(order).toMatchObject({ amountCents: 3200, currency: 'USD' });
  });

  it('refuses an order with neither amount nor lines, naming amountCents', async () => {
    const { t, refused, customer } = setup();
    const ann = await customer();
    const error = await refused('orders.create', { customerId: ann.id, orderedAt: AT });
    expect(error.issues).toEqual(onlyIssue('amountCents', 'required'));
    expect(countRows(t, 'orders')).toBe(0);
  });

  // A refund is the status `refunded`, never a negative amount: refused whatever the status.
  it('refuses a negative amount, for a refunded order too, naming amountCents', async () => {
    const { refused, customer } = setup();
    const ann = await customer();
    for (const status of ['paid', 'refunded']) {
      const order = { customerId: ann.id, orderedAt: AT, amountCents: -100, status };
      const error = await refused('orders.create', order);
      expect(error.issues).toEqual(onlyIssue('amountCents', 'too_small'));
    }
  });

  it('accepts a negative line but refuses lines that sum below zero, naming amountCents', async () => {
    const { refused, customer } = setup();
    const ann = await customer();
    const error = await refused('orders.create', {
      customerId: ann.id,
      orderedAt: AT,
      lines: [
        { description: 'Tea', quantity: 1, unitPriceCents: 100 },
        { description: 'Returned tea set', quantity: -1, unitPriceCents: 900 },
      ],
    });
    expect(issuePaths(error)).toEqual(['amountCents']);
  });

  it("refuses the currency 'RMB1', naming currency", async () => {
    const { t, refused, customer } = setup();
    const ann = await customer();
    const order = { customerId: ann.id, orderedAt: AT, amountCents: 100, currency: 'RMB1' };
    expect(issuePaths(await refused('orders.create', order))).toEqual(['currency']);
    expect(countRows(t, 'orders')).toBe(0);
  });

  it('writes nothing of a three-line order whose third line has no description', async () => {
    const { t, call, refused, customer } = setup();
    const ann = await customer();
    await call('orders.create', {
      customerId: ann.id,
      orderedAt: '2026-01-09T10:00:00Z',
      lines: [{ description: 'Tea', quantity: 1, unitPriceCents: 100 }],
    });
    const before = { orders: countRows(t, 'orders'), lines: countRows(t, 'order_lines') };
    const error = await refused('orders.create', {
      customerId: ann.id,
      orderedAt: AT,
      lines: [
        { description: 'Tea', quantity: 1, unitPriceCents: 100 },
        { description: 'Cups', quantity: 6, unitPriceCents: 200 },
        { description: '   ', quantity: 1, unitPriceCents: 300 },
      ],
    });
    expect(error.issues).toEqual(onlyIssue('lines.2.description', 'required'));
    expect({ orders: countRows(t, 'orders'), lines: countRows(t, 'order_lines') }).toEqual(before);
    expect((await call<Customer>('customers.get', { id: ann.id })).stats.revenueCents).toBe(100);
  });

  it('tells the UI that customers changed', async () => {
    const { call, pushed, customer } = setup();
    const ann = await customer();
    pushed.length = 0;
    await call('orders.create', { customerId: ann.id, orderedAt: AT, amountCents: 1 });
    expect(pushed).toContainEqual({ type: 'data.changed', payload: { entity: 'customers' } });
  });
});

describe('a customer that is missing or in the trash', () => {
  it('cannot get orders, conversations or feedback: NOT_FOUND and nothing written', async () => {
    const { t, call, refused, customer } = setup();
    const ann = await customer();
    await call('customers.delete', { id: ann.id });
    for (const customerId of [ann.id, 9999]) {
      await refused('orders.create', { customerId, orderedAt: AT, amountCents: 100 }, 'NOT_FOUND');
      await refused('conversations.create', { customerId, kind: 'call', occurredAt: AT }, 'NOT_FOUND');
      const answer = { customerId, kind: 'nps', score: 9, answeredAt: AT };
      await refused('feedback.create', answer, 'NOT_FOUND');
    }
    const order = { customerId: ann.id, orderedAt: AT, amountCents: 1 };
    const trashed = await refused('orders.create', order, 'NOT_FOUND');
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
      orderedAt: AT,
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
    const { call, refused, customer } = setup();
    const ann = await customer();
    const order = await call<Order>('orders.create', { customerId: ann.id, orderedAt: AT, amountCents: 500 });
    const error = await refused('orders.update', { id: order.id, patch: { amountCents: -5 } });
    expect(issuePaths(error)).toEqual(['patch.amountCents']);
    expect((await call<Customer>('customers.get', { id: ann.id })).stats.revenueCents).toBe(500);
  });

  it('a deleted order leaves the revenue and cannot be edited until restored', async () => {
    const { call, refused, customer, stats } = setup();
    const ann = await customer();
    const order = await call<Order>('orders.create', { customerId: ann.id, orderedAt: AT, amountCents: 500 });
    await call('orders.delete', { id: order.id });
    expect(await stats(ann.id)).toMatchObject({ revenueCents: 0, orderCount: 0, lastOrderAt: null });
    await refused('orders.update', { id: order.id, patch: { amountCents: 600 } }, 'NOT_FOUND');
    await call('orders.restore', { id: order.id });
    expect(await stats(ann.id)).toMatchObject({ revenueCents: 500, orderCount: 1 });
    await refused('orders.delete', { id: 424242 }, 'NOT_FOUND');
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
      occurredAt: AT,
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
    const { t, refused, customer } = setup();
    const ann = await customer();
    const talk = { customerId: ann.id, kind: 'call', occurredAt: 'yesterday' };
    expect((await refused('conversations.create', talk)).issues).toEqual(onlyIssue('occurredAt', 'date'));
    expect(countRows(t, 'conversations')).toBe(0);
  });

  it('refuses a duration of -5 minutes, naming durationMinutes', async () => {
    const { refused, customer } = setup();
    const ann = await customer();
    const talk = { customerId: ann.id, kind: 'call', occurredAt: AT, durationMinutes: -5 };
    const error = await refused('conversations.create', talk);
    expect(error.issues).toEqual(onlyIssue('durationMinutes', 'too_small'));
  });

  it("refuses the kind 'fax', naming kind", async () => {
    const { refused, customer } = setup();
    const ann = await customer();
    const talk = { customerId: ann.id, kind: 'fax', occurredAt: AT };
    expect(issuePaths(await refused('conversations.create', talk))).toEqual(['kind']);
  });

  it('cannot be edited while in the trash', async () => {
    const { call, refused, customer } = setup();
    const ann = await customer();
    const logged = await call<Conversation>('conversations.create', {
      customerId: ann.id,
      kind: 'note',
      occurredAt: AT,
    });
    await call('conversations.delete', { id: logged.id });
    await refused('conversations.update', { id: logged.id, patch: { body: 'late edit' } }, 'NOT_FOUND');
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
      answeredAt: AT,
      comment: 'Fast delivery',
    });
    expect(entry).toMatchObject({ kind: 'csat', score: 4, comment: 'Fast delivery' });
    expect(await call('feedback.delete', { id: entry.id })).toEqual(entry);
    expect(await call('feedback.restore', { id: entry.id })).toEqual(entry);
  });
});
