import { describe, expect, it } from 'vitest';
import type {
  Customer,
  CustomerOverview,
  DuplicatePair,
  Order,
  TimelineItem,
} from '../../src-shared/contract';
import { LARGEST_GROUP } from '../../src-main/duplicates/finder';
import { caller, errorOf } from '../support/envelopes';
import { CLOCK_START, useTempBackend } from '../support/tempBackend';

interface Match {
  customer: { id: number; name: string };
  reasons: { reason: string; value: string }[];
}

function setup() {
  const t = useTempBackend();
  const call = caller(() => t.backend);
  const create = (input: Record<string, unknown>) => call<Customer>('customers.create', input);
  const pairs = async () => (await call<{ pairs: DuplicatePair[] }>('duplicates.list', {})).pairs;
  const pairIds = async () => (await pairs()).map((pair) => [pair.a.id, pair.b.id]);
  const check = (input: Record<string, unknown>) => call<Match[]>('duplicates.check', input);
  return { t, call, create, pairs, pairIds, check };
}

describe('duplicates: what counts as the same person', () => {
  it('matches emails ignoring case and Gmail dots and +tags, and nothing else', async () => {
    const { create, pairs, check } = setup();
    const a = await create({ name: 'John Smith', emails: ['John.Smith+shop@gmail.com'] });
    const b = await create({ name: 'J. Smith', emails: ['johnsmith@GoogleMail.com'] });
    // Outside Gmail a dot is part of the mailbox: these two are different people.
    await create({ name: 'Ann', emails: ['ann.lee@example.com'] });
    await create({ name: 'Annie', emails: ['annlee@example.com'] });

    const found = await pairs();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      a: { id: a.id, name: 'John Smith' },
      b: { id: b.id, name: 'J. Smith' },
      reasons: [{ reason: 'email', value: 'John.Smith+shop@gmail.com' }],
      score: 60,
    });

    const matches = await check({ emails: ['J.O.H.N.smith+newsletter@gmail.com'] });
    expect(matches.map((match) => match.customer.id)).toEqual([a.id, b.id]);
    expect(matches[0]!.reasons).toEqual([{ reason: 'email', value: 'John.Smith+shop@gmail.com' }]);
    expect(await check({ emails: ['annlee+x@example.com'] })).toEqual([]);
  });

  it('matches a phone typed two ways; phones that cannot be read never match', async () => {
    const { create, pairs, check } = setup();
    const a = await create({ name: '张三', phones: ['138 0013 8000'] });
    const b = await create({ name: 'Zhang San', phones: ['+86 13800138000'] });
    await create({ name: 'X', phones: ['call me'] });
    await create({ name: 'Y', phones: ['call me'] });

    const found = await pairs();
    expect(found.map((pair) => [pair.a.id, pair.b.id])).toEqual([[a.id, b.id]]);
    expect(found[0]!.reasons).toEqual([{ reason: 'phone', value: '138 0013 8000' }]);
    expect(found[0]!.score).toBe(50);

    // The check reads what is typed with the default region (CN), like saving would.
    const matches = await check({ phones: ['(0086) 138-0013-8000'] });
    expect(matches.map((match) => match.customer.id)).toEqual([a.id, b.id]);
    expect(await check({ phones: ['call me'] })).toEqual([]);
    expect((await check({ phones: ['13800138000'], excludeId: a.id })).map((m) => m.customer.id)).toEqual([
      b.id,
    ]);
  });

  it('matches the same name with the same company or city, trimmed and case-insensitively', async () => {
    const { create, pairs, check } = setup();
    const a = await create({ name: 'Ann Lee', company: 'ACME Ltd', city: 'Hangzhou' });
    const b = await create({ name: '  ann LEE ', company: 'acme ltd' });
    const c = await create({ name: 'ANN LEE', city: 'hangzhou' });
    // Same name alone, or same company alone, is not enough.
    await create({ name: 'Ann Lee', company: 'Other Co', city: 'Beijing' });
    await create({ name: 'Bob', company: 'ACME Ltd', city: 'Hangzhou' });

    const found = await pairs();
    expect(
      found.map((pair) => ({ ids: [pair.a.id, pair.b.id], reasons: pair.reasons, score: pair.score })),
    ).toEqual([
      { ids: [a.id, b.id], reasons: [{ reason: 'nameCompany', value: 'Ann Lee · ACME Ltd' }], score: 35 },
      { ids: [a.id, c.id], reasons: [{ reason: 'nameCity', value: 'Ann Lee · Hangzhou' }], score: 25 },
    ]);

    const matches = await check({ name: 'ann lee', company: 'Acme LTD', city: 'HANGZHOU' });
    expect(matches.map((m) => ({ id: m.customer.id, reasons: m.reasons.map((r) => r.reason) }))).toEqual([
      { id: a.id, reasons: ['nameCompany', 'nameCity'] },
      { id: b.id, reasons: ['nameCompany'] },
      { id: c.id, reasons: ['nameCity'] },
    ]);
    expect(await check({ name: 'Ann Lee' })).toEqual([]);
  });

  it('lists the strongest pairs first, each pair once with all its reasons', async () => {
    const { create, pairs, call } = setup();
    const weakA = await create({ name: 'Li Wei', city: 'Beijing' });
    const weakB = await create({ name: 'li wei', city: 'beijing' });
    const strongA = await create({
      name: 'Mia',
      company: 'Blue',
      city: 'Paris',
      emails: ['mia@blue.io'],
      phones: ['13900139000'],
    });
    const strongB = await create({
      name: 'MIA',
      company: 'blue',
      city: 'PARIS',
      emails: ['MIA@blue.io'],
      phones: ['139 0013 9000'],
    });

    const found = await pairs();
    expect(found.map((pair) => [pair.a.id, pair.b.id, pair.score])).toEqual([
      [strongA.id, strongB.id, 100],
      [weakA.id, weakB.id, 25],
    ]);
    expect(found[0]!.reasons.map((r) => r.reason)).toEqual(['email', 'phone', 'nameCompany', 'nameCity']);
    const limited = await call<{ pairs: DuplicatePair[] }>('duplicates.list', { limit: 1 });
    expect(limited.pairs).toHaveLength(1);
  });

  it('does not suggest a group too large to be one person entered twice', async () => {
    const { create, pairs, check } = setup();
    const office = Array.from({ length: LARGEST_GROUP + 1 }, (_, index) => index);
    for (const index of office) await create({ name: `Staff ${index}`, phones: ['0571 8888 0000'] });
    expect(await pairs()).toEqual([]);
    // The live check still names them: the owner typing that number should know it is on file.
    expect(await check({ phones: ['057188880000'] })).toHaveLength(10);

    const first = await create({ name: 'Pat', emails: ['pat@example.com'] });
    const second = await create({ name: 'Pat K', emails: ['pat@example.com'] });
    expect((await pairs()).map((pair) => [pair.a.id, pair.b.id])).toEqual([[first.id, second.id]]);
  });

  it('matches Chinese names exactly and Latin names in any case in the live check', async () => {
    const { create, check } = setup();
    const zhang = await create({ name: '张三', city: '杭州' });
    await create({ name: '张三丰', city: '杭州' });
    const ann = await create({ name: 'Ann Lee', city: 'Hangzhou' });
    expect((await check({ name: '张三', city: '杭州' })).map((m) => m.customer.id)).toEqual([zhang.id]);
    expect((await check({ name: 'ANN lee', city: 'hangZHOU' })).map((m) => m.customer.id)).toEqual([ann.id]);
  });

  it('never suggests a customer in the trash', async () => {
    const { create, pairs, check, call } = setup();
    await create({ name: 'A', emails: ['same@example.com'] });
    const b = await create({ name: 'B', emails: ['same@example.com'] });
    expect(await pairs()).toHaveLength(1);

    await call('customers.delete', { id: b.id });
    expect(await pairs()).toEqual([]);
    expect((await check({ emails: ['same@example.com'] })).map((m) => m.customer.name)).toEqual(['A']);
  });
});

