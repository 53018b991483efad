import { describe, expect, it } from 'vitest';
import type {
  Conversation,
  Customer,
  CustomerOverview,
  Order,
  Tag,
  TimelineItem,
} from '../../src-shared/contract';
import { caller, errorOf } from '../support/envelopes';
import { CLOCK_START, useTempBackend } from '../support/tempBackend';

type Page = { items: TimelineItem[]; hasMore: boolean };
const DAY_MS = 86_400_000;
const iso = (epochMs: number) => new Date(epochMs).toISOString();

function setup() {
  const t = useTempBackend();
  const call = caller(() => t.backend);
  const dispatch = (channel: string, input: unknown) => t.backend.dispatch(channel, input);
  const customer = (name = 'Ann') => call<Customer>('customers.create', { name });
  const timeline = (customerId: number, rest: object = {}) =>
    call<Page>('customers.timeline', { customerId, ...rest });
  const order = (customerId: number, orderedAt: string, fields: object = {}) =>
    call<Order>('orders.create', { customerId, orderedAt, amountCents: 1000, ...fields });
  const conversation = (customerId: number, occurredAt: string, fields: object = {}) =>
    call<Conversation>('conversations.create', { customerId, kind: 'call', occurredAt, ...fields });
  return { t, call, dispatch, customer, timeline, order, conversation };
}

/** What a line on the timeline shows, compactly: kind and instant plus the one detail that tells it apart. */
function describeItem(item: TimelineItem): string {
  switch (item.kind) {
    case 'order':
      return `order ${item.at} ${item.order.amountCents}`;
    case 'conversation':
      return `conversation ${item.at} ${item.conversation.subject ?? ''}`;
    case 'feedback':
      return `feedback ${item.at} ${item.feedback.score}`;
    case 'event':
      return `event ${item.at} ${item.event.kind}`;
  }
}

describe('customers.timeline', () => {
  it('merges orders (with lines), conversations, feedback and record events, newest first', async () => {
    const { t, call, customer, timeline, order, conversation } = setup();
    const ann = await customer();
    const tag = await call<Tag>('tags.create', { name: 'VIP', color: '#aa0000' });
    t.clock.advance(DAY_MS);
    await call('customers.update', { id: ann.id, patch: { stage: 'customer', tagIds: [tag.id] } });
    await order(ann.id, '2026-01-10T00:00:00Z', {
      amountCents: undefined,
      lines: [{ description: 'Tea', quantity: 2, unitPriceCents: 400 }],
    });
    await conversation(ann.id, '2026-01-12T00:00:00Z', { subject: 'Follow-up' });
    await call('feedback.create', {
      customerId: ann.id,
      kind: 'nps',
      score: 9,
      answeredAt: '2026-01-13T00:00:00Z',
    });
    await call('tags.update', { id: tag.id, name: 'Gold' });

    const { items, hasMore } = await timeline(ann.id);
    expect(hasMore).toBe(false);
    const updatedAt = iso(CLOCK_START + DAY_MS);
    expect(items.map(describeItem)).toEqual([
      `event ${updatedAt} stage_changed`,
      `event ${updatedAt} tag_added`,
      `event ${iso(CLOCK_START)} created`,
      'feedback 2026-01-13T00:00:00.000Z 9',
      'conversation 2026-01-12T00:00:00.000Z Follow-up',
      'order 2026-01-10T00:00:00.000Z 800',
    ]);
    const tagEvent = items.find((item) => item.kind === 'event' && item.event.kind === 'tag_added');
    expect(tagEvent).toMatchObject({ event: { data: { tagId: tag.id, tagName: 'Gold' } } });
    const stageEvent = items.find((item) => item.kind === 'event' && item.event.kind === 'stage_changed');
    expect(stageEvent).toMatchObject({ event: { data: { from: null, to: 'customer' } } });
    const orderItem = items.find((item) => item.kind === 'order');
    expect(orderItem).toMatchObject({
      order: { lines: [{ description: 'Tea', quantity: 2, unitPriceCents: 400 }] },
    });
  });

  it('leaves out orders, conversations and feedback in the trash', async () => {
    const { call, customer, timeline, order, conversation } = setup();
    const ann = await customer();
    const kept = await order(ann.id, '2026-01-10T00:00:00Z');
    const dropped = await order(ann.id, '2026-01-11T00:00:00Z');
    const talk = await conversation(ann.id, '2026-01-12T00:00:00Z');
    const entry = await call<{ id: number }>('feedback.create', {
      customerId: ann.id,
      kind: 'csat',
      score: 5,
      answeredAt: '2026-01-13T00:00:00Z',
    });
    await call('orders.delete', { id: dropped.id });
    await call('conversations.delete', { id: talk.id });
    await call('feedback.delete', { id: entry.id });
    const { items } = await timeline(ann.id, { kinds: ['order', 'conversation', 'feedback'] });
    expect(items).toEqual([{ kind: 'order', at: kept.orderedAt, order: kept }]);
  });

  it('shows only the kinds asked for', async () => {
    const { customer, timeline, order, conversation } = setup();
    const ann = await customer();
    await order(ann.id, '2026-01-10T00:00:00Z');
    await conversation(ann.id, '2026-01-12T00:00:00Z');
    expect((await timeline(ann.id, { kinds: ['conversation'] })).items.map((item) => item.kind)).toEqual([
      'conversation',
    ]);
    expect((await timeline(ann.id, { kinds: ['order', 'event'] })).items.map((item) => item.kind)).toEqual([
      'event',
      'order',
    ]);
  });

  it('pages with before + limit without skipping or repeating items that share an instant', async () => {
    const { customer, timeline, order, conversation } = setup();
    const ann = await customer();
    const same = '2026-01-10T00:00:00.000Z';
    for (let i = 1; i <= 5; i++) await order(ann.id, same, { amountCents: i });
    for (let i = 1; i <= 3; i++) await conversation(ann.id, same, { subject: `same ${i}` });
    await order(ann.id, '2026-01-11T00:00:00Z', { amountCents: 99 });
    await order(ann.id, '2026-01-09T00:00:00Z', { amountCents: 98 });
    await conversation(ann.id, '2026-01-08T00:00:00Z', { subject: 'older' });
    const everything = (await timeline(ann.id, { limit: 200 })).items.map(describeItem);
    expect(everything).toHaveLength(12); // 11 + the `created` event

    const paged: string[] = [];
    const pageSizes: number[] = [];
    let before: string | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const page = await timeline(ann.id, { limit: 2, ...(before ? { before } : {}) });
      paged.push(...page.items.map(describeItem));
      pageSizes.push(page.items.length);
      if (!page.hasMore) break;
      before = page.items.at(-1)?.at;
    }
    expect(paged).toEqual(everything);
    // created + the 01-11 order; then the eight items at one instant in one page (a page never
    // splits them, so it grows past the limit); then the two older ones.
    expect(pageSizes).toEqual([2, 8, 2]);
    // Within one instant: orders before conversations, newest id first.
    expect(everything.slice(2, 10)).toEqual([
      ...[5, 4, 3, 2, 1].map((amount) => `order ${same} ${amount}`),
      ...[3, 2, 1].map((n) => `conversation ${same} same ${n}`),
    ]);
  });

  it('says hasMore only when something older is left', async () => {
    const { customer, timeline, order } = setup();
    const ann = await customer();
    await order(ann.id, '2026-01-10T00:00:00Z');
    expect(await timeline(ann.id, { limit: 1 })).toMatchObject({ hasMore: true });
    expect(await timeline(ann.id, { limit: 2 })).toMatchObject({ hasMore: false });
  });

  it("refuses before 'last week', naming before", async () => {
    const { dispatch, customer } = setup();
    const ann = await customer();
    const error = errorOf(
      await dispatch('customers.timeline', { customerId: ann.id, before: 'last week' }),
      'VALIDATION',
    );
    expect(error.issues?.map((issue) => issue.path)).toEqual(['before']);
  });

  it('answers NOT_FOUND for a customer that does not exist', async () => {
    const { dispatch } = setup();
    errorOf(await dispatch('customers.timeline', { customerId: 31337 }), 'NOT_FOUND');
  });
});

