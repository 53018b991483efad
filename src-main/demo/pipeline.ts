import type { DealStatus } from '../../src-shared/contract';
import { localDate } from '../core/localDate';
import type { Random } from './random';
import { DAY_MS } from './seasons';
import { CN_DEAL_TITLES, CN_NEXT_STEPS, EN_DEAL_TITLES, EN_NEXT_STEPS, PRODUCTS } from './vocabulary';

/**
 * The demo's sales pipeline: open deals spread over the board with expected closes in the coming
 * months, and enough deals closed in the last six months for the win model to learn from (it
 * needs 20 with 3 of each outcome). Whether a closed deal was won leans on what the model looks
 * at (the customer's past orders, a referral, a modest value), so the P(win) it learns makes sense.
 */

/** A customer the demo wrote, as much as a deal needs of them. */
export interface PipelineCustomer {
  id: number;
  createdAt: number;
  chinese: boolean;
  company: boolean;
  source: string | null;
  paidOrders: number;
}

/** A stage change; stages are places on the board (0 = first), closing goes to null. */
export interface PlannedChange {
  at: number;
  from: number | null;
  to: number | null;
  status: DealStatus;
}

export interface PlannedDeal {
  customerId: number;
  title: string;
  valueCents: number;
  /** The stage it is in, or was closed from. */
  stage: number;
  probability: number | null;
  expectedClose: string | null;
  source: string | null;
  nextStep: string | null;
  nextStepDate: string | null;
  status: DealStatus;
  lostReason: string | null;
  createdAt: number;
  closedAt: number | null;
  /** Oldest first: the creation, each move, the close. */
  changes: PlannedChange[];
}

export interface PipelineOptions {
  now: number;
  stageCount: number;
  lostReasons: readonly string[];
}

const CUSTOMERS_PER_DEAL = 6;
const CLOSED_SHARE = 0.55;
const WON_SHARE = 0.45;
/** Each outcome at least this often (the win model's minimum), when there are enough closed deals. */
const MIN_PER_OUTCOME = 3;
const CLOSED_WITHIN_DAYS = 180;
/** A customer needs this much history for a deal closed in the past. */
const MIN_AGE_FOR_CLOSED_DAYS = 40;
const TYPICAL_VALUE_CENTS = 800_000;
const LOST_REASON_WEIGHTS: Record<string, number> = {
  price: 30,
  competitor: 20,
  timing: 20,
  no_budget: 15,
  no_response: 10,
  other: 5,
};

export function planPipeline(
  random: Random,
  customers: readonly PipelineCustomer[],
  options: PipelineOptions,
): PlannedDeal[] {
  const count = Math.floor(customers.length / CUSTOMERS_PER_DEAL);
  const picked = pick(random, customers, count);
  // Closed deals go to customers with history enough to have had one in the last months.
  const oldEnough = (customer: PipelineCustomer) =>
    options.now - customer.createdAt > MIN_AGE_FOR_CLOSED_DAYS * DAY_MS;
  const byAge = [...picked.filter(oldEnough), ...picked.filter((customer) => !oldEnough(customer))];
  const closedCount = Math.min(picked.filter(oldEnough).length, Math.round(count * CLOSED_SHARE));
  const values = byAge.map((customer) => dealValue(random, customer));
  const wins = winners(random, byAge.slice(0, closedCount), values);
  return byAge.map((customer, index) =>
    index < closedCount
      ? closedDeal(random, customer, values[index]!, wins.has(index), options)
      : openDeal(random, customer, values[index]!, options),
  );
}

