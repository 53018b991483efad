import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../src-shared/contract';
import { DAY_MS, useDeals } from '../support/dealCalls';
import { errorOf } from '../support/envelopes';

/**
 * Bad input to the pipeline: VALIDATION naming the field, and nothing written (no deal, history
 * row, timeline entry or order; every deal where it was).
 */
async function pipeline() {
  const bench = useDeals();
  const ann = await bench.customer('Ann');
  // Created yesterday, so "before creation" can be a date that is otherwise fine.
  const open = await bench.deal(ann.id);
  const closed = await bench.deal(ann.id);
  await bench.call('deals.close', { id: closed.id, outcome: 'lost', lostReason: 'price' });
  bench.t.clock.advance(DAY_MS);
  /** The refusal's issues as `path code`, after checking nothing changed. */
  const refused = async (channel: string, input: unknown): Promise<string[]> => {
    const before = bench.rows();
    const error = errorOf(await bench.dispatch(channel, input), 'VALIDATION');
    expect(bench.rows()).toEqual(before);
    return (error.issues ?? []).map((issue: FieldIssue) => `${issue.path} ${issue.code}`);
  };
  const create = (fields: object) =>
    refused('deals.create', { customerId: ann.id, title: 'Tea', valueCents: 5_000, ...fields });
  return { ...bench, ann, open, closed, refused, create };
}

describe('a new deal is refused', () => {
  it('without a customer', async () => {
    const { refused } = await pipeline();
    expect(await refused('deals.create', { title: 'Tea', valueCents: 5_000 })).toEqual([
      'customerId required',
    ]);
  });

  it('for a customer that does not exist', async () => {
    const { create } = await pipeline();
    expect(await create({ customerId: 999 })).toEqual(['customerId invalid']);
  });

  it('for a customer in the trash', async () => {
    const { call, customer, create } = await pipeline();
    const gone = await customer('Bo');
    await call('customers.delete', { id: gone.id });
    expect(await create({ customerId: gone.id })).toEqual(['customerId invalid']);
  });

  it('with a negative value', async () => {
    const { create } = await pipeline();
    expect(await create({ valueCents: -1 })).toEqual(['valueCents too_small']);
  });

  it('in a stage that does not exist', async () => {
    const { create } = await pipeline();
    expect(await create({ stageId: 999 })).toEqual(['stageId invalid']);
  });

  it('expected to close before the day it is created', async () => {
    const { create } = await pipeline();
    expect(await create({ expectedClose: '2026-01-15' })).toEqual(['expectedClose before_creation']);
  });

  it('with a next step dated before the day it is created', async () => {
    const { create } = await pipeline();
    expect(await create({ nextStepDate: '2026-01-01' })).toEqual(['nextStepDate before_creation']);
  });

  it('with a probability over 100 %', async () => {
    const { create } = await pipeline();
    expect(await create({ probability: 101 })).toEqual(['probability too_long']);
  });

  it('with a date that is not a calendar day', async () => {
    const { create } = await pipeline();
    expect(await create({ expectedClose: '2026-02-30' })).toEqual(['expectedClose date']);
  });
});

describe('an edit is refused', () => {
  it('moving the expected close before the deal was created', async () => {
    const { refused, open } = await pipeline();
    expect(await refused('deals.update', { id: open.id, patch: { expectedClose: '2026-01-14' } })).toEqual([
      'patch.expectedClose before_creation',
    ]);
  });

  it('giving the deal to a customer in the trash', async () => {
    const { call, customer, refused, open } = await pipeline();
    const gone = await customer('Bo');
    await call('customers.delete', { id: gone.id });
    expect(await refused('deals.update', { id: open.id, patch: { customerId: gone.id } })).toEqual([
      'patch.customerId invalid',
    ]);
  });
});

