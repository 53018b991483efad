import { describe, expect, it } from 'vitest';
import {
  fitBgnbd,
  conditionalExpectedPurchases,
  probabilityNoPurchase,
} from '../../src-main/analytics/bgnbd';
import {
  DAYS_PER_MONTH,
  WEEKS_PER_MONTH,
  modelClv,
  scoreLifetimeValues,
  simpleDiscountedClv,
} from '../../src-main/analytics/clv';
import { btydSummaries, type BtydSummary } from '../../src-main/analytics/features';
import { conditionalExpectedSpend, fitGammaGamma } from '../../src-main/analytics/gammaGamma';
import { boughtBetween } from '../../src-main/analytics/history';
import { MIN_CUSTOMERS, MIN_REPEAT_BUYERS, fitLifetimeModels } from '../../src-main/analytics/lifetimeModels';
import {
  CDNOW_CALIBRATION_END,
  CDNOW_HOLDOUT_END,
  cdnowSampleHistories,
  cdnowSummaryWithSpend,
} from '../support/referenceData';

/** The published CDNOW parameters (weeks, dollars; analytics.md §0). */
const BGNBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GAMMA_GAMMA = { p: 6.25, q: 3.74, gamma: 15.44 };
/** lifetimes' customer_lifetime_value defaults (§2.4). */
const TWELVE_MONTHS = { months: 12, monthlyDiscount: 0.01, margin: 1 };

const weekly = cdnowSummaryWithSpend();
const dayLevel = (): BtydSummary[] => btydSummaries(cdnowSampleHistories(), CDNOW_CALIBRATION_END, 1);

function expectRelative(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(tolerance);
}

/** ROC AUC by Mann-Whitney with average ranks for ties (§5.4). */
function auc(scores: readonly number[], positive: readonly boolean[]): number {
  const order = scores.map((_, index) => index).sort((left, right) => scores[left]! - scores[right]!);
  const ranks = new Array<number>(scores.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    for (let k = start; k <= end; k++) ranks[order[k]!] = (start + end) / 2 + 1;
    start = end + 1;
  }
  const positives = positive.filter(Boolean).length;
  const rankSum = positive.reduce((sum, isPositive, index) => sum + (isPositive ? ranks[index]! : 0), 0);
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * (positive.length - positives));
}

describe('modelClv (lifetimes’ discrete DCF)', () => {
  const customer1 = weekly[0]!;
  const spend1 = conditionalExpectedSpend(GAMMA_GAMMA, customer1.x, customer1.zbar);

  it('gives customer 1 140.1 with lifetimes’ default f = 30, which reads 30 weeks as a month', () => {
    const clv = modelClv(BGNBD, customer1, spend1, { ...TWELVE_MONTHS, unitsPerMonth: 30 });
    expect(clv.method).toBe('bgnbd_gamma_gamma');
    expect(Math.abs(clv.value - 140.1)).toBeLessThanOrEqual(0.05);
  });

  it('gives customer 1 36.29 with a month of 4.345 weeks', () => {
    const clv = modelClv(BGNBD, customer1, spend1, { ...TWELVE_MONTHS, unitsPerMonth: WEEKS_PER_MONTH });
    expect(Math.abs(clv.value - 36.29)).toBeLessThanOrEqual(0.01);
  });

  it('prints lifetimes’ quickstart CLVs (customers 1 and 6) with models fitted to the same data', () => {
    const bgnbd = fitBgnbd(weekly);
    const gammaGamma = fitGammaGamma(weekly.map((row) => ({ x: row.x, meanSpend: row.zbar })));
    const clvOf = (row: (typeof weekly)[number]) =>
      modelClv(bgnbd, row, conditionalExpectedSpend(gammaGamma, row.x, row.zbar), {
        ...TWELVE_MONTHS,
        unitsPerMonth: 30,
      }).value;
    expect(Math.abs(clvOf(weekly[0]!) - 140.096)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(clvOf(weekly[5]!) - 1003.87)).toBeLessThanOrEqual(0.01);
  });

  it('is the margin share of the revenue, and nothing over no months', () => {
    const options = { ...TWELVE_MONTHS, unitsPerMonth: WEEKS_PER_MONTH };
    const revenue = modelClv(BGNBD, customer1, spend1, options).value;
    expectRelative(
      modelClv(BGNBD, customer1, spend1, { ...options, margin: 0.3 }).value,
      0.3 * revenue,
      1e-14,
    );
    expect(modelClv(BGNBD, customer1, spend1, { ...options, months: 0 }).value).toBe(0);
  });

  it('without discounting is the spend times the expected purchases of the whole horizon', () => {
    const options = { ...TWELVE_MONTHS, monthlyDiscount: 0, unitsPerMonth: WEEKS_PER_MONTH };
    const expected = spend1 * conditionalExpectedPurchases(BGNBD, customer1, 12 * WEEKS_PER_MONTH);
    expectRelative(modelClv(BGNBD, customer1, spend1, options).value, expected, 1e-12);
  });

  it.each([
    ['months is fractional', { months: 1.5 }],
    ['the margin is above 1', { margin: 1.2 }],
    ['the margin is NaN', { margin: NaN }],
    ['the discount rate is −100 %', { monthlyDiscount: -1 }],
  ])('refuses options where %s', (_, change) => {
    const options = { ...TWELVE_MONTHS, unitsPerMonth: 30, ...change };
    expect(() => modelClv(BGNBD, customer1, spend1, options)).toThrow(RangeError);
  });
});

