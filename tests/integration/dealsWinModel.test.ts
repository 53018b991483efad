import { describe, expect, it } from 'vitest';
import {
  MIN_CLOSED_DEALS_FOR_MODEL,
  MIN_DEALS_PER_OUTCOME,
  type Deal,
  type WinModelStatus,
} from '../../src-shared/contract';
import { DAY_MS, isoAt, useDeals } from '../support/dealCalls';

type Bench = ReturnType<typeof useDeals>;

/** Closes `won` deals as won and `lost` as lost, all of one customer, ten days after creation. */
async function closeDeals(bench: Bench, won: number, lost: number) {
  const ann = await bench.customer('Ann');
  const ids: number[] = [];
  for (let i = 0; i < won + lost; i++) ids.push((await bench.deal(ann.id, { title: `deal ${i}` })).id);
  bench.t.clock.advance(10 * DAY_MS);
  for (const [i, id] of ids.entries()) {
    const outcome = i < won ? { outcome: 'won' } : { outcome: 'lost', lostReason: 'price' };
    await bench.call('deals.close', { id, ...outcome });
  }
  return ann;
}

const model = (bench: Bench) => bench.call<WinModelStatus>('deals.model');

describe('the win model threshold', () => {
  it('with 19 closed deals: stage defaults, saying 20 are needed', async () => {
    const bench = useDeals();
    const ann = await closeDeals(bench, 10, 9);
    const open = await bench.deal(ann.id);
    expect(await model(bench)).toEqual({
      ok: false,
      reason: 'too_few_closed',
      closed: 19,
      won: 10,
      lost: 9,
      needed: MIN_CLOSED_DEALS_FOR_MODEL,
      neededPerOutcome: MIN_DEALS_PER_OUTCOME,
    });
    expect((await bench.get(open.id)).deal).toMatchObject({
      probability: 10,
      winProbability: null,
      winReasons: [],
    });
    expect((await bench.forecast()).model).toMatchObject({ ok: false, reason: 'too_few_closed' });
  });

  it('with 20 closed deals all won: stage defaults, one outcome only', async () => {
    const bench = useDeals();
    await closeDeals(bench, 20, 0);
    expect(await model(bench)).toMatchObject({
      ok: false,
      reason: 'one_outcome',
      closed: 20,
      won: 20,
      lost: 0,
    });
  });

  it('with 20 closed deals but only 2 lost: still one outcome (3 of each are needed)', async () => {
    const bench = useDeals();
    await closeDeals(bench, 18, 2);
    expect(await model(bench)).toMatchObject({ ok: false, reason: 'one_outcome', won: 18, lost: 2 });
  });

  it('with 20 closed deals, 3 of them lost: learned, and open deals get P(win) beside the stage default', async () => {
    const bench = useDeals();
    const ann = await closeDeals(bench, 17, 3);
    const open = await bench.deal(ann.id, { stageId: await bench.stageId('proposal') });
    expect(await model(bench)).toMatchObject({
      ok: true,
      closed: 20,
      won: 17,
      lost: 3,
      trainedAt: isoAt(bench.t.clock.now()),
    });
    const scored = (await bench.get(open.id)).deal;
    expect(scored.probability).toBe(50);
    expect(scored.winProbability).toBeGreaterThan(0);
    expect(scored.winProbability).toBeLessThan(1);
    expect(scored.winReasons.length).toBeLessThanOrEqual(3);
  });

  it('refits when a deal closes: the 20th close turns the stage defaults into a model', async () => {
    const bench = useDeals();
    const ann = await closeDeals(bench, 10, 9);
    const last = await bench.deal(ann.id);
    const open = await bench.deal(ann.id);
    expect((await bench.get(open.id)).deal.winProbability).toBeNull();
    await bench.call('deals.close', { id: last.id, outcome: 'lost', lostReason: 'timing' });
    expect(await model(bench)).toMatchObject({ ok: true, closed: 20, won: 10, lost: 10 });
    expect((await bench.get(open.id)).deal.winProbability).not.toBeNull();
    // Reopening one takes it back below the threshold.
    await bench.call('deals.reopen', { id: last.id });
    expect(await model(bench)).toMatchObject({ ok: false, reason: 'too_few_closed', closed: 19 });
  });

  it('shows no P(win) on closed deals, only on open ones', async () => {
    const bench = useDeals();
    await closeDeals(bench, 10, 10);
    const { deals } = await bench.list({ statuses: ['won', 'lost'] });
    expect(deals).toHaveLength(20);
    expect(deals.every((deal) => deal.winProbability === null && deal.winReasons.length === 0)).toBe(true);
  });
});

describe('what the model learns', () => {
  /**
   * Twelve customers who had bought a lot before their deal won it; twelve who had never bought
   * lost theirs. Everything else about the deals is the same.
   */
  async function revenueWins() {
    const bench = useDeals();
    const { t, call, customer, deal } = bench;
    const buyer = async (name: string, orders: number) => {
      const person = await customer(name);
      for (let i = 0; i < orders; i++) {
        await call('orders.create', {
          customerId: person.id,
          orderedAt: isoAt(t.clock.now() - (i + 1) * 30 * DAY_MS),
          amountCents: 500_000,
        });
      }
      return person;
    };
    const closed: { id: number; won: boolean }[] = [];
    for (let i = 0; i < 12; i++) {
      closed.push({ id: (await deal((await buyer(`Regular ${i}`, 3)).id)).id, won: true });
      closed.push({ id: (await deal((await buyer(`Stranger ${i}`, 0)).id)).id, won: false });
    }
    t.clock.advance(10 * DAY_MS);
    for (const { id, won } of closed) {
      await call(
        'deals.close',
        won ? { id, outcome: 'won' } : { id, outcome: 'lost', lostReason: 'no_budget' },
      );
    }
    const regular = await deal((await buyer('New regular', 3)).id);
    const stranger = await deal((await buyer('New stranger', 0)).id);
    const scored = async (item: Deal) => (await bench.get(item.id)).deal;
    return { ...bench, regular: await scored(regular), stranger: await scored(stranger) };
  }

  it('ranks a deal of a customer with past revenue above one of a customer who never bought', async () => {
    const { regular, stranger, list } = await revenueWins();
    expect(regular.winProbability!).toBeGreaterThan(0.5);
    expect(stranger.winProbability!).toBeLessThan(0.5);
    const ranked = await list({ sort: 'winProbability', direction: 'desc' });
    expect(ranked.deals.map((deal) => deal.id)).toEqual([regular.id, stranger.id]);
  });

  it('names past orders or revenue as the top reason, raising one deal and lowering the other', async () => {
    const { regular, stranger } = await revenueWins();
    const pastPurchases = ['past_orders', 'past_revenue'];
    expect(pastPurchases).toContain(regular.winReasons[0]!.feature);
    expect(regular.winReasons[0]!.effect).toBeGreaterThan(0);
    expect(pastPurchases).toContain(stranger.winReasons[0]!.feature);
    expect(stranger.winReasons[0]!.effect).toBeLessThan(0);
  });
});
