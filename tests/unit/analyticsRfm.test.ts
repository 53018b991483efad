import { beforeAll, describe, expect, it } from 'vitest';
import { rfmFeatures, type RfmFeatures } from '../../src-main/analytics/features';
import {
  quintileScores,
  scoreRfm,
  segmentOf,
  segmentSummary,
  SEGMENT_ACTION,
  SEGMENT_KEYS,
  type ScoredCustomer,
  type SegmentKey,
} from '../../src-main/analytics/rfm';
import { Random } from '../../src-main/demo/random';
import { ONLINE_RETAIL_AS_OF, onlineRetailHistories } from '../support/referenceData';

/** Fisher-Yates with a seeded source, so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = new Random(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const histogram = (scores: readonly number[]) =>
  [1, 2, 3, 4, 5].map((s) => scores.filter((x) => x === s).length);

describe('segment map: grid (A) of analytics.md §1.3 with Lost split off Hibernating', () => {
  // The table of §1.3 (A) written as ranges, independently of the grid in rfm.ts.
  const rules: [SegmentKey, [number, number], [number, number]][] = [
    ['lost', [1, 1], [1, 2]],
    ['hibernating', [2, 2], [1, 2]],
    ['at_risk', [1, 2], [3, 4]],
    ['cant_lose', [1, 2], [5, 5]],
    ['about_to_sleep', [3, 3], [1, 2]],
    ['need_attention', [3, 3], [3, 3]],
    ['loyal', [3, 4], [4, 5]],
    ['promising', [4, 4], [1, 1]],
    ['new', [5, 5], [1, 1]],
    ['potential_loyalists', [4, 5], [2, 3]],
    ['champions', [5, 5], [4, 5]],
  ];
  const cells = [1, 2, 3, 4, 5].flatMap((r) => [1, 2, 3, 4, 5].map((f) => [r, f] as const));

  it('puts each of the 25 (R, F) cells in exactly one segment, the one the table names', () => {
    for (const [r, f] of cells) {
      const matching = rules.filter(([, [r0, r1], [f0, f1]]) => r >= r0 && r <= r1 && f >= f0 && f <= f1);
      expect(matching, `cell R${r} F${f}`).toHaveLength(1);
      expect(segmentOf(r, f), `cell R${r} F${f}`).toBe(matching[0]![0]);
    }
  });

  it('reaches every one of the 11 segments, listed best first', () => {
    const reached = new Set(cells.map(([r, f]) => segmentOf(r, f)));
    expect([...reached].sort()).toEqual([...SEGMENT_KEYS].sort());
    expect(SEGMENT_KEYS).toEqual([
      'champions',
      'loyal',
      'potential_loyalists',
      'new',
      'promising',
      'need_attention',
      'about_to_sleep',
      'at_risk',
      'cant_lose',
      'hibernating',
      'lost',
    ]);
  });

  it('refuses scores outside 1..5', () => {
    expect(() => segmentOf(0, 3)).toThrow(RangeError);
    expect(() => segmentOf(3, 6)).toThrow(RangeError);
    expect(() => segmentOf(2.5, 3)).toThrow(RangeError);
  });

  it('gives each segment its own action key, snake_case for the UI to translate', () => {
    const actions = SEGMENT_KEYS.map((segment) => SEGMENT_ACTION[segment]);
    expect(new Set(actions).size).toBe(11);
    for (const key of [...SEGMENT_KEYS, ...actions]) expect(key).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });
});

describe('quintileScores: 5 = best, ties share the score of their average rank', () => {
  it('splits distinct values into equal fifths, recency reversed', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(quintileScores(values, true)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintileScores(values, false)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('gives a tied group the score of its average rank: a big tie leaves a score empty', () => {
    // Ranks 1..6 share 3.5 -> ceil(5·3.5/10) = 2; then ranks 7..10 score 4, 4, 5, 5.
    const values = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5];
    expect(quintileScores(values, true)).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 5, 5]);
  });

  it('scores equal values equally whatever the input order', () => {
    const random = new Random(7);
    const values = Array.from({ length: 500 }, () => random.int(0, 12));
    const byValue = (scores: number[], input: number[]) => {
      const seen = new Map<number, number>();
      input.forEach((value, i) => {
        const score = scores[i]!;
        expect(seen.get(value) ?? score, `value ${value}`).toBe(score);
        seen.set(value, score);
      });
      return seen;
    };
    const reference = byValue(quintileScores(values, true), values);
    for (const seed of [1, 2, 3]) {
      const input = shuffled(values, seed);
      expect(byValue(quintileScores(input, true), input)).toEqual(reference);
    }
    expect(new Set(reference.values()).size).toBeGreaterThan(3);
  });

  it('scores a single customer 5 on every metric, a champion', () => {
    expect(quintileScores([42], true)).toEqual([5]);
    expect(quintileScores([42], false)).toEqual([5]);
    const [only] = scoreRfm([
      { customerId: 1, recencyDays: 3, frequency: 1, monetaryCents: 500, tenureDays: 3 },
    ]);
    expect(only).toMatchObject({ r: 5, f: 5, m: 5, segment: 'champions' });
  });

  it('scores customers who are all equal in the middle (3) when there are five or more', () => {
    expect(quintileScores(new Array<number>(40).fill(7), true)).toEqual(new Array<number>(40).fill(3));
    expect(quintileScores(new Array<number>(40).fill(7), false)).toEqual(new Array<number>(40).fill(3));
  });

  it('returns nothing for no customers', () => {
    expect(quintileScores([], true)).toEqual([]);
    expect(segmentSummary(scoreRfm([])).every((row) => row.count === 0 && row.revenueShare === 0)).toBe(true);
  });

  it('refuses NaN and Infinity', () => {
    expect(() => quintileScores([1, Number.NaN, 3], true)).toThrow(RangeError);
    expect(() => quintileScores([1, Number.POSITIVE_INFINITY], false)).toThrow(RangeError);
  });
});

describe('segmentSummary', () => {
  const customer = (customerId: number, recencyDays: number, frequency: number, monetaryCents: number) => ({
    customerId,
    recencyDays,
    frequency,
    monetaryCents,
    tenureDays: recencyDays,
  });

  it('counts, shares and medians per segment, empty segments included', () => {
    const scored: ScoredCustomer[] = scoreRfm([
      customer(1, 1, 9, 9_000),
      customer(2, 2, 8, 7_000),
      customer(3, 300, 1, 1_000),
      customer(4, 250, 1, 2_000),
      customer(5, 100, 3, 1_000),
    ]);
    const rows = segmentSummary(scored);
    expect(rows.map((row) => row.segment)).toEqual([...SEGMENT_KEYS]);
    const bySegment = Object.fromEntries(rows.map((row) => [row.segment, row]));
    for (const row of rows) {
      expect(row.count).toBe(scored.filter((c) => c.segment === row.segment).length);
    }
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(5);
    expect(rows.reduce((sum, row) => sum + row.revenueShare, 0)).toBeCloseTo(1, 12);
    // R: 1 day -> 5, 2 -> 4, 100 -> 3, 250 -> 2, 300 -> 1; F: 9 -> 5, 8 -> 4, 3 -> 3, the two 1s share 2.
    expect(scored.map((c) => c.segment)).toEqual([
      'champions',
      'loyal',
      'lost',
      'hibernating',
      'need_attention',
    ]);
    expect(bySegment.lost).toMatchObject({
      count: 1,
      customerShare: 0.2,
      revenueCents: 1_000,
      revenueShare: 0.05,
    });
    expect(bySegment.lost?.medianRecencyDays).toBe(300);
    expect(bySegment.new).toMatchObject({ count: 0, revenueCents: 0, medianFrequency: null });
  });

  it('takes the mean of the two middle values for an even count', () => {
    const rows = segmentSummary(
      [1, 2, 3, 4].map((i) => ({
        customerId: i,
        recencyDays: i,
        frequency: 1,
        monetaryCents: i * 100,
        r: 5,
        f: 5,
        m: 5,
        segment: 'champions' as const,
      })),
    );
    expect(rows[0]).toMatchObject({ medianRecencyDays: 2.5, medianMonetaryCents: 250 });
  });
});

describe('RFM on Online Retail (4,338 customers as of 2011-12-10)', () => {
  let features: RfmFeatures[];
  let scored: ScoredCustomer[];
  beforeAll(() => {
    features = rfmFeatures(onlineRetailHistories(), ONLINE_RETAIL_AS_OF);
    scored = scoreRfm(features);
  });

  it('scores every customer; F bins as analytics.md §1.2 publishes for average-rank scoring', () => {
    expect(scored).toHaveLength(4_338);
    expect(histogram(scored.map((c) => c.f))).toEqual([1_493, 0, 1_343, 630, 872]);
    // R and M bins from the same independent script as the segment counts below.
    expect(histogram(scored.map((c) => c.r))).toEqual([869, 858, 863, 880, 868]);
    expect(histogram(scored.map((c) => c.m))).toEqual([867, 868, 867, 868, 868]);
  });

  it('puts the exact expected number of customers and revenue in each segment', () => {
    // Expected values from a throwaway python3 script (standard library only, not part of the
    // project): it re-read online_retail_uci.csv, cleaned it as §1.1 does (customer present, no
    // "C" invoice, quantity and price > 0), summed each invoice in pence, took recency as
    // (2011-12-10 − last invoice).days (pandas' floor of days), F = invoices, M = Σ pence, scored
    // with clamp(ceil(5·avgRank/n), 1, 5) and applied grid (A) with the Lost split. §1.2 agrees:
    // promising 169, new 67.
    const expected: Record<SegmentKey, [number, number]> = {
      champions: [604, 430_387_189],
      loyal: [688, 221_065_288],
      potential_loyalists: [484, 58_623_663],
      new: [67, 2_335_872],
      promising: [169, 5_353_912],
      need_attention: [304, 27_241_158],
      about_to_sleep: [295, 11_871_285],
      at_risk: [701, 74_329_851],
      cant_lose: [64, 17_862_468],
      hibernating: [337, 14_772_793],
      lost: [625, 27_297_311],
    };
    const rows = segmentSummary(scored);
    expect(Object.fromEntries(rows.map((row) => [row.segment, [row.count, row.revenueCents]]))).toEqual(
      expected,
    );
    expect(rows.reduce((sum, row) => sum + row.customerShare, 0)).toBeCloseTo(1, 12);
    expect(rows[0]!.revenueShare).toBeCloseTo(430_387_189 / 891_140_790, 12);
  });

  it('gives every customer the same scores when the rows come in another order', () => {
    const byId = new Map(scored.map((c) => [c.customerId, c]));
    for (const c of scoreRfm(shuffled(features, 99))) expect(c).toEqual(byId.get(c.customerId));
  });
});
