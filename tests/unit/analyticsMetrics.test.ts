import { describe, expect, it } from 'vitest';
import { Random } from '../../src-main/demo/random';
import {
  baseRate,
  brierScore,
  calibrationByDecile,
  logLoss,
  prAuc,
  rocAuc,
  type Label,
} from '../../src-main/analytics/metrics';

describe('rocAuc: the chance a churner is ranked above a stayer', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
  });

  it('is 0.5 when every score is the same (ties count one half)', () => {
    expect(rocAuc([0.3, 0.3, 0.3, 0.3, 0.3], [0, 1, 0, 1, 1])).toBe(0.5);
  });

  it('counts a tie between a positive and a negative as one half (hand-checked)', () => {
    // Pairs (positive, negative): (0.4 vs 0.1) win, (0.4 vs 0.4) half, (0.8 vs 0.1) win, (0.8 vs 0.4) win.
    expect(rocAuc([0.1, 0.4, 0.4, 0.8], [0, 0, 1, 1])).toBe(3.5 / 4);
    // 3 positives × 2 negatives: 0.2 ties 0.2 and loses to 0.5; 0.5 beats 0.2 and ties 0.5; 0.9 beats both.
    expect(rocAuc([0.2, 0.5, 0.2, 0.5, 0.9], [0, 0, 1, 1, 1])).toBe((0.5 + 1.5 + 2) / 6);
  });

  it('equals the pairwise count on 300 seeded rows with many ties', () => {
    const random = new Random(3);
    const scores = Array.from({ length: 300 }, () => Math.round(random.next() * 10) / 10);
    const labels = scores.map((score): Label => (random.next() < 0.3 + 0.4 * score ? 1 : 0));
    let wins = 0;
    let pairs = 0;
    for (let i = 0; i < 300; i++) {
      for (let j = 0; j < 300; j++) {
        if (labels[i] !== 1 || labels[j] !== 0) continue;
        pairs++;
        wins += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
      }
    }
    expect(rocAuc(scores, labels)).toBeCloseTo(wins / pairs, 12);
  });

  it('does not depend on the order of the rows', () => {
    expect(rocAuc([0.8, 0.1, 0.4, 0.4], [1, 0, 1, 0])).toBe(3.5 / 4);
  });

  it('is null, not NaN, with one class only or no rows', () => {
    expect(rocAuc([0.1, 0.9], [1, 1])).toBeNull();
    expect(rocAuc([0.1, 0.9], [0, 0])).toBeNull();
    expect(rocAuc([], [])).toBeNull();
  });

  it('refuses scores and labels of different lengths', () => {
    expect(() => rocAuc([0.1, 0.2], [1])).toThrow('2 scores but 1 labels');
  });
});

