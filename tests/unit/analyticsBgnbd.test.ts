import { describe, expect, it } from 'vitest';
import {
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgnbd,
  probabilityAlive,
  probabilityNoPurchase,
  probabilityOfPurchases,
} from '../../src-main/analytics/bgnbd';
import { cdnowSummary } from '../support/referenceData';

/** Fader, Hardie & Lee (2005a) on the CDNOW 1/10 sample, weeks (analytics.md §0, §7). */
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/** The unrounded MLE on the same data (§0 [V]); the E[X(t)] vector of §7 is computed at it. */
const MLE = { r: 0.24259, alpha: 4.41353, a: 0.79289, b: 2.42575 };
const CUSTOMER_1 = { x: 2, tx: 30.43, T: 38.86 };

function expectRelative(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(tolerance);
}

describe('fitBgnbd on CDNOW', () => {
  const rows = cdnowSummary();

  it('reproduces the published maximum-likelihood estimates', () => {
    const fit = fitBgnbd(rows);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.r - 0.2426)).toBeLessThanOrEqual(1e-3);
    expect(Math.abs(fit.alpha - 4.4135)).toBeLessThanOrEqual(1e-3);
    expect(Math.abs(fit.a - 0.7929)).toBeLessThanOrEqual(1e-3);
    expect(Math.abs(fit.b - 2.4258)).toBeLessThanOrEqual(1e-3);
    expect(Math.abs(fit.logLikelihood - -9582.43)).toBeLessThanOrEqual(0.05);
  });

  it('reaches the same optimum through the sampled search when the rows are many', () => {
    // Five copies have the same MLE; 11,785 rows make the search run on every 2nd one, a
    // sample with other proportions, so only the finish on every row can land on the MLE.
    const copies = [...rows, ...rows, ...rows, ...rows, ...rows];
    const single = fitBgnbd(rows);
    const fit = fitBgnbd(copies);
    expect(fit.converged).toBe(true);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) expectRelative(fit[name], single[name], 1e-4);
    expectRelative(fit.logLikelihood, 5 * single.logLikelihood, 1e-9);
  });

  it('lands on the same optimum in fewer steps when started from a nearby fit', () => {
    const cold = fitBgnbd(rows);
    const nearby = { r: cold.r * 1.3, alpha: cold.alpha * 0.8, a: cold.a * 1.2, b: cold.b * 0.9 };
    const warm = fitBgnbd(rows, { start: nearby });
    expect(warm.converged).toBe(true);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) expectRelative(warm[name], cold[name], 1e-3);
    expect(warm.iterations).toBeLessThan(cold.iterations);
  });

  it('reports converged = false when stopped early', () => {
    expect(fitBgnbd(rows, { maxIterations: 5 }).converged).toBe(false);
  });
});

describe('bgnbdLogLikelihood', () => {
  it('is −9582.43 at the published parameters', () => {
    expect(Math.abs(bgnbdLogLikelihood(PUBLISHED, cdnowSummary()) - -9582.43)).toBeLessThanOrEqual(0.05);
  });

  it('counts a weighted row as that many identical rows', () => {
    const rows = cdnowSummary().slice(0, 40);
    const weighted = [...rows.slice(1), { ...rows[0]!, weight: 3 }];
    const repeated = [...rows, rows[0]!, rows[0]!];
    expectRelative(bgnbdLogLikelihood(PUBLISHED, weighted), bgnbdLogLikelihood(PUBLISHED, repeated), 1e-13);
  });

  it.each([
    ['x is NaN', { x: NaN, tx: 1, T: 2 }],
    ['x is fractional', { x: 1.5, tx: 1, T: 2 }],
    ['x is negative', { x: -1, tx: 0, T: 2 }],
    ['t_x is NaN', { x: 1, tx: NaN, T: 2 }],
    ['t_x is after T', { x: 1, tx: 3, T: 2 }],
    ['T is infinite', { x: 1, tx: 1, T: Infinity }],
    ['the weight is 0', { x: 1, tx: 1, T: 2, weight: 0 }],
  ])('rejects a row where %s', (_, row) => {
    expect(() => bgnbdLogLikelihood(PUBLISHED, [{ x: 0, tx: 0, T: 5 }, row])).toThrow(/BG\/NBD: row 1/);
    expect(() => fitBgnbd([{ x: 0, tx: 0, T: 5 }, row])).toThrow(RangeError);
  });

  it('refuses to fit when every customer was observed for no time', () => {
    expect(() => fitBgnbd([{ x: 0, tx: 0, T: 0 }])).toThrow(/T > 0/);
  });
});