describe('simpleDiscountedClv (the fallback)', () => {
  const options = { months: 12, monthlyDiscount: 0.01, margin: 0.4 };

  it('discounts the margin on the average monthly spend', () => {
    // 1,200 over a year is 100 a month; 40 of it is margin; the 12-month annuity at 1 % is 11.2551.
    const clv = simpleDiscountedClv({ spend: 1200, tenureDays: 365.25 }, options);
    expect(clv.method).toBe('simple_discounted');
    expect(clv.value).toBeCloseTo(40 * 11.255077473484, 8);
  });

  it('adds the months up undiscounted at a 0 % rate', () => {
    expect(
      simpleDiscountedClv({ spend: 1200, tenureDays: 365.25 }, { ...options, monthlyDiscount: 0 }).value,
    ).toBe(480);
  });

  it('counts a tenure under a month as one month', () => {
    const newcomer = simpleDiscountedClv({ spend: 100, tenureDays: 3 }, options).value;
    expect(newcomer).toBeCloseTo(
      simpleDiscountedClv({ spend: 100, tenureDays: DAYS_PER_MONTH }, options).value,
      10,
    );
  });

  it.each([
    ['the spend is negative', { spend: -5, tenureDays: 30 }],
    ['the spend is NaN', { spend: NaN, tenureDays: 30 }],
    ['the tenure is NaN', { spend: 5, tenureDays: NaN }],
  ])('refuses a history where %s', (_, history) => {
    expect(() => simpleDiscountedClv(history, options)).toThrow(RangeError);
  });
});

describe('fitLifetimeModels and scoreLifetimeValues on the day-level CDNOW summaries', () => {
  const summaries = dayLevel();
  const fit = fitLifetimeModels(summaries);
  if (!fit.ok) throw new Error(`CDNOW should fit: ${fit.detail}`);
  const { models } = fit;
  const scoring = { periodDays: 273, horizonDays: 273, months: 12, monthlyDiscount: 0.01, margin: 1 };
  const scores = scoreLifetimeValues(models, summaries, scoring);

  it('finds the published parameters, α in days (4.4135 weeks) and γ in cents', () => {
    expect(Math.abs(models.bgnbd.r - 0.2426)).toBeLessThanOrEqual(1e-3);
    expect(Math.abs(models.bgnbd.alpha / 7 - 4.4135)).toBeLessThanOrEqual(1e-3);
    expect(Math.abs(models.bgnbd.a - 0.7929)).toBeLessThanOrEqual(1e-3);
    expect(Math.abs(models.bgnbd.b - 2.4258)).toBeLessThanOrEqual(1e-3);
    expect(Math.abs(models.gammaGamma.p - 6.25)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(models.gammaGamma.q - 3.74)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(models.gammaGamma.gamma / 100 - 15.44)).toBeLessThanOrEqual(0.02);
  });

  it('scores every customer as the single-customer functions do', () => {
    for (const index of [0, 1, 2, 5, 100, 2000]) {
      const summary = summaries[index]!;
      const score = scores[index]!;
      const spend = conditionalExpectedSpend(models.gammaGamma, summary.x, summary.meanRepeatCents);
      expect(score.customerId).toBe(summary.customerId);
      expectRelative(score.expectedOrders, conditionalExpectedPurchases(models.bgnbd, summary, 273), 1e-12);
      expectRelative(score.pNoPurchase, probabilityNoPurchase(models.bgnbd, summary, 273), 1e-12);
      expect(score.expectedSpendCents).toBe(spend);
      const clv = modelClv(models.bgnbd, summary, spend, { ...scoring, unitsPerMonth: DAYS_PER_MONTH });
      expectRelative(score.clvCents, clv.value, 1e-12);
      expect(score.clvMethod).toBe(clv.method);
    }
  });

  it('values customer 1’s next 12 months at about 36.29 dollars, whatever the time unit', () => {
    expect(Math.abs(scores[0]!.clvCents / 100 - 36.29)).toBeLessThanOrEqual(0.05);
  });

  it('forecasts 1,653 purchase days in weeks 40-78 (the MLE’s Σ E[Y(39)])', () => {
    const total = scores.reduce((sum, score) => sum + score.expectedOrders, 0);
    expect(Math.abs(total - 1653.4)).toBeLessThanOrEqual(1);
  });

  it('ranks churners with P(no purchase) at AUC 0.757, where 1 − P(alive) is worse than chance', () => {
    const histories = new Map(cdnowSampleHistories().map((customer) => [customer.customerId, customer]));
    const churned = scores.map(
      (score) => !boughtBetween(histories.get(score.customerId)!, CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END),
    );
    expect(
      auc(
        scores.map((score) => score.pNoPurchase),
        churned,
      ),
    ).toBeCloseTo(0.757, 3);
    expect(
      auc(
        scores.map((score) => 1 - score.pAlive),
        churned,
      ),
    ).toBeCloseTo(0.316, 3);
  });

  it('refuses summaries with NaN', () => {
    expect(() => scoreLifetimeValues(models, [{ ...summaries[0]!, tx: NaN }], scoring)).toThrow(RangeError);
  });

  it('refuses a negative or NaN window', () => {
    expect(() => scoreLifetimeValues(models, summaries, { ...scoring, periodDays: -1 })).toThrow(
      /periodDays/,
    );
    expect(() => scoreLifetimeValues(models, summaries, { ...scoring, horizonDays: NaN })).toThrow(
      /horizonDays/,
    );
  });
});

