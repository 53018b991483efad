import { LIFETIME_FIT_SETTINGS, minimizeInStages, systematicSample } from './optimize';
import { lnGamma } from './special';

/**
 * The Gamma-Gamma model of spend (Fader, Hardie & Lee 2005b; Fader & Hardie 2013, note 025;
 * analytics.md §2.3): each transaction's value is Gamma(p, ν), and ν ~ Gamma(q, γ) across
 * customers. γ is in the unit of the spend (dollars, cents). It assumes spend does not depend
 * on how often a customer buys, so the fit reports corr(x, mean spend) among repeat buyers.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** x repeat purchases whose values average `meanSpend` (the first purchase left out, §2.3). */
export interface GammaGammaRow {
  x: number;
  meanSpend: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** The customers the model was fitted on: those with x > 0. */
  repeatBuyers: number;
  /**
   * Pearson corr(x, mean spend) among repeat buyers: the model assumes about 0 (CDNOW: 0.11).
   * Null below 2 repeat buyers or when either has no spread.
   */
  frequencySpendCorrelation: number | null;
}

/** What is wrong with the first unusable row, or null. A repeat buyer needs a positive mean spend. */
export function invalidGammaGammaRow(rows: readonly GammaGammaRow[]): string | null {
  for (let i = 0; i < rows.length; i++) {
    const { x, meanSpend } = rows[i]!;
    if (!(Number.isInteger(x) && x >= 0)) return `row ${i}: x must be a whole number ≥ 0, got ${x}`;
    if (!Number.isFinite(meanSpend))
      return `row ${i}: the mean spend must be a finite number, got ${meanSpend}`;
    if (x > 0 && !(meanSpend > 0))
      return `row ${i}: a repeat buyer's mean spend must be > 0, got ${meanSpend}`;
  }
  return null;
}

function assertValidRows(rows: readonly GammaGammaRow[]): void {
  const problem = invalidGammaGammaRow(rows);
  if (problem) throw new RangeError(`Gamma-Gamma: ${problem}`);
}

/**
 * The repeat buyers grouped by x, spend divided by `spendScale`: the log-gammas are taken once
 * per x, and Σ ln m once per x too, leaving one log per customer in an evaluation.
 */
interface GroupedRows {
  distinctX: number[];
  countOfX: number[];
  sumLnSpendOfX: number[];
  rowX: Float64Array;
  rowSpend: Float64Array;
}

function groupRows(rows: readonly GammaGammaRow[], spendScale: number): GroupedRows {
  const repeaters = rows.filter((row) => row.x > 0);
  const indexOfX = new Map<number, number>();
  const grouped: GroupedRows = {
    distinctX: [],
    countOfX: [],
    sumLnSpendOfX: [],
    rowX: Float64Array.from(repeaters, (row) => row.x),
    rowSpend: Float64Array.from(repeaters, (row) => row.meanSpend / spendScale),
  };
  for (const row of repeaters) {
    let index = indexOfX.get(row.x);
    if (index === undefined) {
      indexOfX.set(row.x, (index = grouped.distinctX.length));
      grouped.distinctX.push(row.x);
      grouped.countOfX.push(0);
      grouped.sumLnSpendOfX.push(0);
    }
    grouped.countOfX[index]!++;
    grouped.sumLnSpendOfX[index]! += Math.log(row.meanSpend / spendScale);
  }
  return grouped;
}

/**
 * Σ over repeat buyers of note 025 eq. 1a (lifetimes' GammaGammaFitter):
 * ℓ = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(x m + γ).
 */
function groupedLogLikelihood({ p, q, gamma }: GammaGammaParams, grouped: GroupedRows): number {
  let sum = 0;
  grouped.distinctX.forEach((x, i) => {
    const count = grouped.countOfX[i]!;
    sum +=
      count * (lnGamma(p * x + q) - lnGamma(p * x) - lnGamma(q) + q * Math.log(gamma) + p * x * Math.log(x)) +
      (p * x - 1) * grouped.sumLnSpendOfX[i]!;
  });
  const { rowX, rowSpend } = grouped;
  for (let i = 0; i < rowX.length; i++) {
    const x = rowX[i]!;
    sum -= (p * x + q) * Math.log(x * rowSpend[i]! + gamma);
  }
  return sum;
}