/** `count` distinct customers, seeded (a partial Fisher-Yates shuffle). */
function pick(random: Random, customers: readonly PipelineCustomer[], count: number): PipelineCustomer[] {
  const pool = [...customers];
  for (let i = 0; i < count; i++) {
    const j = random.int(i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

function dealValue(random: Random, customer: PipelineCustomer): number {
  const value = TYPICAL_VALUE_CENTS * (customer.company ? 2 : 1) * random.logNormal(0.7);
  return Math.max(50_000, Math.round(value / 10_000) * 10_000);
}

/**
 * Which closed deals were won: ranked by a propensity (past orders, a referral, a modest value)
 * plus Gumbel noise, the top share won. Exact counts, so every demo of 120+ customers trains.
 */
function winners(
  random: Random,
  closed: readonly PipelineCustomer[],
  values: readonly number[],
): Set<number> {
  let won = Math.round(closed.length * WON_SHARE);
  if (closed.length >= 2 * MIN_PER_OUTCOME) {
    won = Math.min(closed.length - MIN_PER_OUTCOME, Math.max(MIN_PER_OUTCOME, won));
  }
  const ranked = closed
    .map((customer, index) => {
      const propensity =
        0.9 * Math.log1p(customer.paidOrders) +
        (customer.source === 'referral' ? 0.8 : 0) -
        0.5 * Math.log(values[index]! / TYPICAL_VALUE_CENTS);
      return { index, score: propensity - Math.log(-Math.log(1 - random.next())) };
    })
    .sort((a, b) => b.score - a.score);
  return new Set(ranked.slice(0, won).map((entry) => entry.index));
}

/** Instants strictly between `from` and `to`, oldest first. */
function between(random: Random, from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, () => from + 1 + Math.floor(random.next() * (to - from - 2))).sort(
    (a, b) => a - b,
  );
}

/** The creation in `start`, then one move per stage up to `stage`, at the given instants. */
function climb(createdAt: number, start: number, stage: number, moves: number[]): PlannedChange[] {
  const changes: PlannedChange[] = [{ at: createdAt, from: null, to: start, status: 'open' }];
  for (let to = start + 1; to <= stage; to++) {
    changes.push({ at: moves[to - start - 1]!, from: to - 1, to, status: 'open' });
  }
  return changes;
}

/** Who, what and from where, in the customer's language. */
function named(random: Random, customer: PipelineCustomer) {
  const product = random.pick(PRODUCTS);
  const title = random
    .pick(customer.chinese ? CN_DEAL_TITLES : EN_DEAL_TITLES)
    .replace('{p}', customer.chinese ? product[0] : product[1]);
  return { customerId: customer.id, title, source: random.chance(0.85) ? customer.source : null };
}

function closedDeal(
  random: Random,
  customer: PipelineCustomer,
  valueCents: number,
  won: boolean,
  options: PipelineOptions,
): PlannedDeal {
  const { now, stageCount } = options;
  const ageDays = Math.floor((now - customer.createdAt) / DAY_MS);
  const closedAt = now - random.int(1, Math.min(CLOSED_WITHIN_DAYS, ageDays - 20)) * DAY_MS;
  const createdAt = Math.max(customer.createdAt + DAY_MS, closedAt - random.int(10, 90) * DAY_MS);
  // Won deals got far along the board; lost ones fell out anywhere before its last stage.
  const stage = won
    ? random.int(Math.max(0, stageCount - 3), stageCount - 1)
    : random.int(0, Math.max(0, stageCount - 2));
  const start = stage > 0 && random.chance(0.2) ? 1 : 0;
  const changes = climb(createdAt, start, stage, between(random, createdAt, closedAt, stage - start));
  changes.push({ at: closedAt, from: stage, to: null, status: won ? 'won' : 'lost' });
  const reasons = options.lostReasons.map((key) => [key, LOST_REASON_WEIGHTS[key] ?? 5] as const);
  return {
    ...named(random, customer),
    valueCents,
    stage,
    probability: null,
    expectedClose: localDate(Math.max(createdAt, closedAt + random.int(-10, 20) * DAY_MS)),
    nextStep: null,
    nextStepDate: null,
    status: won ? 'won' : 'lost',
    lostReason: won ? null : random.weighted(reasons),
    createdAt,
    closedAt,
    changes,
  };
}

/** Earlier stages hold more deals: weights n, n-1, … 1 from the first stage. */
function openStage(random: Random, stageCount: number): number {
  return random.weighted(Array.from({ length: stageCount }, (_, i) => [i, stageCount - i] as const));
}

function openDeal(
  random: Random,
  customer: PipelineCustomer,
  valueCents: number,
  options: PipelineOptions,
): PlannedDeal {
  const { now } = options;
  const createdAt = Math.min(
    now - 60_000,
    Math.max(customer.createdAt + 3_600_000, now - random.int(2, 120) * DAY_MS),
  );
  const stage = openStage(random, options.stageCount);
  // Most deals moved in the last fortnight; about one in four has sat still long enough to be stale.
  const idleDays = random.chance(0.25) ? random.int(15, 60) : random.int(0, 12);
  const lastMove = Math.max(createdAt + 60_000, now - idleDays * DAY_MS - random.int(0, 8) * 3_600_000);
  const moves = stage > 0 ? [...between(random, createdAt, lastMove, stage - 1), lastMove] : [];
  const createdOn = localDate(createdAt);
  const overdue = createdAt < now - 3 * DAY_MS && random.chance(0.08);
  const expectedClose = overdue
    ? localDate(createdAt + DAY_MS)
    : random.chance(0.1)
      ? null
      : // Half close within six weeks, the rest over the following months.
        localDate(now + (random.chance(0.5) ? random.int(3, 45) : random.int(20, 170)) * DAY_MS);
  const nextStepDate = random.chance(0.6) ? localDate(now + random.int(-5, 14) * DAY_MS) : null;
  return {
    ...named(random, customer),
    valueCents,
    stage,
    probability: random.chance(0.1) ? random.int(1, 19) * 5 : null,
    expectedClose,
    nextStep: nextStepDate === null ? null : random.pick(customer.chinese ? CN_NEXT_STEPS : EN_NEXT_STEPS),
    // A next step is never before the deal existed.
    nextStepDate: nextStepDate !== null && nextStepDate < createdOn ? createdOn : nextStepDate,
    status: 'open',
    lostReason: null,
    createdAt,
    closedAt: null,
    changes: climb(createdAt, 0, stage, moves),
  };
}
