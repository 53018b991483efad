import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealForecast } from '../../src-shared/contract';
import { DAY_MS, openDeals, useDeals } from '../support/dealCalls';

/**
 * The forecast on a small pipeline whose figures are worked out by hand below. All changes
 * happen at 09:30 UTC, so stays are whole days. Stages: lead 10 %, qualified 25 %, proposal 50 %,
 * negotiation 70 %, contract 90 % (positions 0–4).
 */
const at = (day: string) => Date.parse(`${day}T09:30:00Z`);

async function buildPipeline() {
  const bench = openDeals();
  const { t, call, customer, deal, move, stageId } = bench;
  const stage = {
    lead: await stageId('lead'),
    qualified: await stageId('qualified'),
    proposal: await stageId('proposal'),
    negotiation: await stageId('negotiation'),
    contract: await stageId('contract'),
  };
  const ann = await customer('Ann');
  const bo = await customer('Bo');
  const close = (id: number, outcome: 'won' | 'lost', lostReason?: string) =>
    call('deals.close', { id, outcome, ...(lostReason ? { lostReason } : {}) });

  // Closed deals. w5 wins in July, before the six months shown; w4 is in USD.
  t.clock.set(at('2025-07-01'));
  const w5 = await deal(ann.id, { stageId: stage.proposal, valueCents: 990_000, source: 'referral' });
  t.clock.set(at('2025-07-15'));
  await close(w5.id, 'won'); // proposal stay 14 d, cycle 14 d
  t.clock.set(at('2025-08-01'));
  const w1 = await deal(ann.id, { valueCents: 500_000, source: 'referral' });
  const w2 = await deal(ann.id, { valueCents: 120_000, source: 'referral' });
  const w3 = await deal(bo.id, { stageId: stage.qualified, valueCents: 30_000, source: 'website' });
  const l1 = await deal(bo.id, { valueCents: 77_000, source: 'website' });
  const w4 = await deal(bo.id, { valueCents: 40_000, currency: 'USD' });
  const l2 = await deal(ann.id, { valueCents: 66_000, source: 'referral' });
  t.clock.set(at('2025-08-11')); // lead stays of 10 d for w1, w2, l2
  await move(w1.id, stage.proposal);
  await move(w2.id, stage.negotiation);
  await move(l2.id, stage.proposal);
  t.clock.set(at('2025-09-10'));
  await close(w1.id, 'won'); // proposal 30 d, cycle 40 d
  t.clock.set(at('2025-10-01'));
  await close(l1.id, 'lost', 'price'); // lead 61 d
  t.clock.set(at('2025-10-11'));
  await close(l2.id, 'lost', 'competitor'); // proposal 61 d
  t.clock.set(at('2025-11-05'));
  await close(w3.id, 'won'); // qualified 96 d, cycle 96 d
  await close(w4.id, 'won'); // lead 96 d, cycle 96 d
  t.clock.set(at('2025-11-20'));
  await close(w2.id, 'won'); // negotiation 101 d, cycle 111 d

  // Open deals, created on 15 January 2026.
  t.clock.set(at('2026-01-15'));
  const open = {
    d1: await deal(ann.id, { valueCents: 100_000, expectedClose: '2026-01-28' }),
    d2: await deal(ann.id, { stageId: stage.proposal, valueCents: 200_000, expectedClose: '2026-01-31' }),
    d3: await deal(bo.id, {
      stageId: stage.negotiation,
      valueCents: 300_000,
      probability: 20,
      expectedClose: '2026-03-10',
    }),
    d4: await deal(bo.id, { stageId: stage.contract, valueCents: 50_000, expectedClose: '2026-06-30' }),
    d5: await deal(ann.id, { stageId: stage.qualified, valueCents: 40_000, expectedClose: '2026-07-01' }),
    d6: await deal(bo.id, { valueCents: 70_000 }),
    d7: await deal(ann.id, {
      stageId: stage.proposal,
      valueCents: 10_000,
      currency: 'USD',
      expectedClose: '2026-02-01',
    }),
    d8: await deal(ann.id, { stageId: stage.qualified, valueCents: 80_000, expectedClose: '2026-01-15' }),
  };
  // Activity after creation: an edit of d1, and a conversation with Bo (his deals are not idle).
  t.clock.set(at('2026-01-20'));
  await call('deals.update', { id: open.d1.id, patch: { nextStep: 'Send samples' } });
  await call('conversations.create', {
    customerId: bo.id,
    kind: 'call',
    occurredAt: new Date(at('2026-01-23')).toISOString(),
  });
  t.clock.set(at('2026-01-25'));
  return { ...bench, stage, open };
}

