import { z } from 'zod';
import {
  calendarDate,
  cents,
  currencyCode,
  isoInstant,
  noInput,
  optionalCalendarDate,
  optionalText,
  recordId,
  requiredText,
} from './fields';

/**
 * The sales pipeline: deals (销售机会) moving through the owner's stages to won or lost.
 *
 * Stages. The open stages are the owner's list (Settings: rename, reorder, add, remove); the two
 * closing outcomes, won and lost, are not stages one drags between but the end of a deal, so they
 * are kept as `status` on the deal and shown as the board's last two drop targets.
 */

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export const DEAL_OUTCOMES = ['won', 'lost'] as const;

/** The stages a new database starts with (translated by key in the UI; a renamed one shows its label). */
export const BUILT_IN_DEAL_STAGES = [
  { key: 'lead', probability: 10 },
  { key: 'qualified', probability: 25 },
  { key: 'proposal', probability: 50 },
  { key: 'negotiation', probability: 70 },
  { key: 'contract', probability: 90 },
] as const;

/** Reasons a deal is lost, the default entries of Settings' editable list. */
export const BUILT_IN_LOST_REASONS = [
  'price',
  'competitor',
  'timing',
  'no_budget',
  'no_response',
  'other',
] as const;

/** Win probability is learned only from at least this many closed deals, won and lost alike. */
export const MIN_CLOSED_DEALS_FOR_MODEL = 20;
/** ...and at least this many of each outcome: one lost deal among 19 won teaches nothing. */
export const MIN_DEALS_PER_OUTCOME = 3;
/** Deals with no activity (edit, move, conversation with the customer) for this long are stale. */
export const DEFAULT_STALE_DAYS = 14;
/** How far the forecast looks ahead and back, in months. */
export const FORECAST_MONTHS = 6;

export const probabilityPercent = z.number().int().min(0).max(100);

export const dealStage = z.object({
  id: recordId,
  /** A built-in stage's key (`lead`, ...), or null for the owner's own stage. */
  key: z.string().nullable(),
  /** The owner's name for it; null on an untouched built-in stage (the UI translates `key`). */
  label: z.string().nullable(),
  probability: z.number().int(),
  position: z.number().int(),
  /** Open deals in the stage, so Settings can ask where they go before removing it. */
  openDeals: z.number().int(),
});
export type DealStage = z.infer<typeof dealStage>;

export const dealStageFields = z.strictObject({
  label: requiredText(60),
  probability: probabilityPercent,
});

/** Why a learned win probability is high or low: the feature, and which way it pushes. */
export const WIN_FEATURES = [
  'log_value',
  'days_open',
  'stage_reached',
  'conversations',
  'past_orders',
  'past_revenue',
  'source',
] as const;
export type WinFeature = (typeof WIN_FEATURES)[number];
export const winReason = z.object({
  feature: z.enum(WIN_FEATURES),
  /** The source named by a `source` reason. */
  source: z.string().nullable(),
  /** Positive raises P(win). */
  effect: z.number(),
});
export type WinReason = z.infer<typeof winReason>;