describe('a move is refused', () => {
  it('for a closed deal (deal_closed: reopen it first)', async () => {
    const { refused, closed, stageId } = await pipeline();
    expect(await refused('deals.move', { id: closed.id, stageId: await stageId('proposal') })).toEqual([
      'id deal_closed',
    ]);
  });

  it('into a stage that does not exist', async () => {
    const { refused, open } = await pipeline();
    expect(await refused('deals.move', { id: open.id, stageId: 999 })).toEqual(['stageId invalid']);
  });
});

describe('a close is refused', () => {
  it('for a deal already closed', async () => {
    const { refused, closed } = await pipeline();
    expect(await refused('deals.close', { id: closed.id, outcome: 'won' })).toEqual(['id deal_closed']);
  });

  it('dated before the deal was created', async () => {
    const { refused, open } = await pipeline();
    expect(await refused('deals.close', { id: open.id, outcome: 'won', closedOn: '2026-01-14' })).toEqual([
      'closedOn before_creation',
    ]);
  });

  it('dated on a day still to come (a won deal would create an order in the future)', async () => {
    const { refused, open } = await pipeline();
    expect(await refused('deals.close', { id: open.id, outcome: 'won', closedOn: '2026-01-20' })).toEqual([
      'closedOn date',
    ]);
  });

  it('as lost without a reason', async () => {
    const { refused, open } = await pipeline();
    expect(await refused('deals.close', { id: open.id, outcome: 'lost' })).toEqual(['lostReason required']);
  });

  it('as lost with a reason that is not on the list', async () => {
    const { refused, open } = await pipeline();
    expect(await refused('deals.close', { id: open.id, outcome: 'lost', lostReason: 'bad_luck' })).toEqual([
      'lostReason option',
    ]);
  });

  it('as lost with createOrder: only a won deal records an order', async () => {
    const { refused, open } = await pipeline();
    expect(
      await refused('deals.close', { id: open.id, outcome: 'lost', lostReason: 'price', createOrder: true }),
    ).toEqual(['createOrder invalid']);
  });

  it('accepts a lost reason the owner added to the list', async () => {
    const { call, open } = await pipeline();
    const reasons = (await call<{ dealLostReasons: object[] }>('settings.get')).dealLostReasons;
    await call('settings.update', { dealLostReasons: [...reasons, { key: 'bad_luck', label: '运气不好' }] });
    const closed = await call<{ deal: { lostReason: string } }>('deals.close', {
      id: open.id,
      outcome: 'lost',
      lostReason: 'bad_luck',
    });
    expect(closed.deal.lostReason).toBe('bad_luck');
  });
});

describe('a bulk change is all or nothing', () => {
  it('refuses a bulk move that includes a closed deal and moves none of the others', async () => {
    const { refused, open, closed, stageId } = await pipeline();
    expect(
      await refused('deals.bulk', {
        ids: [open.id, closed.id],
        action: { type: 'move', stageId: await stageId('proposal') },
      }),
    ).toEqual(['id deal_closed']);
  });

  it('moves every selected deal, in board order, with a stage change recorded for each', async () => {
    const { call, ann, open, deal, stageId, list, get } = await pipeline();
    const second = await deal(ann.id, { title: 'Second' });
    const proposal = await stageId('proposal');
    await call('deals.bulk', { ids: [second.id, open.id], action: { type: 'move', stageId: proposal } });
    const column = (await list({ stageIds: [proposal] })).deals.map((item) => item.id);
    expect(column).toEqual([open.id, second.id]);
    for (const id of column) expect((await get(id)).history.at(-1)?.toStageId).toBe(proposal);
  });

  it('moves deals to the trash and back together', async () => {
    const { call, ann, open, deal, list } = await pipeline();
    const second = await deal(ann.id);
    await call('deals.bulk', { ids: [open.id, second.id], action: { type: 'delete' } });
    expect((await list()).total).toBe(0);
    await call('deals.bulk', { ids: [open.id, second.id], action: { type: 'restore' } });
    expect((await list()).total).toBe(2);
  });
});

describe('a reopen is refused', () => {
  it('for a deal that is open', async () => {
    const { refused, open } = await pipeline();
    expect(await refused('deals.reopen', { id: open.id })).toEqual(['id invalid']);
  });
});
