import { describe, expect, it } from 'vitest';
import {
  scoreWin,
  trainWinModel,
  validationAuc,
  winRefusal,
  type ClosedDeal,
  type WinFeatures,
} from '../../src-main/deals/winModel';

const DAY_MS = 86_400_000;

/** An ordinary deal: the same on every feature unless the test says otherwise. */
function features(overrides: Partial<WinFeatures> = {}): WinFeatures {
  return {
    valueCents: 100_000,
    daysOpen: 20,
    stageReached: 0.5,
    conversations: 2,
    pastOrders: 1,
    pastRevenueCents: 50_000,
    source: null,
    ...overrides,
  };
}

function closed(won: boolean, overrides: Partial<WinFeatures> = {}, day = 0): ClosedDeal {
  return { ...features(overrides), won, closedAt: day * DAY_MS };
}

/** `won` won deals and `lost` lost ones, closed on successive days in that order. */
const outcomes = (won: number, lost: number) =>
  [...Array<boolean>(won).fill(true), ...Array<boolean>(lost).fill(false)].map((isWon, day) =>
    closed(isWon, { valueCents: 100_000 + day * 1_000 }, day),
  );

/** Bigger deals won, smaller ones lost, interleaved in time so every fifth has both outcomes. */
const biggerWins = () =>
  Array.from({ length: 30 }, (_, i) =>
    closed(i % 2 === 0, { valueCents: i % 2 === 0 ? 500_000 + i * 10_000 : 20_000 + i * 1_000 }, i),
  );

describe('winRefusal', () => {
  it.each([
    [0, 0, 'too_few_closed'],
    [10, 9, 'too_few_closed'],
    [20, 0, 'one_outcome'],
    [0, 20, 'one_outcome'],
    [18, 2, 'one_outcome'],
    [2, 30, 'one_outcome'],
    [17, 3, null],
    [3, 17, null],
    [50, 50, null],
  ])('%i won and %i lost: %s', (won, lost, refusal) => {
    expect(winRefusal(outcomes(won, lost))).toBe(refusal);
  });
});

describe('scoreWin', () => {
  it('scores a bigger deal higher when bigger deals were won', () => {
    const model = trainWinModel(biggerWins());
    const big = scoreWin(model, features({ valueCents: 800_000 })).probability;
    const small = scoreWin(model, features({ valueCents: 15_000 })).probability;
    expect(big).toBeGreaterThan(0.5);
    expect(small).toBeLessThan(0.5);
  });

  it('scores a long-open deal lower when deals that dragged on were lost', () => {
    const history = Array.from({ length: 30 }, (_, i) =>
      closed(i % 3 !== 0, { daysOpen: i % 3 !== 0 ? 10 + (i % 5) : 120 + i }, i),
    );
    const model = trainWinModel(history);
    expect(scoreWin(model, features({ daysOpen: 12 })).probability).toBeGreaterThan(
      scoreWin(model, features({ daysOpen: 150 })).probability,
    );
  });

  it('gives a source a column of its own once it has three deals, and names it in reasons', () => {
    const history = Array.from({ length: 24 }, (_, i) =>
      closed(i % 2 === 0, { source: i % 2 === 0 ? 'referral' : i % 4 === 1 ? 'website' : 'rare' }, i),
    );
    history.push(closed(true, { source: 'once' }, 25));
    const model = trainWinModel(history);
    expect([...model.sources].sort()).toEqual(['rare', 'referral', 'website']);
    const reasons = scoreWin(model, features({ source: 'referral' })).reasons;
    expect(reasons[0]).toMatchObject({ feature: 'source', source: 'referral' });
    expect(reasons[0]!.effect).toBeGreaterThan(0);
  });

  it('lists at most three reasons, strongest first, leaving out features that did not move it', () => {
    const model = trainWinModel(biggerWins());
    const { reasons } = scoreWin(model, features({ valueCents: 900_000, daysOpen: 50, conversations: 9 }));
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.length).toBeLessThanOrEqual(3);
    const sizes = reasons.map((reason) => Math.abs(reason.effect));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(reasons.every((reason) => reason.effect !== 0)).toBe(true);
    expect(reasons[0]).toMatchObject({ feature: 'log_value', source: null });
  });

  it('ignores a feature that never varied in training (every closed deal had 2 conversations)', () => {
    const model = trainWinModel(biggerWins());
    const usual = scoreWin(model, features({ valueCents: 300_000 }));
    const talkative = scoreWin(model, features({ valueCents: 300_000, conversations: 9, daysOpen: 90 }));
    expect(talkative.probability).toBe(usual.probability);
    expect(talkative.reasons.map((reason) => reason.feature)).toEqual(['log_value']);
  });

  it('gives a deal like every training deal no reasons (all features standardize to 0)', () => {
    const same = Array.from({ length: 20 }, (_, i) => closed(i % 2 === 0, {}, i));
    const { reasons, probability } = scoreWin(trainWinModel(same), features());
    expect(reasons).toEqual([]);
    expect(probability).toBeCloseTo(0.5, 6);
  });
});

describe('validationAuc', () => {
  it('is high when the history predicts the most recent fifth', () => {
    expect(validationAuc(biggerWins())).toBeGreaterThan(0.9);
  });

  it('is null when the older four fifths hold one outcome only', () => {
    // 20 lost first, then 5 won: the training part has never seen a win.
    const history = [...Array.from({ length: 20 }, (_, i) => closed(false, {}, i))].concat(
      Array.from({ length: 5 }, (_, i) => closed(true, {}, 20 + i)),
    );
    expect(validationAuc(history)).toBeNull();
  });

  it('is null when the most recent fifth holds one outcome only', () => {
    expect(validationAuc(outcomes(10, 15))).toBeNull(); // the last 5 are all lost
  });

  it('orders by close time, not by the order given', () => {
    const history = biggerWins();
    expect(validationAuc([...history].reverse())).toBe(validationAuc(history));
  });
});
