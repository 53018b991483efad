import type { ChurnFigures, ModelRefusal } from '../../src-shared/contract/analytics';
import { AT_RISK_THRESHOLD } from '../../src-shared/contract/analyticsKeys';
import { fitChurnModel } from '../analytics/churn';
import { suggestHorizonDays } from '../analytics/churnFeatures';
import type { ChurnReason, ChurnRefusal } from '../analytics/churnModel';
import type { CustomerOrders } from '../analytics/history';
import { histogram } from './histogram';

export interface ChurnOutcome {
  figures: ChurnFigures;
  byCustomer: Map<number, { probability: number; reasons: ChurnReason[] }>;
  /** Test-window inputs for comparing BG/NBD's score on the same window (lifetime stage). */
  qualityWindow: { trainCutoff: number; testCutoff: number } | null;
}

/** Churn risk for everyone as of `asOf`, or the model's refusal in words the UI can say. */
export function churnStage(
  histories: readonly CustomerOrders[],
  asOf: number,
  horizonDays: number,
  seed: number,
): ChurnOutcome {
  const suggestedHorizonDays = suggestHorizonDays(histories);
  const fit = fitChurnModel(histories, { asOf, horizonDays, seed });
  if (!fit.ok) return { figures: refusal(fit), byCustomer: new Map(), qualityWindow: null };
  const byCustomer = new Map(
    fit.scores.map((score) => [score.customerId, { probability: score.probability, reasons: score.reasons }]),
  );
  const probabilities = fit.scores.map((score) => score.probability);
  const { quality } = fit;
  return {
    figures: {
      ok: true,
      horizonDays,
      suggestedHorizonDays,
      atRiskCount: probabilities.filter((p) => p >= AT_RISK_THRESHOLD).length,
      coefficients: [
        { feature: 'intercept', weight: fit.intercept },
        ...Object.entries(fit.coefficients).map(([feature, weight]) => ({ feature, weight })),
      ],
      quality: {
        ok: true,
        rocAuc: quality.rocAuc,
        prAuc: quality.prAuc,
        baseRate: quality.baseRate,
        recencyAuc: quality.recencyOnlyRocAuc,
        bgnbdAuc: null,
        trainRows: quality.trainingRows,
        testRows: quality.testCustomers,
        calibration: (quality.calibration ?? []).map((bin) => ({
          predicted: bin.meanPredicted,
          observed: bin.observedRate,
          count: bin.count,
        })),
      },
      histogram: histogram(probabilities, { from: 0, to: 1, bins: 10 }),
    },
    byCustomer,
    qualityWindow: null,
  };
}

function refusal(fit: ChurnRefusal): ModelRefusal {
  return { ok: false, reason: fit.reason, needed: fit.need ?? null };
}
