import { describe, expect, it } from 'vitest';
import { DAY_MS, isoAt, useDeals } from '../support/dealCalls';
import { CLOCK_START } from '../support/tempBackend';

/** Stage history: every change kept with its time, days in stage, and the customer's timeline. */
describe('a deal from creation through two moves to won', () => {
  it('keeps each change with its time, in order, and the close with its outcome', async () => {
    const { t, call, customer, deal, move, get, stageId } = useDeals();
    const [lead, qualified, proposal] = [
      await stageId('lead'),
      await stageId('qualified'),
      await stageId('proposal'),
    ];
    const ann = await customer();
    const created = await deal(ann.id);
    expect(created).toMatchObject({ stageId: lead, status: 'open', probability: 10, daysInStage: 0 });
    t.clock.advance(3 * DAY_MS);
    await move(created.id, qualified);
    t.clock.advance(5 * DAY_MS);
    await move(created.id, proposal);
    t.clock.advance(2 * DAY_MS);
    await call('deals.close', { id: created.id, outcome: 'won' });

    expect((await get(created.id)).history).toEqual([
      { at: isoAt(CLOCK_START), fromStageId: null, toStageId: lead, status: 'open' },
      { at: isoAt(CLOCK_START + 3 * DAY_MS), fromStageId: lead, toStageId: qualified, status: 'open' },
      { at: isoAt(CLOCK_START + 8 * DAY_MS), fromStageId: qualified, toStageId: proposal, status: 'open' },
      { at: isoAt(CLOCK_START + 10 * DAY_MS), fromStageId: proposal, toStageId: null, status: 'won' },
    ]);
  });

  it('counts days in the current stage from entering it, and stops counting at the close', async () => {
    const { t, call, customer, deal, move, get, stageId } = useDeals();
    const ann = await customer();
    const created = await deal(ann.id);
    t.clock.advance(4 * DAY_MS);
    expect((await get(created.id)).deal.daysInStage).toBe(4);
    const moved = await move(created.id, await stageId('proposal'));
    expect(moved).toMatchObject({ daysInStage: 0, stageEnteredAt: isoAt(CLOCK_START + 4 * DAY_MS) });
    t.clock.advance(2 * DAY_MS + 3_600_000);
    expect((await get(created.id)).deal.daysInStage).toBe(2);
    const { deal: won } = await call<{ deal: { daysInStage: number } }>('deals.close', {
      id: created.id,
      outcome: 'won',
    });
    expect(won.daysInStage).toBe(2);
    t.clock.advance(30 * DAY_MS);
    expect((await get(created.id)).deal.daysInStage).toBe(2);
  });

  it('a drop into the same column reorders without a history row or a timeline entry', async () => {
    const { customer, deal, move, get, dealEvents, stageId } = useDeals();
    const ann = await customer();
    const first = await deal(ann.id);
    await deal(ann.id);
    await move(first.id, await stageId('lead'));
    expect((await get(first.id)).history).toHaveLength(1);
    expect((await dealEvents(ann.id)).map((item) => item.event.kind)).toEqual([
      'deal_created',
      'deal_created',
    ]);
  });
});

describe("the customer's timeline", () => {
  it('shows the deal created, each stage change and the win, at their times, naming the deal', async () => {
    const { t, call, customer, deal, move, dealEvents, stageId } = useDeals();
    const [lead, proposal, contract] = [
      await stageId('lead'),
      await stageId('proposal'),
      await stageId('contract'),
    ];
    const ann = await customer();
    const created = await deal(ann.id, { title: '年度茶叶采购', valueCents: 880_000 });
    t.clock.advance(DAY_MS);
    await move(created.id, proposal);
    t.clock.advance(DAY_MS);
    await move(created.id, contract);
    t.clock.advance(DAY_MS);
    await call('deals.close', { id: created.id, outcome: 'won' });

    const events = await dealEvents(ann.id);
    const named = { dealId: created.id, title: '年度茶叶采购', valueCents: 880_000, currency: 'CNY' };
    expect(events.map((item) => ({ at: item.at, kind: item.event.kind, data: item.event.data }))).toEqual([
      { at: isoAt(CLOCK_START), kind: 'deal_created', data: { ...named, stageId: lead } },
      {
        at: isoAt(CLOCK_START + DAY_MS),
        kind: 'deal_stage_changed',
        data: { ...named, fromStageId: lead, toStageId: proposal },
      },
      {
        at: isoAt(CLOCK_START + 2 * DAY_MS),
        kind: 'deal_stage_changed',
        data: { ...named, fromStageId: proposal, toStageId: contract },
      },
      { at: isoAt(CLOCK_START + 3 * DAY_MS), kind: 'deal_won', data: { ...named, stageId: contract } },
    ]);
  });

  it('shows a loss with its reason, and a reopen that puts the deal back where it was closed', async () => {
    const { t, call, customer, deal, move, get, dealEvents, stageId } = useDeals();
    const negotiation = await stageId('negotiation');
    const ann = await customer();
    const created = await deal(ann.id);
    await move(created.id, negotiation);
    t.clock.advance(DAY_MS);
    await call('deals.close', { id: created.id, outcome: 'lost', lostReason: 'price' });
    t.clock.advance(DAY_MS);
    const reopened = await call<{ status: string; stageId: number; lostReason: string | null }>(
      'deals.reopen',
      { id: created.id },
    );
    expect(reopened).toMatchObject({ status: 'open', stageId: negotiation, lostReason: null });

    const events = await dealEvents(ann.id);
    expect(events.map((item) => item.event.kind)).toEqual([
      'deal_created',
      'deal_stage_changed',
      'deal_lost',
      'deal_reopened',
    ]);
    expect(events[2]!.event.data).toMatchObject({ stageId: negotiation, lostReason: 'price' });
    expect(events[3]).toMatchObject({
      at: isoAt(CLOCK_START + 2 * DAY_MS),
      event: { data: { stageId: negotiation } },
    });
    expect((await get(created.id)).history.slice(-2)).toEqual([
      { at: isoAt(CLOCK_START + DAY_MS), fromStageId: negotiation, toStageId: null, status: 'lost' },
      { at: isoAt(CLOCK_START + 2 * DAY_MS), fromStageId: null, toStageId: negotiation, status: 'open' },
    ]);
  });

  it("keeps the deal's title and value as they were at each event, after the deal is edited", async () => {
    const { t, call, customer, deal, dealEvents } = useDeals();
    const ann = await customer();
    const created = await deal(ann.id, { title: 'Small order', valueCents: 10_000 });
    t.clock.advance(DAY_MS);
    await call('deals.update', { id: created.id, patch: { title: 'Big order', valueCents: 90_000 } });
    await call('deals.close', { id: created.id, outcome: 'won' });
    const events = await dealEvents(ann.id);
    expect(events.map((item) => [item.event.data.title, item.event.data.valueCents])).toEqual([
      ['Small order', 10_000],
      ['Big order', 90_000],
    ]);
  });
});