/** The Gamma-Gamma log-likelihood of the repeat buyers among the rows (x = 0 rows carry no spend). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly GammaGammaRow[]): number {
  assertValidRows(rows);
  return groupedLogLikelihood(params, groupRows(rows, 1));
}

export interface GammaGammaFitOptions {
  maxIterations?: number;
}

/** The search sample's size above which the Nelder-Mead search runs on every k-th repeat buyer. */
const SEARCH_SAMPLE_ROWS = 10_000;

/**
 * Maximum-likelihood (p, q, γ) on the repeat buyers: Nelder-Mead over the logs of the parameters
 * on the mean negative log-likelihood from (1, 1, 1), finished by minimizeInStages. Spend is
 * divided by its mean first, so the start suits any currency unit, and γ is scaled back after.
 */
export function fitGammaGamma(
  rows: readonly GammaGammaRow[],
  options: GammaGammaFitOptions = {},
): GammaGammaFit {
  assertValidRows(rows);
  const repeaters = rows.filter((row) => row.x > 0);
  if (repeaters.length === 0) throw new RangeError('Gamma-Gamma: needs at least one customer with x > 0');
  const spendScale = repeaters.reduce((sum, row) => sum + row.meanSpend, 0) / repeaters.length;
  const toParams = (point: readonly number[]): GammaGammaParams => ({
    p: Math.exp(point[0]!),
    q: Math.exp(point[1]!),
    gamma: Math.exp(point[2]!),
  });
  const meanNegativeLogLikelihood = (grouped: GroupedRows) => (point: readonly number[]) =>
    -groupedLogLikelihood(toParams(point), grouped) / grouped.rowX.length;
  const grouped = groupRows(repeaters, spendScale);
  const sample = systematicSample(repeaters, SEARCH_SAMPLE_ROWS);
  const result = minimizeInStages(meanNegativeLogLikelihood(grouped), {
    searchObjective:
      sample === repeaters ? undefined : meanNegativeLogLikelihood(groupRows(sample, spendScale)),
    initial: [0, 0, 0],
    ...LIFETIME_FIT_SETTINGS,
    maxIterations: options.maxIterations ?? LIFETIME_FIT_SETTINGS.maxIterations,
  });
  const scaled = toParams(result.point);
  // Dividing m and γ by the scale multiplies each customer's density of m by the scale:
  // ℓ = ℓ_scaled − ln(scale).
  const logLikelihood = -result.value * repeaters.length - repeaters.length * Math.log(spendScale);
  return {
    ...scaled,
    gamma: scaled.gamma * spendScale,
    logLikelihood,
    converged: result.converged,
    iterations: result.iterations,
    repeatBuyers: repeaters.length,
    frequencySpendCorrelation: pearson(repeaters),
  };
}

function pearson(rows: readonly GammaGammaRow[]): number | null {
  if (rows.length < 2) return null;
  const meanX = rows.reduce((sum, row) => sum + row.x, 0) / rows.length;
  const meanSpend = rows.reduce((sum, row) => sum + row.meanSpend, 0) / rows.length;
  let covariance = 0;
  let varianceX = 0;
  let varianceSpend = 0;
  for (const { x, meanSpend: spend } of rows) {
    covariance += (x - meanX) * (spend - meanSpend);
    varianceX += (x - meanX) ** 2;
    varianceSpend += (spend - meanSpend) ** 2;
  }
  return varianceX > 0 && varianceSpend > 0 ? covariance / Math.sqrt(varianceX * varianceSpend) : null;
}

/**
 * E(M | x, m_x) = (pγ + p x m_x) / (p x + q − 1): a weighted mean of the population mean pγ/(q−1)
 * and the customer's own m_x, which weighs more the more they bought (§2.3). For x = 0 it is the
 * population mean, which exists only for q > 1: other parameters are refused.
 */
export function conditionalExpectedSpend(
  { p, q, gamma }: GammaGammaParams,
  x: number,
  meanSpend: number,
): number {
  if (!(q > 1)) throw new RangeError(`Gamma-Gamma: the mean spend needs q > 1, got ${q}`);
  return x === 0 ? (p * gamma) / (q - 1) : (p * gamma + p * x * meanSpend) / (p * x + q - 1);
}
