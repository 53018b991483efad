import { describe, expect, it } from 'vitest';
import {
  chordNewton,
  minimizeInStages,
  nelderMead,
  numericalHessian,
  systematicSample,
} from '../../src-main/analytics/optimize';

const rosenbrock = ([x = 0, y = 0]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;

/** A quadratic bowl with its minimum at `center` and Hessian diag(2, 20, 200). */
const bowl = (center: readonly number[]) => (point: readonly number[]) =>
  point.reduce((sum, value, axis) => sum + 10 ** axis * (value - center[axis]!) ** 2, 0);

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock valley from the classic start (−1.2, 1)', () => {
    const result = nelderMead(rosenbrock, {
      initial: [-1.2, 1],
      step: 0.5,
      xTolerance: 1e-8,
      fTolerance: 1e-14,
    });
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 5);
    expect(result.point[1]).toBeCloseTo(1, 5);
    expect(result.value).toBeLessThan(1e-10);
  });

  it('reports converged = false when the iteration cap is hit first', () => {
    const result = nelderMead(rosenbrock, { initial: [-1.2, 1], maxIterations: 5 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(5);
  });

  it('backs away from points where the objective is NaN', () => {
    // Defined only for x > 0, like a likelihood in raw (not log) parameters.
    const objective = ([x = 0]: readonly number[]) => (x > 0 ? (Math.log(x) - 1) ** 2 : NaN);
    const result = nelderMead(objective, { initial: [0.5], step: -1, xTolerance: 1e-10 });
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(Math.E, 6);
  });
});

describe('numericalHessian and chordNewton', () => {
  it('recovers a quadratic’s Hessian', () => {
    const hessian = numericalHessian(bowl([1, 2, 3]), [0, 0, 0]);
    const expected = [
      [2, 0, 0],
      [0, 20, 0],
      [0, 0, 200],
    ];
    hessian.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(expected[i]![j]!, 4)));
  });

  it('reaches a minimum with a Hessian that is only roughly right', () => {
    const roughHessian = [
      [2.4, 0, 0],
      [0, 17, 0],
      [0, 0, 230],
    ];
    const result = chordNewton(bowl([1, 2, 3]), [0, 0, 0], roughHessian, { xTolerance: 1e-9 });
    expect(result.converged).toBe(true);
    result.point.forEach((value, axis) => expect(value).toBeCloseTo(axis + 1, 7));
  });

  it('refuses a Hessian that is not positive definite', () => {
    const result = chordNewton(
      bowl([1, 2]),
      [0, 0],
      [
        [1, 0],
        [0, -1],
      ],
    );
    expect(result.converged).toBe(false);
  });
});

describe('minimizeInStages', () => {
  it('searches on the sample objective and finishes on the full one', () => {
    // The "sample" optimum is off by 0.05 on each axis, as a 10 % sample's MLE is.
    const result = minimizeInStages(bowl([1, 2, 3]), {
      searchObjective: bowl([1.05, 1.95, 3.05]),
      initial: [0, 0, 0],
      step: 0.5,
      xTolerance: 1e-8,
    });
    expect(result.converged).toBe(true);
    result.point.forEach((value, axis) => expect(value).toBeCloseTo(axis + 1, 6));
  });

  it('falls back to a Nelder-Mead restart when the chord method cannot finish', () => {
    // A search objective blind to the second axis has a singular Hessian: the chord method refuses it.
    const result = minimizeInStages(bowl([1, 2]), {
      searchObjective: ([x = 0]) => (x - 1) ** 2,
      initial: [0, 0],
      step: 0.5,
      xTolerance: 1e-7,
    });
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 5);
    expect(result.point[1]).toBeCloseTo(2, 5);
  });
});

describe('systematicSample', () => {
  it('keeps every k-th row, k = ceil(rows / size)', () => {
    const rows = Array.from({ length: 25 }, (_, index) => index);
    expect(systematicSample(rows, 10)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24]);
  });

  it('keeps every row when there are no more than the size', () => {
    const rows = [1, 2, 3];
    expect(systematicSample(rows, 3)).toBe(rows);
  });
});