describe('duplicates.dismiss', () => {
  it('hides the pair for good, whichever way round it is named', async () => {
    const { create, pairIds, call } = setup();
    const a = await create({ name: 'A', emails: ['same@example.com'] });
    const b = await create({ name: 'B', emails: ['same@example.com'] });
    const c = await create({ name: 'C', emails: ['same@example.com'] });
    expect(await pairIds()).toEqual([
      [a.id, b.id],
      [a.id, c.id],
      [b.id, c.id],
    ]);

    expect(await call('duplicates.dismiss', { aId: b.id, bId: a.id })).toEqual({ dismissed: true });
    expect(await pairIds()).toEqual([
      [a.id, c.id],
      [b.id, c.id],
    ]);
    expect(await call('duplicates.dismiss', { aId: a.id, bId: b.id })).toEqual({ dismissed: false });
  });

  it('refuses a customer paired with itself (naming bId) and customers that do not exist', async () => {
    const { t, create, pairIds } = setup();
    const a = await create({ name: 'A', emails: ['same@example.com'] });
    const b = await create({ name: 'B', emails: ['same@example.com'] });

    const self = errorOf(
      await t.backend.dispatch('duplicates.dismiss', { aId: a.id, bId: a.id }),
      'VALIDATION',
    );
    expect(self.issues).toEqual([expect.objectContaining({ path: 'bId', code: 'invalid' })]);
    errorOf(await t.backend.dispatch('duplicates.dismiss', { aId: a.id, bId: 999 }), 'NOT_FOUND');
    expect(await pairIds()).toEqual([[a.id, b.id]]);
  });
});

