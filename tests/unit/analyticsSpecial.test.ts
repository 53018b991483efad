import { describe, expect, it } from 'vitest';
import { hyp2f1, lnBeta, lnGamma, logAddExp, logSumExp } from '../../src-main/analytics/special';

/** |actual/expected − 1| ≤ tolerance. */
function expectRelative(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(tolerance);
}

describe('lnGamma', () => {
  // mpmath.loggamma at 25 digits, rounded to the nearest double.
  const reference: [number, number][] = [
    [1e-8, 18.42068073818021],
    [0.1, 2.252712651734206],
    [0.5, 0.5723649429247001],
    [1.5, -0.12078223763524522],
    [2.5, 0.2846828704729192],
    [7.3, 7.147892523022248],
    [10, 12.801827480081469],
    [100, 359.1342053695754],
    [1e4, 82099.71749644238],
    [1e8, 1742068066.1038346],
  ];

  it.each(reference)('matches ln Γ(%d) to 1e-12 relative', (x, expected) => {
    expectRelative(lnGamma(x), expected, 1e-12);
  });

  it('is 0 at 1 and 2, where Γ = 1', () => {
    expect(Math.abs(lnGamma(1))).toBeLessThan(1e-14);
    expect(Math.abs(lnGamma(2))).toBeLessThan(1e-14);
  });

  it('is NaN outside x > 0', () => {
    expect(lnGamma(0)).toBeNaN();
    expect(lnGamma(-1.5)).toBeNaN();
    expect(lnGamma(NaN)).toBeNaN();
  });
});

describe('lnBeta', () => {
  it('is ln(Γ(a)Γ(b)/Γ(a+b)): B(2, 3) = 1/12 and B(0.5, 0.5) = π', () => {
    expectRelative(lnBeta(2, 3), Math.log(1 / 12), 1e-13);
    expectRelative(lnBeta(0.5, 0.5), Math.log(Math.PI), 1e-13);
  });
});

describe('logSumExp and logAddExp', () => {
  it('add numbers whose exponentials overflow or underflow', () => {
    expectRelative(logSumExp([1000, 1000]), 1000 + Math.LN2, 1e-15);
    expectRelative(logSumExp([-1000, -1000, -1000]), -1000 + Math.log(3), 1e-15);
    expectRelative(logAddExp(800, 800), 800 + Math.LN2, 1e-15);
    expect(logAddExp(0, -800)).toBe(0);
  });

  it('treat −Infinity as a zero term', () => {
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logSumExp([-Infinity, 2])).toBe(2);
    expect(logSumExp([])).toBe(-Infinity);
    expect(logAddExp(-Infinity, -Infinity)).toBe(-Infinity);
  });

  it('pass NaN on instead of hiding it', () => {
    expect(logSumExp([1, NaN])).toBeNaN();
    expect(logSumExp([NaN])).toBeNaN();
    expect(logAddExp(NaN, -Infinity)).toBeNaN();
  });
});

describe('hyp2f1', () => {
  it.each([0.001, 0.5, 0.95, 0.999, -0.5])('gives 2F1(1, 1; 2; z) = −ln(1−z)/z at z = %d', (z) => {
    expectRelative(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-13);
  });

  // mpmath.hyp2f1 at 25 digits, rounded to the nearest double; the first three at the BG/NBD
  // eq. 9 arguments for CDNOW.
  it.each([
    [0.243, 2.426, 2.219, 0.95, 2.446186677030991],
    [0.243, 2.426, 2.219, 0.5, 1.2070970070440423],
    [0.243, 2.426, 2.219, -0.5, 0.8989302203024058],
    [1.5, 2.5, 3.7, 0.5, 1.9452391094618973],
    [50.2, 52.4, 53.2, 0.5, 760153423012281.8],
  ])('matches 2F1(%d, %d; %d; %d)', (a, b, c, z, expected) => {
    expectRelative(hyp2f1(a, b, c, z), expected, 1e-12);
  });

  it('is exact for a terminating series (a a negative integer)', () => {
    const [b, c, z] = [2.5, 3.5, 0.7];
    expectRelative(hyp2f1(-2, b, c, z), 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 1e-15);
  });

  it('multiplies by e^lnFactor without overflow where the function alone overflows', () => {
    // The BG/NBD posterior of a customer with 2,000 repeat purchases: 2F1 ≈ 2^1999.
    const [a, b, c, z] = [2000.2, 2002.4, 2003.2, 0.5];
    expect(hyp2f1(a, b, c, z)).toBe(Infinity);
    const scaled = hyp2f1(a, b, c, z, (a + b - c) * Math.log1p(-z));
    expectRelative(scaled, 1.0005995801678915, 1e-12);
  });

  it('is NaN where the series does not converge', () => {
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, 2, -1.5)).toBeNaN();
    expect(hyp2f1(1, 1, 0, 0.5)).toBeNaN();
    expect(hyp2f1(1, 1, -3, 0.5)).toBeNaN();
  });
});