describe('fitLifetimeModels guards', () => {
  const summaries = dayLevel();
  const oneTimeBuyers = summaries.filter((summary) => summary.x === 0);
  const repeatBuyers = summaries.filter((summary) => summary.x > 0);

  const expectFailure = (result: ReturnType<typeof fitLifetimeModels>, reason: string) => {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(reason);
    expect(result).not.toHaveProperty('models');
  };

  it(`needs ${MIN_CUSTOMERS} customers`, () => {
    expectFailure(fitLifetimeModels(summaries.slice(0, MIN_CUSTOMERS - 1)), 'too_few_customers');
  });

  it(`needs ${MIN_REPEAT_BUYERS} repeat buyers, however many bought once`, () => {
    const few = [...oneTimeBuyers, ...repeatBuyers.slice(0, MIN_REPEAT_BUYERS - 1)];
    expectFailure(fitLifetimeModels(few), 'too_few_repeat_buyers');
    // With one more the count passes (whether 50 repeat buyers then fit is another matter).
    const enough = fitLifetimeModels([...oneTimeBuyers, ...repeatBuyers.slice(0, MIN_REPEAT_BUYERS)]);
    expect(enough.ok || enough.reason).not.toBe('too_few_repeat_buyers');
  });

  it('does not count repeat buyers who spent nothing on their repeat orders', () => {
    const free = summaries.map((summary, index) =>
      summary.x > 0 && index % 30 !== 0 ? { ...summary, meanRepeatCents: 0 } : summary,
    );
    expect(free.filter((summary) => summary.meanRepeatCents > 0).length).toBeLessThan(MIN_REPEAT_BUYERS);
    expectFailure(fitLifetimeModels(free), 'too_few_repeat_buyers');
  });

  it.each([
    ['t_x', { tx: NaN }],
    ['x', { x: NaN }],
    ['the mean spend', { meanRepeatCents: NaN }],
    ['a negative mean spend', { meanRepeatCents: -100 }],
  ])('rejects summaries with a bad %s', (_, change) => {
    const broken = summaries.map((summary, index) => (index === 7 ? { ...summary, ...change } : summary));
    const result = fitLifetimeModels(broken);
    expectFailure(result, 'invalid_summaries');
    if (!result.ok) expect(result.detail).toMatch(/row 7/);
  });

  it('reports a fit that does not converge instead of returning its parameters', () => {
    expectFailure(fitLifetimeModels(summaries, { maxIterations: 3 }), 'did_not_converge');
  });

  it('reports a spend model without a finite mean (q ≤ 1) as implausible', () => {
    // Mean spends with a Pareto(1/2) tail across customers: the population mean is infinite.
    const heavyTailed = summaries.map((summary, index) => {
      const quantile = (((index * 7919) % 997) + 0.5) / 997;
      return { ...summary, meanRepeatCents: summary.x > 0 ? 1000 / quantile ** 2 : 0 };
    });
    const result = fitLifetimeModels(heavyTailed);
    expectFailure(result, 'implausible_parameters');
    if (!result.ok) expect(result.detail).toMatch(/^Gamma-Gamma/);
  });
});
