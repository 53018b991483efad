import { describe, expect, it } from 'vitest';
import type { DealStage } from '../../src-shared/contract';
import { DAY_MS, isoAt, useDeals } from '../support/dealCalls';
import { errorOf } from '../support/envelopes';
import { CLOCK_START } from '../support/tempBackend';

/** Settings → Pipeline: the owner's stages, and what happens to the deals in them. */
describe('the built-in stages', () => {
  it('are lead, qualified, proposal, negotiation, contract at 10/25/50/70/90 %, in that order', async () => {
    const { stages } = useDeals();
    expect((await stages()).map(({ key, label, probability }) => ({ key, label, probability }))).toEqual([
      { key: 'lead', label: null, probability: 10 },
      { key: 'qualified', label: null, probability: 25 },
      { key: 'proposal', label: null, probability: 50 },
      { key: 'negotiation', label: null, probability: 70 },
      { key: 'contract', label: null, probability: 90 },
    ]);
  });
});

describe('editing stages', () => {
  it('renames a stage, keeping its key for the translation and its deals', async () => {
    const { call, stageId, customer, deal, list } = useDeals();
    const proposal = await stageId('proposal');
    const created = await deal((await customer()).id, { stageId: proposal });
    const renamed = await call<DealStage>('dealStages.update', { id: proposal, patch: { label: '报价中' } });
    expect(renamed).toMatchObject({
      id: proposal,
      key: 'proposal',
      label: '报价中',
      probability: 50,
      openDeals: 1,
    });
    expect((await list()).deals.map((item) => [item.id, item.stageId])).toEqual([[created.id, proposal]]);
  });

  it('changes a default probability: deals on the default follow, a deal with its own keeps it', async () => {
    const { call, stageId, customer, deal, get, forecast } = useDeals();
    const lead = await stageId('lead');
    const ann = await customer();
    const following = await deal(ann.id, { valueCents: 100_000, expectedClose: '2026-01-31' });
    const own = await deal(ann.id, { valueCents: 100_000, probability: 5, expectedClose: '2026-01-31' });
    await call('dealStages.update', { id: lead, patch: { probability: 30 } });
    expect((await get(following.id)).deal).toMatchObject({ probability: 30, probabilityOverridden: false });
    expect((await get(own.id)).deal).toMatchObject({ probability: 5, probabilityOverridden: true });
    expect((await forecast()).ahead[0]).toMatchObject({ month: '2026-01', weightedCents: 35_000 });
  });

  it('reorders the board when every stage is named once', async () => {
    const { call, stages } = useDeals();
    const ids = (await stages()).map((stage) => stage.id);
    const reversed = [...ids].reverse();
    const result = await call<DealStage[]>('dealStages.reorder', { ids: reversed });
    expect(result.map((stage) => stage.id)).toEqual(reversed);
    expect((await stages()).map((stage) => stage.id)).toEqual(reversed);
  });

  it.each([
    ['a stage missing', (ids: number[]) => ids.slice(1)],
    ['a stage twice', (ids: number[]) => [...ids.slice(1), ids[1]!]],
    ['an unknown stage', (ids: number[]) => [...ids.slice(1), 999]],
  ])('refuses a reorder with %s (VALIDATION on ids), keeping the order', async (_, change) => {
    const { dispatch, stages } = useDeals();
    const before = (await stages()).map((stage) => stage.id);
    const error = errorOf(await dispatch('dealStages.reorder', { ids: change(before) }), 'VALIDATION');
    expect(error.issues?.map((issue) => issue.path)).toEqual(['ids']);
    expect((await stages()).map((stage) => stage.id)).toEqual(before);
  });

  it('adds a stage at the end of the board, where new deals can go', async () => {
    const { call, stages, customer, deal } = useDeals();
    const added = await call<DealStage>('dealStages.create', { label: '样品测试', probability: 60 });
    expect(added).toMatchObject({ key: null, label: '样品测试', probability: 60, openDeals: 0 });
    expect((await stages()).at(-1)!.id).toBe(added.id);
    const created = await deal((await customer()).id, { stageId: added.id });
    expect(created).toMatchObject({ stageId: added.id, probability: 60 });
  });

  it('removes an empty stage from the board', async () => {
    const { call, stageId, stages } = useDeals();
    const contract = await stageId('contract');
    const result = await call<{ moved: number; stages: DealStage[] }>('dealStages.remove', { id: contract });
    expect(result.moved).toBe(0);
    expect(result.stages.map((stage) => stage.key)).toEqual(['lead', 'qualified', 'proposal', 'negotiation']);
    expect((await stages()).some((stage) => stage.id === contract)).toBe(false);
  });
});

