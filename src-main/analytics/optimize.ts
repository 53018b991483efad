/**
 * Minimizers for the lifetime models' maximum-likelihood fits (3-4 smooth parameters, no
 * gradient at hand): Nelder-Mead to find the optimum, Newton's chord method to finish it.
 */

type Objective = (point: readonly number[]) => number;

export interface NelderMeadOptions {
  /** Where the search starts. */
  initial: readonly number[];
  /** Edge of the starting simplex along each axis: one number for all axes or one per axis. */
  step?: number | readonly number[];
  /** Converged once every vertex is within this of the best one on every axis… */
  xTolerance?: number;
  /** …and every vertex's value is within this of the best value. */
  fTolerance?: number;
  /** Gives up (converged = false) after this many iterations. */
  maxIterations?: number;
}

export interface NelderMeadResult {
  point: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

// The standard coefficients: reflection, expansion, contraction, shrink.
const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;

interface Vertex {
  point: number[];
  value: number;
}

/**
 * Nelder-Mead downhill simplex (Nelder & Mead 1965, in the form of Lagarias, Reeds, Wright &
 * Wright 1998, "Convergence properties of the Nelder-Mead simplex method in low dimensions"):
 * minimizes `objective` from `options.initial` without a gradient; the BG/NBD literature
 * reports it reaching the MLE from R BTYD's start (analytics.md §2.2). A NaN or infinite value
 * counts as +Infinity, so the simplex backs away from points where the objective is undefined.
 */
export function nelderMead(objective: Objective, options: NelderMeadOptions): NelderMeadResult {
  const dimension = options.initial.length;
  const xTolerance = options.xTolerance ?? 1e-8;
  const fTolerance = options.fTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 1000 * dimension;
  let evaluations = 0;
  const evaluate = (point: number[]): Vertex => {
    evaluations++;
    const value = objective(point);
    return { point, value: Number.isFinite(value) ? value : Infinity };
  };
  const stepAlong = (axis: number) =>
    typeof options.step === 'number' ? options.step : (options.step?.[axis] ?? 0.1);

  const simplex: Vertex[] = [evaluate([...options.initial])];
  for (let axis = 0; axis < dimension; axis++) {
    const point = [...options.initial];
    point[axis]! += stepAlong(axis);
    simplex.push(evaluate(point));
  }
  simplex.sort((left, right) => left.value - right.value);

  // Points along the line from the centroid of the best `dimension` vertices through the worst one.
  const along = (centroid: number[], worst: number[], coefficient: number) =>
    centroid.map((center, axis) => center + coefficient * (center - worst[axis]!));

  let iterations = 0;
  while (!isConverged(simplex, xTolerance, fTolerance)) {
    if (iterations >= maxIterations) return finish(simplex[0]!, iterations, evaluations, false);
    iterations++;
    const best = simplex[0]!;
    const worst = simplex[dimension]!;
    const secondWorst = simplex[dimension - 1]!;
    const centroid = new Array<number>(dimension).fill(0);
    for (let i = 0; i < dimension; i++) {
      for (let axis = 0; axis < dimension; axis++) centroid[axis]! += simplex[i]!.point[axis]! / dimension;
    }

    const reflected = evaluate(along(centroid, worst.point, REFLECT));
    let replacement: Vertex | null = null;
    if (reflected.value < best.value) {
      const expanded = evaluate(along(centroid, worst.point, REFLECT * EXPAND));
      replacement = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < secondWorst.value) {
      replacement = reflected;
    } else if (reflected.value < worst.value) {
      const outside = evaluate(along(centroid, worst.point, REFLECT * CONTRACT));
      if (outside.value <= reflected.value) replacement = outside;
    } else {
      const inside = evaluate(along(centroid, worst.point, -CONTRACT));
      if (inside.value < worst.value) replacement = inside;
    }

    if (replacement) {
      simplex[dimension] = replacement;
    } else {
      // No better point on the line: pull every vertex halfway towards the best one.
      for (let i = 1; i <= dimension; i++) {
        simplex[i] = evaluate(
          simplex[i]!.point.map((value, axis) => best.point[axis]! + SHRINK * (value - best.point[axis]!)),
        );
      }
    }
    simplex.sort((left, right) => left.value - right.value);
  }
  return finish(simplex[0]!, iterations, evaluations, true);
}

function isConverged(simplex: readonly Vertex[], xTolerance: number, fTolerance: number): boolean {
  const best = simplex[0]!;
  if (!Number.isFinite(best.value)) return false;
  for (let i = 1; i < simplex.length; i++) {
    const vertex = simplex[i]!;
    if (!(vertex.value - best.value <= fTolerance)) return false;
    for (let axis = 0; axis < best.point.length; axis++) {
      if (Math.abs(vertex.point[axis]! - best.point[axis]!) > xTolerance) return false;
    }
  }
  return true;
}

function finish(best: Vertex, iterations: number, evaluations: number, converged: boolean): NelderMeadResult {
  return { point: best.point, value: best.value, iterations, evaluations, converged };
}

/**
 * The Hessian of `objective` at `point` by central differences with spacing `step`
 * (1 + 2n + 2n(n−1) evaluations: 33 for four parameters).
 */
export function numericalHessian(objective: Objective, point: readonly number[], step = 1e-3): number[][] {
  const at = (shifts: [axis: number, by: number][]) => {
    const shifted = [...point];
    for (const [axis, by] of shifts) shifted[axis]! += by * step;
    return objective(shifted);
  };
  const center = objective(point);
  const hessian = point.map(() => new Array<number>(point.length).fill(0));
  for (let i = 0; i < point.length; i++) {
    hessian[i]![i] = (at([[i, 1]]) - 2 * center + at([[i, -1]])) / (step * step);
    for (let j = 0; j < i; j++) {
      const mixed =
        at([
          [i, 1],
          [j, 1],
        ]) -
        at([
          [i, 1],
          [j, -1],
        ]) -
        at([
          [i, -1],
          [j, 1],
        ]) +
        at([
          [i, -1],
          [j, -1],
        ]);
      hessian[i]![j] = hessian[j]![i] = mixed / (4 * step * step);
    }
  }
  return hessian;
}

/** The solution of H·s = v by Cholesky factorization, or null when H is not positive definite. */
function solvePositiveDefinite(
  hessian: readonly (readonly number[])[],
  vector: readonly number[],
): number[] | null {
  const n = vector.length;
  const lower = hessian.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = hessian[i]![j]!;
      for (let k = 0; k < j; k++) sum -= lower[i]![k]! * lower[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        lower[i]![i] = Math.sqrt(sum);
      } else {
        lower[i]![j] = sum / lower[j]![j]!;
      }
    }
  }
  const forward = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = vector[i]!;
    for (let k = 0; k < i; k++) sum -= lower[i]![k]! * forward[k]!;
    forward[i] = sum / lower[i]![i]!;
  }
  const solution = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = forward[i]!;
    for (let k = i + 1; k < n; k++) sum -= lower[k]![i]! * solution[k]!;
    solution[i] = sum / lower[i]![i]!;
  }
  return solution;
}

