import {
  addLocalDays,
  churnSnapshot,
  type ChurnFeature,
  type ChurnSnapshot,
  type Standardizer,
} from './churnFeatures';
import {
  churnProbabilities,
  isChurnRefusal,
  scoreChurn,
  trainChurnModel,
  type ChurnModel,
  type ChurnRefusal,
  type ChurnScore,
  type TrainingOptions,
} from './churnModel';
import { DAY_MS, type CustomerOrders } from './history';
import {
  baseRate,
  brierScore,
  calibrationByDecile,
  logLoss,
  prAuc,
  rocAuc,
  type CalibrationBin,
} from './metrics';

/**
 * Churn risk with an honest time split (analytics.md §5.4 step 4, §6): a model learns from what
 * customers did in a past window and is judged on the next window, which it never saw.
 */

/** Held-out AUCs above this on retail order data mean the features saw the label window (§6.2). */
export const SUSPICIOUS_AUC = 0.9;

export type ChurnWarning = 'perfect-separation' | 'suspiciously-high-auc';

export interface ChurnQuality {
  /** Customers scored on the held-out window. */
  testCustomers: number;
  /** Their share who did not come back. */
  baseRate: number | null;
  rocAuc: number | null;
  prAuc: number | null;
  /** The same ranking by days since the last order alone: what the model must beat. */
  recencyOnlyRocAuc: number | null;
  logLoss: number | null;
  brierScore: number | null;
  calibration: CalibrationBin[] | null;
  trainingRows: number;
  warnings: ChurnWarning[];
}

/** How a trained model does on a labelled snapshot it did not train on. */
function judge(model: ChurnModel, test: ChurnSnapshot): ChurnQuality {
  const labels = test.labels!;
  const probabilities = churnProbabilities(model, test);
  const auc = rocAuc(probabilities, labels);
  const warnings: ChurnWarning[] = [];
  if (model.perfectSeparation) warnings.push('perfect-separation');
  if (auc !== null && auc > SUSPICIOUS_AUC) warnings.push('suspiciously-high-auc');
  return {
    testCustomers: labels.length,
    baseRate: baseRate(labels),
    rocAuc: auc,
    prAuc: prAuc(probabilities, labels),
    recencyOnlyRocAuc: rocAuc(test.recencyDays, labels),
    logLoss: logLoss(probabilities, labels),
    brierScore: brierScore(probabilities, labels),
    calibration: calibrationByDecile(probabilities, labels),
    trainingRows: model.trainingRows,
    warnings,
  };
}

export interface EvaluationOptions extends TrainingOptions {
  trainCutoff: number;
  testCutoff: number;
  horizonDays: number;
  /**
   * Score these instead of `customers` (which then only train): the two halves of one snapshot,
   * for data with a single calibration/holdout pair such as CDNOW (§6.2).
   */
  testCustomers?: readonly CustomerOrders[];
}

/**
 * Trains on features as of `trainCutoff` with labels from the `horizonDays` after it, then scores
 * the features as of `testCutoff` against the labels from the `horizonDays` after that.
 */
export function evaluateChurn(
  customers: readonly CustomerOrders[],
  { trainCutoff, testCutoff, horizonDays, testCustomers = customers, ...training }: EvaluationOptions,
): ChurnQuality | ChurnRefusal {
  const model = trainChurnModel(churnSnapshot(customers, trainCutoff, horizonDays), training);
  if (isChurnRefusal(model)) return model;
  return judge(model, churnSnapshot(testCustomers, testCutoff, horizonDays));
}

export interface ChurnForecast {
  ok: true;
  asOf: number;
  horizonDays: number;
  /** Every customer with a paid order before asOf: P(no paid order in [asOf, asOf + horizon)). */
  scores: ChurnScore[];
  intercept: number;
  coefficients: Record<ChurnFeature, number>;
  standardizer: Standardizer;
  /** The same recipe one window earlier, judged on the last window whose outcome is known. */
  quality: ChurnQuality;
}

export interface ChurnFitOptions extends TrainingOptions {
  asOf: number;
  horizonDays: number;
}

/**
 * P(churn) for every customer as of `asOf`, from a model trained on features as of asOf − H with
 * the labels of [asOf − H, asOf). The outcome after asOf is not known yet, so the quality figures
 * are those of the same recipe one window back: trained as of asOf − 2H, tested as of asOf − H.
 * Refuses when the history is shorter than 2H or a training window cannot support a model.
 */
export function fitChurnModel(
  customers: readonly CustomerOrders[],
  { asOf, horizonDays, ...training }: ChurnFitOptions,
): ChurnForecast | ChurnRefusal {
  const historyDays = Math.floor((asOf - firstOrderAt(customers)) / DAY_MS);
  if (!(historyDays >= 2 * horizonDays)) {
    return { ok: false, reason: 'history_too_short', need: 2 * horizonDays, have: Math.max(0, historyDays) };
  }
  const earlier = churnSnapshot(customers, addLocalDays(asOf, -2 * horizonDays), horizonDays);
  const latest = churnSnapshot(customers, addLocalDays(asOf, -horizonDays), horizonDays);
  const qualityModel = trainChurnModel(earlier, training);
  if (isChurnRefusal(qualityModel)) return qualityModel;
  const model = trainChurnModel(latest, training);
  if (isChurnRefusal(model)) return model;
  return {
    ok: true,
    asOf,
    horizonDays,
    scores: scoreChurn(model, churnSnapshot(customers, asOf, null)),
    intercept: model.intercept,
    coefficients: model.coefficients,
    standardizer: model.standardizer,
    quality: judge(qualityModel, latest),
  };
}

/** The earliest paid order (Infinity when there is none, which refuses as too short a history). */
function firstOrderAt(customers: readonly CustomerOrders[]): number {
  let first = Infinity;
  for (const customer of customers) if (customer.at.length > 0) first = Math.min(first, customer.at[0]!);
  return first;
}
