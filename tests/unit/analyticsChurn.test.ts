import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateChurn, fitChurnModel, type ChurnQuality } from '../../src-main/analytics/churn';
import { addLocalDays, churnSnapshot, suggestHorizonDays } from '../../src-main/analytics/churnFeatures';
import {
  churnProbabilities,
  isChurnRefusal,
  trainChurnModel,
  type ChurnRefusal,
} from '../../src-main/analytics/churnModel';
import { DAY_MS, groupOrders, type CustomerOrders, type OrderRow } from '../../src-main/analytics/history';
import { baseRate, type Label } from '../../src-main/analytics/metrics';
import {
  CDNOW_CALIBRATION_END,
  CDNOW_HOLDOUT_END,
  cdnowSampleHistories,
  localMidnight,
  ONLINE_RETAIL_AS_OF,
  onlineRetailHistories,
} from '../support/referenceData';

const START = localMidnight(2024, 1, 1);
const dayAt = (day: number) => START + day * DAY_MS;

/** `count` customers buying 20.00 every `everyDays` days from `firstDay` to `lastDay` (ids from `firstId`). */
function regulars(firstId: number, count: number, firstDay: number, lastDay: number, everyDays = 7) {
  const rows: OrderRow[] = [];
  for (let id = firstId; id < firstId + count; id++) {
    for (let day = firstDay; day <= lastDay; day += everyDays) {
      rows.push({ customerId: id, at: dayAt(day), cents: 2_000, refunded: false });
    }
  }
  return rows;
}

/** The result, or a failure naming the refusal. */
function accepted<T extends object>(result: T | ChurnRefusal): T {
  if (isChurnRefusal(result)) throw new Error(`refused: ${result.reason}`);
  return result;
}

describe('the library direction: P(churn = 1) is classifiers[0]', () => {
  it('scores the churners of a separable toy set above 0.5 and the stayers below', () => {
    // 100 stayers last bought 0-99 days ago, 100 churners 200-299 days ago; nothing else differs.
    const recencyDays = Array.from({ length: 200 }, (_, i) => (i < 100 ? i : i + 100));
    const snapshot = {
      cutoff: 0,
      customerIds: recencyDays.map((_, i) => i),
      recencyDays,
      features: recencyDays.map((days) => [days, Math.log1p(2), Math.log1p(5_000), 300]),
      labels: recencyDays.map((_, i): Label => (i < 100 ? 0 : 1)),
    };
    const model = accepted(trainChurnModel(snapshot, { seed: 1 }));
    const probabilities = churnProbabilities(model, snapshot);
    expect(model.coefficients.recency).toBeGreaterThan(0);
    probabilities.forEach((p, i) =>
      i >= 100 ? expect(p).toBeGreaterThan(0.5) : expect(p).toBeLessThan(0.5),
    );
    expect(model.perfectSeparation).toBe(true);
  });
});

describe('churn labels and features as of a cutoff', () => {
  it('never reads the label window into the features', () => {
    const past = groupOrders(regulars(1, 1, 0, 60));
    const withFuture = groupOrders([...regulars(1, 1, 0, 60), ...regulars(1, 1, 100, 130)]);
    const before = churnSnapshot(past, dayAt(90), 30);
    const after = churnSnapshot(withFuture, dayAt(90), 30);
    expect(after.features).toEqual(before.features);
    expect(before.labels).toEqual([1]);
    expect(after.labels).toEqual([0]);
  });

  it('labels an order on the last day of the window as a return, and one on the day after as churn', () => {
    const cutoff = dayAt(100);
    const lastInside = groupOrders([...regulars(1, 1, 0, 0), ...regulars(1, 1, 129, 129)]);
    const firstOutside = groupOrders([...regulars(1, 1, 0, 0), ...regulars(1, 1, 130, 130)]);
    expect(churnSnapshot(lastInside, cutoff, 30).labels).toEqual([0]);
    expect(churnSnapshot(firstOutside, cutoff, 30).labels).toEqual([1]);
  });
});

describe('suggestHorizonDays: three median gaps, whole weeks, 30..365', () => {
  it('rounds to weeks and clamps', () => {
    expect(suggestHorizonDays(groupOrders(regulars(1, 5, 0, 1_000, 100)))).toBe(301);
    expect(suggestHorizonDays(groupOrders(regulars(1, 5, 0, 700, 7)))).toBe(30);
    expect(suggestHorizonDays(groupOrders(regulars(1, 5, 0, 1_000, 200)))).toBe(365);
  });

  it('falls back to 90 days when nobody bought twice', () => {
    expect(suggestHorizonDays(groupOrders(regulars(1, 5, 0, 0)))).toBe(90);
    expect(suggestHorizonDays([])).toBe(90);
  });
});

