import type { AnalyticsParams, LifetimeFigures } from '../../src-shared/contract';
import { addLocalDays, churnSnapshot } from '../analytics/churnFeatures';
import type { BgnbdParams } from '../analytics/bgnbd';
import { scoreLifetimeValues, simpleDiscountedClv } from '../analytics/clv';
import { btydSummaries, type RfmFeatures } from '../analytics/features';
import type { CustomerOrders } from '../analytics/history';
import { fitLifetimeModels, MIN_CUSTOMERS, MIN_REPEAT_BUYERS } from '../analytics/lifetimeModels';
import { rocAuc } from '../analytics/metrics';
import { systematicSample } from '../analytics/optimize';
import type { ChurnOutcome } from './churnStage';
import { histogram, quantile } from './histogram';

export interface CustomerValue {
  pAlive: number | null;
  expectedOrders: number | null;
  pNoPurchase: number | null;
  clvCents: number;
}

const CLV_BINS = 20;
/** Customers BG/NBD's churn score is compared on (the whole base up to this many). */
const HOLDOUT_SAMPLE = 20_000;

/**
 * Lifetime value per customer: BG/NBD + Gamma-Gamma fitted on the owner's own history (in days),
 * or, when they cannot be fitted (too few repeat buyers, no convergence), the simple discounted
 * formula from each customer's average spend per month, labelled as such. Also judges BG/NBD's
 * P(no order in the horizon) as a churn score on the churn model's held-out window.
 */
export function lifetimeStage(
  histories: readonly CustomerOrders[],
  features: readonly RfmFeatures[],
  asOf: number,
  params: AnalyticsParams,
  churn: ChurnOutcome,
): { figures: LifetimeFigures; byCustomer: Map<number, CustomerValue> } {
  const options = {
    months: params.clvMonths,
    monthlyDiscount: params.monthlyDiscountPercent / 100,
    margin: params.marginPercent / 100,
  };
  const summaries = btydSummaries(histories, asOf, 1);
  const fit = fitLifetimeModels(summaries);
  const byCustomer = new Map<number, CustomerValue>();
  if (fit.ok) {
    const scores = scoreLifetimeValues(fit.models, summaries, {
      ...options,
      periodDays: params.horizonDays,
      horizonDays: params.horizonDays,
    });
    for (const score of scores) {
      byCustomer.set(score.customerId, {
        pAlive: score.pAlive,
        expectedOrders: score.expectedOrders,
        pNoPurchase: score.pNoPurchase,
        clvCents: score.clvCents,
      });
    }
    if (churn.figures.ok && churn.figures.quality.ok) {
      churn.figures.quality.bgnbdAuc = bgnbdHoldoutAuc(histories, asOf, params.horizonDays, fit.models.bgnbd);
    }
  } else {
    for (const customer of features) {
      const estimate = simpleDiscountedClv(
        { spend: customer.monetaryCents, tenureDays: customer.tenureDays },
        options,
      );
      byCustomer.set(customer.customerId, {
        pAlive: null,
        expectedOrders: null,
        pNoPurchase: null,
        clvCents: estimate.value,
      });
    }
  }
  const values = [...byCustomer.values()].map((value) => value.clvCents);
  const { bgnbd, gammaGamma } = fit.ok ? fit.models : { bgnbd: null, gammaGamma: null };
  return {
    byCustomer,
    figures: {
      method: fit.ok ? 'models' : 'simple',
      refusal: fit.ok
        ? null
        : {
            ok: false,
            reason: fit.reason,
            needed: fit.reason === 'too_few_customers' ? MIN_CUSTOMERS : MIN_REPEAT_BUYERS,
          },
      bgnbd: bgnbd && {
        r: bgnbd.r,
        alpha: bgnbd.alpha,
        a: bgnbd.a,
        b: bgnbd.b,
        logLikelihood: bgnbd.logLikelihood,
      },
      gammaGamma: gammaGamma && {
        p: gammaGamma.p,
        q: gammaGamma.q,
        gamma: gammaGamma.gamma,
        logLikelihood: gammaGamma.logLikelihood,
      },
      expectedRevenueCents: values.reduce((sum, value) => sum + value, 0),
      months: params.clvMonths,
      marginPercent: params.marginPercent,
      monthlyDiscountPercent: params.monthlyDiscountPercent,
      histogram: histogram(values, { from: 0, to: Math.max(1, quantile(values, 0.99)), bins: CLV_BINS }),
    },
  };
}

/**
 * BG/NBD's P(no order in the horizon) as a churn score, on the window the churn model is judged
 * on: fitted on the history before asOf − H, compared with who ordered in [asOf − H, asOf).
 * Null when the models cannot be fitted on that shorter history.
 */
function bgnbdHoldoutAuc(
  histories: readonly CustomerOrders[],
  asOf: number,
  horizonDays: number,
  /** The fit as of asOf: the search starts there, a few steps from the earlier window's optimum. */
  nearby: BgnbdParams,
): number | null {
  const cutoff = addLocalDays(asOf, -horizonDays);
  // A comparison figure, not anyone's score: a systematic sample is as good for an AUC and halves
  // the stage on 100,000 customers.
  const sample = systematicSample(histories, HOLDOUT_SAMPLE);
  const summaries = btydSummaries(sample, cutoff, 1);
  const fit = fitLifetimeModels(summaries, { bgnbdStart: nearby });
  if (!fit.ok) return null;
  const scores = scoreLifetimeValues(fit.models, summaries, {
    months: 1,
    monthlyDiscount: 0,
    margin: 1,
    periodDays: horizonDays,
    horizonDays,
  });
  const snapshot = churnSnapshot(sample, cutoff, horizonDays);
  const risk = new Map(scores.map((score) => [score.customerId, score.pNoPurchase]));
  return rocAuc(
    snapshot.customerIds.map((id) => risk.get(id) ?? 1),
    snapshot.labels ?? [],
  );
}