/** A deal as the board, the list and the customer page show it. */
export const deal = z.object({
  id: recordId,
  uid: z.string(),
  title: z.string(),
  customerId: recordId,
  customerName: z.string(),
  customerCompany: z.string().nullable(),
  valueCents: z.number().int(),
  currency: z.string(),
  stageId: recordId,
  /** The probability this deal is weighted with: its own when set, else the stage's default. */
  probability: z.number().int(),
  /** True when the owner set the probability instead of taking the stage's. */
  probabilityOverridden: z.boolean(),
  expectedClose: z.string().nullable(),
  source: z.string().nullable(),
  nextStep: z.string().nullable(),
  nextStepDate: z.string().nullable(),
  notes: z.string().nullable(),
  status: z.enum(DEAL_STATUSES),
  lostReason: z.string().nullable(),
  closedOn: z.string().nullable(),
  /** The order created when the deal was won, if one was. */
  orderId: recordId.nullable(),
  /** Order within the stage's column (smaller is higher). */
  position: z.number(),
  stageEnteredAt: isoInstant,
  lastActivityAt: isoInstant,
  daysInStage: z.number().int(),
  /** The next step's date has passed on an open deal. */
  nextStepOverdue: z.boolean(),
  /** P(win) from the owner's own history, or null when stage defaults are used (see `deals.model`). */
  winProbability: z.number().nullable(),
  winReasons: z.array(winReason),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Deal = z.infer<typeof deal>;

export const stageChange = z.object({
  at: isoInstant,
  fromStageId: recordId.nullable(),
  toStageId: recordId.nullable(),
  /** Status after the change: a move keeps `open`, closing records `won` or `lost`. */
  status: z.enum(DEAL_STATUSES),
});
export type StageChange = z.infer<typeof stageChange>;

const dealFieldShape = {
  title: requiredText(200),
  customerId: recordId,
  valueCents: cents.min(0),
  currency: currencyCode,
  stageId: recordId,
  probability: probabilityPercent.nullable(),
  expectedClose: optionalCalendarDate(),
  source: optionalText(40),
  nextStep: optionalText(300),
  nextStepDate: optionalCalendarDate(),
  notes: optionalText(20_000),
};

/** A new deal; the stage defaults to the first open stage, the currency to the owner's. */
export const dealFields = z.strictObject({
  ...dealFieldShape,
  currency: dealFieldShape.currency.optional(),
  stageId: dealFieldShape.stageId.optional(),
  probability: dealFieldShape.probability.optional(),
});
/** Only what a patch sends changes; the stage changes through `deals.move`, closing through `deals.close`. */
export const dealPatch = z.strictObject((({ stageId: _stageId, ...rest }) => rest)(dealFieldShape)).partial();

export const DEAL_SORTS = [
  'position',
  'value',
  'weighted',
  'expectedClose',
  'daysInStage',
  'title',
  'customer',
  'updatedAt',
  'winProbability',
] as const;

export const dealFilters = z.strictObject({
  statuses: z.array(z.enum(DEAL_STATUSES)).min(1).max(3).default(['open']),
  stageIds: z.array(recordId).max(50).optional(),
  sources: z.array(z.string().max(40)).max(50).optional(),
  customerId: recordId.optional(),
  valueMinCents: cents.optional(),
  valueMaxCents: cents.optional(),
  /** Expected to close in this month (`YYYY-MM`). */
  closeMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  /** Only deals with no activity for at least this many days. */
  staleDays: z.number().int().min(1).max(3650).optional(),
  /** Words in the title or the customer's name or company. */
  text: z.string().trim().max(200).optional(),
});
export type DealFilters = z.input<typeof dealFilters>;

export const dealListInput = dealFilters.extend({
  sort: z.enum(DEAL_SORTS).default('position'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(5_000).default(5_000),
});

/** Counts per column of the board (and per stage in the list's footer). */
export interface StageTotals {
  count: number;
  totalCents: number;
  weightedCents: number;
}

/** A column's count, total and weighted total (value × probability), in whole minor units. */
export function stageTotals(deals: readonly Pick<Deal, 'valueCents' | 'probability'>[]): StageTotals {
  let totalCents = 0;
  let weighted = 0;
  for (const item of deals) {
    totalCents += item.valueCents;
    weighted += (item.valueCents * item.probability) / 100;
  }
  return { count: deals.length, totalCents, weightedCents: Math.round(weighted) };
}

export const dealMoveInput = z.strictObject({
  id: recordId,
  stageId: recordId,
  /** Put it just above this deal of the target stage; missing = at the bottom of the column. */
  beforeId: recordId.nullable().optional(),
});

export const dealCloseInput = z.strictObject({
  id: recordId,
  outcome: z.enum(DEAL_OUTCOMES),
  /** Required when lost: a key of the lost-reason list. */
  lostReason: optionalText(40),
  /** Defaults to today. */
  closedOn: calendarDate().optional(),
  /** Won only: record the deal's value as a paid order of the customer on the close date. */
  createOrder: z.boolean().default(false),
});

/** One change to many deals, all or none: a refused deal (closed, in the trash) changes nothing. */
export const dealBulkInput = z.strictObject({
  ids: z.array(recordId).min(1).max(5_000),
  action: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('move'), stageId: recordId }),
    z.strictObject({ type: z.literal('delete') }),
    z.strictObject({ type: z.literal('restore') }),
  ]),
});

export const dealDetail = z.object({ deal, history: z.array(stageChange) });
export type DealDetail = z.infer<typeof dealDetail>;

export const MODEL_REFUSALS = ['too_few_closed', 'one_outcome'] as const;

