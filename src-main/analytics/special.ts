/**
 * The special functions the lifetime models need (analytics.md §2.2): log-gamma, log-beta,
 * log-sum-exp and the Gauss hypergeometric function. JavaScript has none of them built in.
 */

/**
 * Lanczos coefficients for g = 7, n = 9 (the set Numerical Recipes and Wikipedia print): relative
 * error of Γ about 1e-15 for arguments ≥ 0.5, which the tests check against 25-digit values.
 */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (NaN otherwise: the models never need Γ of a non-positive argument). */
export function lnGamma(x: number): number {
  if (!(x > 0)) return NaN;
  // Below 0.5 the series loses accuracy; the reflection formula Γ(x)Γ(1−x) = π / sin(πx) moves it up.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const shifted = x - 1;
  let series = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) series += LANCZOS[i]! / (shifted + i);
  const base = shifted + LANCZOS_G + 0.5;
  return HALF_LN_TWO_PI + (shifted + 0.5) * Math.log(base) - base + Math.log(series);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** ln(e^a + e^b) without overflow or underflow: the two-term case of logSumExp, kept for hot loops. */
export function logAddExp(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  const high = Math.max(a, b);
  if (!Number.isFinite(high)) return high;
  return high + Math.log1p(Math.exp(Math.min(a, b) - high));
}

/** ln Σ e^{v_i} without overflow or underflow (−Infinity for no values). */
export function logSumExp(values: readonly number[]): number {
  let high = -Infinity;
  for (const value of values) {
    if (Number.isNaN(value)) return NaN;
    if (value > high) high = value;
  }
  if (!Number.isFinite(high)) return high;
  let sum = 0;
  for (const value of values) sum += Math.exp(value - high);
  return high + Math.log(sum);
}

/** Series stop rule of §2.2: what is left below 1e-15 of the sum, after a few terms. */
const SERIES_EPSILON = 1e-15;
const SERIES_MIN_TERMS = 3;
const SERIES_MAX_TERMS = 100_000;

/**
 * e^{lnFactor} · ₂F₁(a, b; c; z) for |z| < 1; NaN where the series does not converge (|z| ≥ 1,
 * c a non-positive integer, or more than 1e5 terms).
 *
 * The Gauss series Σ (a)_j (b)_j / ((c)_j j!) z^j runs with the recurrence
 * u_{j+1} = u_j (a+j)(b+j) / ((c+j)(j+1)) z. When (c−a)(c−b) is smaller than ab the Euler
 * transform ₂F₁(a,b;c;z) = (1−z)^{c−a−b} ₂F₁(c−a, c−b; c; z) is summed instead: for the BG/NBD
 * posterior of a frequent buyer (a, b ≈ x, c ≈ x) the direct terms first grow to about
 * (1−z)^{−x} while the transformed ones fall at once. Its factor (1−z)^{c−a−b} can overflow
 * alone, so it is joined to `lnFactor` in log space; callers that multiply the function by a
 * power of (1−z), as eq. 9 and 10 do, pass that power's log here and get the product without
 * overflow.
 * Slow near |z| = 1: z = 0.95 takes about 700 terms.
 */
export function hyp2f1(a: number, b: number, c: number, z: number, lnFactor = 0): number {
  if (!(Math.abs(z) < 1)) return NaN;
  if (Math.abs((c - a) * (c - b)) < Math.abs(a * b)) {
    return Math.exp(lnFactor + (c - a - b) * Math.log1p(-z)) * gaussSeries(c - a, c - b, c, z);
  }
  return Math.exp(lnFactor) * gaussSeries(a, b, c, z);
}

function gaussSeries(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let j = 0; j < SERIES_MAX_TERMS; j++) {
    const ratio = (((a + j) * (b + j)) / ((c + j) * (j + 1))) * z;
    term *= ratio;
    if (!Number.isFinite(term)) return NaN;
    sum += term;
    // A zero term ends a terminating series (a or b a non-positive integer).
    if (term === 0) return sum;
    // The ratios tend to z, so the rest is about a geometric tail with ratio max(|ratio|, |z|):
    // near |z| = 1 that is far more than the last term, and the stop rule counts it.
    const tailRatio = Math.max(Math.abs(ratio), Math.abs(z));
    if (
      j >= SERIES_MIN_TERMS &&
      tailRatio < 1 &&
      (Math.abs(term) * tailRatio) / (1 - tailRatio) < SERIES_EPSILON * Math.abs(sum)
    ) {
      return sum;
    }
  }
  return NaN;
}