describe('BG/NBD predictions at the published parameters', () => {
  it('gives customer 1 (x = 2, t_x = 30.43, T = 38.86) E[Y(39)] = 1.226 and P(alive) = 0.7266', () => {
    expect(Math.abs(conditionalExpectedPurchases(PUBLISHED, CUSTOMER_1, 39) - 1.226)).toBeLessThanOrEqual(
      1e-3,
    );
    expect(Math.abs(probabilityAlive(PUBLISHED, CUSTOMER_1) - 0.7266)).toBeLessThanOrEqual(1e-3);
  });

  it('counts a customer with no repeat purchase as alive: they can only drop out after buying', () => {
    expect(probabilityAlive(PUBLISHED, { x: 0, tx: 0, T: 38.86 })).toBe(1);
  });

  it('gives E[X(t)] of lifetimes’ test at the MLE', () => {
    const t = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    t.forEach((time, i) =>
      expect(Math.abs(expectedPurchases(MLE, time) - expected[i]!)).toBeLessThanOrEqual(1e-3),
    );
  });

  it('gives P(X(t) = n) of R BTYD', () => {
    expectRelative(probabilityOfPurchases(PUBLISHED, 2, 10), 1.0786896e-7, 1e-6);
    expectRelative(probabilityOfPurchases(PUBLISHED, 39, 0), 0.57378635, 1e-6);
    const expected = [
      0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913,
      0.0003467171, 0.0002769613, 0.000222226,
    ];
    expected.forEach((p, i) => expectRelative(probabilityOfPurchases(PUBLISHED, 30, 11 + i), p, 1e-6));
  });

  it('makes P(X(t) = n) a distribution whose mean is E[X(t)] (eq. 8 against eq. 9)', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = probabilityOfPurchases(PUBLISHED, 39, n);
      total += p;
      mean += n * p;
    }
    expectRelative(total, 1, 1e-12);
    expectRelative(mean, expectedPurchases(PUBLISHED, 39), 1e-10);
  });

  it('refuses a purchase count that is not a whole number', () => {
    expect(() => probabilityOfPurchases(PUBLISHED, 2, 1.5)).toThrow(RangeError);
  });

  it('stays finite for a customer with 2,000 repeat purchases (Hardie note 027)', () => {
    // mpmath values of eq. 10 (50 digits, rounded to doubles); the textbook form overflows
    // ((α+T)/(α+t_x))^{r+x} here.
    const loyal = { x: 2000, tx: 730, T: 730 };
    expectRelative(conditionalExpectedPurchases(PUBLISHED, loyal, 30), 80.38513879025155, 1e-10);
    expectRelative(probabilityAlive(PUBLISHED, loyal), 0.9996039394292033, 1e-12);
    const lapsed = { x: 2000, tx: 700, T: 730 };
    expectRelative(conditionalExpectedPurchases(PUBLISHED, lapsed, 30), 1.1941973271519997e-31, 1e-10);
    expectRelative(probabilityAlive(PUBLISHED, lapsed), 1.4850062718579633e-33, 1e-10);
  });
});

describe('probabilityNoPurchase', () => {
  it('is 1 − P(alive) + P(alive)·((α+T)/(α+T+t))^{r+x}', () => {
    const { r, alpha } = PUBLISHED;
    const alive = probabilityAlive(PUBLISHED, CUSTOMER_1);
    const silentIfAlive = ((alpha + CUSTOMER_1.T) / (alpha + CUSTOMER_1.T + 39)) ** (r + CUSTOMER_1.x);
    expectRelative(
      probabilityNoPurchase(PUBLISHED, CUSTOMER_1, 39),
      1 - alive + alive * silentIfAlive,
      1e-13,
    );
  });

  it('is not 1 − P(alive): a one-time buyer is "alive" yet most likely buys nothing', () => {
    const oneTime = { x: 0, tx: 0, T: 38.86 };
    expect(1 - probabilityAlive(PUBLISHED, oneTime)).toBe(0);
    expect(probabilityNoPurchase(PUBLISHED, oneTime, 39)).toBeGreaterThan(0.8);
  });

  it('is 1 for no time at all and falls as the window grows', () => {
    expect(probabilityNoPurchase(PUBLISHED, CUSTOMER_1, 0)).toBe(1);
    expect(probabilityNoPurchase(PUBLISHED, CUSTOMER_1, 10)).toBeGreaterThan(
      probabilityNoPurchase(PUBLISHED, CUSTOMER_1, 40),
    );
  });
});
