import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import {
  MIN_CLOSED_DEALS_FOR_MODEL,
  MIN_DEALS_PER_OUTCOME,
  type WinFeature,
  type WinReason,
} from '../../src-shared/contract';
import { designMatrix, fitStandardizer, type Standardizer } from '../analytics/churnFeatures';
import { rocAuc, type Label } from '../analytics/metrics';

/**
 * P(win) of open deals learned from the owner's closed ones (issue 6): ml-logistic-regression on
 * standardized features plus an intercept column, the discipline of the churn model
 * (analytics/churnModel.ts): learning rate 1/n, a fixed number of steps as the only regularization.
 */

/** What is known of a deal: for a closed one as of its close, for an open one as of now. */
export interface WinFeatures {
  valueCents: number;
  /** From creation to close (closed) or to now (open). */
  daysOpen: number;
  /** How far along the pipeline it got: the furthest stage's place, 0 (first) to 1 (last). */
  stageReached: number;
  /** Conversations with the customer since the deal was created. */
  conversations: number;
  /** The customer's paid orders before the deal was created, and their revenue. */
  pastOrders: number;
  pastRevenueCents: number;
  source: string | null;
}

export interface ClosedDeal extends WinFeatures {
  won: boolean;
  closedAt: number;
}

export interface WinModel {
  /** One-hot columns, in order, after the numeric ones: sources seen often enough to learn from. */
  sources: string[];
  standardizer: Standardizer;
  /** Intercept, then one weight per column (z-scored units, so they compare). */
  weights: number[];
  trainingRows: number;
}

const NUMERIC_FEATURES = [
  'log_value',
  'days_open',
  'stage_reached',
  'conversations',
  'past_orders',
  'past_revenue',
] as const satisfies readonly WinFeature[];

/**
 * Steps of gradient ascent at a rate of 1/n (a step of 1 on the mean gradient). The churn model
 * stops at 20 steps on 10,000 rows; a few hundred deals carry less evidence per step, and a few
 * hundred steps cost well under a millisecond each at this size.
 */
const TRAINING_STEPS = 300;
/** A source needs this many training deals for a column of its own; rarer ones share the baseline. */
const MIN_DEALS_PER_SOURCE = 3;
const MAX_SOURCE_COLUMNS = 8;
const REASONS_PER_DEAL = 3;
/** The validation AUC holds out the most recently closed fifth. */
const HOLDOUT_SHARE = 0.2;

export type WinRefusal = 'too_few_closed' | 'one_outcome';

/** Why the closed deals cannot support a model, or null when they can. */
export function winRefusal(closed: readonly Pick<ClosedDeal, 'won'>[]): WinRefusal | null {
  if (closed.length < MIN_CLOSED_DEALS_FOR_MODEL) return 'too_few_closed';
  const won = closed.filter((item) => item.won).length;
  if (won < MIN_DEALS_PER_OUTCOME || closed.length - won < MIN_DEALS_PER_OUTCOME) return 'one_outcome';
  return null;
}

function numericRow(deal: WinFeatures): number[] {
  return [
    Math.log1p(Math.max(0, deal.valueCents) / 100),
    Math.log1p(Math.max(0, deal.daysOpen)),
    deal.stageReached,
    Math.log1p(deal.conversations),
    Math.log1p(deal.pastOrders),
    Math.log1p(Math.max(0, deal.pastRevenueCents) / 100),
  ];
}

function featureRow(deal: WinFeatures, sources: readonly string[]): number[] {
  return [...numericRow(deal), ...sources.map((source) => (deal.source === source ? 1 : 0))];
}

function frequentSources(deals: readonly WinFeatures[]): string[] {
  const counts = new Map<string, number>();
  for (const deal of deals) if (deal.source) counts.set(deal.source, (counts.get(deal.source) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= MIN_DEALS_PER_SOURCE)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_SOURCE_COLUMNS)
    .map(([source]) => source);
}

/** Fits the model on every given closed deal (call winRefusal first). */
export function trainWinModel(closed: readonly ClosedDeal[]): WinModel {
  const sources = frequentSources(closed);
  const rows = closed.map((deal) => featureRow(deal, sources));
  const standardizer = fitStandardizer(rows, NUMERIC_FEATURES.length + sources.length);
  const classifier = new LogisticRegression({ numSteps: TRAINING_STEPS, learningRate: 1 / rows.length });
  classifier.train(
    designMatrix(rows, standardizer),
    Matrix.columnVector(closed.map((deal) => (deal.won ? 1 : 0))),
  );
  // With labels {0, 1} classifier 0 is trained on "not 0" = won (see churnModel.ts).
  const weights = classifier.classifiers[0]!.weights.to1DArray();
  return { sources, standardizer, weights, trainingRows: rows.length };
}

export interface WinScore {
  probability: number;
  reasons: WinReason[];
}

/** P(win) of a deal with the features that move it most (weight × z-score, largest first). */
export function scoreWin(model: WinModel, deal: WinFeatures): WinScore {
  const row = featureRow(deal, model.sources);
  let logOdds = model.weights[0]!;
  const reasons: WinReason[] = [];
  row.forEach((value, j) => {
    const z = (value - model.standardizer.mean[j]!) / model.standardizer.sd[j]!;
    const effect = model.weights[j + 1]! * z;
    logOdds += effect;
    const numeric = j < NUMERIC_FEATURES.length;
    reasons.push({
      feature: numeric ? NUMERIC_FEATURES[j]! : 'source',
      source: numeric ? null : model.sources[j - NUMERIC_FEATURES.length]!,
      effect,
    });
  });
  reasons.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
  return {
    probability: 1 / (1 + Math.exp(-logOdds)),
    reasons: reasons.filter((reason) => reason.effect !== 0).slice(0, REASONS_PER_DEAL),
  };
}

/**
 * ROC-AUC on the most recently closed fifth of a model trained on the rest: how well the history
 * predicts what happened next. Null when either part lacks an outcome.
 */
export function validationAuc(closed: readonly ClosedDeal[]): number | null {
  const byTime = [...closed].sort((a, b) => a.closedAt - b.closedAt);
  const cut = Math.round(byTime.length * (1 - HOLDOUT_SHARE));
  const training = byTime.slice(0, cut);
  const holdout = byTime.slice(cut);
  if (winRefusal(training) === 'one_outcome' || holdout.length === 0) return null;
  const model = trainWinModel(training);
  const labels = holdout.map((deal): Label => (deal.won ? 1 : 0));
  return rocAuc(
    holdout.map((deal) => scoreWin(model, deal).probability),
    labels,
  );
}