export interface ChordNewtonOptions {
  /** Converged once a step moves no coordinate by more than this. */
  xTolerance?: number;
  maxSteps?: number;
  /** Spacing of the central-difference gradient. */
  gradientStep?: number;
}

/**
 * Newton's chord method: x ← x − H⁻¹∇f(x) with one fixed Hessian H (e.g. taken on a sample of
 * the data, where it is cheap) and a central-difference gradient (2n evaluations) each step.
 * It converges linearly at a rate set by how far H is from the true Hessian, which for a
 * sample's Hessian is small: 3 steps (27 evaluations) where Nelder-Mead took 180. A step that
 * does not lower the value is halved (−H⁻¹∇f points downhill when H is positive definite);
 * converged once the step is within xTolerance, false when H is not positive definite or the
 * step budget runs out.
 */
export function chordNewton(
  objective: Objective,
  initial: readonly number[],
  hessian: readonly (readonly number[])[],
  options: ChordNewtonOptions = {},
): NelderMeadResult {
  const xTolerance = options.xTolerance ?? 1e-6;
  const maxSteps = options.maxSteps ?? 20;
  const h = options.gradientStep ?? 1e-4;
  let evaluations = 0;
  const evaluate = (point: readonly number[]) => {
    evaluations++;
    const value = objective(point);
    return Number.isFinite(value) ? value : Infinity;
  };
  let point = [...initial];
  let value = evaluate(point);
  const result = (iterations: number, converged: boolean) => ({
    point,
    value,
    iterations,
    evaluations,
    converged,
  });
  for (let iteration = 1; iteration <= maxSteps; iteration++) {
    const gradient = point.map((_, axis) => {
      const up = [...point];
      const down = [...point];
      up[axis]! += h;
      down[axis]! -= h;
      return (evaluate(up) - evaluate(down)) / (2 * h);
    });
    const newton = solvePositiveDefinite(hessian, gradient);
    if (!newton) return result(iteration, false);
    let step = newton.map((component) => -component);
    for (;;) {
      // A step this small is rounding noise away from the optimum, whether or not it goes downhill.
      if (Math.max(...step.map(Math.abs)) <= xTolerance) return result(iteration, true);
      const trial = point.map((coordinate, axis) => coordinate + step[axis]!);
      const trialValue = evaluate(trial);
      if (trialValue < value) {
        point = trial;
        value = trialValue;
        break;
      }
      step = step.map((component) => component / 2);
    }
  }
  return result(maxSteps, false);
}