describe('customers.overview', () => {
  it('adds the average order, days since last contact, revenue per currency and feedback', async () => {
    const { t, call, customer, order, conversation } = setup();
    const ann = await customer();
    await order(ann.id, '2025-11-01T00:00:00Z', { amountCents: 1000 });
    await order(ann.id, '2025-12-01T00:00:00Z', { amountCents: 2001 });
    await order(ann.id, '2025-12-02T00:00:00Z', { amountCents: 4000, status: 'refunded' });
    await order(ann.id, '2025-12-03T00:00:00Z', { amountCents: 700, currency: 'USD' });
    // The clock stands at 2026-01-15T09:30Z: 2 days and 23.5 hours after this call is 2 whole days.
    await conversation(ann.id, iso(t.clock.now() - 2 * DAY_MS - 23.5 * 3_600_000));
    await call('feedback.create', {
      customerId: ann.id,
      kind: 'csat',
      score: 5,
      answeredAt: '2026-01-02T00:00:00Z',
    });

    const overview = await call<CustomerOverview>('customers.overview', { id: ann.id });
    expect(overview.customer).toMatchObject({ id: ann.id, stats: { revenueCents: 3001, orderCount: 3 } });
    expect(overview.averageOrderCents).toBe(1501);
    expect(overview.daysSinceLastContact).toBe(2);
    expect(overview.revenueByCurrency).toEqual([
      { currency: 'CNY', cents: 3001, orders: 2 },
      { currency: 'USD', cents: 700, orders: 1 },
    ]);
    expect(overview.feedback.csat).toEqual({ responses: 1, satisfied: 1, percent: 100 });
  });

  it('has nulls, not zeros, for a customer with no orders, contact or feedback', async () => {
    const { call, customer } = setup();
    const ann = await customer();
    const overview = await call<CustomerOverview>('customers.overview', { id: ann.id });
    expect(overview).toMatchObject({
      averageOrderCents: null,
      daysSinceLastContact: null,
      revenueByCurrency: [],
      feedback: { csat: { percent: null }, nps: { score: null } },
    });
  });

  it('answers NOT_FOUND for a customer that does not exist', async () => {
    const { dispatch } = setup();
    errorOf(await dispatch('customers.overview', { id: 4040 }), 'NOT_FOUND');
  });
});
