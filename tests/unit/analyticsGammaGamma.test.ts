import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
} from '../../src-main/analytics/gammaGamma';
import { cdnowSummaryWithSpend } from '../support/referenceData';

/** Fader, Hardie & Lee (2005b) on the 946 CDNOW repeat buyers, dollars (analytics.md §2.3). */
const PUBLISHED = { p: 6.25, q: 3.74, gamma: 15.44 };

const cdnowSpend = () => cdnowSummaryWithSpend().map((row) => ({ x: row.x, meanSpend: row.zbar }));

describe('fitGammaGamma on CDNOW', () => {
  it('fits the 946 repeat buyers to the published (p, q, γ) and log-likelihood', () => {
    const fit = fitGammaGamma(cdnowSpend());
    expect(fit.converged).toBe(true);
    expect(fit.repeatBuyers).toBe(946);
    expect(Math.abs(fit.p - PUBLISHED.p)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(fit.q - PUBLISHED.q)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(fit.gamma - PUBLISHED.gamma)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(fit.logLikelihood - -4055.92)).toBeLessThanOrEqual(0.01);
  });

  it('reports the frequency-spend correlation the model assumes away (lifetimes: 0.1139)', () => {
    expect(fitGammaGamma(cdnowSpend()).frequencySpendCorrelation).toBeCloseTo(0.1139, 3);
  });

  it('gives customers 1-10 the expected spend of Hardie’s spreadsheet', () => {
    const rows = cdnowSpend();
    const fit = fitGammaGamma(rows);
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    rows.slice(0, 10).forEach((row, i) => {
      expect(
        Math.abs(conditionalExpectedSpend(fit, row.x, row.meanSpend) - expected[i]!),
      ).toBeLessThanOrEqual(0.1);
    });
  });

  it('gives the same model in cents, with γ in cents', () => {
    const dollars = fitGammaGamma(cdnowSpend());
    const cents = fitGammaGamma(cdnowSpend().map((row) => ({ ...row, meanSpend: row.meanSpend * 100 })));
    expect(cents.p).toBeCloseTo(dollars.p, 3);
    expect(cents.q).toBeCloseTo(dollars.q, 3);
    expect(cents.gamma / 100).toBeCloseTo(dollars.gamma, 2);
    // Each density of m is divided by 100: ℓ falls by ln 100 per repeat buyer.
    expect(cents.logLikelihood).toBeCloseTo(dollars.logLikelihood - 946 * Math.log(100), 2);
  });

  it('reports converged = false when stopped early', () => {
    expect(fitGammaGamma(cdnowSpend(), { maxIterations: 3 }).converged).toBe(false);
  });

  it('has no correlation to report for a single repeat buyer', () => {
    expect(fitGammaGamma([{ x: 2, meanSpend: 10 }]).frequencySpendCorrelation).toBeNull();
  });
});

describe('gammaGammaLogLikelihood', () => {
  it('is −4055.92 at the published parameters, ignoring the x = 0 rows', () => {
    const rows = cdnowSpend();
    expect(Math.abs(gammaGammaLogLikelihood(PUBLISHED, rows) - -4055.92)).toBeLessThanOrEqual(0.01);
    const repeaters = rows.filter((row) => row.x > 0);
    expect(gammaGammaLogLikelihood(PUBLISHED, repeaters)).toBe(gammaGammaLogLikelihood(PUBLISHED, rows));
  });

  it.each([
    ['the spend is NaN', { x: 2, meanSpend: NaN }],
    ['x is NaN', { x: NaN, meanSpend: 10 }],
    ['x is fractional', { x: 1.5, meanSpend: 10 }],
    ['a repeat buyer spent 0', { x: 2, meanSpend: 0 }],
    ['a one-time buyer has a NaN spend', { x: 0, meanSpend: NaN }],
  ])('rejects a row where %s', (_, row) => {
    expect(() => gammaGammaLogLikelihood(PUBLISHED, [{ x: 1, meanSpend: 5 }, row])).toThrow(
      /Gamma-Gamma: row 1/,
    );
    expect(() => fitGammaGamma([{ x: 1, meanSpend: 5 }, row])).toThrow(RangeError);
  });

  it('refuses to fit without a repeat buyer', () => {
    expect(() => fitGammaGamma([{ x: 0, meanSpend: 0 }])).toThrow(/x > 0/);
  });
});

describe('conditionalExpectedSpend', () => {
  it('gives a one-time buyer the population mean pγ/(q−1)', () => {
    const { p, q, gamma } = PUBLISHED;
    expect(conditionalExpectedSpend(PUBLISHED, 0, 0)).toBeCloseTo((p * gamma) / (q - 1), 12);
  });

  it('moves towards the customer’s own mean the more they bought', () => {
    const few = conditionalExpectedSpend(PUBLISHED, 1, 100);
    const many = conditionalExpectedSpend(PUBLISHED, 50, 100);
    expect(few).toBeLessThan(many);
    expect(many).toBeLessThan(100);
    expect(100 - many).toBeLessThan(2);
  });

  it('refuses parameters whose population mean spend is infinite (q ≤ 1)', () => {
    expect(() => conditionalExpectedSpend({ ...PUBLISHED, q: 1 }, 0, 0)).toThrow(/q > 1/);
    expect(() => conditionalExpectedSpend({ ...PUBLISHED, q: 0.7 }, 3, 20)).toThrow(RangeError);
  });
});
