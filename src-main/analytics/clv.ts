import {
  expectedPurchases,
  invalidBgnbdRow,
  posteriorIfAlive,
  probabilityAlive,
  probabilityBuysIfAlive,
  type BgnbdParams,
  type BgnbdRow,
} from './bgnbd';
import type { BtydSummary } from './features';
import { conditionalExpectedSpend, type GammaGammaParams } from './gammaGamma';

/**
 * Customer lifetime value (analytics.md §2.4): the discounted expected margin of the next H
 * months, from the BG/NBD and Gamma-Gamma models, or from the customer's own average when the
 * models could not be fitted. Every estimate names the method that produced it.
 */

/** Model time units per month: days (the runner's unit) and lifetimes' factor for weeks. */
export const DAYS_PER_MONTH = 365.25 / 12;
export const WEEKS_PER_MONTH = 4.345;

export type ClvMethod = 'bgnbd_gamma_gamma' | 'simple_discounted';

export interface ClvEstimate {
  /** In the unit of the spend it was computed from. */
  value: number;
  method: ClvMethod;
}

export interface DiscountOptions {
  /** Horizon H in whole months. */
  months: number;
  /** Monthly discount rate d (0.01 ≈ 12.7 % a year). */
  monthlyDiscount: number;
  /** Share of revenue kept as profit, in [0, 1]. */
  margin: number;
}

function assertDiscountOptions({ months, monthlyDiscount, margin }: DiscountOptions): void {
  if (!(Number.isInteger(months) && months >= 0)) {
    throw new RangeError(`CLV: months must be a whole number ≥ 0, got ${months}`);
  }
  if (!(monthlyDiscount > -1 && Number.isFinite(monthlyDiscount))) {
    throw new RangeError(`CLV: the monthly discount rate must be > −1, got ${monthlyDiscount}`);
  }
  if (!(margin >= 0 && margin <= 1))
    throw new RangeError(`CLV: the margin must lie in [0, 1], got ${margin}`);
}

/**
 * Σ_{k=1..H} (E_alive[Y(k·f)] − E_alive[Y((k−1)·f)]) / (1+d)^k: the discounted purchases of the
 * next H months of a customer known to be alive, with E_alive eq. 9 at the BG/NBD posterior.
 * Eq. 10 is P(alive) times E_alive, so P(alive) and the spend multiply this afterwards.
 */
function discountedPurchasesIfAlive(
  posterior: BgnbdParams,
  unitsPerMonth: number,
  { months, monthlyDiscount }: DiscountOptions,
): number {
  let total = 0;
  let before = 0;
  for (let k = 1; k <= months; k++) {
    const upToMonth = expectedPurchases(posterior, k * unitsPerMonth);
    total += (upToMonth - before) / (1 + monthlyDiscount) ** k;
    before = upToMonth;
  }
  return total;
}

/**
 * lifetimes' discrete DCF (_customer_lifetime_value, §2.4):
 * margin · Σ_{k=1..H} E(M) (E[Y(k·f)] − E[Y((k−1)·f)]) / (1+d)^k, with E[Y] eq. 10 and E(M) the
 * Gamma-Gamma expected spend. `unitsPerMonth` (f) must match the unit of the row and of α:
 * DAYS_PER_MONTH for days, WEEKS_PER_MONTH for weeks (lifetimes' quickstart passes 30 with weekly
 * data and so treats 30 weeks as a month: customer 1's 140.1 against 36.29 with f = 4.345).
 */
export function modelClv(
  bgnbd: BgnbdParams,
  row: BgnbdRow,
  expectedSpend: number,
  options: DiscountOptions & { unitsPerMonth: number },
): ClvEstimate {
  assertDiscountOptions(options);
  const posterior = posteriorIfAlive(bgnbd, row.x, row.T);
  const purchases =
    probabilityAlive(bgnbd, row) * discountedPurchasesIfAlive(posterior, options.unitsPerMonth, options);
  return { value: options.margin * expectedSpend * purchases, method: 'bgnbd_gamma_gamma' };
}