describe('CDNOW (one snapshot: weeks 1-39 → no purchase in weeks 40-78), §6.2', () => {
  let customers: CustomerOrders[];
  beforeAll(() => {
    customers = cdnowSampleHistories();
  });

  const options = {
    trainCutoff: CDNOW_CALIBRATION_END,
    testCutoff: CDNOW_CALIBRATION_END,
    horizonDays: 273,
    seed: 1,
  };

  it('labels 71.0% of the 2,357 customers as churned over the 39-week holdout', () => {
    expect(addLocalDays(CDNOW_CALIBRATION_END, 273)).toBe(CDNOW_HOLDOUT_END);
    const labels = churnSnapshot(customers, CDNOW_CALIBRATION_END, 273).labels!;
    expect(labels).toHaveLength(2_357);
    expect(baseRate(labels)).toBeCloseTo(0.71, 3);
  });

  it('ranks churners with a held-out ROC-AUC ≥ 0.75 (reference 0.79) on either even/odd half', () => {
    const even = customers.filter((customer) => customer.customerId % 2 === 0);
    const odd = customers.filter((customer) => customer.customerId % 2 === 1);
    for (const [train, test] of [
      [even, odd],
      [odd, even],
    ] as const) {
      const quality = accepted(evaluateChurn(train, { ...options, testCustomers: test }));
      expect(quality.testCustomers).toBe(test.length);
      expect(quality.rocAuc).toBeGreaterThanOrEqual(0.75);
      expect(quality.rocAuc).toBeLessThan(0.9);
      expect(quality.recencyOnlyRocAuc).toBeGreaterThan(0.74);
      expect(quality.warnings).toEqual([]);
    }
  });
});

describe('Online Retail, time split: train as of 2011-06-11, test as of 2011-09-10, 91 days', () => {
  let customers: CustomerOrders[];
  let quality: ChurnQuality;
  beforeAll(() => {
    customers = onlineRetailHistories();
    quality = accepted(
      evaluateChurn(customers, {
        trainCutoff: localMidnight(2011, 6, 11),
        testCutoff: localMidnight(2011, 9, 10),
        horizonDays: 91,
        seed: 1,
      }),
    );
  });

  it('suggests an 84-day horizon from its median gap of 28 days, beside the 91 days of the reference', () => {
    expect(suggestHorizonDays(customers)).toBe(84);
  });

  it('tests on the 3,370 customers of 2011-09-10, 43% of whom do not return by 2011-12-10', () => {
    expect(addLocalDays(localMidnight(2011, 9, 10), 91)).toBe(ONLINE_RETAIL_AS_OF);
    expect(quality.testCustomers).toBe(3_370);
    expect(quality.baseRate).toBeCloseTo(0.43, 2);
  });

  it('reaches ROC-AUC 0.70-0.78 (reference 0.73-0.74), above the recency-only 0.683', () => {
    expect(quality.rocAuc).toBeGreaterThanOrEqual(0.7);
    expect(quality.rocAuc).toBeLessThanOrEqual(0.78);
    expect(quality.recencyOnlyRocAuc).toBeCloseTo(0.683, 2);
    expect(quality.rocAuc!).toBeGreaterThan(quality.recencyOnlyRocAuc! + 0.03);
    expect(quality.warnings).toEqual([]);
  });

  it('reports PR-AUC above the base rate, log loss, Brier score and ten calibration bins', () => {
    expect(quality.prAuc!).toBeGreaterThan(quality.baseRate! + 0.1);
    expect(quality.logLoss!).toBeLessThan(-(0.43 * Math.log(0.43) + 0.57 * Math.log(0.57)));
    expect(quality.brierScore!).toBeLessThan(0.43 * 0.57);
    const bins = quality.calibration!;
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(3_370);
    // Ranked well: the riskiest tenth churns far more often than the safest tenth.
    expect(bins[9]!.observedRate - bins[0]!.observedRate).toBeGreaterThan(0.5);
  });

  it('fitChurnModel as of 2011-12-10 reports exactly this as its quality', () => {
    const forecast = fitChurnModel(customers, { asOf: ONLINE_RETAIL_AS_OF, horizonDays: 91, seed: 1 });
    if (!forecast.ok) throw new Error(forecast.reason);
    expect(forecast.quality).toEqual(quality);
    expect(forecast.scores).toHaveLength(4_338);
    expect(forecast.scores.every((score) => score.probability > 0 && score.probability < 1)).toBe(true);
  });

  it('gives a customer who bought yesterday a lower P(churn) than one gone a year, naming recency for the latter', () => {
    // Two orders of 200.00 each, the first a year ago for both; only the date of the second differs.
    const aYearAgo = addLocalDays(ONLINE_RETAIL_AS_OF, -365);
    const order = (customerId: number, at: number) => ({ customerId, at, cents: 20_000, refunded: false });
    const extra = groupOrders([
      order(900_001, aYearAgo),
      order(900_001, addLocalDays(ONLINE_RETAIL_AS_OF, -1)),
      order(900_002, aYearAgo),
      order(900_002, addLocalDays(aYearAgo, 1)),
    ]);
    const forecast = fitChurnModel([...customers, ...extra], {
      asOf: ONLINE_RETAIL_AS_OF,
      horizonDays: 91,
      seed: 1,
    });
    if (!forecast.ok) throw new Error(forecast.reason);
    const recent = forecast.scores.find((score) => score.customerId === 900_001)!;
    const gone = forecast.scores.find((score) => score.customerId === 900_002)!;
    expect(recent.probability).toBeLessThan(gone.probability - 0.2);
    expect(gone.reasons[0]!.feature).toBe('recency');
    expect(gone.reasons[0]!.contribution).toBeGreaterThan(0.5);
    expect(recent.reasons.find((reason) => reason.feature === 'recency')!.contribution).toBeLessThan(0);
    expect(gone.reasons).toHaveLength(3);
  });

  it('samples the training rows with the seed: the same seed gives the same forecast, another seed another', () => {
    const options = { asOf: ONLINE_RETAIL_AS_OF, horizonDays: 91, maxTrainingRows: 1_000 };
    const first = fitChurnModel(customers, { ...options, seed: 7 });
    const again = fitChurnModel(customers, { ...options, seed: 7 });
    const other = fitChurnModel(customers, { ...options, seed: 8 });
    if (!first.ok || !other.ok) throw new Error('refused');
    expect(again).toEqual(first);
    expect(first.quality.trainingRows).toBe(1_000);
    expect(other.coefficients.recency).not.toBe(first.coefficients.recency);
  });

  it('refuses a history shorter than two horizons', () => {
    const refusal = fitChurnModel(customers, { asOf: localMidnight(2011, 4, 1), horizonDays: 91, seed: 1 });
    // The first invoice, 2010-12-01 08:26, is 120 whole days before 2011-04-01.
    expect(refusal).toEqual({ ok: false, reason: 'history_too_short', need: 182, have: 120 });
  });
});