/** Two records of one person, each with history, tags and a custom value. */
async function plantTwins(s: ReturnType<typeof setup>) {
  const { call, create, t } = s;
  const vip = await call<{ id: number }>('tags.create', { name: 'VIP', color: '#ff0000' });
  const web = await call<{ id: number }>('tags.create', { name: 'Web', color: '#00ff00' });
  const size = await call<{ id: number }>('customFields.create', { label: 'Size', type: 'text' });
  const shoe = await call<{ id: number }>('customFields.create', { label: 'Shoe', type: 'text' });
  const kept = await create({
    name: '张三',
    company: null,
    city: '杭州',
    emails: ['zs@example.com'],
    phones: ['138 0013 8000'],
    tagIds: [vip.id],
    custom: { [size.id]: 'M' },
  });
  t.clock.advance(60_000);
  const other = await create({
    name: '张三',
    company: '星河贸易',
    city: '上海',
    emails: ['ZS@example.com', 'zhangsan@work.cn'],
    phones: ['+86 13800138000', '021 6000 1234'],
    tagIds: [vip.id, web.id],
    custom: { [size.id]: 'L', [shoe.id]: '42' },
  });
  t.clock.advance(60_000);
  const at = new Date(CLOCK_START).toISOString();
  const order = await call<Order>('orders.create', {
    customerId: other.id,
    orderedAt: at,
    amountCents: 12_300,
  });
  await call('orders.create', { customerId: kept.id, orderedAt: at, amountCents: 100 });
  const conversation = await call<{ id: number }>('conversations.create', {
    customerId: other.id,
    kind: 'call',
    occurredAt: at,
    subject: 'Asked about the blue teapot',
  });
  const answer = await call<{ id: number }>('feedback.create', {
    customerId: other.id,
    kind: 'nps',
    score: 9,
    answeredAt: at,
  });
  t.clock.advance(60_000);
  return { kept, other, order, conversation, answer, tags: { vip, web }, fields: { size, shoe } };
}