describe('removing a stage that holds deals', () => {
  it('without moveTo: CONFLICT saying how many deals are there, and nothing moves', async () => {
    const { dispatch, stageId, stages, customer, deal, rows } = useDeals();
    const proposal = await stageId('proposal');
    const ann = await customer();
    await deal(ann.id, { stageId: proposal });
    await deal(ann.id, { stageId: proposal });
    const before = rows();
    const error = errorOf(await dispatch('dealStages.remove', { id: proposal }), 'CONFLICT');
    expect(error.message).toContain('2 open deal(s)');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'moveTo', params: { count: 2 } })]);
    expect(rows()).toEqual(before);
    expect((await stages()).find((stage) => stage.id === proposal)?.openDeals).toBe(2);
  });

  it('with moveTo: the deals go to the bottom of that column with a history row and a timeline entry each', async () => {
    const { t, call, stageId, customer, deal, list, get, dealEvents } = useDeals();
    const [qualified, proposal] = [await stageId('qualified'), await stageId('proposal')];
    const ann = await customer();
    const waiting = await deal(ann.id, { stageId: qualified, title: 'already there' });
    const a = await deal(ann.id, { stageId: proposal, title: 'a' });
    const b = await deal(ann.id, { stageId: proposal, title: 'b' });
    t.clock.advance(DAY_MS);
    const result = await call<{ moved: number }>('dealStages.remove', { id: proposal, moveTo: qualified });
    expect(result.moved).toBe(2);
    const column = (await list({ stageIds: [qualified] })).deals.map((item) => item.id);
    expect(column).toEqual([waiting.id, a.id, b.id]);
    for (const moved of [a, b]) {
      const detail = await get(moved.id);
      expect(detail.deal).toMatchObject({ stageId: qualified, probability: 25, daysInStage: 0 });
      expect(detail.history.at(-1)).toEqual({
        at: isoAt(CLOCK_START + DAY_MS),
        fromStageId: proposal,
        toStageId: qualified,
        status: 'open',
      });
    }
    const kinds = (await dealEvents(ann.id)).map((item) => item.event.kind);
    expect(kinds.filter((kind) => kind === 'deal_stage_changed')).toHaveLength(2);
  });

  it('leaves closed deals of the stage alone: their history still names it', async () => {
    const { call, stageId, stages, customer, deal, get } = useDeals();
    const [lead, negotiation] = [await stageId('lead'), await stageId('negotiation')];
    const ann = await customer();
    const won = await deal(ann.id, { stageId: negotiation });
    await call('deals.close', { id: won.id, outcome: 'won' });
    await call('dealStages.remove', { id: negotiation, moveTo: lead });
    expect((await stages()).map((stage) => stage.id)).not.toContain(negotiation);
    const detail = await get(won.id);
    expect(detail.deal).toMatchObject({ status: 'won', stageId: negotiation });
    expect(detail.history.map((change) => [change.toStageId, change.fromStageId])).toEqual([
      [negotiation, null],
      [null, negotiation],
    ]);
  });

  it('refuses a moveTo that is the stage itself or not a stage, naming moveTo', async () => {
    const { dispatch, stageId, customer, deal, rows } = useDeals();
    const proposal = await stageId('proposal');
    await deal((await customer()).id, { stageId: proposal });
    const before = rows();
    for (const moveTo of [proposal, 999]) {
      const error = errorOf(await dispatch('dealStages.remove', { id: proposal, moveTo }), 'VALIDATION');
      expect(error.issues?.map((issue) => issue.path)).toEqual(['moveTo']);
    }
    expect(rows()).toEqual(before);
  });
});

describe('the last stage', () => {
  it('cannot be removed: a pipeline needs one stage', async () => {
    const { call, dispatch, stages } = useDeals();
    const all = await stages();
    for (const stage of all.slice(1)) await call('dealStages.remove', { id: stage.id });
    const error = errorOf(await dispatch('dealStages.remove', { id: all[0]!.id }), 'VALIDATION');
    expect(error.issues?.map((issue) => issue.path)).toEqual(['id']);
    expect((await stages()).map((stage) => stage.id)).toEqual([all[0]!.id]);
  });
});

describe('a removed stage', () => {
  it('cannot be edited, moved into or given to a new deal', async () => {
    const { call, dispatch, stageId, customer, deal } = useDeals();
    const contract = await stageId('contract');
    await call('dealStages.remove', { id: contract });
    const ann = await customer();
    const created = await deal(ann.id);
    const refusals = [
      await dispatch('dealStages.update', { id: contract, patch: { label: 'x' } }),
      await dispatch('deals.move', { id: created.id, stageId: contract }),
      await dispatch('deals.create', { customerId: ann.id, title: 'x', valueCents: 1, stageId: contract }),
    ];
    expect(refusals.map((envelope) => errorOf(envelope, 'VALIDATION').issues?.[0]?.path)).toEqual([
      'id',
      'stageId',
      'stageId',
    ]);
  });

  it('a deal closed from it and reopened lands in the first stage of the board', async () => {
    const { call, stageId, customer, deal } = useDeals();
    const [lead, contract] = [await stageId('lead'), await stageId('contract')];
    const created = await deal((await customer()).id, { stageId: contract });
    await call('deals.close', { id: created.id, outcome: 'lost', lostReason: 'timing' });
    await call('dealStages.remove', { id: contract });
    const reopened = await call<{ stageId: number; status: string }>('deals.reopen', { id: created.id });
    expect(reopened).toMatchObject({ stageId: lead, status: 'open' });
  });
});