/**
 * The fallback when the models cannot be fitted: Σ_{t=1..H} (monthly revenue − monthly cost)/(1+d)^t
 * with the customer's spend per month of tenure as the revenue and (1 − margin) of it as the cost.
 * Tenure counts as at least one month, so a customer who first bought this week is not projected
 * at four times what they spent.
 */
export function simpleDiscountedClv(
  history: { spend: number; tenureDays: number },
  options: DiscountOptions,
): ClvEstimate {
  assertDiscountOptions(options);
  const { spend, tenureDays } = history;
  if (!(spend >= 0 && Number.isFinite(spend))) throw new RangeError(`CLV: spend must be ≥ 0, got ${spend}`);
  if (!(tenureDays >= 0 && Number.isFinite(tenureDays))) {
    throw new RangeError(`CLV: tenure must be ≥ 0 days, got ${tenureDays}`);
  }
  const monthlyRevenue = spend / Math.max(1, tenureDays / DAYS_PER_MONTH);
  const { months, monthlyDiscount: d } = options;
  const annuity = d === 0 ? months : (1 - (1 + d) ** -months) / d;
  return { value: options.margin * monthlyRevenue * annuity, method: 'simple_discounted' };
}

export interface LifetimeScore {
  customerId: number;
  /** P(alive) now; 1 for a customer with one purchase (see probabilityAlive): not a churn score. */
  pAlive: number;
  /** Expected orders (distinct purchase days) in the next `periodDays`. */
  expectedOrders: number;
  /** P(no purchase in the next `horizonDays`): the churn score. */
  pNoPurchase: number;
  expectedSpendCents: number;
  clvCents: number;
  clvMethod: ClvMethod;
}

export interface ScoreOptions extends DiscountOptions {
  periodDays: number;
  horizonDays: number;
}

/** What depends on a customer's x and T but not on t_x or spend, shared by everyone with that pair. */
interface IfAlive {
  expectedOrders: number;
  buysInHorizon: number;
  discountedPurchases: number;
}

/**
 * The per-customer figures the runner stores, from fitted models and BTYD summaries in days.
 * Everything but P(alive) and the spend depends only on (x, T), so it is computed once per
 * distinct pair (the hypergeometric series are the cost: 13 per pair with a 12-month CLV).
 */
export function scoreLifetimeValues(
  models: { bgnbd: BgnbdParams; gammaGamma: GammaGammaParams },
  summaries: readonly BtydSummary[],
  options: ScoreOptions,
): LifetimeScore[] {
  assertDiscountOptions(options);
  for (const window of ['periodDays', 'horizonDays'] as const) {
    if (!(options[window] >= 0 && Number.isFinite(options[window]))) {
      throw new RangeError(`CLV: ${window} must be ≥ 0, got ${options[window]}`);
    }
  }
  const problem = invalidBgnbdRow(summaries);
  if (problem) throw new RangeError(`CLV: ${problem}`);
  const { bgnbd, gammaGamma } = models;
  const byXThenT = new Map<number, Map<number, IfAlive>>();
  const ifAlive = (x: number, T: number): IfAlive => {
    let byT = byXThenT.get(x);
    if (!byT) byXThenT.set(x, (byT = new Map()));
    let figures = byT.get(T);
    if (!figures) {
      const posterior = posteriorIfAlive(bgnbd, x, T);
      figures = {
        expectedOrders: expectedPurchases(posterior, options.periodDays),
        buysInHorizon: probabilityBuysIfAlive(posterior, options.horizonDays),
        discountedPurchases: discountedPurchasesIfAlive(posterior, DAYS_PER_MONTH, options),
      };
      byT.set(T, figures);
    }
    return figures;
  };
  return summaries.map((summary) => {
    const pAlive = probabilityAlive(bgnbd, summary);
    const figures = ifAlive(summary.x, summary.T);
    const expectedSpendCents = conditionalExpectedSpend(gammaGamma, summary.x, summary.meanRepeatCents);
    return {
      customerId: summary.customerId,
      pAlive,
      expectedOrders: pAlive * figures.expectedOrders,
      pNoPurchase: 1 - pAlive * figures.buysInHorizon,
      expectedSpendCents,
      clvCents: options.margin * expectedSpendCents * pAlive * figures.discountedPurchases,
      clvMethod: 'bgnbd_gamma_gamma',
    };
  });
}
