import { describe, expect, it } from 'vitest';
import { groupOrders, type OrderRow } from '../../src-main/analytics/history';
import { estimateRecencyChain, projectStates } from '../../src-main/analytics/markov';
import { localMidnight, ONLINE_RETAIL_AS_OF, onlineRetailHistories } from '../support/referenceData';

// As of 2024-07-01 the months counted back are the calendar months: June = 0 months ago, January = 5.
const AS_OF = localMidnight(2024, 7, 1);
const boughtIn = (customerId: number, months: number[]): OrderRow[] =>
  months.map((month) => ({ customerId, at: localMidnight(2024, month, 15), cents: 1_000, refunded: false }));

/**
 * A: every month January-June. B: January and March. C: January and April (all 2024), 6 states.
 * Hand-counted customer-months (state → next month):
 *   state 1: A 5 (all bought), B 2 (Jan, Mar; none bought), C 2 (Jan, Apr; none)  → 5/9
 *   state 2: B 2 (Feb → bought Mar; Apr → not), C 2 (Feb, May; none)           → 1/4
 *   state 3: B 1 (May → not), C 1 (Mar → bought Apr)                           → 1/2
 * Now (June): A in state 1, B in state 4 (last bought March), C in state 3.
 */
const tiny = () =>
  estimateRecencyChain(
    groupOrders([...boughtIn(1, [1, 2, 3, 4, 5, 6]), ...boughtIn(2, [1, 3]), ...boughtIn(3, [1, 4])]),
    {
      asOf: AS_OF,
      states: 6,
    },
  );

describe('estimateRecencyChain: p̂_i = returns / customer-months in state i', () => {
  it('reproduces the hand count of a tiny history', () => {
    const chain = tiny();
    expect(chain.transitions.slice(0, 3)).toEqual([
      { state: 1, customerMonths: 9, returns: 5, buyProbability: 5 / 9, source: 'estimated' },
      { state: 2, customerMonths: 4, returns: 1, buyProbability: 1 / 4, source: 'estimated' },
      { state: 3, customerMonths: 2, returns: 1, buyProbability: 1 / 2, source: 'estimated' },
    ]);
    expect(chain.countsNow).toEqual([1, 0, 1, 1, 0, 0]);
  });

  it('borrows p from the nearest state below for a state never observed, and keeps the lost state absorbing', () => {
    const [, , , fourth, fifth, lost] = tiny().transitions;
    expect(fourth).toEqual({
      state: 4,
      customerMonths: 0,
      returns: 0,
      buyProbability: 0.5,
      source: 'borrowed',
    });
    expect(fifth).toMatchObject({ buyProbability: 0.5, source: 'borrowed' });
    expect(lost).toEqual({ state: 6, customerMonths: 0, returns: 0, buyProbability: 0, source: 'absorbing' });
  });

  it('counts a customer gone k−1 months or more as lost, and their comeback without crediting the lost state', () => {
    // Bought January 2023, nothing until June 2024: 17 months later. With 6 states lost from month 6 on.
    const chain = estimateRecencyChain(
      groupOrders([
        { customerId: 1, at: localMidnight(2023, 1, 15), cents: 1_000, refunded: false },
        { customerId: 1, at: localMidnight(2024, 6, 15), cents: 1_000, refunded: false },
        { customerId: 2, at: localMidnight(2023, 1, 15), cents: 1_000, refunded: false },
      ]),
      { asOf: AS_OF, states: 6 },
    );
    const lost = chain.transitions[5]!;
    // Each customer spends states 1-5 one month each, then 12 months in state 6 (Jun 2023 … May 2024).
    expect(lost).toEqual({
      state: 6,
      customerMonths: 24,
      returns: 1,
      buyProbability: 0,
      source: 'absorbing',
    });
    expect(chain.transitions.slice(0, 5).map((t) => t.buyProbability)).toEqual([0, 0, 0, 0, 0]);
    expect(chain.countsNow).toEqual([1, 0, 0, 0, 0, 1]);
  });

  it('ignores orders at or after asOf', () => {
    const withLater = estimateRecencyChain(
      groupOrders([
        ...boughtIn(1, [1, 2, 3, 4, 5, 6]),
        ...boughtIn(2, [1, 3]),
        ...boughtIn(3, [1, 4]),
        ...boughtIn(2, [7, 8]),
      ]),
      { asOf: AS_OF, states: 6 },
    );
    expect(withLater).toEqual(tiny());
  });

  it('has no NaN when nothing is observed: every p is 0, marked none', () => {
    const empty = estimateRecencyChain([], { asOf: AS_OF, states: 4 });
    expect(empty.transitions.map((t) => [t.buyProbability, t.source])).toEqual([
      [0, 'none'],
      [0, 'none'],
      [0, 'none'],
      [0, 'absorbing'],
    ]);
    expect(empty.countsNow).toEqual([0, 0, 0, 0]);
    const onlyThisMonth = estimateRecencyChain(groupOrders(boughtIn(1, [6])), { asOf: AS_OF, states: 4 });
    expect(onlyThisMonth.transitions[0]).toMatchObject({
      customerMonths: 0,
      buyProbability: 0,
      source: 'none',
    });
    expect(onlyThisMonth.countsNow).toEqual([1, 0, 0, 0]);
  });

  it('refuses fewer than 2 states', () => {
    expect(() => estimateRecencyChain([], { asOf: AS_OF, states: 1 })).toThrow(
      'states must be an integer ≥ 2',
    );
  });
});

