import { describe, expect, it } from 'vitest';
import { useDeals } from '../support/dealCalls';

/** Card order within a board column: a drop lands exactly where it was dropped. */
async function column(count: number) {
  const bench = useDeals();
  const lead = await bench.stageId('lead');
  const ann = await bench.customer();
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push((await bench.deal(ann.id, { title: `card ${i}` })).id);
  const order = async (stageId = lead) =>
    (await bench.list({ stageIds: [stageId] })).deals.map((deal) => deal.id);
  return { ...bench, lead, ann, ids, order };
}

describe('the board order', () => {
  it('lists new deals at the bottom of their column, in the order they were added', async () => {
    const { ids, order } = await column(3);
    expect(await order()).toEqual(ids);
  });

  it('moves a card up within its column, just above the card it is dropped on', async () => {
    const { move, lead, ids, order } = await column(4);
    const [a, b, c, d] = ids as [number, number, number, number];
    await move(d, lead, b);
    expect(await order()).toEqual([a, d, b, c]);
    await move(a, lead, c);
    expect(await order()).toEqual([d, b, a, c]);
  });

  it('moves a card to the bottom of its column when dropped below the last card', async () => {
    const { move, lead, ids, order } = await column(3);
    const [a, b, c] = ids as [number, number, number];
    await move(a, lead, null);
    expect(await order()).toEqual([b, c, a]);
  });

  it('drops a card from another column between two cards of this one', async () => {
    const { move, lead, stageId, customer, deal, ids, order } = await column(3);
    const proposal = await stageId('proposal');
    const other = await deal((await customer('Bo')).id, { stageId: proposal });
    await move(other.id, lead, ids[1]);
    expect(await order()).toEqual([ids[0], other.id, ids[1], ids[2]]);
    expect(await order(proposal)).toEqual([]);
  });

  it('keeps the order through 80 drops into the same gap (the column is renumbered on the way)', async () => {
    const { move, lead, stageId, deal, ann, ids, order, list } = await column(2);
    const [top, bottom] = ids as [number, number];
    const proposal = await stageId('proposal');
    const dropped: number[] = [];
    for (let i = 0; i < 80; i++) dropped.push((await deal(ann.id, { stageId: proposal })).id);
    // Each card goes just above `bottom`, so below the one dropped before it: the gap halves each time.
    for (const id of dropped) await move(id, lead, bottom);
    expect(await order()).toEqual([top, ...dropped, bottom]);
    const positions = (await list({ stageIds: [lead] })).deals.map((deal) => deal.position);
    expect(new Set(positions).size).toBe(positions.length);
  });
});