describe('deals.forecast on a hand-checked pipeline (as of 25 January 2026)', () => {
  let forecast: DealForecast;
  let fixture: Awaited<ReturnType<typeof buildPipeline>>;
  beforeAll(async () => {
    fixture = await buildPipeline();
    forecast = await fixture.forecast();
  });
  afterAll(() => fixture.t.cleanup());

  it('weights open deals into their expected close month: stage default, or the deal’s own probability', () => {
    expect(forecast.currency).toBe('CNY');
    expect(forecast.ahead).toEqual([
      // d1 100,000 × 10 % + d2 200,000 × 50 %
      { month: '2026-01', count: 2, totalCents: 300_000, weightedCents: 110_000 },
      { month: '2026-02', count: 0, totalCents: 0, weightedCents: 0 },
      // d3: negotiation would be 70 %, the owner said 20 %: 300,000 × 20 %
      { month: '2026-03', count: 1, totalCents: 300_000, weightedCents: 60_000 },
      { month: '2026-04', count: 0, totalCents: 0, weightedCents: 0 },
      { month: '2026-05', count: 0, totalCents: 0, weightedCents: 0 },
      // d4: 50,000 × 90 %
      { month: '2026-06', count: 1, totalCents: 50_000, weightedCents: 45_000 },
    ]);
  });

  it('keeps later, undated and overdue deals out of the months, each with its weighted sum', () => {
    expect(forecast.later).toEqual({ count: 1, weightedCents: 10_000 }); // d5 40,000 × 25 %
    expect(forecast.undated).toEqual({ count: 1, weightedCents: 7_000 }); // d6 70,000 × 10 %
    expect(forecast.overdue).toEqual({ count: 1, weightedCents: 20_000 }); // d8 80,000 × 25 %, due 15 Jan
  });

  it('counts the open USD deal without adding it to CNY sums', () => {
    expect(forecast.otherCurrencyDeals).toBe(1);
    expect(forecast.ahead[1]).toMatchObject({ month: '2026-02', count: 0 });
  });

  it('shows what was won in each of the last six months, by close day, in CNY only', () => {
    expect(forecast.past).toEqual([
      { month: '2025-08', count: 0, wonCents: 0 },
      { month: '2025-09', count: 1, wonCents: 500_000 },
      { month: '2025-10', count: 0, wonCents: 0 },
      { month: '2025-11', count: 2, wonCents: 150_000 }, // w3 30,000 + w2 120,000 (w4 is USD)
      { month: '2025-12', count: 0, wonCents: 0 },
      { month: '2026-01', count: 0, wonCents: 0 },
    ]);
  });

  it('gives the win rate of closed deals that got at least as far as each stage', () => {
    const { stage } = fixture;
    expect(forecast.winRateByStage).toEqual([
      { stageId: stage.lead, closed: 7, won: 5, rate: 5 / 7 },
      { stageId: stage.qualified, closed: 5, won: 4, rate: 4 / 5 }, // w1 w2 w3 w5 l2
      { stageId: stage.proposal, closed: 4, won: 3, rate: 3 / 4 }, // w1 w2 w5 l2
      { stageId: stage.negotiation, closed: 1, won: 1, rate: 1 },
      { stageId: stage.contract, closed: 0, won: 0, rate: null },
    ]);
  });

  it('gives the win rate by source, most closed first', () => {
    expect(forecast.winRateBySource).toEqual([
      { source: 'referral', closed: 4, won: 3, rate: 3 / 4 },
      { source: 'website', closed: 2, won: 1, rate: 1 / 2 },
      { source: null, closed: 1, won: 1, rate: 1 },
    ]);
  });

  it('averages finished stays per stage and the cycle of won deals, in days', () => {
    const { stage } = fixture;
    expect(forecast.daysPerStage).toEqual([
      { stageId: stage.lead, stays: 5, averageDays: (10 + 10 + 10 + 61 + 96) / 5 },
      { stageId: stage.qualified, stays: 1, averageDays: 96 },
      { stageId: stage.proposal, stays: 3, averageDays: (14 + 30 + 61) / 3 },
      { stageId: stage.negotiation, stays: 1, averageDays: 101 },
      { stageId: stage.contract, stays: 0, averageDays: null },
    ]);
    expect(forecast.averageCycleDays).toBeCloseTo((14 + 40 + 96 + 96 + 111) / 5, 9);
  });

  it('lists as stale the open deals with no edit and no conversation for the stale days', async () => {
    expect(forecast.staleDays).toBe(14);
    expect(forecast.stale).toEqual([]); // nothing idle for 14 days yet
    const week = await fixture.forecast({ staleDays: 7 });
    const { open } = fixture;
    // Ann's untouched deals: d1 was edited on the 20th, Bo was called on the 23rd.
    expect(week.stale.map((deal) => deal.id).sort((a, b) => a - b)).toEqual(
      [open.d2, open.d5, open.d7, open.d8].map((deal) => deal.id),
    );
  });

  it('follows the stale days of the settings', async () => {
    await fixture.call('settings.update', { dealStaleDays: 3 });
    const { open } = fixture;
    const stale = (await fixture.forecast()).stale.map((deal) => deal.id).sort((a, b) => a - b);
    expect(stale).toEqual([open.d1, open.d2, open.d5, open.d7, open.d8].map((deal) => deal.id));
  });
});

describe('deals.forecast on an empty pipeline', () => {
  it('shows zero months and no rates rather than 0 %', async () => {
    const { forecast, t } = useDeals();
    t.clock.advance(DAY_MS);
    const empty = await forecast();
    expect(empty.ahead.every((month) => month.count === 0 && month.weightedCents === 0)).toBe(true);
    expect(empty.winRateByStage.every((rate) => rate.rate === null)).toBe(true);
    expect(empty.averageCycleDays).toBeNull();
    expect(empty.model).toMatchObject({ ok: false, reason: 'too_few_closed', closed: 0 });
  });
});
