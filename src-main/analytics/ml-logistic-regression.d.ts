/**
 * Types for ml-logistic-regression 2.0.0 (CommonJS, ships none), covering what churnModel.ts uses.
 * The behaviour worth knowing (analytics.md §5.3): plain full-batch gradient ascent from zero
 * weights with the gradient summed over rows, no intercept, no regularization, one-vs-all over
 * the labels 0…K−1 with classifier i trained on "not class i".
 */
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';

  interface TwoClassClassifier {
    /** 1 × columns of X. */
    weights: Matrix;
    /** σ(X·wᵀ) per row: for classifier i, the probability that the row is NOT of class i. */
    testScores(X: Matrix): number[];
  }

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    /** Y: a column vector of the integer labels 0…K−1. Both must be ml-matrix Matrix instances. */
    train(X: Matrix, Y: Matrix): void;
    /** The label per row (the class whose "not" score is lowest). */
    predict(X: Matrix): number[];
    classifiers: TwoClassClassifier[];
  }
}