describe('prAuc: average precision', () => {
  it('is 1 for a perfect ranking', () => {
    expect(prAuc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
  });

  it('averages the precision at each positive from the top (hand-checked)', () => {
    // Ranked: 0.9 (+) P=1, 0.8 (−), 0.7 (+) P=2/3, 0.1 (−): AP = (1 + 2/3)/2.
    expect(prAuc([0.9, 0.8, 0.7, 0.1], [1, 0, 1, 0])).toBeCloseTo(5 / 6, 12);
  });

  it('equals Σ ΔR·P over thresholds computed one by one, on 300 seeded rows with ties', () => {
    const random = new Random(4);
    const scores = Array.from({ length: 300 }, () => Math.round(random.next() * 20) / 20);
    const labels = scores.map((score): Label => (random.next() < score ? 1 : 0));
    const positives = labels.filter((label) => label === 1).length;
    let expected = 0;
    let previousRecall = 0;
    for (const threshold of [...new Set(scores)].sort((a, b) => b - a)) {
      const flagged = scores
        .map((score, i) => [score, labels[i]!] as const)
        .filter(([score]) => score >= threshold);
      const truePositives = flagged.filter(([, label]) => label === 1).length;
      expected += (truePositives / positives - previousRecall) * (truePositives / flagged.length);
      previousRecall = truePositives / positives;
    }
    expect(prAuc(scores, labels)).toBeCloseTo(expected, 12);
  });

  it('gives the base rate when every score is the same (one threshold)', () => {
    expect(prAuc([0.5, 0.5, 0.5, 0.5], [1, 0, 0, 0])).toBe(0.25);
  });

  it('treats tied scores as one threshold', () => {
    // Thresholds: 0.9 → 1 true of 1 (P = 1); 0.5 → 2 of 4 (P = 1/2); 0.1 → 3 of 5 (P = 3/5); each adds ΔR = 1/3.
    expect(prAuc([0.9, 0.5, 0.5, 0.5, 0.1], [1, 1, 0, 0, 1])).toBeCloseTo((1 + 2 / 4 + 3 / 5) / 3, 12);
  });

  it('is null with one class only or no rows', () => {
    expect(prAuc([0.2, 0.4], [0, 0])).toBeNull();
    expect(prAuc([0.2, 0.4], [1, 1])).toBeNull();
    expect(prAuc([], [])).toBeNull();
  });
});

describe('logLoss, brierScore, baseRate', () => {
  it('match hand computation', () => {
    expect(logLoss([0.8, 0.4], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 12);
    expect(brierScore([0.8, 0.4], [1, 0])).toBeCloseTo((0.04 + 0.16) / 2, 12);
    expect(baseRate([1, 0, 0, 1, 1])).toBe(0.6);
  });

  it('keep a certain miss finite: p clipped at 1e-15', () => {
    const loss = logLoss([0], [1]);
    expect(loss).toBeCloseTo(-Math.log(1e-15), 9);
    expect(Number.isFinite(loss)).toBe(true);
  });

  it('are defined with one class but null for no rows', () => {
    expect(logLoss([0.5], [1])).toBeCloseTo(Math.log(2), 12);
    expect(brierScore([1, 1], [1, 1])).toBe(0);
    expect(logLoss([], [])).toBeNull();
    expect(brierScore([], [])).toBeNull();
    expect(baseRate([])).toBeNull();
  });
});

describe('calibrationByDecile', () => {
  it('cuts 20 rows into 10 bins of 2 by predicted score, with mean prediction and observed rate', () => {
    const probabilities = Array.from({ length: 20 }, (_, i) => (19 - i) / 20);
    const labels = probabilities.map((p): Label => (p >= 0.5 ? 1 : 0));
    const bins = calibrationByDecile(probabilities, labels)!;
    expect(bins.map((bin) => bin.count)).toEqual(Array(10).fill(2));
    expect(bins.map((bin) => bin.decile)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(bins[0]).toEqual({ decile: 1, meanPredicted: 0.025, observedRate: 0, count: 2 });
    expect(bins[9]!.meanPredicted).toBeCloseTo(0.925, 12);
    expect(bins[9]!.observedRate).toBe(1);
    expect(bins.map((bin) => bin.observedRate)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it('splits uneven counts by at most one row and keeps every row', () => {
    const bins = calibrationByDecile(
      Array.from({ length: 25 }, (_, i) => i / 25),
      Array.from({ length: 25 }, (_, i): Label => (i % 2 === 0 ? 1 : 0)),
    )!;
    expect(bins).toHaveLength(10);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(25);
    expect(new Set(bins.map((bin) => bin.count))).toEqual(new Set([2, 3]));
  });

  it('leaves out empty bins when there are fewer than 10 rows, and is null for none', () => {
    const bins = calibrationByDecile([0.1, 0.9, 0.5], [0, 1, 1])!;
    expect(bins.map((bin) => bin.count)).toEqual([1, 1, 1]);
    expect(bins.map((bin) => bin.meanPredicted)).toEqual([0.1, 0.5, 0.9]);
    expect(calibrationByDecile([], [])).toBeNull();
  });
});