/** Whether P(win) is learned, and from what; without a model the board shows stage defaults. */
export const winModelStatus = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    closed: z.number().int(),
    won: z.number().int(),
    lost: z.number().int(),
    /** ROC-AUC of leave-out-by-time validation (the last fifth of closed deals), null if too few. */
    auc: z.number().nullable(),
    trainedAt: isoInstant,
  }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(MODEL_REFUSALS),
    closed: z.number().int(),
    won: z.number().int(),
    lost: z.number().int(),
    needed: z.number().int(),
    neededPerOutcome: z.number().int(),
  }),
]);
export type WinModelStatus = z.infer<typeof winModelStatus>;

const rate = z.object({ closed: z.number().int(), won: z.number().int(), rate: z.number().nullable() });

export const dealForecast = z.object({
  currency: z.string(),
  /** Open deals in another currency, left out of the sums (never added across currencies). */
  otherCurrencyDeals: z.number().int(),
  /** The next FORECAST_MONTHS months from this one: weighted value of deals expected to close then. */
  ahead: z.array(
    z.object({
      month: z.string(),
      count: z.number().int(),
      totalCents: z.number().int(),
      weightedCents: z.number().int(),
    }),
  ),
  /** Open deals expected after the last month above. */
  later: z.object({ count: z.number().int(), weightedCents: z.number().int() }),
  /** Open deals with no expected close date, and those whose date has passed: in no month above. */
  undated: z.object({ count: z.number().int(), weightedCents: z.number().int() }),
  overdue: z.object({ count: z.number().int(), weightedCents: z.number().int() }),
  /** The last FORECAST_MONTHS months up to this one: value of deals won then. */
  past: z.array(z.object({ month: z.string(), count: z.number().int(), wonCents: z.number().int() })),
  /** Of the closed deals that reached each stage, how many were won. */
  winRateByStage: z.array(rate.extend({ stageId: recordId })),
  winRateBySource: z.array(rate.extend({ source: z.string().nullable() })),
  /** Average days a deal spent in each stage (finished stays only). */
  daysPerStage: z.array(
    z.object({ stageId: recordId, stays: z.number().int(), averageDays: z.number().nullable() }),
  ),
  /** Average days from creation to close of won deals. */
  averageCycleDays: z.number().nullable(),
  staleDays: z.number().int(),
  stale: z.array(deal),
  model: winModelStatus,
});
export type DealForecast = z.infer<typeof dealForecast>;

const idInput = z.strictObject({ id: recordId });

export const dealChannels = {
  'deals.list': { input: dealListInput, output: z.object({ deals: z.array(deal), total: z.number().int() }) },
  'deals.get': { input: idInput, output: dealDetail },
  'deals.create': { input: dealFields, output: deal },
  'deals.update': { input: z.strictObject({ id: recordId, patch: dealPatch }), output: deal },
  'deals.move': { input: dealMoveInput, output: deal },
  'deals.close': {
    input: dealCloseInput,
    output: z.object({ deal, orderId: recordId.nullable() }),
  },
  /** Back to the stage it was closed from (a mis-click on Won or Lost); the created order stays. */
  'deals.reopen': { input: idInput, output: deal },
  'deals.delete': { input: idInput, output: deal },
  'deals.bulk': { input: dealBulkInput, output: z.object({ changed: z.number().int() }) },
  'deals.restore': { input: idInput, output: deal },
  'deals.forecast': {
    input: z.strictObject({ staleDays: z.number().int().min(1).max(3650).optional() }).default({}),
    output: dealForecast,
  },
  'deals.model': { input: noInput, output: winModelStatus },
  'dealStages.list': { input: noInput, output: z.array(dealStage) },
  'dealStages.create': { input: dealStageFields, output: dealStage },
  'dealStages.update': {
    input: z.strictObject({ id: recordId, patch: dealStageFields.partial() }),
    output: dealStage,
  },
  /** The open stages in their new order (every open stage exactly once). */
  'dealStages.reorder': {
    input: z.strictObject({ ids: z.array(recordId).min(1).max(50) }),
    output: z.array(dealStage),
  },
  /** Refused (CONFLICT, with the count) while the stage holds deals and `moveTo` is missing. */
  'dealStages.remove': {
    input: z.strictObject({ id: recordId, moveTo: recordId.optional() }),
    output: z.object({ moved: z.number().int(), stages: z.array(dealStage) }),
  },
} as const;