describe('projectStates: s_{t+1} = s_t · P', () => {
  it('moves the tiny history one month on as computed by hand', () => {
    const chain = tiny();
    const [first] = projectStates(chain, chain.countsNow, 1);
    // A buys with 5/9, B (state 4) and C (state 3) with 1/2 each.
    expect(first!.active).toBeCloseTo(5 / 9 + 1, 12);
    [5 / 9 + 1, 4 / 9, 0, 0.5, 0.5, 0].forEach((expected, i) =>
      expect(first!.byState[i]).toBeCloseTo(expected, 12),
    );
    expect(first!.lapsed).toBeCloseTo(4 / 9 + 1, 12);
    expect(first!.lost).toBe(0);
  });

  it('conserves the number of customers every month, and the lost only grow', () => {
    const chain = tiny();
    const projections = projectStates(chain, [40, 30, 20, 10, 5, 15], 12);
    expect(projections.map((p) => p.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    let lost = 15;
    for (const p of projections) {
      expect(p.active + p.lapsed + p.lost).toBeCloseTo(120, 9);
      expect(p.byState.reduce((sum, count) => sum + count, 0)).toBeCloseTo(120, 9);
      expect(p.lost).toBeGreaterThanOrEqual(lost);
      lost = p.lost;
    }
  });

  it('gives zeros, not NaN, with no customers', () => {
    const chain = estimateRecencyChain([], { asOf: AS_OF, states: 4 });
    expect(projectStates(chain, chain.countsNow, 2)).toEqual([
      { month: 1, active: 0, lapsed: 0, lost: 0, byState: [0, 0, 0, 0] },
      { month: 2, active: 0, lapsed: 0, lost: 0, byState: [0, 0, 0, 0] },
    ]);
  });

  it('refuses counts that do not match the states', () => {
    expect(() => projectStates(tiny(), [1, 2], 1)).toThrow('2 counts for 6 states');
  });
});

describe('Online Retail as of 2011-12-10, 12 states', () => {
  it('estimates a falling return probability by months since the last order, and a 12-month outlook', () => {
    const chain = estimateRecencyChain(onlineRetailHistories(), { asOf: ONLINE_RETAIL_AS_OF });
    expect(chain.countsNow.reduce((sum, count) => sum + count, 0)).toBe(4_338);
    const [one, two, , , , six] = chain.transitions.map((t) => t.buyProbability);
    expect(one).toBeGreaterThan(two!);
    expect(two).toBeGreaterThan(six!);
    expect(chain.transitions.every((t) => Number.isFinite(t.buyProbability))).toBe(true);
    const projections = projectStates(chain, chain.countsNow, 12);
    expect(projections).toHaveLength(12);
    expect(projections[11]!.lost).toBeGreaterThan(chain.countsNow[11]!);
  });
});