export interface StagedOptions extends NelderMeadOptions {
  /** The objective the first search runs on: the same one on a sample of the data, say. */
  searchObjective?: Objective;
  /** Edge of the fresh simplex if the chord method fails and Nelder-Mead runs again. */
  restartStep?: number;
}

/**
 * The search settings both lifetime models are fitted with, on log-parameters: a first simplex
 * edge of 0.5 (a factor e^0.5 on each parameter) and tolerances far below what any figure shows.
 */
export const LIFETIME_FIT_SETTINGS = {
  step: 0.5,
  xTolerance: 1e-5,
  fTolerance: 1e-10,
  maxIterations: 2000,
} as const;

/**
 * The lifetime fits' recipe. Nelder-Mead from `initial` on the search objective; then Newton's
 * chord method on `objective` from its end with the search objective's Hessian there, which
 * both confirms the gradient vanishes (the check a Nelder-Mead restart makes, in 9 evaluations
 * instead of about 180) and carries a sample's optimum to the full data's. If the chord method
 * fails, Nelder-Mead runs again on `objective` from the search's end with a fresh simplex.
 * Converged only if both stages converged.
 */
export function minimizeInStages(objective: Objective, options: StagedOptions): NelderMeadResult {
  const searchObjective = options.searchObjective ?? objective;
  const search = nelderMead(searchObjective, options);
  const chord = chordNewton(objective, search.point, numericalHessian(searchObjective, search.point), {
    xTolerance: options.xTolerance,
  });
  const final = chord.converged
    ? chord
    : nelderMead(objective, { ...options, initial: search.point, step: options.restartStep ?? 0.05 });
  return {
    ...final,
    iterations: search.iterations + chord.iterations + (final === chord ? 0 : final.iterations),
    evaluations: search.evaluations + chord.evaluations + (final === chord ? 0 : final.evaluations),
    converged: search.converged && final.converged,
  };
}

/**
 * Every k-th row, k chosen so about `size` rows remain (all of them when there are fewer): the
 * search sample of minimizeInStages. Systematic, like the CDNOW 1/10 sample, so it needs no seed.
 */
export function systematicSample<T>(rows: readonly T[], size: number): readonly T[] {
  const stride = Math.ceil(rows.length / size);
  return stride > 1 ? rows.filter((_, index) => index % stride === 0) : rows;
}