async function snapshot(call: ReturnType<typeof setup>['call'], id: number) {
  return {
    customer: await call<Customer>('customers.get', { id }),
    timeline: (await call<{ items: TimelineItem[] }>('customers.timeline', { customerId: id, limit: 200 }))
      .items,
  };
}

describe('customers.merge', () => {
  it('moves history to the kept record, unites contacts, tags and custom values, and trashes the other', async () => {
    const s = setup();
    const { call } = s;
    const { kept, other, order, conversation, answer, tags, fields } = await plantTwins(s);

    const result = await call<{ batchId: number; keptId: number; mergedId: number }>('customers.merge', {
      keepId: kept.id,
      mergeId: other.id,
      takeFromMerged: ['company'],
    });
    expect(result).toEqual({ batchId: expect.any(Number), keptId: kept.id, mergedId: other.id });

    const after = await call<Customer>('customers.get', { id: kept.id });
    expect(after).toMatchObject({
      name: '张三',
      company: '星河贸易',
      city: '杭州',
      emails: ['zs@example.com', 'zhangsan@work.cn'],
      phones: [
        { value: '138 0013 8000', e164: '+8613800138000' },
        { value: '021 6000 1234', e164: '+862160001234' },
      ],
      tags: [
        { id: tags.vip.id, name: 'VIP' },
        { id: tags.web.id, name: 'Web' },
      ],
      custom: { [fields.size.id]: 'M', [fields.shoe.id]: '42' },
      stats: { revenueCents: 12_400, orderCount: 2 },
      deletedAt: null,
    });
    const trashed = await call<Customer>('customers.get', { id: other.id });
    expect(trashed.deletedAt).not.toBeNull();
    expect(trashed.stats).toMatchObject({ revenueCents: 0, orderCount: 0 });

    const timeline = (await snapshot(call, kept.id)).timeline;
    const ids = (kind: string) =>
      timeline.flatMap((item) =>
        item.kind === kind
          ? [(item as unknown as Record<string, { id: number }>)[kind === 'feedback' ? 'feedback' : kind]!.id]
          : [],
      );
    expect(ids('order')).toContain(order.id);
    expect(ids('conversation')).toEqual([conversation.id]);
    expect(ids('feedback')).toEqual([answer.id]);
    const merged = timeline.find((item) => item.kind === 'event' && item.event.kind === 'merged');
    expect(merged).toMatchObject({ event: { data: { otherId: other.id, otherName: '张三' } } });
    expect((await snapshot(call, other.id)).timeline).toEqual([]);

    // Conversation text now finds the kept record; the pair is no longer suggested.
    const search = await call<{ hits: { customer: { id: number } }[] }>('customers.search', {
      query: 'blue teapot',
    });
    expect(search.hits.map((hit) => hit.customer.id)).toEqual([kept.id]);
    expect(await s.pairs()).toEqual([]);
    const overview = await call<CustomerOverview>('customers.overview', { id: kept.id });
    expect(overview.feedback.nps.responses).toBe(1);
  });

  it('undo puts both records, their history and their timelines back exactly', async () => {
    const s = setup();
    const { call } = s;
    const { kept, other } = await plantTwins(s);
    const before = [await snapshot(call, kept.id), await snapshot(call, other.id)];
    const pairsBefore = await s.pairs();

    const { batchId } = await call<{ batchId: number }>('customers.merge', {
      keepId: kept.id,
      mergeId: other.id,
      takeFromMerged: ['company', 'city', 'name'],
    });
    s.t.clock.advance(60_000);
    expect(await call('batches.undo', { batchId })).toMatchObject({ batchId });

    expect([await snapshot(call, kept.id), await snapshot(call, other.id)]).toEqual(before);
    expect(await s.pairs()).toEqual(pairsBefore);
    const search = await call<{ hits: { customer: { id: number } }[] }>('customers.search', {
      query: 'blue teapot',
    });
    expect(search.hits.map((hit) => hit.customer.id)).toEqual([other.id]);
  });

  it('a second undo of the same merge is a CONFLICT and changes nothing', async () => {
    const s = setup();
    const { kept, other } = await plantTwins(s);
    const { batchId } = await s.call<{ batchId: number }>('customers.merge', {
      keepId: kept.id,
      mergeId: other.id,
    });
    await s.call('batches.undo', { batchId });
    const restored = await snapshot(s.call, kept.id);

    errorOf(await s.t.backend.dispatch('batches.undo', { batchId }), 'CONFLICT');
    expect(await snapshot(s.call, kept.id)).toEqual(restored);
  });

  it('refuses to merge a record into itself, naming mergeId, and writes nothing', async () => {
    const s = setup();
    const { kept } = await plantTwins(s);
    const before = await snapshot(s.call, kept.id);

    const error = errorOf(
      await s.t.backend.dispatch('customers.merge', { keepId: kept.id, mergeId: kept.id }),
      'VALIDATION',
    );
    expect(error.issues).toEqual([expect.objectContaining({ path: 'mergeId', code: 'invalid' })]);
    expect(await snapshot(s.call, kept.id)).toEqual(before);
  });

  it('answers NOT_FOUND for a missing or trashed record and writes nothing', async () => {
    const s = setup();
    const { kept, other } = await plantTwins(s);
    const before = [await snapshot(s.call, kept.id), await snapshot(s.call, other.id)];

    errorOf(await s.t.backend.dispatch('customers.merge', { keepId: kept.id, mergeId: 999 }), 'NOT_FOUND');
    errorOf(await s.t.backend.dispatch('customers.merge', { keepId: 999, mergeId: other.id }), 'NOT_FOUND');
    expect([await snapshot(s.call, kept.id), await snapshot(s.call, other.id)]).toEqual(before);

    await s.call('customers.delete', { id: other.id });
    const trashedOther = await snapshot(s.call, other.id);
    errorOf(
      await s.t.backend.dispatch('customers.merge', { keepId: kept.id, mergeId: other.id }),
      'NOT_FOUND',
    );
    errorOf(
      await s.t.backend.dispatch('customers.merge', { keepId: other.id, mergeId: kept.id }),
      'NOT_FOUND',
    );
    expect([await snapshot(s.call, kept.id), await snapshot(s.call, other.id)]).toEqual([
      before[0],
      trashedOther,
    ]);
  });
});