describe('guards: a model needs both outcomes, enough customers and enough of each', () => {
  // Horizon 28 days, as of day 112: the quality model trains as of day 56 with labels [56, 84).
  const fit = (rows: OrderRow[]) =>
    fitChurnModel(groupOrders(rows), { asOf: dayAt(112), horizonDays: 28, seed: 1 });

  it('refuses when everybody came back (one class)', () => {
    expect(fit(regulars(1, 150, 0, 111))).toEqual({ ok: false, reason: 'one_class', need: 50, have: 0 });
  });

  it('refuses fewer than 100 customers in the training window', () => {
    expect(fit([...regulars(1, 40, 0, 111), ...regulars(100, 40, 0, 40)])).toEqual({
      ok: false,
      reason: 'too_few_customers',
      need: 100,
      have: 80,
    });
  });

  it('refuses fewer than 50 customers of the rarer outcome', () => {
    expect(fit([...regulars(1, 130, 0, 111), ...regulars(200, 20, 0, 50)])).toEqual({
      ok: false,
      reason: 'too_few_of_a_class',
      need: 50,
      have: 20,
    });
  });

  it('refuses an empty history', () => {
    expect(fit([])).toEqual({ ok: false, reason: 'history_too_short', need: 56, have: 0 });
  });

  it('flags perfect separation and a held-out AUC above 0.9 (what leakage looks like)', () => {
    // 100 regulars buy every week to day 200; 100 others stopped on day 50: recency alone tells them apart.
    const customers = groupOrders([...regulars(1, 100, 0, 200), ...regulars(200, 100, 0, 50)]);
    const quality = accepted(
      evaluateChurn(customers, { trainCutoff: dayAt(100), testCutoff: dayAt(140), horizonDays: 28, seed: 1 }),
    );
    expect(quality.rocAuc).toBe(1);
    expect(quality.warnings).toEqual(['perfect-separation', 'suspiciously-high-auc']);
  });
});