describe('customers.merge: custom field values', () => {
  it('keeps the kept record’s value where both have one, unless the owner picks the other’s; adds the rest', async () => {
    const { call, create } = setup();
    const field = (label: string, type: string, options: string[] = []) =>
      call<{ id: number }>('customFields.create', { label, type, options });
    const tier = String((await field('Tier', 'select', ['Gold', 'Platinum'])).id);
    const budget = String((await field('Budget', 'number')).id);
    const referrer = String((await field('Referrer', 'text')).id);
    const pair = async () => ({
      a: await create({ name: 'Ann', custom: { [tier]: 'Gold', [referrer]: '老王' } }),
      b: await create({ name: 'Ann', custom: { [tier]: 'Platinum', [budget]: 5000, [referrer]: 'Li' } }),
    });

    const first = await pair();
    await call('customers.merge', { keepId: first.a.id, mergeId: first.b.id });
    expect((await call<Customer>('customers.get', { id: first.a.id })).custom).toEqual({
      [tier]: 'Gold',
      [budget]: 5000,
      [referrer]: '老王',
    });

    const second = await pair();
    await call('customers.merge', {
      keepId: second.a.id,
      mergeId: second.b.id,
      takeCustomFromMerged: [tier],
    });
    expect((await call<Customer>('customers.get', { id: second.a.id })).custom).toEqual({
      [tier]: 'Platinum',
      [budget]: 5000,
      [referrer]: '老王',
    });
  });
});
